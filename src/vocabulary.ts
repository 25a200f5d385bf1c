/**
 * The words the library's results and lexicons are made of, each spelled once as a const tuple; the
 * types, the zod enums (result.ts, lexicon/schema.ts) and every table keyed by them derive from here.
 */

/** The label of a posting. */
export const LABELS = ["ml-engineer", "ai-engineer", "neither"] as const;
/** The label of a posting: `ml-engineer`, `ai-engineer` or `neither`. @useDeclaredType */
export type Label = (typeof LABELS)[number];

/** Why a label was chosen, in words a reader can check against the evidence. */
export const REASONS = ["thin-evidence", "other-role", "multi-role", "ml-dominates", "ai-dominates"] as const;
export type Reason = (typeof REASONS)[number];

/** The role a lexicon entry is evidence for. `shared` is the seed's overlap list: shown, never scored. */
export const ENTRY_ROLES = ["ml", "ai", "shared", "neither"] as const;
/** The role a lexicon entry is evidence for; `shared` entries are shown, never scored. @useDeclaredType */
export type EntryRole = (typeof ENTRY_ROLES)[number];

/** The two roles the library tells apart: what a salary band is for. */
export const BAND_ROLES = ["ml", "ai"] as const satisfies readonly EntryRole[];
export type BandRole = (typeof BAND_ROLES)[number];

/** The role a label names, and the label of a role (a labelled posting may say "ml" or "ai"). */
export const ROLE_OF_LABEL: Readonly<Record<Label, BandRole | undefined>> = { "ml-engineer": "ml", "ai-engineer": "ai", neither: undefined };
export const LABEL_OF_ROLE: Readonly<Record<BandRole, Label>> = { ml: "ml-engineer", ai: "ai-engineer" };

/** Where a lexicon entry may match: the posting's title, its body, or both. */
export const ENTRY_SCOPES = ["any", "title", "body"] as const;
/** Where a lexicon entry may match: `any` (title or body), `title` or `body`. @useDeclaredType */
export type EntryScope = (typeof ENTRY_SCOPES)[number];

/** Seniority levels, junior to staff. */
export const LEVELS = ["junior", "mid", "senior", "staff"] as const;
/** A seniority level, junior to staff. @useDeclaredType */
export type Level = (typeof LEVELS)[number];

/**
 * How the level was decided, strongest first: a marker in the title ("Senior", "Staff", "II"), a
 * marker where the body names the hire ("we are seeking a Senior AI Developer"), the years of
 * experience the posting requires, or the default. The title wins over years, as in the codebook.
 */
export const LEVEL_BASES = ["title", "body", "years", "default"] as const;
/** How the level was decided: `title`, `body`, `years` or `default` (see LEVEL_BASES). @useDeclaredType */
export type LevelBasis = (typeof LEVEL_BASES)[number];

/** The kinds of section a match can stand in: the title, or a section of the body. */
/** Whose work a match describes: the role's own (duties, requirements, the title's role noun) or its context (company, product, a title's team qualifier). */
export const ABOUTS = ["role", "context"] as const;
export type About = (typeof ABOUTS)[number];

export const SECTION_KINDS = ["title", "intro", "about", "role", "requirements", "preferred", "benefits", "legal", "other"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Which field of the input a span points into: the title or body of a posting object, or the whole string input. */
export const FIELDS = ["input", "title", "text", "html"] as const;
export type Field = (typeof FIELDS)[number];

/** The periods a stated salary can be paid per. */
export const PAY_PERIODS = ["year", "month", "week", "day", "hour"] as const;

/** Where a stated yearly range falls against a band. */
export const COMPARISONS = ["below", "within", "above"] as const;
