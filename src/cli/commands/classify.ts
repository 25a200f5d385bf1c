import { availableParallelism } from "node:os";
import { SingleBar } from "cli-progress";
import { DEFAULT_MAX_INPUT_LENGTH } from "../../posting.js";
import { type Command, FIELD_OPTIONS, fieldMapping, LEXICON_OPTION, stringOption } from "../command.js";
import { addTally, csvHeader, DEFAULT_FIELDS_SPEC, emptyTally, FIELD_NAMES, parseFields, summaryLine, table, timingsLine } from "../format.js";
import { estimateRecords, type PlanNotes, planUnits, READ_EXTENSIONS } from "../inputs.js";
import { type ExitCode, openOutput, readJson, readsStdin, terminalHint, UsageError } from "../io.js";
import { LineWriter } from "../line-writer.js";
import { titleOnlyLine } from "../records.js";
import { processUnit, type Unit, type UnitOutput, type UnitSettings, unitContext } from "../units.js";

function wholeNumber(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number ≥ 1, not ${value}`);
  return n;
}

/** At most this many names of skipped files are listed on stderr; the summary counts them all. */
const LISTED = 5;

function planNotes(notes: PlanNotes): string {
  const lines: string[] = [];
  if (notes.skipped.length > 0) {
    const shown = notes.skipped.slice(0, LISTED).join(", ");
    const more = notes.skipped.length > LISTED ? `, and ${notes.skipped.length - LISTED} more` : "";
    lines.push(`role-lens: skipped ${notes.skipped.length} hidden or unsupported file(s) in directories: ${shown}${more}`);
  }
  for (const input of notes.unreadable) lines.push(`role-lens: cannot read ${input}; an error record stands in its place`);
  for (const input of notes.empty) lines.push(`role-lens: ${input} holds no postings`);
  return lines.map((l) => `${l}\n`).join("");
}

export const classifyCommand: Command = {
  name: "classify",
  args: "[inputs...] [options]",
  summary: "classify postings (JSONL, CSV, .txt/.md/.html files, directories, or - for stdin)",
  description: `Reads .jsonl/.ndjson (one posting per line), .csv (a header row), .txt/.md/.html files (one posting
each), directories of those (recursively; hidden files and other types are skipped and counted), and
- or nothing for JSONL on stdin. Writes one record per input posting, in order, with errors inline;
a summary goes to stderr. An empty input writes nothing, says so on stderr, and exits 0.`,
  options: {
    format: { type: "string", value: "jsonl|csv|table", default: "jsonl", help: "output format" },
    fields: {
      type: "string",
      value: "LIST",
      default: DEFAULT_FIELDS_SPEC,
      help: `what a JSONL record carries besides its id: all (the full result), or any of ${FIELD_NAMES.join(", ")}, evidence=topN`,
    },
    out: { type: "string", value: "FILE", help: "write results to FILE instead of stdout" },
    jobs: { type: "string", value: "N", help: "worker threads (default: the available cores); the same output for any N" },
    "max-length": {
      type: "string",
      value: "N",
      default: String(DEFAULT_MAX_INPUT_LENGTH),
      help: "largest record read, in bytes; a larger one is an error record",
    },
    ...FIELD_OPTIONS,
    timings: { type: "boolean", help: "end the summary with where the time went: reading, classifying, serializing, waiting, writing" },
    lexicon: LEXICON_OPTION,
  },
  async run(values, positionals, io): Promise<ExitCode> {
    const format = stringOption(values, "format");
    if (format !== "jsonl" && format !== "csv" && format !== "table") throw new UsageError(`--format must be jsonl, csv or table, not ${format}`);
    const fieldsSpec = stringOption(values, "fields") ?? DEFAULT_FIELDS_SPEC;
    if (format !== "jsonl" && fieldsSpec !== DEFAULT_FIELDS_SPEC)
      throw new UsageError("--fields applies to --format jsonl only; csv and table have fixed columns");
    const projection = parseFields(fieldsSpec);
    const jobs = wholeNumber(stringOption(values, "jobs"), "--jobs", availableParallelism());
    const maxLength = wholeNumber(stringOption(values, "max-length"), "--max-length", DEFAULT_MAX_INPUT_LENGTH);
    const fields = fieldMapping(values);
    const lexiconPath = stringOption(values, "lexicon");
    const settings: UnitSettings = {
      ...(lexiconPath === undefined ? {} : { lexicon: await readJson(lexiconPath) }),
      fields,
      format,
      projection,
      maxLength,
    };
    // Compiled here first: a bad lexicon is a usage error before any worker starts.
    const ctx = unitContext(settings);

    const out = stringOption(values, "out");
    // Opened before any posting is read: an unwritable --out fails at once, naming the path.
    const file = out === undefined ? undefined : await openOutput(out);
    const output = new LineWriter(file ?? io.stdout);
    const rows: string[][] = [];
    if (format === "csv") await output.write(csvHeader());

    if (readsStdin(positionals)) terminalHint(io, "JSONL postings (one JSON object per line)", "classify");
    const notes: PlanNotes = { skipped: [], empty: [], unreadable: [] };
    const units = planUnits(positionals, { fields, maxLength, stdin: io.stdin, notes, signal: io.interrupt });
    const stopped = () => io.interrupt.aborted;
    async function* local(): AsyncGenerator<UnitOutput> {
      for await (const unit of units) {
        if (stopped()) return;
        yield processUnit(ctx, unit);
      }
    }
    const outputs: AsyncGenerator<UnitOutput> =
      jobs === 1
        ? local()
        : (await import("../../batch/pool.js")).mapOnWorkers<Unit, UnitOutput>(units, {
            concurrency: jobs,
            task: "cli",
            settings,
            local: (unit) => processUnit(ctx, unit),
            stop: stopped,
          });

    const tally = emptyTally();
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
    const timings = { read: 0, classify: 0, serialize: 0, wait: 0, write: 0 };
    try {
      let t = performance.now();
      for await (const unit of outputs) {
        const arrived = performance.now();
        timings.wait += arrived - t;
        for (const key of ["read", "classify", "serialize"] as const) timings[key] += unit.timings[key];
        addTally(tally, unit.tally);
        if (format === "table") rows.push(...unit.rows);
        else await output.write(unit.text);
        progress?.update(tally.total, { rate: Math.round(tally.total / ((performance.now() - started) / 1000)) });
        t = performance.now();
        timings.write += t - arrived;
      }
    } finally {
      // The records classified before a failure still reach the output.
      await output.flush();
    }
    if (progress && expected !== undefined && tally.total > expected) progress.setTotal(tally.total);
    progress?.update(tally.total);
    progress?.stop();
    if (format === "table") {
      await output.write(table(rows));
      await output.flush();
    }
    await file?.close();
    io.stderr.write(planNotes(notes));
    io.stderr.write(titleOnlyLine(tally.titleOnly));
    if (tally.total === 0 && !stopped()) io.stderr.write(`role-lens: no postings read (classify reads ${READ_EXTENSIONS.join(", ")} and JSONL on stdin)\n`);
    io.stderr.write(summaryLine(tally, (performance.now() - started) / 1000, notes.skipped.length));
    if (values["timings"] === true) io.stderr.write(timingsLine(timings, tally.total));
    if (stopped()) {
      io.stderr.write("role-lens: interrupted; the records written so far are complete\n");
      return 130;
    }
    return tally.errors > 0 ? 1 : 0;
  },
};
