/**
 * Stage 5: give every match a weight. A match counts its entry's weight times its section's weight
 * times its attribution weight (the role's own work counts fully, its context a fitted fraction),
 * nothing when it is negated ("no LLM experience required"); repeated matches of one entry count
 * less and less (each `repeatDecay` times the one before, strongest first); an ambiguous entry
 * counts only when an unambiguous entry of the same role also counts. Under a title whose role noun
 * names another kind of role (recruiter, sales engineer) and no ML/AI role, the body's ML/AI
 * evidence counts a fitted fraction: it is that role's view of the work. The stage also counts the
 * role's own sentences by the evidence they name, for the decision's breadth terms.
 */
import type { CompiledLexicon } from "../lexicon/compile.js";
import type { EntryRole, SectionKind } from "../lexicon/schema.js";
import { foldWhitespace, NEGATION_AFTER, NEGATION_LIST_CLOSER, NEGATION_REACH_CHARS, NEGATION_STOP, NEGATION_WINDOW, SENTENCE_END_CHARS } from "./patterns.js";
import type { About } from "../vocabulary.js";
import { hasWords, type Sentence } from "./04-attribute.js";
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
  /** Whose work the match describes. */
  readonly about: About;
  /** Section weight × attribution weight (× the other-role fraction); 0 when negated. */
  readonly share: number;
  /** Entry weight × share, before repetition decay. */
  readonly weight: number;
}

export interface WeighedEntry {
  readonly entryIndex: number;
  readonly matches: WeighedMatch[];
  /** The entry's shares summed with repetition decay, strongest first: its evidence before its own weight. */
  mass: number;
  /** The part of `mass` from the body. */
  bodyMass: number;
  /** What the entry adds to its role's score: weight × mass. */
  contribution: number;
  /** Ambiguous entry without support from an unambiguous one of its role. */
  unsupported: boolean;
}

export type RoleScores = Record<EntryRole, number>;

/** Counts of the role's own sentences of the body: naming ML evidence, AI evidence, or neither (a sentence may name both). */
export interface Duties {
  readonly ml: number;
  readonly ai: number;
  readonly plain: number;
}

/** Stage 5's result. */
export interface Weighed {
  /** The weighed entries, in entry order. */
  readonly entries: WeighedEntry[];
  readonly scores: RoleScores;
  /** The scores of the body's matches alone (the title apart). */
  readonly bodyScores: RoleScores;
  /** The role's own sentences by the evidence they name. */
  readonly duties: Duties;
}

/** A sentence of fewer words is a heading or a fragment, not a duty. Counted in words, so spacing does not move it. */
const MIN_DUTY_WORDS = 4;

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
 * Where the reading from `from` stops: at the end of the sentence, at `limit`, or at the start of the
 * word after `words` words (counted in words, so spacing does not move it).
 */
function wordsEnd(lower: string, from: number, words: number, limit: number): number {
  let count = 0;
  let inWord = false;
  let at = from;
  for (; at < limit; at++) {
    const c = lower.charCodeAt(at);
    const role = c < 0x2600 ? CHAR_ROLE[c] : 0;
    if (role === SENTENCE_END) break;
    const space = role === SPACE;
    if (!space && !inWord && ++count > words) break;
    inWord = !space;
  }
  return at;
}

/**
 * The last offset at which a phrase can start and still be negated by the cue that ends at `cueEnd`.
 * The reach closes at the end of the sentence, at the word after NEGATION_WINDOW words or
 * NEGATION_REACH_CHARS characters, or at a word that closes the clause: "no travel, but LLM
 * experience" is not a negation. A comma closes it too, unless it separates the items of a list that
 * an "or"/"nor" closes before any other stop in the sentence: "no ML, LLM or data science work" and
 * "not model training, fine-tuning, distributed training or PyTorch" negate every item; a list
 * closed beyond the window ends at the first stop after its closer or NEGATION_WINDOW words after it.
 * Computed once per cue, so each phrase only compares offsets.
 */
