/*
 * Units of CLI batch work, and the one function that turns a unit into output text. A unit is a
 * byte range of a JSONL file (read and parsed where it is processed), a run of stdin lines, a run of
 * records already read (CSV rows, failures) or one whole file. The same function runs on a worker
 * thread (--jobs > 1) and on the main thread (--jobs 1, or a worker that died), so the output is
 * byte-identical for any --jobs.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { createClassifier } from "../classifier.js";
import { type BatchRecord, type ClassifyFn, classifyRecord } from "../batch/record.js";
import { countRecord, csvLine, emptyTally, jsonLine, type OutputFormat, type Projection, type Tally, tableRow } from "./format.js";
import { fsReason } from "./io.js";
import { LineSplitter } from "./lines.js";
import { describeOrigin, failed, type FieldMapping, addToNote, parseJsonLine, type ReadRecord, tooLarge } from "./records.js";

/** A unit of work; `first` is the batch index of its first record. */
export type Unit =
  | { readonly kind: "range"; readonly file: string; readonly start: number; readonly end: number; readonly firstLine: number; readonly first: number }
  | { readonly kind: "lines"; readonly file: string; readonly lines: ReadonlyArray<{ number: number; text: string }>; readonly first: number }
  | { readonly kind: "records"; readonly records: readonly ReadRecord[]; readonly first: number }
  | { readonly kind: "file"; readonly file: string; readonly html: boolean; readonly first: number };

/** Milliseconds a unit spent reading and parsing its records, classifying them, and writing them as text. */
export interface UnitTimings {
  read: number;
  classify: number;
  serialize: number;
}

/** A unit's output: its records as text (JSONL or CSV) or table rows, their counts, and where its time went. */
export interface UnitOutput {
  readonly text: string;
  readonly rows: string[][];
  readonly tally: Tally;
  readonly timings: UnitTimings;
}

/** How units are read and written; the same on every thread. */
export interface UnitSettings {
  /** A lexicon document, or undefined for the bundled one. */
  readonly lexicon?: unknown;
  readonly fields: FieldMapping;
  readonly format: OutputFormat;
  readonly projection: Projection;
  /** The largest record read, in bytes (a JSONL line, a file, a CSV record). */
  readonly maxLength: number;
}

export interface UnitContext {
  readonly settings: UnitSettings;
  readonly classifier: ClassifyFn;
}

export function unitContext(settings: UnitSettings): UnitContext {
  const classifier = createClassifier({ ...(settings.lexicon === undefined ? {} : { lexicon: settings.lexicon }), maxInputLength: settings.maxLength });
  return { settings, classifier };
}

/** The batch record for a record read at `index`. */
export function recordOf(ctx: UnitContext, read: ReadRecord, index: number): BatchRecord {
  if (read.kind === "posting") return classifyRecord(ctx.classifier, read.posting, index);
  const where = describeOrigin(read.origin);
  return { id: read.id ?? where, index, error: { code: read.code, message: `${where}: ${read.message}` } };
}

/** Bytes [start, end) of a file. Throws when the file is shorter than that (it shrank while read). */
export function readRange(file: string, start: number, end: number): Buffer {
  const buf = Buffer.allocUnsafe(end - start);
  const fd = openSync(file, "r");
  try {
    for (let at = 0; at < buf.length; ) {
      const n = readSync(fd, buf, at, buf.length - at, start + at);
      if (n === 0) throw new Error(`${file} shrank while it was read`);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return buf;
}

/** The records a unit holds, read where the unit is processed. */
export function* readUnit(settings: Pick<UnitSettings, "fields" | "maxLength">, unit: Unit): Generator<ReadRecord> {
  const { fields, maxLength } = settings;
  switch (unit.kind) {
    case "records":
      yield* unit.records;
      return;
    case "lines":
      for (const line of unit.lines) yield parseJsonLine(line.text, fields, { file: unit.file, line: line.number });
      return;
    case "range": {
      const buf = readRange(unit.file, unit.start, unit.end);
      const splitter = new LineSplitter(maxLength, unit.firstLine);
      for (const line of splitter.end(splitter.push(buf))) {
        const origin = { file: unit.file, line: line.number };
        // The planner cut oversized lines out of every range; this is the same rule, kept total.
        if ("oversized" in line) yield failed(origin, undefined, tooLarge(line.oversized, maxLength), "INPUT_TOO_LARGE");
        else yield parseJsonLine(line.text, fields, origin);
      }
      return;
    }
    case "file": {
      const origin = { file: unit.file };
      let content: string;
      try {
        content = readFileSync(unit.file, "utf8");
      } catch (error) {
        yield failed(origin, unit.file, `cannot read: ${fsReason(error)}`);
        return;
      }
      if (content.trim() === "") yield failed(origin, unit.file, "empty posting: the file holds no text");
      else yield { kind: "posting", origin, posting: unit.html ? { id: unit.file, html: content } : { id: unit.file, text: content } };
    }
  }
}

/** Reads, classifies and writes one unit. */
export function processUnit(ctx: UnitContext, unit: Unit): UnitOutput {
  const { format, projection } = ctx.settings;
  const tally = emptyTally();
  const rows: string[][] = [];
  const timings: UnitTimings = { read: 0, classify: 0, serialize: 0 };
  let text = "";
  let index = unit.first;
  // A few clock reads per record (well under a microsecond) against hundreds of microseconds of work.
  let t = performance.now();
  for (const read of readUnit(ctx.settings, unit)) {
    const parsed = performance.now();
    timings.read += parsed - t;
    const record = recordOf(ctx, read, index++);
    if (read.kind === "posting" && read.titleOnly) addToNote(tally.titleOnly, read.titleOnly);
    const classified = performance.now();
    timings.classify += classified - parsed;
    countRecord(tally, record);
    if (format === "table") rows.push(tableRow(record));
    else text += format === "csv" ? csvLine(record) : jsonLine(record, projection);
    t = performance.now();
    timings.serialize += t - classified;
  }
  timings.read += performance.now() - t;
  return { text, rows, tally, timings };
}

/** The worker side (see batch/worker.ts): compile once, then process each unit sent. */
export function cliTask(settings: UnitSettings): (unit: Unit) => UnitOutput {
  const ctx = unitContext(settings);
  return (unit) => processUnit(ctx, unit);
}
