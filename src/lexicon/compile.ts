import type { AttributionWeights, DecisionSettings, Lexicon, LexiconEntry, SectionWeights } from "./schema.js";
import { CONTEXT_CUE_WORDS, NEGATION_CONTRACTIONS, NEGATION_WORDS, ROLE_CUE_WORDS } from "../pipeline/patterns.js";
import type { About } from "../vocabulary.js";
import { tokensOf } from "./forms.js";

/** Section weights used when a lexicon does not set its own. Title evidence is weighted by its entries. */
export const DEFAULT_SECTION_WEIGHTS: SectionWeights = {
  title: 1,
  intro: 0.6,
  about: 0.25,
  // What the job does says more than the tool lists in its requirements.
  role: 1.25,
  requirements: 0.75,
  preferred: 0.6,
  benefits: 0.1,
  legal: 0,
  other: 0.8,
};

/** Attribution weights used when a lexicon does not set its own (the bundled lexicon sets fitted ones). */
export const DEFAULT_ATTRIBUTION: AttributionWeights = { context: 0.25, titleQualifier: 0.25, otherRoleTitle: 0.25 };

/** Decision settings used when a lexicon does not set its own (the bundled lexicon sets fitted ones). */
export const DEFAULT_DECISION: DecisionSettings = {
  neitherBias: 2,
  dutyWeights: { ml: 1, ai: 1, plain: 0.3 },
  minBodyEvidence: 0,
  temperature: 1,
  thinEvidenceConfidence: 0.8,
  multiRoleConfidence: 0.8,
  mixedRatio: 0.45,
  mixedMinScore: 4,
  repeatDecay: 0.5,
};

/** How a token negates: as a cue word ("no", "without"), as a stem before "'t" ("don"), or not at all. */
export type NegationKind = "none" | "word" | "contraction";

/** Whether a phrase of tokens is an attribution cue (see pipeline/04-attribute.ts): a role cue ("you will"), a context cue ("we"), or none. */
export type CueKind = "none" | About;

/**
 * Where a scan stands after reading some tokens of a phrase: the entry those tokens complete, if any,
 * and the states the next token leads to. The states of a matcher form a trie over the tokens of its
 * surface forms, so matching reads one map per token and builds no strings.
 */
export interface PhraseState {
  /** The entry whose form these tokens complete, or -1. */
  readonly entry: number;
  /**
   * The states one more token leads to; empty when no longer form begins with these tokens. A list,
   * not a map: most states have a few, and comparing in place builds no string for the next token.
   */
  readonly next: ReadonlyArray<{ readonly token: string; readonly state: PhraseState }>;
  /**
   * Bit `c & 31` is set for the first char code c of each token in `next`: where the text's next token
   * opens with a character whose bit is clear, no state follows, and the scan need not read that token.
   */
  readonly firsts: number;
  /** Whether this token is a negation cue: a cue word ("no", "without"), a stem that negates before "'t" ("don"), or none. */
  readonly negation: NegationKind;
  /** Whether the tokens read so far complete an attribution cue. */
  readonly cue: CueKind;
}

/**
 * A matcher for one field kind: the state after the first token of every surface form (and of every
 * negation and attribution cue word, in the body), found from a token of the text by a hash of it.
 */
export interface FieldMatcher {
  readonly states: ReadonlyMap<string, PhraseState>;
  /**
   * The same first states, bucketed by a hash of a token's length and first, middle and last characters
   * (see stateAt): the scan finds a token's state in the text itself, without cutting the token out.
   */
  readonly buckets: ReadonlyArray<ReadonlyArray<{ readonly token: string; readonly state: PhraseState }> | undefined>;
}

/** A lexicon compiled once for matching: what `createClassifier` keeps and every `classify` reuses. */
export interface CompiledLexicon {
  readonly lexicon: Lexicon;
  readonly entries: readonly LexiconEntry[];
  readonly title: FieldMatcher;
  readonly body: FieldMatcher;
  readonly sectionWeights: SectionWeights;
  readonly attributionWeights: AttributionWeights;
  readonly decision: DecisionSettings;
}

/** A surface form read once for both matchers: its tokens, and its key (the tokens joined). */
interface Form {
  readonly tokens: readonly string[];
  readonly key: string;
}

/*
 * The matchers are built before the first posting is read, by code that has not been optimized yet:
 * a state's map of next tokens is made only when one follows it (most states end a phrase), and maps
 * are read with forEach rather than iterators.
 */
interface BuildState {
  entry: number;
  next: Map<string, BuildState> | undefined;
  negation: NegationKind;
  cue: CueKind;
}

function frozen(state: BuildState): PhraseState {
  let firsts = 0;
  const next: Array<{ token: string; state: PhraseState }> = [];
  state.next?.forEach((child, token) => {
    firsts |= 1 << (token.charCodeAt(0) & 31);
    next.push({ token, state: frozen(child) });
  });
  return { entry: state.entry, negation: state.negation, cue: state.cue, next, firsts };
}

function stateAfter(states: Map<string, BuildState>, token: string): BuildState {
  let state = states.get(token);
  if (!state) states.set(token, (state = { entry: -1, next: undefined, negation: "none", cue: "none" }));
  return state;
}

