import type { DecisionSettings, Lexicon, LexiconEntry, SectionWeights } from "./schema.js";
import { NEGATION_CONTRACTIONS, NEGATION_WORDS, tokenStartPattern } from "../regex.js";
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

/**
 * Decision settings used when a lexicon does not set its own. Thresholds were chosen, and the
 * calibration fitted by log-loss, on the 236 labelled dev postings (see README, Evaluation).
 */
export const DEFAULT_DECISION: DecisionSettings = {
  minEvidence: 3,
  neitherShare: 0.4,
  mixedRatio: 0.45,
  mixedMinScore: 4,
  repeatDecay: 0.5,
  calibration: { bias: -3.3, margin: 2.3, evidence: 1.45, neitherBias: 2.2, neitherGap: 0.35 },
};

/**
 * Where a scan stands after reading some tokens of a phrase: the entry those tokens spell, if any,
 * whether longer phrases begin with them, and the states the next token leads to. The states spell
 * out the key lookups (see forms.ts) ahead of time, so matching reads one map per token and builds
 * no strings.
 */
export interface PhraseState {
  /** The entry whose form these tokens complete, or -1. */
  readonly entry: number;
  /** Whether some longer form begins with these tokens (the key is one of `prefixes`). */
  readonly extendable: boolean;
  readonly next: Map<string, PhraseState>;
  /** 1 for a negation cue word ("no", "without"), 2 for a stem that negates before "'t" ("don"), else 0. */
  readonly negation: 0 | 1 | 2;
}

/**
 * A matcher for one field kind. Its tables say what matches: every surface form by its key (its
 * tokens joined), the keys of the leading tokens of longer forms (so a scan stops extending a phrase
 * as soon as nothing can follow), the tokens a match can start with, and the most tokens any form
 * has. `states` and `starts` are those tables compiled for the scan.
 */
export interface FieldMatcher {
  readonly entryOf: ReadonlyMap<string, number>;
  readonly prefixes: ReadonlySet<string>;
  /** Tokens some form starts with, and the key of every two-token form as one token ("finetuning"): where a match can start. */
  readonly firstTokens: ReadonlySet<string>;
  readonly maxTokens: number;
  /** The state after the first token, for each of `firstTokens` and each negation cue word (body only). */
  readonly states: ReadonlyMap<string, PhraseState>;
  /** Finds the next place one of `states`' tokens may stand (see tokenStartPattern); stateful, used by one scan at a time. */
  readonly starts: RegExp;
}

/** A lexicon compiled once for matching: what `createClassifier` keeps and every `classify` reuses. */
export interface CompiledLexicon {
  readonly lexicon: Lexicon;
  readonly entries: readonly LexiconEntry[];
  readonly title: FieldMatcher;
  readonly body: FieldMatcher;
  readonly sectionWeights: SectionWeights;
  readonly decision: DecisionSettings;
}

/** The tokens of each surface form of each entry, read once for both matchers. */
type EntryForms = ReadonlyArray<readonly string[]>;

function fieldMatcher(
  entries: readonly LexiconEntry[],
  formsOf: readonly EntryForms[],
  inField: (e: LexiconEntry) => boolean,
  precedence: (e: LexiconEntry) => number,
  withCues: boolean,
): FieldMatcher {
  const entryOf = new Map<string, number>();
  const rank = new Map<string, number>();
  const prefixes = new Set<string>();
  const firstTokens = new Set<string>();
  let maxTokens = 0;
  entries.forEach((entry, index) => {
    if (!inField(entry)) return;
    for (const tokens of formsOf[index]!) {
      maxTokens = Math.max(maxTokens, tokens.length);
      firstTokens.add(tokens[0]!);
      let prefix = "";
      for (let i = 0; i < tokens.length - 1; i++) prefixes.add((prefix += tokens[i]));
      const key = tokens.join("");
      // A two-word phrase may be written as one ("finetuning", "llama2"): then it starts, and ends, with its key.
      if (tokens.length === 2) firstTokens.add(key);
      const previous = rank.get(key);
      if (previous !== undefined && previous >= precedence(entry)) continue;
      entryOf.set(key, index);
      rank.set(key, precedence(entry));
    }
  });
  const states = phraseStates(entryOf, prefixes, firstTokens, withCues);
  return { entryOf, prefixes, firstTokens, maxTokens, states, starts: tokenStartPattern(new Set(states.keys())) };
}

/**
 * The state graph of a matcher: one state per key and per prefix, and an edge from each prefix to
 * every longer key or prefix that one more token completes ("fine" → "tuning" → "finetuning").
 */
function phraseStates(entryOf: ReadonlyMap<string, number>, prefixes: ReadonlySet<string>, firstTokens: ReadonlySet<string>, withCues: boolean): Map<string, PhraseState> {
  const negationOf = (key: string): 0 | 1 | 2 => (!withCues ? 0 : NEGATION_WORDS.includes(key) ? 1 : NEGATION_CONTRACTIONS.includes(key) ? 2 : 0);
  const byKey = new Map<string, PhraseState>();
  for (const key of [...prefixes, ...entryOf.keys()]) {
    if (!byKey.has(key)) byKey.set(key, { entry: entryOf.get(key) ?? -1, extendable: prefixes.has(key), next: new Map(), negation: negationOf(key) });
  }
  // In sorted order, the keys that extend a prefix stand together right after it.
  const sorted = [...byKey.keys()].sort();
  for (const head of prefixes) {
    const from = lowerBound(sorted, head);
    const headState = byKey.get(head)!;
    for (let i = from + 1; i < sorted.length && sorted[i]!.startsWith(head); i++) headState.next.set(sorted[i]!.slice(head.length), byKey.get(sorted[i]!)!);
  }
  const starts = new Map<string, PhraseState>();
  for (const token of firstTokens) starts.set(token, byKey.get(token)!);
  if (withCues) {
    for (const cue of [...NEGATION_WORDS, ...NEGATION_CONTRACTIONS]) {
      if (!starts.has(cue)) starts.set(cue, { entry: -1, extendable: false, next: new Map(), negation: negationOf(cue) });
    }
  }
  return starts;
}

/** The first index in a sorted list whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the matchers of a validated lexicon, once; every classify call shares them. */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const entries = lexicon.entries;
  const formsOf = entries.map((entry) =>
    [...entry.terms, ...entry.verbs, ...entry.variants].map((form) => tokensOf(form.trim().toLowerCase()).map((t) => t.text)).filter((tokens) => tokens.length > 0),
  );
  return {
    lexicon,
    entries,
    // In a title, title-scoped entries win over general ones that share a form.
    title: fieldMatcher(entries, formsOf, (e) => e.scope !== "body", (e) => (e.scope === "title" ? 1 : 0), false),
    body: fieldMatcher(entries, formsOf, (e) => e.scope !== "title", () => 0, true),
    sectionWeights: lexicon.sectionWeights ?? DEFAULT_SECTION_WEIGHTS,
    decision: lexicon.decision ?? DEFAULT_DECISION,
  };
}
