import * as z from "zod";
import { ABOUTS, BAND_ROLES, COMPARISONS, ENTRY_ROLES, FIELDS, LABELS, LEVEL_BASES, LEVELS, PAY_PERIODS, REASONS, SECTION_KINDS } from "./vocabulary.js";

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

export const classificationSchema = z.object({
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

export type Field = z.infer<typeof fieldSchema>;
export type SectionName = z.infer<typeof sectionKindSchema>;
export type Span = z.infer<typeof spanSchema>;
export type EvidenceMatch = z.infer<typeof evidenceMatchSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type SeniorityResult = z.infer<typeof seniorityResultSchema>;
export type StatedSalaryResult = z.infer<typeof statedSalarySchema>;
export type Classification = z.infer<typeof classificationSchema>;
