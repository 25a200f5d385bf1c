/*
 * The main thread's side of reading: which files an input names (the file selection rule), and the
 * units of work they split into. For a JSONL file it only scans for line boundaries, so that each
 * unit knows its first line number and record index; the bytes are read and parsed where the unit
 * is processed (units.ts). Stdin streams. CSV is parsed here, since a quoted field may hold newlines.
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { parse as parseCsv } from "csv-parse";
import { looksLikeHtml } from "../pipeline/01-normalize.js";
import { fsReason } from "./io.js";
import { blankBytes, type Line, LineSplitter } from "./lines.js";
import { failed, type FieldMapping, type ReadRecord, recordFromObject, recordId, tooLarge } from "./records.js";
import { readUnit, type Unit } from "./units.js";

const JSON_LINES = new Set([".jsonl", ".ndjson"]);
const CSV = new Set([".csv"]);
const HTML = new Set([".html", ".htm"]);
const WHOLE_FILE = new Set([".txt", ".md", ...HTML]);
/** The extensions `classify` reads, in the order the help lists them. */
export const READ_EXTENSIONS = [...JSON_LINES, ...CSV, ...WHOLE_FILE];

/** A unit is cut once it holds this many records or bytes: big enough to amortize a message. */
const UNIT_RECORDS = 256;
const UNIT_BYTES = 1 << 20;
const SCAN_BLOCK = 4 << 20;

/** What the planner tells the user about on stderr: files skipped, inputs that held nothing. */
export interface PlanNotes {
  readonly skipped: string[];
  readonly empty: string[];
  readonly unreadable: string[];
}

export interface PlanOptions {
  readonly fields: FieldMapping;
  readonly maxLength: number;
  readonly stdin: NodeJS.ReadableStream;
  readonly notes: PlanNotes;
  /** Aborted when the user asks to stop (Ctrl-C): no unit is yielded after it, and a wait for stdin ends at once. */
  readonly signal?: AbortSignal;
}

const known = (file: string) => READ_EXTENSIONS.includes(extname(file).toLowerCase());

/**
 * The files an input names. A file named on the command line is read whatever its name, when its
 * extension is one `classify` reads, and is an error record otherwise. In a directory (recursively,
 * sorted by name), files with a known extension are read; hidden files and directories (a name
 * starting with ".") and files of other types are skipped and listed in `notes.skipped`.
 */
async function filesOf(input: string, notes: PlanNotes, named = true): Promise<string[]> {
  const info = await stat(input);
  if (!info.isDirectory()) {
    if (named || known(input)) return [input];
    notes.skipped.push(input);
    return [];
  }
  const names = (await readdir(input)).sort();
  const files: string[] = [];
  for (const name of names) {
    const full = join(input, name);
    if (name.startsWith(".")) notes.skipped.push(full);
    else files.push(...(await filesOf(full, notes, false)));
  }
  return files;
}

/** Every unit of the inputs, in order; `-` (or no input) is JSONL on stdin. Ends early once `options.signal` aborts. */
export async function* planUnits(inputs: readonly string[], options: PlanOptions): AsyncGenerator<Unit> {
  for await (const unit of allUnits(inputs, options)) {
    if (options.signal?.aborted) return;
    yield unit;
  }
}

async function* allUnits(inputs: readonly string[], options: PlanOptions): AsyncGenerator<Unit> {
  const counter = { next: 0 };
  for (const input of inputs.length === 0 ? ["-"] : inputs) {
    const before = counter.next;
    if (input === "-") yield* stdinUnits(options, counter);
    else {
      let files: string[];
      try {
        files = await filesOf(input, options.notes);
      } catch (error) {
        options.notes.unreadable.push(input);
        yield { kind: "records", records: [failed({ file: input }, undefined, `cannot read: ${fsReason(error)}`)], first: counter.next++ };
        continue;
      }
      for (const file of files) yield* fileUnits(file, options, counter);
    }
    if (counter.next === before) options.notes.empty.push(input === "-" ? "<stdin>" : input);
  }
}