function negationReach(lower: string, cueEnd: number): number {
  const limit = Math.min(lower.length, cueEnd + NEGATION_REACH_CHARS);
  const at = wordsEnd(lower, cueEnd, NEGATION_WINDOW, limit);
  const window = lower.slice(cueEnd, at);
  let hard = window.length;
  let firstComma = -1;
  let lastComma = -1;
  NEGATION_STOP.lastIndex = 0;
  for (let m = NEGATION_STOP.exec(window); m !== null; m = NEGATION_STOP.exec(window)) {
    if (m[0] !== ",") {
      hard = m.index + m[0].length - 1;
      break;
    }
    if (firstComma < 0) firstComma = m.index;
    lastComma = m.index;
  }
  if (firstComma < 0) return cueEnd + hard;
  let closer = -1;
  NEGATION_LIST_CLOSER.lastIndex = firstComma;
  for (let m = NEGATION_LIST_CLOSER.exec(window); m !== null && m.index < hard; m = NEGATION_LIST_CLOSER.exec(window)) closer = m.index;
  if (closer < 0) return hard < window.length ? cueEnd + firstComma : listBeyondWindow(lower, cueEnd, firstComma, limit);
  // The list ends at its closer: a comma after it ends the reach.
  if (lastComma > closer) {
    NEGATION_STOP.lastIndex = closer;
    return cueEnd + NEGATION_STOP.exec(window)!.index;
  }
  return cueEnd + hard;
}

/**
 * The reach of a cue whose window ends inside a list (commas, no closer yet): the list goes on through
 * commas only to an "or"/"nor" before any other stop in the sentence, and then to its last item's end
 * (the first stop after the closer, or NEGATION_WINDOW words after it); with no such closer, the
 * first comma ends the reach.
 */
function listBeyondWindow(lower: string, cueEnd: number, firstComma: number, limit: number): number {
  const sentence = lower.slice(cueEnd, wordsEnd(lower, cueEnd, Number.POSITIVE_INFINITY, limit));
  let stop = sentence.length;
  NEGATION_STOP.lastIndex = firstComma + 1;
  for (let m = NEGATION_STOP.exec(sentence); m !== null; m = NEGATION_STOP.exec(sentence)) {
    if (m[0] !== ",") {
      stop = m.index;
      break;
    }
  }
  NEGATION_LIST_CLOSER.lastIndex = firstComma;
  const closer = NEGATION_LIST_CLOSER.exec(sentence);
  if (closer === null || closer.index >= stop) return cueEnd + firstComma;
  NEGATION_STOP.lastIndex = closer.index;
  const after = NEGATION_STOP.exec(sentence);
  const lastItemEnd = wordsEnd(lower, cueEnd + closer.index, NEGATION_WINDOW, limit) - cueEnd;
  return cueEnd + Math.min(after?.index ?? sentence.length, lastItemEnd);
}

/** Whether a negation cue governs the phrase at [start, end) in its sentence; `reach` is negationReach of each cue. */
function isNegated(lower: string, start: number, end: number, cues: NegationCues, reach: readonly number[]): boolean {
  const before = lastAtOrBefore(cues.ends, start);
  if (before >= 0 && start <= reach[before]!) return true;
  // Every "not", "isn't" or "aren't" is also a cue before: without one close after the phrase, nothing to read.
  const after = lastAtOrBefore(cues.starts, end + AFTER_REACH);
  if (after < 0 || cues.starts[after]! < end) return false;
  // Whitespace folded, so doubled spaces or tabs do not move the cue out of reach.
  return NEGATION_AFTER.test(foldWhitespace(lower.slice(end, end + AFTER_REACH)));
}

function sectionOf(sections: readonly Section[], offset: number, hint: { i: number }): SectionKind {
  while (hint.i < sections.length - 1 && sections[hint.i]!.end <= offset) hint.i++;
  return sections[hint.i]?.kind ?? "other";
}

/** What stage 5 reads: the matches of stage 3 (title first, then body in text order) with their attribution (stage 4), the body's negation cues, sections and sentences. */
export interface WeighInput {
  readonly lexicon: CompiledLexicon;
  /** The body the body matches, cues and sections point into. */
  readonly body: FieldValue;
  readonly matches: readonly RawMatch[];
  /** Index for index with `matches`. */
  readonly about: readonly About[];
  readonly cues: NegationCues;
  readonly sections: readonly Section[];
  readonly sentences: readonly Sentence[];
}

