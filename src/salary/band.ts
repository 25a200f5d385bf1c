import * as z from "zod";
import { LexiconError } from "../errors.js";
import { toDataIssues } from "../lexicon/load.js";
import type { BandRole, Level } from "../vocabulary.js";

const rangeSchema = z
  .strictObject({ min: z.number().finite().positive(), max: z.number().finite().positive() })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max" });

const levelsSchema = z.strictObject({ junior: rangeSchema, mid: rangeSchema, senior: rangeSchema, staff: rangeSchema });

/** The salary table: one band per role and level, in one currency and period. */
export const bandTableSchema = z.strictObject({
  source: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
  period: z.literal("year"),
  bands: z.strictObject({ ml: levelsSchema, ai: levelsSchema }),
});

export type BandTable = z.infer<typeof bandTableSchema>;

export interface SalaryBand {
  readonly role: BandRole;
  readonly level: Level;
  readonly min: number;
  readonly max: number;
  readonly currency: string;
  readonly period: "year";
  /** Where the figures come from; an estimate from the table, not a salary the posting states. */
  readonly source: string;
}

export function loadBandTable(input: unknown): BandTable {
  const parsed = bandTableSchema.safeParse(input);
  if (!parsed.success) throw new LexiconError(toDataIssues(parsed.error), "band table", "BAND_TABLE_INVALID");
  return parsed.data;
}

export function bandFor(table: BandTable, role: BandRole, level: Level): SalaryBand {
  const { min, max } = table.bands[role][level];
  return { role, level, min, max, currency: table.currency, period: table.period, source: table.source };
}

/**
 * Where a stated yearly range falls against a band: below (its top is under the band's floor), above
 * (its floor is over the band's top), or within (they overlap). Null unless both are in the same
 * currency, since role-lens converts no currencies.
 */
export function compareToBand(stated: { annualMin: number; annualMax: number; currency: string }, band: SalaryBand): "below" | "within" | "above" | null {
  if (stated.currency !== band.currency) return null;
  if (stated.annualMax < band.min) return "below";
  if (stated.annualMin > band.max) return "above";
  return "within";
}
