import type { DecisionSettings, Lexicon, LexiconEntry, SectionWeights } from "./schema.js";
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
 * A matcher for one field kind: every surface form by its key (its tokens joined), the keys of the
 * leading tokens of longer forms (so a scan stops extending a phrase as soon as nothing can follow),
 * and the most tokens any form has. Building it is one pass over the forms, with no regex to compile,
 * so a lexicon of 50,000 entries compiles as fast as it is read.
 */
export interface FieldMatcher {
  readonly entryOf: ReadonlyMap<string, number>;
  readonly prefixes: ReadonlySet<string>;
  /** Tokens some form starts with: most words of a posting are not, and cost one lookup. */
  readonly firstTokens: ReadonlySet<string>;
  readonly maxTokens: number;
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

function fieldMatcher(entries: readonly LexiconEntry[], inField: (e: LexiconEntry) => boolean, precedence: (e: LexiconEntry) => number): FieldMatcher {
  const entryOf = new Map<string, number>();
  const rank = new Map<string, number>();
  const prefixes = new Set<string>();
  const firstTokens = new Set<string>();
  let maxTokens = 0;
  entries.forEach((entry, index) => {
    if (!inField(entry)) return;
    for (const form of [...entry.terms, ...entry.verbs, ...entry.variants]) {
      const tokens = tokensOf(form.trim().toLowerCase()).map((t) => t.text);
      if (tokens.length === 0) continue;
      maxTokens = Math.max(maxTokens, tokens.length);
      firstTokens.add(tokens[0]!);
      let prefix = "";
      for (let i = 0; i < tokens.length - 1; i++) prefixes.add((prefix += tokens[i]));
      const key = tokens.join("");
      const previous = rank.get(key);
      if (previous !== undefined && previous >= precedence(entry)) continue;
      entryOf.set(key, index);
      rank.set(key, precedence(entry));
    }
  });
  return { entryOf, prefixes, firstTokens, maxTokens };
}

/** Builds the matchers of a validated lexicon, once; every classify call shares them. */
export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const entries = lexicon.entries;
  return {
    lexicon,
    entries,
    // In a title, title-scoped entries win over general ones that share a form.
    title: fieldMatcher(entries, (e) => e.scope !== "body", (e) => (e.scope === "title" ? 1 : 0)),
    body: fieldMatcher(entries, (e) => e.scope !== "title", () => 0),
    sectionWeights: lexicon.sectionWeights ?? DEFAULT_SECTION_WEIGHTS,
    decision: lexicon.decision ?? DEFAULT_DECISION,
  };
}
