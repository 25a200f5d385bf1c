import type { FieldValue } from "./pipeline/field.js";
import { compiledNow, matchesAtStarts } from "./literal-pattern.js";
import { splitAt } from "./pipeline/title.js";
import type { LevelBasis } from "./vocabulary.js";
import {
  BODY_SENIORITY,
  DURATION_BEFORE,
  EXPERIENCE_AFTER,
  EXPERIENCE_BEFORE,
  GROUP_NOUN,
  HAS_YEARS_BEFORE,
  LEVEL_WORDS,
  NEXT_WORD,
  type Level,
  NOT_EXPERIENCE_AFTER,
  NUMBER_WORDS,
  REQUIREMENT_SUBJECTS,
  ROLE_NOUN,
  ROMAN_LEVELS,
  SENIORITY_MARKERS,
  TITLE_MARKER,
  TITLE_OF,
  TITLE_SEPARATOR,
  YEAR_WORD_AT,
  YEAR_WORD_FIRSTS,
  YEARS_OF_EXPERIENCE,
  NO_EXPERIENCE_REQUIRED,
} from "./seniority/patterns.js";

export type { Level } from "./seniority/patterns.js";

export type { LevelBasis };

/** The part of a field value seniority reads: its lowercased normalized text and the part [from, to) it covers (see pipeline/field.ts). */
type TextRange = Pick<FieldValue, "from" | "to"> & { readonly norm: Pick<FieldValue["norm"], "lower"> };

/** A section of the body, in the body's normalized offsets (see pipeline/02-segment.ts). */
export interface SectionSpan {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
}

export interface SeniorityFinding {
  readonly level: Level;
  readonly basis: LevelBasis;
  /** Where the deciding marker stands: in the title range or the body range, normalized offsets. */
  readonly at: { readonly in: "title" | "body"; readonly start: number; readonly end: number } | null;
  /** The years of experience the posting requires (see requiredYears for which figure), when it states one. */
  readonly yearsRequired: number | null;
}

/** The level assumed when a posting states neither a title marker nor years: the seed's middle band. */
export const DEFAULT_LEVEL: Level = "mid";

/** Years of experience to level, after the codebook: 0–1 junior, 2–4 mid, 5+ senior (staff needs a title). */
export function levelForYears(years: number): Level {
  if (years < 2) return "junior";
  if (years < 5) return "mid";
  return "senior";
}

/** How far before its unit word a years phrase can start ("at least 10 to 12 years"). */
const YEARS_LOOKBACK = 40;
/** Above this, "N years" is a company's age or a history, never a requirement. */
const MAX_REQUIRED_YEARS = 25;
/** How far after the unit word the words that make it experience (or not) may stand: one clause. */
const YEARS_CONTEXT = 80;
/** The body names the hire near its top; further down, "senior" is about the team. */
const BODY_MARKER_REACH = 3000;
/** How far before a years phrase the words that make it a requirement ("at least", "minimum of") may stand. */
const REQUIREMENT_LOOKBACK = 40;

/**
 * Which figure counts when the posting states several: the requirements section first, then the
 * sections about the role (or a body without headings), then the nice-to-haves, then the rest
 * (about the company, benefits, legal). Within the first tier that has one, the largest lower bound.
 */
const SECTION_TIER: Readonly<Record<string, number>> = { requirements: 0, preferred: 2, about: 3, benefits: 3, legal: 3 };
const DEFAULT_TIER = 1;

function tierAt(sections: readonly SectionSpan[] | undefined, at: number): number {
  if (!sections) return DEFAULT_TIER;
  const section = sections.find((s) => s.start <= at && at < s.end);
  return section ? (SECTION_TIER[section.kind] ?? DEFAULT_TIER) : DEFAULT_TIER;
}

/**
 * The years of experience the body requires: each "N years" phrase that is a requirement (shaped as
 * one, "5+ years", "3-5 years", or with experience words beside it) and not a span of time or a
 * company's age ("for over 20 years, Acme has …", "founded 12 years ago", "we have 15 years of …").
 */
