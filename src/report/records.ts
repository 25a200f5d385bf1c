import * as z from "zod";
import { InputError } from "../errors.js";
import { toDataIssues } from "../lexicon/load.js";
import { classificationObject, labelSchema } from "../result.js";
import type { ReportRecord } from "./aggregate.js";

const goldSchema = z.union([z.enum(["ml", "ai", "neither"]), labelSchema]).optional();
const base = { id: z.union([z.string(), z.number()]).transform(String), index: z.number().int().nonnegative(), gold: goldSchema };
const recordSchema = z.union([
  z.object({ ...base, result: classificationObject }),
  z.object({ ...base, error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Whether a parsed JSON line is a batch record (a `result` or an `error`) rather than a posting. */
export function isBatchRecord(value: unknown): boolean {
  return value !== null && typeof value === "object" && ("result" in value || "error" in value) && "index" in value;
}

/**
 * Validates one parsed JSON line of `role-lens classify --format jsonl` output (optionally with a
 * `gold` label) as a report record. Throws `InputError` RECORD_INVALID naming `where` and each problem's path.
 */
export function parseRecord(value: unknown, where: string): ReportRecord {
  const parsed = recordSchema.safeParse(value);
  if (parsed.success) return parsed.data as ReportRecord;
  const problems = toDataIssues(parsed.error)
    .slice(0, 3)
    .map((i) => `${i.path || "(record)"}: ${i.message}`)
    .join("; ");
  throw new InputError("RECORD_INVALID", "(record)", `${where}: not a classification record (${problems})`);
}
