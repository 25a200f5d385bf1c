import type { Lexicon } from "../lexicon/schema.js";
import { stem, words } from "../nlp/natural.js";
import type { EvaluationReport } from "./evaluate.js";
import type { Label } from "../pipeline/06-decide.js";

/** A phrase the lexicon does not know that keeps appearing in postings it got wrong. */
export interface TermSuggestion {
  /** The phrase as it most often appears (lowercased). */
  readonly phrase: string;
  /** In how many of the missed postings of this class it appears. */
  readonly missed: number;
  /** In how many of all postings it appears. */
  readonly overall: number;
}

const STOP = new Set(
  "a an and are as at be by for from has have in is it its of on or our the their this to we will with you your who what which can able also more all any other such into over than that these those about experience work working team teams role strong ability skills years including using use new well across".split(
    " ",
  ),
);

function phrasesOf(text: string): Set<string> {
  const stems = words(text)
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w))
    .map(stem);
  const out = new Set<string>(stems);
  for (let i = 0; i + 1 < stems.length; i++) out.add(`${stems[i]} ${stems[i + 1]}`);
  return out;
}

function lexiconStems(lexicon: Lexicon): Set<string> {
  const known = new Set<string>();
  for (const entry of lexicon.entries) {
    for (const form of [...entry.terms, ...entry.verbs, ...entry.variants]) {
      const stems = words(form).map(stem);
      known.add(stems.join(" "));
      if (stems.length === 1) known.add(stems[0]!);
    }
  }
  return known;
}

/**
 * For each gold class, the stemmed words and word pairs that appear in many of the postings of that
 * class the classifier got wrong, are rare elsewhere, and are not in the lexicon: candidates for a
 * lexicon author to look at, ranked by how much more often they appear in the misses than overall.
 */
export function suggestTerms(report: EvaluationReport, texts: ReadonlyMap<string, string>, lexicon: Lexicon, perClass = 12): Record<Label, TermSuggestion[]> {
  const known = lexiconStems(lexicon);
  const docs = report.postings.map((p) => ({ gold: p.gold, correct: p.correct, phrases: phrasesOf(texts.get(p.id) ?? "") }));
  const overall = new Map<string, number>();
  for (const d of docs) for (const ph of d.phrases) overall.set(ph, (overall.get(ph) ?? 0) + 1);

  const result = {} as Record<Label, TermSuggestion[]>;
  for (const gold of ["ml-engineer", "ai-engineer", "neither"] as const) {
    const missed = docs.filter((d) => d.gold === gold && !d.correct);
    const counts = new Map<string, number>();
    for (const d of missed) for (const ph of d.phrases) if (!known.has(ph)) counts.set(ph, (counts.get(ph) ?? 0) + 1);
    const minimum = Math.max(2, Math.ceil(missed.length / 4));
    result[gold] = [...counts]
      .filter(([, n]) => n >= minimum)
      .map(([phrase, n]) => ({ phrase, missed: n, overall: overall.get(phrase) ?? n }))
      .sort((a, b) => b.missed / b.overall - a.missed / a.overall || b.missed - a.missed || (a.phrase < b.phrase ? -1 : 1))
      .slice(0, perClass);
  }
  return result;
}