function requiredYears(body: TextRange, sections: readonly SectionSpan[] | undefined): { years: number; start: number; end: number } | undefined {
  let best: { years: number; start: number; end: number; tier: number } | undefined;
  const lower = body.norm.lower;
  for (const [at, end] of matchesAtStarts(lower, YEAR_WORD_FIRSTS, YEAR_WORD_AT, body.from, body.to)) {
    const windowStart = Math.max(body.from, at - YEARS_LOOKBACK);
    const m = YEARS_OF_EXPERIENCE.exec(lower.slice(windowStart, end));
    if (!m?.groups) continue;
    const start = windowStart + m.index;
    const years = NUMBER_WORDS[m.groups.low!] ?? Number(m.groups.low);
    if (years > MAX_REQUIRED_YEARS) continue;
    const after = lower.slice(end, end + YEARS_CONTEXT);
    if (NOT_EXPERIENCE_AFTER.test(after)) continue;
    const before = lower.slice(Math.max(body.from, start - REQUIREMENT_LOOKBACK), start);
    const experience = EXPERIENCE_AFTER.test(after);
    if (!experience && DURATION_BEFORE.test(before)) continue;
    const subject = HAS_YEARS_BEFORE.exec(before)?.groups?.subject;
    // "…related fieldYou have 3+ years": scraped text glues a sentence's "You" to the word before.
    if (subject !== undefined && !REQUIREMENT_SUBJECTS.includes(subject) && !subject.endsWith("you")) continue;
    // "5+ years" and "3-5 years" are requirements by their shape; a bare "4 years" needs context.
    const shaped = m.groups.plus !== undefined || m.groups.high !== undefined;
    if (!shaped && !experience && !EXPERIENCE_BEFORE.test(before)) continue;
    const tier = tierAt(sections, start);
    if (!best || tier < best.tier || (tier === best.tier && years > best.years)) best = { years, start, end, tier };
  }
  return best && { years: best.years, start: best.start, end: best.end };
}

function bodyMarker(body: TextRange): { level: Level; start: number; end: number } | undefined {
  const text = body.norm.lower.slice(body.from, Math.min(body.to, body.from + BODY_MARKER_REACH));
  // The reach is short, so the pattern's first run would be interpreted from bytecode: compiled at once instead.
  const pattern = compiledNow(BODY_SENIORITY);
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  const marker = m?.groups?.marker;
  const level = marker === undefined ? undefined : SENIORITY_MARKERS[marker];
  if (!m || marker === undefined || !level) return undefined;
  const start = body.from + m.index + m[0].indexOf(marker, m[0].length - m[0].trimStart().length);
  return { level, start, end: start + marker.length };
}

const STRENGTH: readonly Level[] = ["mid", "junior", "senior", "staff"];

