import { InputError } from "../errors.js";
import type { FitExample } from "./fit.js";

/** Gold labels as the labelled files spell them, and as results do: both are read. */
const LABELS: Readonly<Record<string, FitExample["label"]>> = { ml: "ml", ai: "ai", neither: "neither", "ml-engineer": "ml", "ai-engineer": "ai" };

/**
 * Reads labelled postings from JSONL text (one object per line: `label` ml | ai | neither, `title`,
 * `text` or `html`, optional `id`, `company`, `source`, `mixed` and `confidence`), for fitting. The group of a posting, which keeps a
 * company's postings in one cross-validation fold, is its `company`, else its `source`, else its id.
 * Throws `InputError` (RECORD_INVALID) naming the file and line of the first bad record: malformed
 * JSON, a missing or unknown label, or no text.
 */
export function parseLabelled(text: string, file: string): FitExample[] {
  const out: FitExample[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === "") continue;
    const where = `${file}:${i + 1}`;
    let record: Record<string, unknown>;
    try {
      const value: unknown = JSON.parse(line);
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
      record = value as Record<string, unknown>;
    } catch (error) {
      throw new InputError("RECORD_INVALID", where, `${where}: malformed record: ${(error as Error).message}`);
    }
    const label = record["label"];
    if (label === undefined || label === null) throw new InputError("RECORD_INVALID", where, `${where}: missing "label" (ml, ai or neither)`);
    const gold = typeof label === "string" ? LABELS[label] : undefined;
    if (gold === undefined) throw new InputError("RECORD_INVALID", where, `${where}: unknown label ${JSON.stringify(label)} (ml, ai or neither)`);
    const field = (name: string) => (typeof record[name] === "string" ? (record[name] as string) : undefined);
    const title = field("title");
    const body = field("html") ?? field("text");
    if ((title ?? "").trim() === "" && (body ?? "").trim() === "")
      throw new InputError("RECORD_INVALID", where, `${where}: empty posting (no title, text or html)`);
    const id = typeof record["id"] === "string" || typeof record["id"] === "number" ? String(record["id"]) : where;
    const posting = {
      id,
      ...(title === undefined ? {} : { title }),
      ...(field("html") !== undefined ? { html: field("html") } : body !== undefined ? { text: body } : {}),
    };
    out.push({
      posting,
      label: gold,
      group: field("company") ?? field("source") ?? id,
      source: field("source"),
      mixed: typeof record["mixed"] === "boolean" ? record["mixed"] : undefined,
      labelConfidence: field("confidence"),
    });
  }
  return out;
}