/** The state the tokens lead to from the first states, made where missing. */
function stateOf(states: Map<string, BuildState>, tokens: readonly string[]): BuildState {
  let state = stateAfter(states, tokens[0]!);
  for (let i = 1; i < tokens.length; i++) state = stateAfter((state.next ??= new Map()), tokens[i]!);
  return state;
}

/** Marks the state a cue phrase's tokens lead to; a role cue wins over a context cue spelled the same. */
function addCue(states: Map<string, BuildState>, phrase: string, kind: About): void {
  const tokens = tokensOf(phrase).map((t) => t.text);
  if (tokens.length === 0) return;
  const state = stateOf(states, tokens);
  if (state.cue !== "role") state.cue = kind;
}

/**
 * A form matches its tokens in order, with short gaps between them ("fine-tuning", "fine tuning"); a
 * two-token form also matches written as one word ("finetuning", "llama2"). Forms that spell the same
 * key (their tokens joined) name one entry: the one of higher `precedence`, else the first.
 */
function fieldMatcher(
  entries: readonly LexiconEntry[],
  formsOf: ReadonlyArray<readonly Form[]>,
  inField: (e: LexiconEntry) => boolean,
  precedence: (e: LexiconEntry) => number,
  withCues: boolean,
): FieldMatcher {
  const entryOf = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!inField(entry)) return;
    for (const { key } of formsOf[index]!) {
      const previous = entryOf.get(key);
      if (previous === undefined || precedence(entry) > precedence(entries[previous]!)) entryOf.set(key, index);
    }
  });
  const states = new Map<string, BuildState>();
  entries.forEach((entry, index) => {
    if (!inField(entry)) return;
    for (const { tokens, key } of formsOf[index]!) {
      stateOf(states, tokens).entry = entryOf.get(key)!;
      if (tokens.length === 2) stateAfter(states, key).entry = entryOf.get(key)!;
    }
  });
  if (withCues) {
    for (const cue of NEGATION_WORDS) stateAfter(states, cue).negation = "word";
    for (const cue of NEGATION_CONTRACTIONS) stateAfter(states, cue).negation = "contraction";
    // Attribution cues ride on the same scan: one pass finds phrases, negations and cues.
    for (const cue of ROLE_CUE_WORDS) addCue(states, cue, "role");
    for (const cue of CONTEXT_CUE_WORDS) addCue(states, cue, "context");
  }
  // About two buckets a token, a power of two, so a bucket holds one or two tokens.
  let size = 16;
  while (size < 2 * states.size) size *= 2;
  const firstStates = new Map<string, PhraseState>();
  const buckets: Array<Array<{ token: string; state: PhraseState }> | undefined> = new Array(size).fill(undefined);
  states.forEach((built, token) => {
    const state = frozen(built);
    firstStates.set(token, state);
    (buckets[bucketOf(token, 0, token.length, size)] ??= []).push({ token, state });
  });
  return { states: firstStates, buckets };
}

/** The bucket of the token text[start, end) (not empty) among `size` (a power of two). */
const bucketOf = (text: string, start: number, end: number, size: number) =>
  (Math.imul(Math.imul(text.charCodeAt(start), 31) + text.charCodeAt((start + end) >> 1), 31) + Math.imul(text.charCodeAt(end - 1), 7) + end - start) &
  (size - 1);

/** The first state of the token text[start, end) (not empty): `matcher.states.get(text.slice(start, end))` without the slice. */
export function stateAt(matcher: FieldMatcher, text: string, start: number, end: number): PhraseState | undefined {
  const bucket = matcher.buckets[bucketOf(text, start, end, matcher.buckets.length)];
  if (bucket === undefined) return undefined;
  for (const t of bucket) if (t.token.length === end - start && text.startsWith(t.token, start)) return t.state;
  return undefined;
}

/** Builds the matchers of a validated lexicon, once; every classify call shares them. */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const entries = lexicon.entries;
  const formsOf = entries.map((entry) => {
    const forms: Form[] = [];
    for (const list of [entry.terms, entry.verbs, entry.variants]) {
      for (const form of list) {
        const tokens = tokensOf(form.trim().toLowerCase()).map((t) => t.text);
        if (tokens.length > 0) forms.push({ tokens, key: tokens.join("") });
      }
    }
    return forms;
  });
  return {
    lexicon,
    entries,
    // In a title, title-scoped entries win over general ones that share a form.
    title: fieldMatcher(
      entries,
      formsOf,
      (e) => e.scope !== "body",
      (e) => (e.scope === "title" ? 1 : 0),
      false,
    ),
    body: fieldMatcher(
      entries,
      formsOf,
      (e) => e.scope !== "title",
      () => 0,
      true,
    ),
    sectionWeights: lexicon.sectionWeights ?? DEFAULT_SECTION_WEIGHTS,
    attributionWeights: lexicon.attributionWeights ?? DEFAULT_ATTRIBUTION,
    decision: lexicon.decision ?? DEFAULT_DECISION,
  };
}