/** Whether the title's role noun names another kind of role and no ML/AI role. */
function otherRoleTitle(lexicon: CompiledLexicon, matches: readonly RawMatch[], about: readonly About[]): boolean {
  let other = false;
  for (let i = 0; i < matches.length && matches[i]!.part === "title"; i++) {
    if (about[i] !== "role") continue;
    const role = lexicon.entries[matches[i]!.entryIndex]!.role;
    if (role === "ml" || role === "ai") return false;
    if (role === "neither") other = true;
  }
  return other;
}

/** Stage 5: the weighed entries (in entry order), each role's score, the body's share of them, and the role's sentences by evidence. */
export function weigh({ lexicon, body, matches, about, cues, sections, sentences }: WeighInput): Weighed {
  const lower = body.norm.lower;
  // Indexed by entry: a lexicon has tens of entries, so a sparse array beats a Map here.
  const byEntry: Array<WeighedEntry | undefined> = [];
  const sectionWeights = lexicon.sectionWeights;
  const attribution = lexicon.attributionWeights;
  const damped = otherRoleTitle(lexicon, matches, about) ? attribution.otherRoleTitle : 1;
  // A loop, not `map`: a packed array of one kind, whatever the number of cues, keeps isNegated's reads monomorphic.
  const reach: number[] = [];
  for (const cueEnd of cues.ends) reach.push(negationReach(lower, cueEnd));
  const hint = { i: 0 };
  // Per sentence, the kinds of ML/AI evidence its matches name (DUTY_* bits); counted once support is known.
  const evidenceIn = new Uint8Array(sentences.length);
  let sentence = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    const entry = lexicon.entries[m.entryIndex]!;
    // A title names the job; it has no sentences to negate.
    const section = m.part === "title" ? "title" : sectionOf(sections, m.start, hint);
    const negated = section !== "title" && isNegated(lower, m.start, m.end, cues, reach);
    const whose = about[i] ?? "role";
    // A title qualifier naming another field (", Marketing") names the team, not another kind of role: it counts nothing.
    const attributed = whose === "role" ? 1 : section !== "title" ? attribution.context : entry.role === "neither" ? 0 : attribution.titleQualifier;
    const other = section !== "title" && (entry.role === "ml" || entry.role === "ai") ? damped : 1;
    const share = negated ? 0 : sectionWeights[section] * attributed * other;
    let weighed = byEntry[m.entryIndex];
    if (!weighed) byEntry[m.entryIndex] = weighed = { entryIndex: m.entryIndex, matches: [], mass: 0, bodyMass: 0, contribution: 0, unsupported: false };
    weighed.matches.push({ part: m.part, start: m.start, end: m.end, section, negated, about: whose, share, weight: entry.weight * share });
    if (m.part === "body" && !negated && (entry.role === "ml" || entry.role === "ai")) {
      // Body matches come in text order: the sentence pointer only moves forward.
      while (sentence < sentences.length - 1 && sentences[sentence]!.end < m.start) sentence++;
      const s = sentences[sentence];
      if (s && m.start >= s.start && m.start < s.end) evidenceIn[sentence]! |= DUTY_BITS[entry.role][entry.ambiguous ? 1 : 0]!;
    }
  }

  const decay = lexicon.decision.repeatDecay;
  const supported: Partial<Record<EntryRole, boolean>> = {};
  const entries: WeighedEntry[] = [];
  for (const weighed of byEntry) {
    if (!weighed) continue;
    entries.push(weighed);
    const ms = weighed.matches;
    if (ms.length === 1) {
      weighed.mass = ms[0]!.share;
      weighed.bodyMass = ms[0]!.part === "body" ? ms[0]!.share : 0;
    } else if (ms[0]!.part === "body") {
      // All in the body (a title match comes first): sorted without a comparator call per step.
      const shares = sortedShares(ms);
      let factor = 1;
      for (let i = ms.length - 1; i >= 0; i--) {
        weighed.mass += shares[i]! * factor;
        factor *= decay;
      }
      weighed.bodyMass = weighed.mass;
    } else {
      // Strongest first (ties in text order), each further match `decay` times the one before.
      // A packed index array sorted over a typed array of shares: `map`'s holey array and the comparator's
      // reads of the matches each deoptimized this rare branch.
      const shares = new Float64Array(ms.length);
      const order: number[] = [];
      for (let i = 0; i < ms.length; i++) {
        shares[i] = ms[i]!.share;
        order.push(i);
      }
      order.sort((a, b) => shares[b]! - shares[a]! || a - b);
      let factor = 1;
      for (const i of order) {
        weighed.mass += shares[i]! * factor;
        if (ms[i]!.part === "body") weighed.bodyMass += shares[i]! * factor;
        factor *= decay;
      }
    }
    const entry = lexicon.entries[weighed.entryIndex]!;
    weighed.contribution = entry.weight * weighed.mass;
    // Support is read from the evidence itself, not its weight, so fitting weights cannot change it.
    if (!entry.ambiguous && weighed.mass > 0) supported[entry.role] = true;
  }

  const scores: RoleScores = { ml: 0, ai: 0, shared: 0, neither: 0 };
  const bodyScores: RoleScores = { ml: 0, ai: 0, shared: 0, neither: 0 };
  for (const weighed of entries) {
    const entry = lexicon.entries[weighed.entryIndex]!;
    if (entry.ambiguous && !supported[entry.role]) {
      weighed.unsupported = true;
      weighed.contribution = 0;
      weighed.mass = 0;
      weighed.bodyMass = 0;
    }
    scores[entry.role] += weighed.contribution;
    bodyScores[entry.role] += entry.weight * weighed.bodyMass;
  }
  return { entries, scores, bodyScores, duties: countDuties(lower, sentences, evidenceIn, supported) };
}

