import type { Classifier } from "../classifier.js";
import type { Posting } from "../posting.js";
import { LABEL_OF_ROLE, LABELS, LEVELS, type BandRole, type Label, type Level } from "../vocabulary.js";
import type { Classification } from "../result.js";

/** A posting with its gold labels, in the shape of the dev file (`label` ml | ai | neither). */
export interface LabelledPosting {
  readonly id?: string;
  readonly title?: string;
  readonly text?: string;
  readonly html?: string;
  readonly label: BandRole | Label;
  readonly mixed?: boolean | null;
  /** Gold seniority; `unstated` or null when the posting states none. */
  readonly level?: Level | "unstated" | null;
}

export interface ClassMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ReliabilityBin {
  /** Confidence range [from, to). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanConfidence: number;
  readonly accuracy: number;
}

export interface EvaluatedPosting {
  readonly id: string;
  readonly title: string;
  readonly gold: Label;
  readonly goldLevel: Level | null;
  readonly result: Classification;
  readonly correct: boolean;
}

/** Figures of predicted labels against gold labels. */
export interface LabelMetrics {
  readonly accuracy: number;
  readonly macroF1: number;
  readonly perClass: Record<Label, ClassMetrics>;
  /** confusion[gold][predicted] */
  readonly confusion: Record<Label, Record<Label, number>>;
  /** Accuracy on the postings whose gold label is ml or ai (any predicted label). */
  readonly mlAiAccuracy: number;
  /** Expected calibration error over ten equal-width confidence bins, with the reliability table behind it. */
  readonly calibration: { readonly ece: number; readonly bins: readonly ReliabilityBin[] };
}

export interface EvaluationReport extends LabelMetrics {
  readonly count: number;
  readonly mixed: { readonly goldMixed: number; readonly predictedMixed: number; readonly agreement: number };
  readonly seniority: { readonly accuracy: number; readonly count: number; readonly confusion: Record<Level, Record<Level, number>> };
  readonly postings: readonly EvaluatedPosting[];
}

export { LABELS } from "../vocabulary.js";

export function toLabel(label: LabelledPosting["label"]): Label {
  return label === "ml" || label === "ai" ? LABEL_OF_ROLE[label] : label;
}

function grid<K extends string>(keys: readonly K[]): Record<K, Record<K, number>> {
  return Object.fromEntries(keys.map((k) => [k, Object.fromEntries(keys.map((j) => [j, 0]))])) as Record<K, Record<K, number>>;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Expected calibration error over equal-width confidence bins, with the reliability table behind it. */
export function calibration(pairs: ReadonlyArray<{ confidence: number; correct: boolean }>, binCount = 10): EvaluationReport["calibration"] {
  const bins = Array.from({ length: binCount }, (_, i) => ({ from: i / binCount, to: (i + 1) / binCount, count: 0, sumConfidence: 0, correct: 0 }));
  for (const { confidence, correct } of pairs) {
    const bin = bins[Math.min(binCount - 1, Math.floor(confidence * binCount))]!;
    bin.count++;
    bin.sumConfidence += confidence;
    if (correct) bin.correct++;
  }
  let ece = 0;
  const table = bins.map((b) => {
    const meanConfidence = ratio(b.sumConfidence, b.count);
    const accuracy = ratio(b.correct, b.count);
    ece += (b.count / Math.max(1, pairs.length)) * Math.abs(meanConfidence - accuracy);
    return { from: b.from, to: b.to, count: b.count, meanConfidence, accuracy };
  });
  return { ece, bins: table };
}

/** Classifies every labelled posting and measures the answers against the gold labels. */
export function evaluate(classifier: Classifier, postings: Iterable<LabelledPosting>): EvaluationReport {
  const items = [...postings];
  const evaluated: EvaluatedPosting[] = [];
  let index = 0;
  for (const p of items) {
    const posting: Posting = { id: p.id, title: p.title, text: p.text, html: p.html };
    const result = classifier.classify(posting);
    const gold = toLabel(p.label);
    const goldLevel = p.level && p.level !== "unstated" ? p.level : null;
    evaluated.push({ id: p.id ?? `#${index}`, title: p.title ?? "", gold, goldLevel, result, correct: result.label === gold });
    index++;
  }

  const withLevel = evaluated.filter((e) => e.goldLevel !== null);
  const levelConfusion = grid(LEVELS);
  for (const e of withLevel) levelConfusion[e.goldLevel!][e.result.seniority.level]++;

  return {
    count: evaluated.length,
    ...labelMetrics(evaluated.map((e) => ({ gold: e.gold, predicted: e.result.label, confidence: e.result.confidence }))),
    mixed: mixedAgreement(evaluated, items),
    seniority: {
      accuracy: ratio(withLevel.filter((e) => e.result.seniority.level === e.goldLevel).length, withLevel.length),
      count: withLevel.length,
      confusion: levelConfusion,
    },
    postings: evaluated,
  };
}

/** The label figures of a set of predictions against gold labels: accuracy, macro-F1, per class, confusion, ml/ai accuracy and calibration. */
export function labelMetrics(items: ReadonlyArray<{ readonly gold: Label; readonly predicted: Label; readonly confidence: number }>): LabelMetrics {
  const confusion = grid(LABELS);
  for (const e of items) confusion[e.gold][e.predicted]++;
  const perClass = Object.fromEntries(
    LABELS.map((label) => {
      const tp = confusion[label][label];
      const predicted = LABELS.reduce((n, g) => n + confusion[g][label], 0);
      const support = LABELS.reduce((n, p) => n + confusion[label][p], 0);
      const precision = ratio(tp, predicted);
      const recall = ratio(tp, support);
      return [label, { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support }];
    }),
  ) as Record<Label, ClassMetrics>;
  const mlAi = items.filter((e) => e.gold !== "neither");
  return {
    accuracy: ratio(items.filter((e) => e.gold === e.predicted).length, items.length),
    macroF1: LABELS.reduce((s, l) => s + perClass[l].f1, 0) / LABELS.length,
    perClass,
    confusion,
    mlAiAccuracy: ratio(mlAi.filter((e) => e.gold === e.predicted).length, mlAi.length),
    calibration: calibration(items.map((e) => ({ confidence: e.confidence, correct: e.gold === e.predicted }))),
  };
}

function mixedAgreement(evaluated: readonly EvaluatedPosting[], postings: readonly LabelledPosting[]): EvaluationReport["mixed"] {
  const gold = postings.map((p) => p.mixed);
  let goldMixed = 0;
  let predictedMixed = 0;
  let agree = 0;
  let known = 0;
  evaluated.forEach((e, i) => {
    const g = gold[i];
    if (e.result.mixed) predictedMixed++;
    if (g === undefined || g === null) return;
    known++;
    if (g) goldMixed++;
    if (g === e.result.mixed) agree++;
  });
  return { goldMixed, predictedMixed, agreement: ratio(agree, known) };
}
