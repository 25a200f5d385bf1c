import * as z from "zod";
import { LexiconError } from "../errors.js";
import { toDataIssues } from "../lexicon/load.js";
import type { Validator } from "../validator.js";
import type { BandRole, Level } from "../vocabulary.js";

const rangeSchema = z
  .strictObject({ min: z.number().finite().positive(), max: z.number().finite().positive() })
  .refine((r) => r.min <= r.max, { message: "min must not exceed max" });

const levelsSchema = z.strictObject({ junior: rangeSchema, mid: rangeSchema, senior: rangeSchema, staff: rangeSchema });

// The zod schema, for this package's own use; the public export below is typed as a Validator (src/validator.ts), without zod's types.
export const bandTableObject = z.strictObject({
  source: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD"),
  period: z.literal("year"),
  bands: z.strictObject({ ml: levelsSchema, ai: levelsSchema }),
});

/**
 * Validates a salary table (zod, strict): one band per role and level, in one currency and period,
 * each band's `min` ≤ `max`. Its output type is exactly {@link BandTable} (tests/types.test.ts checks it).
 */
export const bandTableSchema: Validator<BandTable> = bandTableObject;

/** A band's yearly range, in the table's currency: `min` ≤ `max`, both > 0. */
export interface BandRange {
  /** Lower end of the band, per year. */
  min: number;
  /** Upper end of the band, per year. */
  max: number;
}

/** One role's bands, one per seniority level. */
export interface BandLevels {
  /** The junior band. */
  junior: BandRange;
  /** The mid-level band (also the default level's). */
  mid: BandRange;
  /** The senior band. */
  senior: BandRange;
  /** The staff band. */
  staff: BandRange;
}

/** A salary band table, as {@link loadBandTable} validates it: one band per role and level, in one currency and period. */
export interface BandTable {
  /** Where the figures come from (the seed's salary table, for the bundled one); copied to every band. */
  source: string;
  /** ISO 4217 code of every figure, e.g. `USD`. */
  currency: string;
  /** Always `year`: the figures are yearly pay. */
  period: "year";
  /** The bands by role, then level. */
  bands: {
    /** The ML Engineer bands. */
    ml: BandLevels;
    /** The AI Engineer bands. */
    ai: BandLevels;
  };
}

/** The band a posting's label and level fall in: a table row with its currency, period and source. */
export interface SalaryBand {
  /** The role the band is for: `ml` or `ai` (there is no band for `neither`). */
  readonly role: BandRole;
  /** The seniority level the band is for. */
  readonly level: Level;
  /** Lower end of the band, in `currency` per year. */
  readonly min: number;
  /** Upper end of the band, in `currency` per year (≥ `min`). */
  readonly max: number;
  /** ISO 4217 code of the figures. */
  readonly currency: string;
  /** Always `year`: bands are yearly. */
  readonly period: "year";
  /** Where the figures come from; an estimate from the table, not a salary the posting states. */
  readonly source: string;
}

/** Validates a salary band table (an object). Throws `LexiconError` BAND_TABLE_INVALID naming every problem. */
export function loadBandTable(input: unknown): BandTable {
  const parsed = bandTableObject.safeParse(input);
  if (!parsed.success) throw new LexiconError(toDataIssues(parsed.error), "band table", "BAND_TABLE_INVALID");
  return parsed.data;
}

/** The band of a role and level in a table. */
export function bandFor(table: BandTable, role: BandRole, level: Level): SalaryBand {
  const { min, max } = table.bands[role][level];
  return { role, level, min, max, currency: table.currency, period: table.period, source: table.source };
}

/**
 * Where a stated yearly range falls against a band: below (its top is under the band's floor), above
 * (its floor is over the band's top), or within (they overlap). Null unless both are in the same
 * currency, since role-lens converts no currencies.
 */
export function compareToBand(
  stated: { annualMin: number; annualMax: number; currency: string },
  band: Pick<SalaryBand, "min" | "max" | "currency">,
): "below" | "within" | "above" | null {
  if (stated.currency !== band.currency) return null;
  if (stated.annualMax < band.min) return "below";
  if (stated.annualMin > band.max) return "above";
  return "within";
}
