import * as z from "zod";
import type { PayPeriod } from "./salary/patterns.js";
import type { Validator } from "./validator.js";
import {
  ABOUTS,
  BAND_ROLES,
  COMPARISONS,
  ENTRY_ROLES,
  type EntryRole,
  FIELDS,
  LABELS,
  type Label,
  LEVEL_BASES,
  LEVELS,
  type Level,
  type LevelBasis,
  PAY_PERIODS,
  REASONS,
  SECTION_KINDS,
} from "./vocabulary.js";

/** Which field of the input a span points into: the title or body of a posting object, or the whole string input. */
export const fieldSchema = z.enum(FIELDS);
export const sectionKindSchema = z.enum(SECTION_KINDS);
export const labelSchema = z.enum(LABELS);
export const levelSchema = z.enum(LEVELS);

/** A span of the original input: `input[field].slice(start, end) === text`. */
export const spanSchema = z.object({
  field: fieldSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const evidenceMatchSchema = spanSchema.extend({
  section: sectionKindSchema,
  negated: z.boolean(),
  /** Whose work the match describes: the role's own (duties, requirements, the title's role noun) or its context (company, product, a title's team qualifier). */
  about: z.enum(ABOUTS),
  /** Entry weight × section weight × attribution weight (0 when negated), before the repetition decay. */
  weight: z.number(),
});

export const evidenceSchema = z.object({
  id: z.string(),
  role: z.enum(ENTRY_ROLES),
  category: z.string(),
  source: z.string(),
  weight: z.number(),
  ambiguous: z.boolean(),
  /** An ambiguous entry that did not count because no unambiguous entry of its role fired. */
  unsupported: z.boolean(),
  /** What this entry added to its role's score. */
  contribution: z.number(),
  matches: z.array(evidenceMatchSchema),
});

export const salaryBandSchema = z.object({
  role: z.enum(BAND_ROLES),
  level: levelSchema,
  min: z.number(),
  max: z.number(),
  currency: z.string(),
  period: z.literal("year"),
  source: z.string(),
});

/** A salary the posting states; the span covers the figures as written in the input. */
export const statedSalarySchema = spanSchema.extend({
  min: z.number(),
  max: z.number(),
  /** ISO 4217, as the posting marks it; never converted. */
  currency: z.string(),
  period: z.enum(PAY_PERIODS),
  /** min and max per year: hours × 2080, days × 260, weeks × 52, months × 12. */
  annualMin: z.number(),
  annualMax: z.number(),
});

export const seniorityResultSchema = z.object({
  level: levelSchema,
  basis: z.enum(LEVEL_BASES),
  evidence: spanSchema.nullable(),
  yearsRequired: z.number().nullable(),
});

// The zod schema, for this package's own use; the public export below is typed as a Validator (src/validator.ts), without zod's types.
export const classificationObject = z.object({
  id: z.string().optional(),
  label: labelSchema,
  /** Probability that `label` is right, calibrated on labelled postings. */
  confidence: z.number().min(0).max(1),
  mixed: z.boolean(),
  reason: z.enum(REASONS),
  scores: z.object({ ml: z.number(), ai: z.number(), neither: z.number() }),
  evidence: z.array(evidenceSchema),
  /**
   * Whether the post lists several roles (a "Who is hiring" post, "Multiple roles"); it is then
   * labelled by its main subject: `neither` (reason `multi-role`) unless most of its roles are ML/AI roles.
   */
  multiRole: z.boolean(),
  /** The role titles a multi-role post names, as spans of the input; empty for a post about one role. */
  roles: z.array(spanSchema),
  seniority: seniorityResultSchema,
  salary: z.object({
    /** The seed table's estimate for the label and level; null for neither. */
    band: salaryBandSchema.nullable(),
    /** The salary the posting states (the first, when it states several), or null. */
    stated: statedSalarySchema.nullable(),
    /** Every salary the posting states, in order (one per location, say). */
    mentions: z.array(statedSalarySchema),
    /** Where the stated range falls against the band, when both exist and the pay is in USD. */
    comparison: z.enum(COMPARISONS).nullable(),
  }),
});

/**
 * Validates a {@link Classification} at runtime (zod): `classificationSchema.parse(value)` returns
 * the classification or throws a `ZodError` naming every problem. Its output type is exactly
 * `Classification` (tests/types.test.ts checks it).
 */
export const classificationSchema: Validator<Classification> = classificationObject;

/** Which field of the input a span points into: `title`, `text` or `html` of a posting object, or `input` for a string posting. */
export type Field = "input" | "title" | "text" | "html";
/** The kind of section a match stands in: `title`, or a section of the body (`about`, `role`, `requirements`, …; `other` when no heading says). */
export type SectionName = "title" | "intro" | "about" | "role" | "requirements" | "preferred" | "benefits" | "legal" | "other";

/**
 * A span of the original input: `input[field].slice(start, end) === text`. Offsets are UTF-16 code
 * units into the field as given (before any HTML is stripped or text normalized).
 */
export interface Span {
  /** The field of the input the span points into. */
  field: Field;
  /** Start offset, inclusive (integer ≥ 0). */
  start: number;
  /** End offset, exclusive (integer ≥ `start`). */
  end: number;
  /** The input's text between `start` and `end`, as written. */
  text: string;
}

/** One match of a lexicon entry's surface form in the posting, with how much it counted. */
export interface EvidenceMatch extends Span {
  /** The section the match stands in (`title` for a match in the title). */
  section: SectionName;
  /** Whether a negation governs the match ("no ML experience needed"); a negated match weighs 0. */
  negated: boolean;
  /** Whose work the match describes: the role's own (duties, requirements, the title's role noun) or its context (company, product, a title's team qualifier). */
  about: "role" | "context";
  /**
   * Entry weight × section weight × attribution weight (0 when negated), before the repetition
   * decay; ≥ 0, rounded to three decimals.
   */
  weight: number;
}

/** A lexicon entry that matched the posting, with its matches and what it added to its role's score. */
export interface Evidence {
  /** The entry's id in the lexicon, e.g. `ml.experiment-tracking`. */
  id: string;
  /** The role the entry is evidence for; `shared` entries are shown but never scored. */
  role: EntryRole;
  /** The entry's skill or task group, as the lexicon names it. */
  category: string;
  /** Where the entry comes from (the seed's list item, the codebook, or the tools postings name), as the lexicon says. */
  source: string;
  /** The entry's weight in the lexicon (0–10): what one match counts before section, attribution and repetition weighting. */
  weight: number;
  /** Whether the entry is ambiguous ("agent", "pipeline"): it counts only when an unambiguous entry of its role fired. */
  ambiguous: boolean;
  /** An ambiguous entry that did not count because no unambiguous entry of its role fired. */
  unsupported: boolean;
  /** What this entry added to its role's score (≥ 0, three decimals): its matches' weights with the repetition decay, 0 when unsupported. */
  contribution: number;
  /** Every match of the entry, in input order. */
  matches: EvidenceMatch[];
}

/** A salary the posting states; the span covers the figures as written in the input. */
export interface StatedSalaryResult extends Span {
  /** Lower end as stated (two decimals), in `currency` per `period`; equals `max` for a single figure. */
  min: number;
  /** Upper end as stated (two decimals), in `currency` per `period` (≥ `min`). */
  max: number;
  /** ISO 4217, as the posting marks it; never converted. */
  currency: string;
  /** The period the figures are paid per, as stated; `year` when none is stated (only a figure large enough for yearly pay is read then). */
  period: PayPeriod;
  /** `min` per year: hours × 2080, days × 260, weeks × 52, months × 12. */
  annualMin: number;
  /** `max` per year, annualized like `annualMin`. */
  annualMax: number;
}

/** The posting's seniority level and what decided it. */
export interface SeniorityResult {
  /** The level: junior, mid, senior or staff. */
  level: Level;
  /** What decided the level, strongest first: a title marker, a body marker, the years required, or the default (`mid`). */
  basis: LevelBasis;
  /** The marker or years phrase that decided the level, as a span of the input; null when `basis` is `default`. */
  evidence: Span | null;
  /** The years of experience the posting requires (the lower bound of a range), whatever decided the level; null when it states none. */
  yearsRequired: number | null;
}

/** The result of classifying one posting; validated at runtime by {@link classificationSchema}. */
export interface Classification {
  /** The posting's id, when it has one (a number is given as its decimal string); absent otherwise. */
  id?: string | undefined;
  /** The label: `ml-engineer`, `ai-engineer` or `neither`. */
  label: Label;
  /** Probability (0–1) that `label` is right, calibrated on labelled postings (the lexicon's `decision`). */
  confidence: number;
  /** Whether both ML and AI evidence are substantial (see `mixedRatio` and `mixedMinScore` of the lexicon's decision settings). */
  mixed: boolean;
  /** Why the label was chosen, in words a reader can check against the evidence. */
  reason: "thin-evidence" | "other-role" | "multi-role" | "ml-dominates" | "ai-dominates";
  /** The role scores the decision read. */
  scores: {
    /** Score of the ML Engineer entries. */
    ml: number;
    /** Score of the AI Engineer entries. */
    ai: number;
    /** Score of the `neither` entries (evidence of another kind of role). */
    neither: number;
  };
  /** The entries that matched, strongest contribution first (ties by id). */
  evidence: Evidence[];
  /**
   * Whether the post lists several roles (a "Who is hiring" post, "Multiple roles"); it is then
   * labelled by its main subject: `neither` (reason `multi-role`) unless most of its roles are ML/AI roles.
   */
  multiRole: boolean;
  /** The role titles a multi-role post names, as spans of the input; empty for a post about one role. */
  roles: Span[];
  /** The posting's seniority level and what decided it. */
  seniority: SeniorityResult;
  /** The seed's band for the label and level, and the pay the posting states. */
  salary: {
    /** The seed table's estimate for the label and level; null for neither. */
    band: {
      /** The role the band is for (the label's role). */
      role: "ml" | "ai";
      /** The seniority level the band is for (the posting's detected level). */
      level: Level;
      /** Lower end of the band, in `currency` per year. */
      min: number;
      /** Upper end of the band, in `currency` per year (≥ `min`). */
      max: number;
      /** ISO 4217 code of the table's currency (USD for the bundled table). */
      currency: string;
      /** Always `year`: bands are yearly. */
      period: "year";
      /** Where the figures come from; an estimate from the table, not a salary the posting states. */
      source: string;
    } | null;
    /** The salary the posting states (the first, when it states several), or null. */
    stated: StatedSalaryResult | null;
    /** Every salary the posting states, in order (one per location, say). */
    mentions: StatedSalaryResult[];
    /** Where the stated range falls against the band, when both exist and the pay is in the band's currency (USD). */
    comparison: "below" | "within" | "above" | null;
  };
}