async function* fileUnits(file: string, options: PlanOptions, counter: { next: number }): AsyncGenerator<Unit> {
  const ext = extname(file).toLowerCase();
  const one = (read: ReadRecord): Unit => ({ kind: "records", records: [read], first: counter.next++ });
  if (!known(file)) {
    yield one(failed({ file }, file, `not a file type classify reads (${READ_EXTENSIONS.join(", ")})`));
    return;
  }
  if (JSON_LINES.has(ext)) yield* rangeUnits(file, options, counter);
  else if (CSV.has(ext)) yield* csvUnits(file, options, counter);
  else {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch (error) {
      options.notes.unreadable.push(file);
      yield one(failed({ file }, file, `cannot read: ${fsReason(error)}`));
      return;
    }
    if (size > options.maxLength) yield one(failed({ file }, file, tooLarge(size, options.maxLength, "file"), "INPUT_TOO_LARGE"));
    else yield { kind: "file", file, html: HTML.has(ext), first: counter.next++ };
  }
}

/**
 * Byte ranges of a JSONL file, cut at line ends, each with its first line number and record index.
 * Only line ends are looked for here (and the first bytes of a line, to skip blank ones): the
 * records are read where each range is processed. An oversized line is its own error record.
 */
async function* rangeUnits(file: string, options: PlanOptions, counter: { next: number }): AsyncGenerator<Unit> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (error) {
    options.notes.unreadable.push(file);
    yield { kind: "records", records: [failed({ file }, file, `cannot read: ${fsReason(error)}`)], first: counter.next++ };
    return;
  }
  const { maxLength } = options;
  const buf = Buffer.allocUnsafe(SCAN_BLOCK);
  let unitStart = 0;
  let unitLine = 1;
  let unitFirst = counter.next;
  let records = 0;
  let lineNumber = 1;
  let lineStart = 0;
  // Whether the current line is blank so far (true), holds text (false), or needs decoding.
  let blank: boolean | "decode" = true;
  const cut = (end: number): Unit | undefined => {
    const unit: Unit | undefined = records > 0 ? { kind: "range", file, start: unitStart, end, firstLine: unitLine, first: unitFirst } : undefined;
    unitStart = end;
    unitLine = lineNumber + 1;
    unitFirst = counter.next;
    records = 0;
    return unit;
  };
  // A line of [lineStart, end): counted, cut out when oversized, skipped when blank.
  async function* endLine(end: number): AsyncGenerator<Unit> {
    const bytes = end - lineStart;
    if (bytes > maxLength) {
      const before = cut(lineStart);
      if (before) yield before;
      const origin = { file, line: lineNumber };
      yield { kind: "records", records: [failed(origin, undefined, tooLarge(bytes, maxLength), "INPUT_TOO_LARGE")], first: counter.next++ };
      cut(end + 1);
      return;
    }
    if (blank === "decode") {
      const line = Buffer.allocUnsafe(bytes);
      await handle.read(line, 0, bytes, lineStart);
      blank = line.toString("utf8").trim() === "";
    }
    if (!blank) {
      records++;
      counter.next++;
      if (records >= UNIT_RECORDS || end + 1 - unitStart >= UNIT_BYTES) {
        const unit = cut(end + 1);
        if (unit) yield unit;
      }
    }
  }
  try {
    let base = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, SCAN_BLOCK, base);
      if (bytesRead === 0) break;
      let from = 0;
      while (from < bytesRead) {
        const nl = buf.indexOf(10, from);
        const to = nl < 0 || nl >= bytesRead ? bytesRead : nl;
        if (blank === true) blank = blankBytes(buf, from, to);
        if (to === bytesRead) break;
        yield* endLine(base + nl);
        lineNumber++;
        lineStart = base + nl + 1;
        blank = true;
        from = nl + 1;
      }
      base += bytesRead;
    }
    if (base > lineStart) yield* endLine(base);
    const last = cut(base);
    if (last) yield last;
  } finally {
    await handle.close();
  }
}

