import {
  BODY_SENIORITY,
  EXPERIENCE_AFTER,
  EXPERIENCE_BEFORE,
  NOT_EXPERIENCE_AFTER,
  NUMBER_WORDS,
  TITLE_SENIORITY,
  YEAR_WORD,
  YEARS_OF_EXPERIENCE,
} from "./regex.js";

export type Level = "junior" | "mid" | "senior" | "staff";

/**
 * How the level was decided, strongest first: a marker in the title ("Senior", "Staff", "II"), a
 * marker where the body names the hire ("we are seeking a Senior AI Developer"), the years of
 * experience the posting requires, or the default. The title wins over years, as in the codebook.
 */
export type LevelBasis = "title" | "body" | "years" | "default";

/** Lowercased text and the part of it to read. */
export interface TextRange {
  readonly lower: string;
  readonly from: number;
  readonly to: number;
}

export interface SeniorityFinding {
  readonly level: Level;
  readonly basis: LevelBasis;
  /** Where the deciding marker stands: in the title range or the body range, normalized offsets. */
  readonly at: { readonly in: "title" | "body"; readonly start: number; readonly end: number } | null;
  /** The largest lower bound of years of experience the posting asks for, when it states one. */
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

function requiredYears(body: TextRange): { years: number; start: number; end: number } | undefined {
  let best: { years: number; start: number; end: number } | undefined;
  const lower = body.lower;
  YEAR_WORD.lastIndex = body.from;
  for (let w = YEAR_WORD.exec(lower); w !== null && w.index < body.to; w = YEAR_WORD.exec(lower)) {
    const end = w.index + w[0].length;
    const windowStart = Math.max(body.from, w.index - 40);
    const m = YEARS_OF_EXPERIENCE.exec(lower.slice(windowStart, end));
    if (!m) continue;
    const start = windowStart + m.index;
    const years = NUMBER_WORDS[m[1]!] ?? Number(m[1]);
    if (years > 25) continue;
    const after = lower.slice(end, end + 80);
    if (NOT_EXPERIENCE_AFTER.test(after)) continue;
    // "5+ years" and "3-5 years" are requirements by their shape; a bare "4 years" needs context.
    const shaped = m[2] !== undefined || m[3] !== undefined;
    if (!shaped && !EXPERIENCE_AFTER.test(after) && !EXPERIENCE_BEFORE.test(lower.slice(Math.max(body.from, start - 40), start))) continue;
    if (!best || years > best.years) best = { years, start, end };
  }
  return best;
}

const MARKER_LEVEL: Readonly<Record<string, Level>> = {
  senior: "senior",
  sr: "senior",
  "sr.": "senior",
  lead: "senior",
  junior: "junior",
  jr: "junior",
  "jr.": "junior",
  "entry-level": "junior",
  intern: "junior",
  staff: "staff",
  principal: "staff",
  "mid-level": "mid",
};

function bodyMarker(body: TextRange): { level: Level; start: number; end: number } | undefined {
  const text = body.lower.slice(body.from, Math.min(body.to, body.from + 3000));
  BODY_SENIORITY.lastIndex = 0;
  const m = BODY_SENIORITY.exec(text);
  const level = m ? MARKER_LEVEL[m[1]!] : undefined;
  if (!m || !level) return undefined;
  const start = body.from + m.index + m[0].indexOf(m[1]!, m[0].length - m[0].trimStart().length);
  return { level, start, end: start + m[1]!.length };
}

function titleMarker(title: TextRange): { level: Level; start: number; end: number } | undefined {
  const text = title.lower.slice(title.from, title.to);
  for (const [level, pattern] of TITLE_SENIORITY) {
    const m = pattern.exec(text);
    if (m) return { level, start: title.from + m.index, end: title.from + m.index + m[0].length };
  }
  return undefined;
}

export function detectSeniority(title: TextRange | undefined, body: TextRange): SeniorityFinding {
  const years = requiredYears(body);
  const yearsRequired = years?.years ?? null;
  const marker = title ? titleMarker(title) : undefined;
  if (marker) return { level: marker.level, basis: "title", at: { in: "title", start: marker.start, end: marker.end }, yearsRequired };
  const named = bodyMarker(body);
  if (named) return { level: named.level, basis: "body", at: { in: "body", start: named.start, end: named.end }, yearsRequired };
  if (years) return { level: levelForYears(years.years), basis: "years", at: { in: "body", start: years.start, end: years.end }, yearsRequired };
  return { level: DEFAULT_LEVEL, basis: "default", at: null, yearsRequired };
}