/** Does the word after a qualifier's marker make the marker part of a name ("Lead Scoring") rather than a level? */
function namesAThing(rest: string): boolean {
  const word = NEXT_WORD.exec(rest.slice(0, NEXT_WORD_REACH))?.groups?.word;
  if (word === undefined) return false;
  const bare = word.replace(/[.'-]+$/, "");
  return !(ROLE_NOUN.test(bare) || SENIORITY_MARKERS[bare] !== undefined || ROMAN_LEVELS[bare] !== undefined || LEVEL_WORDS.includes(bare));
}
/** Longer than any word: the next word is read from at most this many characters. */
const NEXT_WORD_REACH = 40;

/** Where a title part's first " of " stands and where its last group noun starts (-1 for none). */
function landmarks(part: string): { of: number; lastGroup: number } {
  let lastGroup = -1;
  GROUP_NOUN.lastIndex = 0;
  for (let g = GROUP_NOUN.exec(part); g !== null; g = GROUP_NOUN.exec(part)) lastGroup = g.index;
  return { of: TITLE_OF.exec(part)?.index ?? -1, lastGroup };
}

/**
 * The title's marker. The title splits into parts at commas, dashes, bars, brackets and colons; the
 * first part that names a role ("Machine Learning Intern") is the role's own, the others qualify it
 * ("Lead Generation Platform", "Remote"). A marker after " of " names a group ("Office of the Director
 * of AI"), and so does a marker in a qualifier with a group noun after it ("Senior Platform Group",
 * "Team Lead Support"): neither counts. The role's own markers win over the qualifiers'; among those
 * that count, the strongest (staff, senior, junior, mid) decides.
 */
function titleMarker(title: TextRange): { level: Level; start: number; end: number } | undefined {
  const text = title.norm.lower.slice(title.from, title.to);
  const parts = splitAt(text, TITLE_SEPARATOR);
  const role = parts.find((p) => ROLE_NOUN.test(text.slice(p.start, p.end))) ?? parts.find((p) => text.slice(p.start, p.end).trim() !== "");
  let best: { level: Level; start: number; end: number; own: boolean } | undefined;
  // Markers come in order, so the part that holds each is found by moving one cursor forward; each
  // part's first " of " and last group noun are found once, when the cursor reaches it.
  let p = -1;
  let part = { start: 0, end: 0, of: -1, lastGroup: -1 };
  TITLE_MARKER.lastIndex = 0;
  for (let m = TITLE_MARKER.exec(text); m !== null; m = TITLE_MARKER.exec(text)) {
    const written = m.groups?.marker ?? m.groups?.associate ?? "";
    const level = m.groups?.associate !== undefined ? "junior" : (SENIORITY_MARKERS[written] ?? ROMAN_LEVELS[written]?.level);
    if (p < 0 || m.index >= part.end) {
      while (p < parts.length - 1 && (p < 0 || parts[p]!.end <= m.index)) p++;
      part = { ...parts[p]!, ...landmarks(text.slice(parts[p]!.start, parts[p]!.end)) };
    }
    if (!level || m.index < part.start) continue;
    const offset = m.index - part.start;
    if (part.of >= 0 && part.of < offset) continue;
    const own = parts[p] === role;
    if (!own && (part.lastGroup > offset + written.length || namesAThing(text.slice(m.index + written.length, part.end)))) continue;
    const stronger = !best || (own && !best.own) || (own === best.own && STRENGTH.indexOf(level) > STRENGTH.indexOf(best.level));
    if (stronger) best = { level, start: title.from + m.index, end: title.from + m.index + written.length, own };
  }
  return best && { level: best.level, start: best.start, end: best.end };
}

/**
 * The posting's level: a title marker, else a marker where the body names the hire, else the years
 * required, else "no experience needed" (0 years: junior), else DEFAULT_LEVEL. `sections` (optional, in the body's offsets) decide which years figure
 * counts when several are stated; without them every figure is in one tier and the largest counts.
 */
export function detectSeniority(title: TextRange | undefined, body: TextRange, sections?: readonly SectionSpan[]): SeniorityFinding {
  const years = requiredYears(body, sections);
  const yearsRequired = years?.years ?? null;
  const marker = title ? titleMarker(title) : undefined;
  if (marker) return { level: marker.level, basis: "title", at: { in: "title", start: marker.start, end: marker.end }, yearsRequired };
  const named = bodyMarker(body);
  if (named) return { level: named.level, basis: "body", at: { in: "body", start: named.start, end: named.end }, yearsRequired };
  if (years) return { level: levelForYears(years.years), basis: "years", at: { in: "body", start: years.start, end: years.end }, yearsRequired };
  // Scanned in place from the body's start: no copy of the body for the many postings that reach this rule.
  NO_EXPERIENCE_REQUIRED.lastIndex = body.from;
  const none = NO_EXPERIENCE_REQUIRED.exec(body.norm.lower);
  if (none && none.index + none[0].length <= body.to) {
    return { level: levelForYears(0), basis: "years", at: { in: "body", start: none.index, end: none.index + none[0].length }, yearsRequired: 0 };
  }
  return { level: DEFAULT_LEVEL, basis: "default", at: null, yearsRequired };
}