/** Stdin, streamed: runs of lines as they arrive; an oversized line is its own error record. */
async function* stdinUnits(options: PlanOptions, counter: { next: number }): AsyncGenerator<Unit> {
  const splitter = new LineSplitter(options.maxLength);
  let run: Array<{ number: number; text: string }> = [];
  let runBytes = 0;
  let runFirst = counter.next;
  function* take(lines: Line[]): Generator<Unit> {
    for (const line of lines) {
      if ("oversized" in line) {
        if (run.length > 0) yield { kind: "lines", file: "<stdin>", lines: run, first: runFirst };
        run = [];
        runBytes = 0;
        const origin = { file: "<stdin>", line: line.number };
        yield { kind: "records", records: [failed(origin, undefined, tooLarge(line.oversized, options.maxLength), "INPUT_TOO_LARGE")], first: counter.next++ };
        runFirst = counter.next;
        continue;
      }
      run.push(line);
      runBytes += line.text.length;
      counter.next++;
      if (run.length >= UNIT_RECORDS || runBytes >= UNIT_BYTES) {
        yield { kind: "lines", file: "<stdin>", lines: run, first: runFirst };
        run = [];
        runBytes = 0;
        runFirst = counter.next;
      }
    }
  }
  for await (const chunk of chunksUntil(options.stdin, options.signal)) {
    yield* take(splitter.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
  }
  // Stopped: the lines read so far are not yielded (planUnits yields nothing more), and a partial line is dropped.
  if (options.signal?.aborted) return;
  yield* take(splitter.end());
  if (run.length > 0) yield { kind: "lines", file: "<stdin>", lines: run, first: runFirst };
}

/**
 * A stream's chunks until it ends or `signal` aborts. The abort ends a pending wait at once: a
 * terminal may never send another chunk, so a reader that only checked between chunks would not stop
 * on the first Ctrl-C.
 */
async function* chunksUntil(stream: NodeJS.ReadableStream, signal: AbortSignal | undefined): AsyncGenerator<Buffer | string> {
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let stop = () => {};
  const stopped = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    stop = () => resolve({ done: true, value: undefined });
  });
  if (signal?.aborted) stop();
  else signal?.addEventListener("abort", stop, { once: true });
  let ended = false;
  try {
    for (;;) {
      const pending = iterator.next();
      // Once stopped, the pending read may fail as the stream closes; nothing waits for it then.
      pending.catch(() => {});
      const next = await Promise.race([pending, stopped]);
      if (next.done) {
        ended = !signal?.aborted;
        return;
      }
      yield next.value;
    }
  } finally {
    signal?.removeEventListener("abort", stop);
    // Left mid-read: a terminal's stream never reports itself finished (so the iterator's return is
    // not awaited), and only destroying it lets the process exit.
    if (!ended) {
      iterator.return?.()?.catch(() => {});
      (stream as { destroy?: () => void }).destroy?.();
    }
  }
}

/**
 * CSV with a header row (RFC 4180: quoted fields, embedded newlines and quotes), via csv-parse.
 * Header names are matched ignoring case. A row with a missing or extra column is an error record
 * at its row number; a record over the size limit ends the file's reading with an error record.
 */
async function* csvUnits(file: string, options: PlanOptions, counter: { next: number }): AsyncGenerator<Unit> {
  const { fields, maxLength } = options;
  const parser = createReadStream(file, "utf8").pipe(parseCsv({ relax_column_count: true, skip_empty_lines: true, bom: true, max_record_size: maxLength }));
  let header: string[] | undefined;
  let row = 0;
  let records: ReadRecord[] = [];
  let first = counter.next;
  const flush = (): Unit => {
    const unit: Unit = { kind: "records", records, first };
    records = [];
    first = counter.next;
    return unit;
  };
  const add = (read: ReadRecord) => {
    records.push(read);
    counter.next++;
  };
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells;
        continue;
      }
      row++;
      const origin = { file, row };
      if (cells.length !== header.length) {
        const partial = Object.fromEntries(cells.slice(0, header.length).map((cell, i) => [header?.[i], cell]));
        add(failed(origin, recordId(partial, fields), `has ${cells.length} of ${header.length} columns (${header.join(", ")})`));
      } else add(recordFromObject(Object.fromEntries(header.map((name, i) => [name, cells[i]])), fields, origin));
      if (records.length >= UNIT_RECORDS) yield flush();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "EACCES" || code === "EISDIR") options.notes.unreadable.push(file);
    const message =
      code === "CSV_MAX_RECORD_SIZE"
        ? `row ${row + 1} is over the limit of ${maxLength} characters (raise it with --max-length); the rest of the file is not read`
        : code?.startsWith("CSV_")
          ? `unreadable CSV: ${(error as Error).message}`
          : `cannot read: ${fsReason(error)}`;
    add(
      failed(
        { file, row: row + 1 },
        code?.startsWith("CSV_") ? undefined : file,
        message,
        code === "CSV_MAX_RECORD_SIZE" ? "INPUT_TOO_LARGE" : "RECORD_INVALID",
      ),
    );
  }
  if (records.length > 0) yield flush();
}

