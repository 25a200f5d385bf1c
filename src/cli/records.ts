/*
 * Input records: where a record came from, which of its fields hold the id, title and body (names
 * matched ignoring case, with the usual aliases), and the posting it holds or why it holds none.
 */
import { postingId } from "../batch/record.js";
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

/** Field names tried in order for each part of a record, matched ignoring case. */
export interface FieldMapping {
  readonly id: readonly string[];
  readonly title: readonly string[];
  /** Body fields tried in order; a field whose name holds `html` (`html`, `descriptionHtml`) is read as HTML. */
  readonly text: readonly string[];
}

/**
 * The names job boards' exports, ATS APIs and scrapers give these fields, tried in this order: a
 * plain-text body before an HTML one (Ashby and Lever give both). Greenhouse's `content`, Lever's and
 * Workable's `description` hold HTML under a plain name; the classifier reads a body that looks like
 * HTML as HTML anyway.
 */
export const DEFAULT_FIELDS: FieldMapping = {
  id: ["id", "job_id", "job id", "jobid", "posting_id", "posting id", "req_id", "requisition_id"],
  title: ["title", "job_title", "job title", "position", "position_title"],
  text: [
    "text",
    "description",
    "job_description",
    "job description",
    "jobdescription",
    "description_text",
    "descriptionPlain",
    "description_plain",
    "full_description",
    "body",
    "content",
    "html",
    "description_html",
    "descriptionHtml",
    "job_description_html",
  ],
};

/** Whether a body field is read as HTML: its name holds "html" (`html`, `description_html`, `descriptionHtml`). */
const isHtmlField = (name: string) => name.toLowerCase().includes("html");

/** A record that has been read: a posting, or why there is none (with its error code). */
export type ReadRecord =
  | {
      readonly kind: "posting";
      readonly origin: RecordOrigin;
      readonly posting: Exclude<Posting, string>;
      /** Set when the record is read on its title alone though it has other string fields: their names (the body may be one). */
      readonly titleOnly?: readonly string[];
    }
  | {
      readonly kind: "failed";
      readonly origin: RecordOrigin;
      readonly id: string | undefined;
      readonly code: "RECORD_INVALID" | "INPUT_TOO_LARGE";
      readonly message: string;
      /** Set when the record has neither a title nor a body field: the names of the fields it has. */
      readonly fieldsFound?: readonly string[];
    };

export function failed(
  origin: RecordOrigin,
  id: string | undefined,
  message: string,
  code: "RECORD_INVALID" | "INPUT_TOO_LARGE" = "RECORD_INVALID",
): Extract<ReadRecord, { kind: "failed" }> {
  return { kind: "failed", origin, id, code, message };
}

/** At most this many field names are kept for a note; the count is exact. */
const NOTED_FIELDS = 8;

/**
 * Records of a run with something to say about their fields (read on their title alone although they
 * had other string fields; no title or body field at all): how many, and the first few of those
 * fields' names. Summed over units (and threads) and said once at the end of a run.
 */
export interface FieldNote {
  count: number;
  readonly fields: string[];
}

export function emptyFieldNote(): FieldNote {
  return { count: 0, fields: [] };
}

/** Adds `count` records with these fields to `note`. */
export function addToNote(note: FieldNote, fields: readonly string[], count = 1): void {
  note.count += count;
  for (const field of fields) if (note.fields.length < NOTED_FIELDS && !note.fields.includes(field)) note.fields.push(field);
}

/** The stderr line for a run with records read on their title alone, or "" when there were none. */
export function titleOnlyLine(note: FieldNote): string {
  if (note.count === 0) return "";
  return `role-lens: ${note.count} record(s) had no body text and were classified on their title alone (other fields found: ${note.fields.join(", ")}); --text-field NAME picks the body\n`;
}

/** The key of `record` that `names` picks: the first name present exactly, else ignoring case. */
function keyFor(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) if (typeof record[name] === "string" || typeof record[name] === "number") return name;
  const keys = Object.keys(record);
  for (const name of names) {
    const lower = name.toLowerCase();
    const key = keys.find((k) => k.toLowerCase() === lower && (typeof record[k] === "string" || typeof record[k] === "number"));
    if (key !== undefined) return key;
  }
  return undefined;
}

/** The id of a record (a JSON object, or a CSV row keyed by its header), read by the mapping's id names. */
export function recordId(record: Record<string, unknown>, fields: FieldMapping): string | undefined {
  const key = keyFor(record, fields.id);
  return key === undefined ? undefined : postingId(record, key);
}

/** The body's key: the first of `names`, in order, that picks a key with a string value (each name exactly, else ignoring case). */
function bodyKeyFor(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const key = keyFor(record, [name]);
    if (key !== undefined && typeof record[key] === "string") return key;
  }
  return undefined;
}

/** A JSON object or CSV row as a record. An empty posting (no text in title or body) is an error record. */
export function recordFromObject(value: unknown, fields: FieldMapping, origin: RecordOrigin): ReadRecord {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return failed(origin, undefined, "a record must be a JSON object");
  const record = value as Record<string, unknown>;
  const id = recordId(record, fields);
  const titleKey = keyFor(record, fields.title);
  const title = titleKey === undefined ? undefined : record[titleKey];
  const bodyKey = bodyKeyFor(record, fields.text);
  if (bodyKey === undefined && typeof title !== "string") {
    const keys = Object.keys(record);
    const message = `no ${[...fields.title, ...fields.text].join(", ")} field with text (fields found: ${keys.join(", ") || "none"})`;
    return { ...failed(origin, id, message), fieldsFound: keys };
  }
  const body = bodyKey === undefined ? undefined : (record[bodyKey] as string);
  if ((typeof title !== "string" || title.trim() === "") && (body === undefined || body.trim() === "")) {
    return failed(origin, id, "empty posting: no text in its title or body");
  }
  const posting: { id?: string; title?: string; text?: string; html?: string } = {};
  if (id !== undefined) posting.id = id;
  if (typeof title === "string") posting.title = title;
  if (body !== undefined && bodyKey !== undefined) {
    if (isHtmlField(bodyKey)) posting.html = body;
    else posting.text = body;
    return { kind: "posting", origin, posting };
  }
  const idKey = keyFor(record, fields.id);
  // The fields a user may have meant as the body: other text, and a body name holding something else ("text": 123).
  const bodyNames = new Set(fields.text.map((name) => name.toLowerCase()));
  const others = Object.keys(record).filter(
    (k) =>
      k !== idKey && k !== titleKey && (typeof record[k] === "string" || (bodyNames.has(k.toLowerCase()) && record[k] !== null && record[k] !== undefined)),
  );
  return others.length === 0 ? { kind: "posting", origin, posting } : { kind: "posting", origin, posting, titleOnly: others };
}

/** One JSONL line as a record: the posting it holds, or why it holds none. */
export function parseJsonLine(raw: string, fields: FieldMapping, origin: RecordOrigin): ReadRecord {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return failed(origin, undefined, `malformed JSON: ${(error as Error).message}`);
  }
  return recordFromObject(value, fields, origin);
}

/** The message of a record refused for its size, naming the flag that raises the limit. */
export function tooLarge(bytes: number, maxLength: number, what = "record"): string {
  return `${what} is ${bytes} bytes, over the limit of ${maxLength} (raise it with --max-length)`;
}