/** Bits of a sentence's evidence: [role][0 unambiguous, 1 ambiguous]. */
const DUTY_BITS: Readonly<Record<"ml" | "ai", readonly [number, number]>> = { ml: [1, 4], ai: [2, 8] };

/** How many of the role's own sentences hold counted ML evidence, AI evidence, or neither (an ambiguous entry counts only with its role's support). */
function countDuties(lower: string, sentences: readonly Sentence[], evidenceIn: Uint8Array, supported: Partial<Record<EntryRole, boolean>>): Duties {
  const duties = { plain: 0, ml: 0, ai: 0 };
  const mlBits = DUTY_BITS.ml[0] | (supported.ml ? DUTY_BITS.ml[1] : 0);
  const aiBits = DUTY_BITS.ai[0] | (supported.ai ? DUTY_BITS.ai[1] : 0);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.about !== "role" || !hasWords(lower, s.start, s.end, MIN_DUTY_WORDS)) continue;
    const ml = (evidenceIn[i]! & mlBits) !== 0;
    const ai = (evidenceIn[i]! & aiBits) !== 0;
    if (ml) duties.ml++;
    if (ai) duties.ai++;
    if (!ml && !ai) duties.plain++;
  }
  return duties;
}

/** The buffer sortedShares reuses (classify is synchronous, so one buffer serves every call), grown as needed. */
let shareBuffer = new Float64Array(64);

/**
 * The matches' shares in ascending order, in the first `matches.length` places of a buffer the next
 * call overwrites: no array per entry. Insertion sort for the few matches of one entry, a typed-array
 * sort (no comparator calls) beyond. Shares are never NaN, so both give the same order up to equal
 * shares (+0 and -0 among them), whose order does not change the sum.
 */
function sortedShares(matches: readonly WeighedMatch[]): Float64Array {
  const n = matches.length;
  if (n > shareBuffer.length) shareBuffer = new Float64Array(Math.max(n, shareBuffer.length * 2));
  const shares = shareBuffer;
  if (n > 16) {
    for (let i = 0; i < n; i++) shares[i] = matches[i]!.share;
    shares.subarray(0, n).sort();
    return shares;
  }
  for (let i = 0; i < n; i++) {
    const share = matches[i]!.share;
    let j = i - 1;
    for (; j >= 0 && shares[j]! > share; j--) shares[j + 1] = shares[j]!;
    shares[j + 1] = share;
  }
  return shares;
}
