/**
 * Stage 4: give every match a weight. A match counts its entry's weight times its section's weight,
 * nothing when it is negated ("no LLM experience required"); repeated matches of one entry count
 * less and less (each `repeatDecay` times the one before, strongest first); an ambiguous entry
 * counts only when an unambiguous entry of the same role also counts.
 */
import type { CompiledLexicon } from "../lexicon/compile.js";
import type { EntryRole, SectionKind } from "../lexicon/schema.js";
import { NEGATION_AFTER, NEGATION_REACH_CHARS, NEGATION_STOP, NEGATION_WINDOW, SENTENCE_END_CHARS, WHITESPACE_RUNS } from "./patterns.js";
import type { FieldValue, Part } from "./field.js";
import type { NegationCues, RawMatch } from "./03-match.js";
import type { Section } from "./02-segment.js";

/** One match with its section and weight. */
export interface WeighedMatch {
  readonly part: Part;
  readonly start: number;
  readonly end: number;
  readonly section: SectionKind;
  readonly negated: boolean;
  /** Entry weight × section weight, before repetition decay; 0 when negated. */
  readonly weight: number;
}

export interface WeighedEntry {
  readonly entryIndex: number;
  readonly matches: WeighedMatch[];
  /** What the entry adds to its role's score. */
  contribution: number;
  /** Ambiguous entry without support from an unambiguous one of its role. */
  unsupported: boolean;
}

export type RoleScores = Record<EntryRole, number>;

/** What each char code means to the word count: 1 ends a sentence (SENTENCE_END_CHARS), 2 is a space; 0 is part of a word. */
const SENTENCE_END = 1;
const SPACE = 2;
const CHAR_ROLE = new Uint8Array(0x2600);
for (const c of SENTENCE_END_CHARS) CHAR_ROLE[c.charCodeAt(0)] = SENTENCE_END;
for (const c of " \t\r\u00a0") CHAR_ROLE[c.charCodeAt(0)] = SPACE;

/** The index of the last value in a sorted list that is ≤ `at`, or -1. */
function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** How far after a phrase NEGATION_AFTER reads ("LLM experience is not required"). */
const AFTER_REACH = 120;

/**
 * The last offset at which a phrase can start and still be negated by the cue that ends at `cueEnd`.
 * The reach closes at the end of the sentence, at the word after NEGATION_WINDOW words (counted in
 * words, so spacing does not move it) or NEGATION_REACH_CHARS characters, or at a word that closes the clause: "no travel, but LLM
 * experience" is not a negation. Computed once per cue, so each phrase only compares offsets.
 */
function negationReach(lower: string, cueEnd: number): number {
  let words = 0;
  let inWord = false;
  let at = cueEnd;
  const limit = Math.min(lower.length, cueEnd + NEGATION_REACH_CHARS);
  for (; at < limit; at++) {
    const c = lower.charCodeAt(at);
    const role = c < 0x2600 ? CHAR_ROLE[c] : 0;
    if (role === SENTENCE_END) break;
    const space = role === SPACE;
    if (!space && !inWord && ++words > NEGATION_WINDOW) break;
    inWord = !space;
  }
  NEGATION_STOP.lastIndex = 0;
  const stop = NEGATION_STOP.exec(lower.slice(cueEnd, at));
  return stop ? cueEnd + stop.index + stop[0].length - 1 : at;
}

/** Whether a negation cue governs the phrase at [start, end) in its sentence; `reach` is negationReach of each cue. */
function isNegated(lower: string, start: number, end: number, cues: NegationCues, reach: readonly number[]): boolean {
  const before = lastAtOrBefore(cues.ends, start);
  if (before >= 0 && start <= reach[before]!) return true;
  // Every "not", "isn't" or "aren't" is also a cue before: without one close after the phrase, nothing to read.
  const after = lastAtOrBefore(cues.starts, end + AFTER_REACH);
  if (after < 0 || cues.starts[after]! < end) return false;
  // Whitespace folded, so doubled spaces or tabs do not move the cue out of reach.
  return NEGATION_AFTER.test(lower.slice(end, end + AFTER_REACH).replace(WHITESPACE_RUNS, " "));
}

function sectionOf(sections: readonly Section[], offset: number, hint: { i: number }): SectionKind {
  while (hint.i < sections.length - 1 && sections[hint.i]!.end <= offset) hint.i++;
  return sections[hint.i]?.kind ?? "other";
}

/** What stage 4 reads: the matches of stage 3 (title first, then body in text order), the body's negation cues and sections. */
export interface WeighInput {
  readonly lexicon: CompiledLexicon;
  /** The body the body matches, cues and sections point into. */
  readonly body: FieldValue;
  readonly matches: readonly RawMatch[];
  readonly cues: NegationCues;
  readonly sections: readonly Section[];
}

/** Stage 4: the weighed entries (in entry order) and each role's score. */
export function weigh({ lexicon, body, matches, cues, sections }: WeighInput): { entries: WeighedEntry[]; scores: RoleScores } {
  const lower = body.norm.lower;
  // Indexed by entry: a lexicon has tens of entries, so a sparse array beats a Map here.
  const byEntry: Array<WeighedEntry | undefined> = [];
  const sectionWeights = lexicon.sectionWeights;
  const reach = cues.ends.map((cueEnd) => negationReach(lower, cueEnd));
  const hint = { i: 0 };
  for (const m of matches) {
    const entry = lexicon.entries[m.entryIndex]!;
    // A title names the job; it has no sentences to negate.
    const section = m.part === "title" ? "title" : sectionOf(sections, m.start, hint);
    const negated = section !== "title" && isNegated(lower, m.start, m.end, cues, reach);
    const weight = negated ? 0 : entry.weight * sectionWeights[section];
    let weighed = byEntry[m.entryIndex];
    if (!weighed) byEntry[m.entryIndex] = weighed = { entryIndex: m.entryIndex, matches: [], contribution: 0, unsupported: false };
    weighed.matches.push({ part: m.part, start: m.start, end: m.end, section, negated, weight });
  }

  const decay = lexicon.decision.repeatDecay;
  const supported: Partial<Record<EntryRole, boolean>> = {};
  const entries: WeighedEntry[] = [];
  for (const weighed of byEntry) {
    if (!weighed) continue;
    entries.push(weighed);
    if (weighed.matches.length === 1) weighed.contribution = weighed.matches[0]!.weight;
    else {
      // A typed array sorts numbers without a comparator call per step; read back strongest first.
      const weights = new Float64Array(weighed.matches.length);
      for (let i = 0; i < weights.length; i++) weights[i] = weighed.matches[i]!.weight;
      weights.sort();
      let factor = 1;
      for (let i = weights.length - 1; i >= 0; i--) {
        weighed.contribution += weights[i]! * factor;
        factor *= decay;
      }
    }
    const entry = lexicon.entries[weighed.entryIndex]!;
    if (!entry.ambiguous && weighed.contribution > 0) supported[entry.role] = true;
  }

  const scores: RoleScores = { ml: 0, ai: 0, shared: 0, neither: 0 };
  for (const weighed of entries) {
    const entry = lexicon.entries[weighed.entryIndex]!;
    if (entry.ambiguous && !supported[entry.role]) {
      weighed.unsupported = true;
      weighed.contribution = 0;
    }
    scores[entry.role] += weighed.contribution;
  }
  return { entries, scores };
}
