import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { createInterface } from "node:readline";
import { parse as parseCsv } from "csv-parse";
import type { Posting } from "../posting.js";

/** Where a record came from, for error records: the file and its line (JSONL), row (CSV) or none (whole file). */
export interface RecordOrigin {
  readonly file: string;
  readonly line?: number;
  readonly row?: number;
}

/** "file:line", "file row N", or "file". */
export function describeOrigin(origin: RecordOrigin): string {
  if (origin.line !== undefined) return `${origin.file}:${origin.line}`;
  if (origin.row !== undefined) return `${origin.file} row ${origin.row}`;
  return origin.file;
}

/** One input record: a posting, the reason it could not be read, or a JSON line left for a worker to parse. */
export type InputRecord =
  | { readonly ok: true; readonly origin: RecordOrigin; readonly posting: Exclude<Posting, string> }
  | { readonly ok: false; readonly origin: RecordOrigin; readonly id: string | undefined; readonly message: string }
  | { readonly ok: "unparsed"; readonly origin: RecordOrigin; readonly line: string };

export interface FieldMapping {
  readonly id: string;
  readonly title: string;
  /** Body fields tried in order; a field named `html` (or any value with markup) is read as HTML. */
  readonly text: readonly string[];
}

export const DEFAULT_FIELDS: FieldMapping = { id: "id", title: "title", text: ["text", "description", "html"] };

const JSON_LINES = new Set([".jsonl", ".ndjson"]);
const CSV = new Set([".csv"]);
const WHOLE_FILE = new Set([".txt", ".md", ".html", ".htm"]);

/** Files a directory holds that `classify` reads, sorted by name so runs are reproducible. */
async function expandInput(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path)).sort();
  const nested = await Promise.all(
    names.map(async (name) => {
      const full = join(path, name);
      const ext = extname(name).toLowerCase();
      if ((await stat(full)).isDirectory()) return expandInput(full);
      return JSON_LINES.has(ext) || CSV.has(ext) || WHOLE_FILE.has(ext) ? [full] : [];
    }),
  );
  return nested.flat();
}

/** A record that has been read: a posting, or why there is none. */
export type ReadRecord = Exclude<InputRecord, { ok: "unparsed" }>;

export function recordFromObject(value: unknown, fields: FieldMapping, origin: RecordOrigin): ReadRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, origin, id: undefined, message: "a record must be a JSON object" };
  }
  const record = value as Record<string, unknown>;
  const rawId = record[fields.id];
  const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : undefined;
  const title = record[fields.title];
  const bodyField = fields.text.find((f) => typeof record[f] === "string");
  if (bodyField === undefined && typeof title !== "string") {
    return { ok: false, origin, id, message: `no ${[fields.title, ...fields.text].join(", ")} field with text` };
  }
  const body = bodyField === undefined ? undefined : (record[bodyField] as string);
  const posting: { id?: string; title?: string; text?: string; html?: string } = {};
  if (id !== undefined) posting.id = id;
  if (typeof title === "string") posting.title = title;
  if (body !== undefined) {
    if (bodyField === "html") posting.html = body;
    else posting.text = body;
  }
  return { ok: true, origin, posting };
}

/** One JSONL line as a record: the posting it holds, or why it holds none. */
export function parseJsonLine(raw: string, fields: FieldMapping, origin: RecordOrigin): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, origin, id: undefined, message: `malformed JSON: ${(error as Error).message}` };
  }
  return recordFromObject(value, fields, origin);
}

async function* jsonLines(lines: AsyncIterable<string>, file: string, fields: FieldMapping, parse: boolean): AsyncGenerator<InputRecord> {
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (raw.trim() === "") continue;
    const origin = { file, line };
    yield parse ? parseJsonLine(raw, fields, origin) : { ok: "unparsed", origin, line: raw };
  }
}

/**
 * CSV with a header row (RFC 4180: quoted fields, embedded newlines and quotes), via csv-parse.
 * A row with a missing or extra column is an error record at its row number; the run goes on.
 */
async function* csvRows(stream: NodeJS.ReadableStream, file: string, fields: FieldMapping): AsyncGenerator<InputRecord> {
  const parser = stream.pipe(parseCsv({ relax_column_count: true, skip_empty_lines: true, bom: true }));
  let header: string[] | undefined;
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = cells;
        continue;
      }
      row++;
      const origin = { file, row };
      if (cells.length !== header.length) {
        yield { ok: false, origin, id: cells[header.indexOf(fields.id)], message: `row ${row} has ${cells.length} of ${header.length} columns` };
        continue;
      }
      yield recordFromObject(Object.fromEntries(header.map((name, i) => [name, cells[i]])), fields, origin);
    }
  } catch (error) {
    yield { ok: false, origin: { file, row: row + 1 }, id: undefined, message: `unreadable CSV: ${(error as Error).message}` };
  }
}

function linesOf(stream: NodeJS.ReadableStream): AsyncIterable<string> {
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/**
 * Reads every input (files, directories, or `-` for stdin) as a stream of records, in order. With
 * `parseJson: false`, JSONL lines come through unparsed, for worker threads to parse.
 */
export async function* readInputs(
  inputs: readonly string[],
  fields: FieldMapping,
  stdin: NodeJS.ReadableStream,
  parseJson = true,
): AsyncGenerator<InputRecord> {
  for (const input of inputs.length === 0 ? ["-"] : inputs) {
    if (input === "-") {
      yield* jsonLines(linesOf(stdin), "<stdin>", fields, parseJson);
      continue;
    }
    let files: string[];
    try {
      files = await expandInput(input);
    } catch (error) {
      yield { ok: false, origin: { file: input }, id: undefined, message: `cannot read: ${(error as Error).message}` };
      continue;
    }
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (JSON_LINES.has(ext)) {
        yield* jsonLines(linesOf(createReadStream(file, "utf8")), file, fields, parseJson);
        continue;
      }
      if (CSV.has(ext)) {
        yield* csvRows(createReadStream(file, "utf8"), file, fields);
        continue;
      }
      try {
        const content = await readFile(file, "utf8");
        const html = ext === ".html" || ext === ".htm";
        yield { ok: true, origin: { file }, posting: html ? { id: file, html: content } : { id: file, text: content } };
      } catch (error) {
        yield { ok: false, origin: { file }, id: file, message: `cannot read: ${(error as Error).message}` };
      }
    }
  }
}

/**
 * About how many records the inputs hold, for a progress bar's ETA: lines of JSONL, lines of CSV
 * less the header (a quoted newline makes it an overestimate), one per other file. Undefined when
 * an input is stdin. One fast read of each file; nothing is parsed.
 */
export async function estimateRecords(inputs: readonly string[]): Promise<number | undefined> {
  if (inputs.length === 0 || inputs.includes("-")) return undefined;
  let total = 0;
  for (const input of inputs) {
    let files: string[];
    try {
      files = await expandInput(input);
    } catch {
      total += 1;
      continue;
    }
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
