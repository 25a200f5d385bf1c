import { createWriteStream } from "node:fs";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { classifyItems } from "../batch/classify-many.js";
import { csvHeader, formatLine, summarize, type RecordSummary } from "../batch/output.js";
import { LineWriter } from "./line-writer.js";
import type { BatchItem, FormattedRecord } from "../batch/pool.js";
import { DEFAULT_FIELDS, describeOrigin, estimateRecords, readInputs, type FieldMapping } from "../batch/readers.js";
import { createClassifier } from "../classifier.js";
import type { Classification } from "../result.js";
import { table } from "./format.js";
import type { CliIo, ExitCode } from "./io.js";
import { readJson, UsageError } from "./io.js";

/** Counts for the summary on stderr. */
class Tally {
  readonly labels = new Map<string, number>();
  readonly levels = new Map<string, number>();
  errors = 0;
  total = 0;

  add(record: RecordSummary): void {
    this.total++;
    if (record.failed) {
      this.errors++;
      return;
    }
    if (record.label) this.labels.set(record.label, (this.labels.get(record.label) ?? 0) + 1);
    if (record.level) this.levels.set(record.level, (this.levels.get(record.level) ?? 0) + 1);
  }

  summary(seconds: number): string {
    const list = (m: Map<string, number>) =>
      [...m]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") || "none";
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
  const output = new LineWriter(file ?? io.stdout);
  const rows: Array<{ id: string; result?: Classification; error?: string }> = [];
  if (format === "csv") await output.write(csvHeader());

  async function* items(): AsyncGenerator<BatchItem> {
    let index = 0;
    // With worker threads, JSON lines travel unparsed: parsing them is work the workers share.
    for await (const input of readInputs(positionals, fields, io.stdin, jobs === 1)) {
      if (io.interrupted()) return;
      const where = describeOrigin(input.origin);
      if (input.ok === "unparsed") yield { line: input.line, where };
      else if (input.ok) yield { posting: input.posting };
      else yield { failed: { id: input.id ?? where, index, error: { code: "RECORD_INVALID", message: `${where}: ${input.message}` } } };
      index++;
    }
  }

  const tally = new Tally();
  // The ETA needs a total: counted from the files (one quick read) when the bar is shown at all.
  const expected = io.progress ? await estimateRecords(positionals) : undefined;
  const progress = io.progress
    ? new SingleBar({
        format:
          expected === undefined
            ? "{value} postings | {rate}/s | {duration_formatted}"
            : "{bar} {percentage}% | {value}/{total} postings | {rate}/s | ETA {eta_formatted}",
        hideCursor: true,
        stream: io.progress,
        etaBuffer: 200,
      })
    : undefined;
  progress?.start(expected ?? 0, 0, { rate: 0 });
  const started = performance.now();
  const tick = () => {
    if (progress && tally.total % 100 === 0) progress.update(tally.total, { rate: Math.round(tally.total / ((performance.now() - started) / 1000)) });
  };
  try {
    if (format !== "table" && jobs > 1) {
      // Worker threads classify and serialize; this thread only writes their lines, in order.
      const { formatOnWorkers } = await import("../batch/pool.js");
      const formatted: AsyncGenerator<FormattedRecord> = formatOnWorkers(items(), jobs, lexicon === undefined ? {} : { lexicon }, format, fields);
      for await (const record of formatted) {
        tally.add(record);
        await output.write(record.line);
        tick();
      }
    } else {
      const records =
        jobs > 1
          ? (await import("../batch/pool.js")).classifyOnWorkers(items(), jobs, lexicon === undefined ? {} : { lexicon }, fields)
          : classifyItems(items(), classifier, fields);
      for await (const record of records) {
        tally.add(summarize(record));
        if (format === "table") rows.push("error" in record ? { id: record.id, error: record.error.message } : { id: record.id, result: record.result });
        else await output.write(formatLine(record, format));
        tick();
      }
    }
  } finally {
    // The records classified before a failure (an unreadable file, say) still reach the output.
    await output.flush();
  }
  if (progress && expected !== undefined && tally.total > expected) progress.setTotal(tally.total);
  progress?.update(tally.total);
  progress?.stop();
  if (format === "table") {
    await output.write(table(rows));
    await output.flush();
  }
  if (file) await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  io.stderr.write(tally.summary((performance.now() - started) / 1000));
  if (io.interrupted()) {
    io.stderr.write("role-lens: interrupted; the records written so far are complete\n");
    return 130;
  }
  return tally.errors > 0 ? 1 : 0;
}
