import type { CompiledLexicon } from "../lexicon/compile.js";
import type { EntryRole, SectionKind } from "../lexicon/schema.js";
import { NEGATION_AFTER, NEGATION_BEFORE, NEGATION_STOP, NEGATION_WINDOW, SENTENCE_END } from "../regex.js";
import type { RawMatch } from "./03-match.js";
import type { Section } from "./02-segment.js";

/**
 * Stage 4: give every match a weight. A match counts its entry's weight times its section's weight,
 * nothing when it is negated ("no LLM experience required"); repeated matches of one entry count
 * less and less (each `repeatDecay` times the one before, strongest first); an ambiguous entry
 * counts only when an unambiguous entry of the same role also counts.
 */
export interface WeighedMatch {
  readonly start: number;
  readonly end: number;
  readonly section: SectionKind;
  readonly negated: boolean;
  /** Entry weight × section weight, before repetition decay; 0 when negated. */
  readonly weight: number;
}

export interface WeighedEntry {
  readonly entry: number;
  readonly matches: WeighedMatch[];
  /** What the entry adds to its role's score. */
  contribution: number;
  /** Ambiguous entry without support from an unambiguous one of its role. */
  unsupported: boolean;
}

export type RoleScores = Record<EntryRole, number>;

/** Whether a negation cue governs the phrase at [start, end) in its sentence. */
export function isNegated(lower: string, start: number, end: number): boolean {
  let from = start;
  const limit = Math.max(0, start - NEGATION_WINDOW);
  while (from > limit && !SENTENCE_END.test(lower[from - 1]!)) from--;
  let before = lower.slice(from, start);
  // Only the clause closest to the phrase counts: "no travel, but LLM experience" is not a negation.
  NEGATION_STOP.lastIndex = 0;
  let cut = -1;
  for (let m = NEGATION_STOP.exec(before); m !== null; m = NEGATION_STOP.exec(before)) cut = m.index + m[0].length;
  if (cut >= 0) before = before.slice(cut);
  if (NEGATION_BEFORE.test(before)) return true;
  return NEGATION_AFTER.test(lower.slice(end, end + 60));
}

function sectionOf(sections: readonly Section[], offset: number, hint: { i: number }): SectionKind {
  while (hint.i < sections.length - 1 && sections[hint.i]!.end <= offset) hint.i++;
  return sections[hint.i]?.kind ?? "other";
}

/** `lower` is the lowercased body text the body matches point into. */
export function weigh(
  lexicon: CompiledLexicon,
  lower: string,
  titleMatches: readonly RawMatch[],
  bodyMatches: readonly RawMatch[],
  sections: readonly Section[],
): { entries: WeighedEntry[]; scores: RoleScores } {
  const byEntry = new Map<number, WeighedEntry>();
  const add = (m: RawMatch, section: SectionKind) => {
    const entry = lexicon.entries[m.entry]!;
    // A title names the job; it has no sentences to negate.
    const negated = section !== "title" && isNegated(lower, m.start, m.end);
    const weight = negated ? 0 : entry.weight * lexicon.sectionWeights[section];
    let weighed = byEntry.get(m.entry);
    if (!weighed) byEntry.set(m.entry, (weighed = { entry: m.entry, matches: [], contribution: 0, unsupported: false }));
    weighed.matches.push({ start: m.start, end: m.end, section, negated, weight });
  };
  for (const m of titleMatches) add(m, "title");
  const hint = { i: 0 };
  for (const m of bodyMatches) add(m, sectionOf(sections, m.start, hint));

  const decay = lexicon.decision.repeatDecay;
  const supported = new Set<EntryRole>();
  for (const weighed of byEntry.values()) {
    const weights = weighed.matches.map((m) => m.weight).sort((a, b) => b - a);
    let factor = 1;
    for (const w of weights) {
      weighed.contribution += w * factor;
      factor *= decay;
    }
    const entry = lexicon.entries[weighed.entry]!;
    if (!entry.ambiguous && weighed.contribution > 0) supported.add(entry.role);
  }

  const scores: RoleScores = { ml: 0, ai: 0, shared: 0, neither: 0 };
  const entries = [...byEntry.values()].sort((a, b) => a.entry - b.entry);
  for (const weighed of entries) {
    const entry = lexicon.entries[weighed.entry]!;
    if (entry.ambiguous && !supported.has(entry.role)) {
      weighed.unsupported = true;
      weighed.contribution = 0;
    }
    scores[entry.role] += weighed.contribution;
  }
  return { entries, scores };
}
