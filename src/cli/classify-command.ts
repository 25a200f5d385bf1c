import { createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { stringify } from "csv-stringify/sync";
import { classifyItems, type BatchRecord } from "../batch/classify-many.js";
import type { BatchItem } from "../batch/pool.js";
import { DEFAULT_FIELDS, describeOrigin, readInputs, type FieldMapping } from "../batch/readers.js";
import { createClassifier } from "../classifier.js";
import type { Classification } from "../result.js";
import { table, topTerms } from "./format.js";
import type { CliIo, ExitCode } from "./io.js";
import { readJson, UsageError } from "./io.js";

const CSV_COLUMNS = ["id", "label", "confidence", "mixed", "level", "level_basis", "band_min", "band_max", "stated_min", "stated_max", "stated_currency", "stated_period", "top_evidence", "error"];

function csvRow(record: BatchRecord): unknown[] {
  if ("error" in record) return [record.id, "", "", "", "", "", "", "", "", "", "", "", "", `${record.error.code}: ${record.error.message}`];
  const r = record.result;
  const s = r.salary.stated;
  return [record.id, r.label, r.confidence, r.mixed, r.seniority.level, r.seniority.basis, r.salary.band?.min ?? "", r.salary.band?.max ?? "", s?.min ?? "", s?.max ?? "", s?.currency ?? "", s?.period ?? "", topTerms(r, 5).join("; "), ""];
}

/** Counts for the summary on stderr. */
class Tally {
  readonly labels = new Map<string, number>();
  readonly levels = new Map<string, number>();
  errors = 0;
  total = 0;

  add(record: BatchRecord): void {
    this.total++;
    if ("error" in record) {
      this.errors++;
      return;
    }
    this.labels.set(record.result.label, (this.labels.get(record.result.label) ?? 0) + 1);
    this.levels.set(record.result.seniority.level, (this.levels.get(record.result.seniority.level) ?? 0) + 1);
  }

  summary(seconds: number): string {
    const list = (m: Map<string, number>) => [...m].sort().map(([k, v]) => `${k} ${v}`).join(", ") || "none";
    const rate = seconds > 0 ? Math.round(this.total / seconds) : this.total;
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return `role-lens: ${this.total} posting(s) in ${seconds.toFixed(1)} s (${rate}/s); labels: ${list(this.labels)}; levels: ${list(this.levels)}; errors: ${this.errors}; peak RSS ${peakMb} MB\n`;
  }
}

/** `role-lens classify`: reads every input, classifies in order (on worker threads with --jobs), writes one record per input. */
export async function commandClassify(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "jsonl" },
      out: { type: "string" },
      lexicon: { type: "string" },
      jobs: { type: "string" },
      "id-field": { type: "string" },
      "title-field": { type: "string" },
      "text-field": { type: "string" },
    },
  });
  const format = values.format;
  if (format !== "jsonl" && format !== "csv" && format !== "table") throw new UsageError(`--format must be jsonl, csv or table, not ${format}`);
  const jobs = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs must be a whole number ≥ 1, not ${values.jobs}`);
  const fields: FieldMapping = {
    id: values["id-field"] ?? DEFAULT_FIELDS.id,
    title: values["title-field"] ?? DEFAULT_FIELDS.title,
    text: values["text-field"] ? [values["text-field"]] : DEFAULT_FIELDS.text,
  };
  const lexicon = values.lexicon === undefined ? undefined : await readJson(values.lexicon);
  // Compiling here first reports a bad lexicon as a usage error before any worker starts.
  const classifier = createClassifier(lexicon === undefined ? {} : { lexicon });

  const file = values.out === undefined ? undefined : createWriteStream(values.out);
  const write = (s: string) => (file ? file.write(s) : io.stdout.write(s));
  const rows: Array<{ id: string; result?: Classification; error?: string }> = [];
  if (format === "csv") write(stringify([CSV_COLUMNS]));

  async function* items(): AsyncGenerator<BatchItem> {
    let index = 0;
    for await (const input of readInputs(positionals, fields, io.stdin)) {
      if (io.interrupted()) return;
      const where = describeOrigin(input.origin);
      yield input.ok
        ? { posting: input.posting }
        : { failed: { id: input.id ?? where, index, error: { code: "RECORD_INVALID", message: `${where}: ${input.message}` } } };
      index++;
    }
  }

  const tally = new Tally();
  const progress = io.progress ? new SingleBar({ format: "{bar} {value} postings | {rate}/s | {duration_formatted}", hideCursor: true, stream: io.progress }) : undefined;
  progress?.start(0, 0, { rate: 0 });
  const started = performance.now();
  const records = jobs > 1 ? (await import("../batch/pool.js")).classifyOnWorkers(items(), jobs, lexicon === undefined ? {} : { lexicon }) : classifyItems(items(), classifier);
  for await (const record of records) {
    tally.add(record);
    if (format === "jsonl") write(JSON.stringify(record) + "\n");
    else if (format === "csv") write(stringify([csvRow(record)]));
    else rows.push("error" in record ? { id: record.id, error: record.error.message } : { id: record.id, result: record.result });
    if (progress && tally.total % 100 === 0) progress.update(tally.total, { rate: Math.round(tally.total / ((performance.now() - started) / 1000)) });
  }
  progress?.update(tally.total);
  progress?.stop();
  if (format === "table") write(table(rows));
  if (file) await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  io.stderr.write(tally.summary((performance.now() - started) / 1000));
  if (io.interrupted()) {
    io.stderr.write("role-lens: interrupted; the records written so far are complete\n");
    return 130;
  }
  return tally.errors > 0 ? 1 : 0;
}