/**
 * About how many records the inputs hold, for a progress bar's ETA: lines of JSONL, lines of CSV
 * less the header (a quoted newline makes it an overestimate), one per other file. Undefined when
 * an input is stdin. One fast read of each file; nothing is parsed.
 */
export async function estimateRecords(inputs: readonly string[]): Promise<number | undefined> {
  if (inputs.length === 0 || inputs.includes("-")) return undefined;
  const notes: PlanNotes = { skipped: [], empty: [], unreadable: [] };
  let total = 0;
  for (const input of inputs) {
    const files = await filesOf(input, notes).catch(() => [input]);
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (!JSON_LINES.has(ext) && !CSV.has(ext)) {
        total += 1;
        continue;
      }
      let lines = 0;
      let last = 10;
      try {
        for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
          for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
          last = chunk[chunk.length - 1] ?? last;
        }
      } catch {
        total += 1;
        continue;
      }
      if (last !== 10) lines++;
      total += CSV.has(ext) ? Math.max(0, lines - 1) : lines;
    }
  }
  return total;
}

/**
 * One posting read whole from stdin, for `explain -`: a JSON object (the whole input, or its first
 * line as in a .jsonl file) is a record whose fields are read as classify reads them; other input is
 * the posting's body, as HTML when it looks like HTML and as plain text otherwise.
 */
export async function stdinPosting(stdin: NodeJS.ReadableStream, fields: FieldMapping, maxLength: number, signal?: AbortSignal): Promise<ReadRecord> {
  const origin = { file: "<stdin>" };
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of chunksUntil(stdin, signal)) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    bytes += buf.length;
    if (bytes > maxLength) return failed(origin, undefined, tooLarge(bytes, maxLength, "input"), "INPUT_TOO_LARGE");
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return failed(origin, undefined, "empty posting: stdin holds no text");
  if (text.trimStart().startsWith("{")) {
    for (const json of [text, text.trimStart().split("\n", 1)[0]!]) {
      try {
        return recordFromObject(JSON.parse(json), fields, origin);
      } catch {
        // Not JSON as a whole: try its first line, then read it as text.
      }
    }
  }
  return { kind: "posting", origin, posting: looksLikeHtml(text) ? { id: origin.file, html: text } : { id: origin.file, text } };
}

/**
 * The first posting of a file (a .txt/.md/.html file, or the first record of a .jsonl or .csv), for
 * `explain`, and whether the file holds more records after it; undefined when it holds none.
 */
export async function firstPosting(
  file: string,
  fields: FieldMapping,
  maxLength: number,
  stdin: NodeJS.ReadableStream,
): Promise<{ read: ReadRecord; more: boolean } | undefined> {
  const notes: PlanNotes = { skipped: [], empty: [], unreadable: [] };
  let first: ReadRecord | undefined;
  for await (const unit of planUnits([file], { fields, maxLength, stdin, notes })) {
    for (const read of readUnit({ fields, maxLength }, unit)) {
      if (first !== undefined) return { read: first, more: true };
      first = read;
    }
  }
  return first === undefined ? undefined : { read: first, more: false };
}
