import { stringify } from "csv-stringify/sync";
import type { BatchRecord } from "./classify-many.js";

/** The output formats a batch record can be written in, line by line. */
export type LineFormat = "jsonl" | "csv";

export const CSV_COLUMNS = [
  "id",
  "label",
  "confidence",
  "mixed",
  "level",
  "level_basis",
  "band_min",
  "band_max",
  "stated_min",
  "stated_max",
  "stated_currency",
  "stated_period",
  "top_evidence",
  "error",
];

/** The evidence that counted most, as `term (role)`. */
export function topTerms(result: Extract<BatchRecord, { result: unknown }>["result"], count = 3): string[] {
  return result.evidence
    .filter((e) => e.contribution > 0)
    .slice(0, count)
    .map((e) => `${e.matches.find((m) => !m.negated)?.text ?? e.id} (${e.role})`);
}

function csvCells(record: BatchRecord): unknown[] {
  if ("error" in record) return [record.id, "", "", "", "", "", "", "", "", "", "", "", "", `${record.error.code}: ${record.error.message}`];
  const r = record.result;
  const s = r.salary.stated;
  return [
    record.id,
    r.label,
    r.confidence,
    r.mixed,
    r.seniority.level,
    r.seniority.basis,
    r.salary.band?.min ?? "",
    r.salary.band?.max ?? "",
    s?.min ?? "",
    s?.max ?? "",
    s?.currency ?? "",
    s?.period ?? "",
    topTerms(r, 5).join("; "),
    "",
  ];
}

/** One record as one line of output (with its newline). */
export function formatLine(record: BatchRecord, format: LineFormat): string {
  return format === "jsonl" ? JSON.stringify(record) + "\n" : stringify([csvCells(record)]);
}

export function csvHeader(): string {
  return stringify([CSV_COLUMNS]);
}

/** What the summary needs of a record, small enough to send between threads. */
export interface RecordSummary {
  readonly index: number;
  readonly label?: string;
  readonly level?: string;
  readonly failed: boolean;
}

export function summarize(record: BatchRecord): RecordSummary {
  return "error" in record
    ? { index: record.index, failed: true }
    : { index: record.index, label: record.result.label, level: record.result.seniority.level, failed: false };
}
