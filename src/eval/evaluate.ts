import type { Classifier } from "../classifier.js";
import { InputError } from "../errors.js";
import type { Posting } from "../posting.js";
import { LABEL_OF_ROLE, LABELS, LEVELS, type BandRole, type Label, type Level } from "../vocabulary.js";
import type { Classification } from "../result.js";

/** A posting with its gold labels, in the shape of the dev file (`label` ml | ai | neither). */
export interface LabelledPosting {
  /** The posting's id; `#<index>` (its 0-based position) is used when absent. */
  readonly id?: string;
  /** The posting's title. */
  readonly title?: string;
  /** The posting's body as plain text. */
  readonly text?: string;
  /** The posting's body as HTML (read instead of `text` when both are given). */
  readonly html?: string;
  /** The gold label: a label, or the role it names (`ml`, `ai`). */
  readonly label: BandRole | Label;
  /** Gold: whether both roles are substantial; null or absent when not judged (left out of the mixed agreement). */
  readonly mixed?: boolean | null;
  /** Gold seniority; `unstated` or null when the posting states none. */
  readonly level?: Level | "unstated" | null;
}

/** One label's figures against the gold labels; each ratio is 0–1, and 0 when its denominator is 0. */
export interface ClassMetrics {
  /** Of the postings predicted with this label, the share whose gold label it is. */
  readonly precision: number;
  /** Of the postings whose gold label this is, the share predicted with it. */
  readonly recall: number;
  /** Harmonic mean of precision and recall. */
  readonly f1: number;
  /** Postings whose gold label this is. */
  readonly support: number;
}

/** One bin of the reliability table: the predictions whose confidence falls in [from, to) (the last bin includes 1). */
export interface ReliabilityBin {
  /** Lower end of the bin's confidence range, inclusive (0–1). */
  readonly from: number;
  /** Upper end of the bin's confidence range, exclusive (0–1). */
  readonly to: number;
  /** Predictions in the bin. */
  readonly count: number;
  /** Mean confidence of the bin's predictions (0–1; 0 for an empty bin). */
  readonly meanConfidence: number;
  /** Share of the bin's predictions that were right (0–1; 0 for an empty bin). */
  readonly accuracy: number;
}

/** One labelled posting with its classification. */
export interface EvaluatedPosting {
  /** The posting's id, or `#<index>` (its 0-based position) when it has none. */
  readonly id: string;
  /** The posting's title, or "" when it has none. */
  readonly title: string;
  /** The gold label (`ml`/`ai` read as `ml-engineer`/`ai-engineer`). */
  readonly gold: Label;
  /** The gold seniority level; null when the posting states none. */
  readonly goldLevel: Level | null;
  /** What the classifier returned for the posting. */
  readonly result: Classification;
  /** Whether the predicted label equals the gold label. */
  readonly correct: boolean;
}

/** Figures of predicted labels against gold labels. */
export interface LabelMetrics {
  /** Share of postings whose predicted label is the gold label (0–1; 0 when there are none). */
  readonly accuracy: number;
  /**
   * Mean F1 (0–1) over the labels present in the gold or the predicted labels (scikit-learn's
   * default): a label no posting has and none was given adds nothing, rather than a 0 that drags the
   * mean down. 0 when there are no predictions.
   */
  readonly macroF1: number;
  /** Precision, recall, F1 and support of each label. */
  readonly perClass: Record<Label, ClassMetrics>;
  /** confusion[gold][predicted] */
  readonly confusion: Record<Label, Record<Label, number>>;
  /** Accuracy on the postings whose gold label is ml or ai (any predicted label). */
  readonly mlAiAccuracy: number;
  /** Expected calibration error over ten equal-width confidence bins, with the reliability table behind it. */
  readonly calibration: {
    /** Expected calibration error (0–1): the bins' |mean confidence − accuracy|, weighted by their share of the postings. */
    readonly ece: number;
    /** The reliability table, lowest confidence first. */
    readonly bins: readonly ReliabilityBin[];
  };
}

/** What {@link evaluate} measures: the label figures, plus the mixed flag, seniority and every posting's result. */
export interface EvaluationReport extends LabelMetrics {
  /** Postings evaluated. */
  readonly count: number;
  /** The mixed flag against the gold one, on the postings whose gold `mixed` is known. */
  readonly mixed: {
    /** Postings whose gold `mixed` is true. */
    readonly goldMixed: number;
    /** Postings the classifier calls mixed (of all postings). */
    readonly predictedMixed: number;
    /** Postings with a known gold `mixed` (true or false); agreement is read on these. */
    readonly judged: number;
    /** Share (0–1) of the postings with a known gold `mixed` on which the classifier agrees; 0 when none is judged. */
    readonly agreement: number;
  };
  /** Seniority against the gold level, on the postings that have one. */
  readonly seniority: {
    /** Share (0–1) of those postings whose detected level is the gold one. */
    readonly accuracy: number;
    /** Postings with a gold level. */
    readonly count: number;
    /** `confusion[gold][detected]`: postings by gold and detected level. */
    readonly confusion: Record<Level, Record<Level, number>>;
  };
  /** Every posting with its result, in input order. */
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

/**
 * Expected calibration error over `binCount` (default 10) equal-width confidence bins, with the
 * reliability table behind it. Each pair is one prediction: its confidence (0–1) and whether it was right.
 */
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

/**
 * Classifies every labelled posting and measures the answers against the gold labels. Throws
 * `InputError` INPUT_INVALID when there are no postings: there is nothing to measure, and an
 * accuracy of 0 would read as a result.
 */
export function evaluate(classifier: Classifier, postings: Iterable<LabelledPosting>): EvaluationReport {
  const items = [...postings];
  if (items.length === 0) throw new InputError("INPUT_INVALID", "(postings)", "evaluate needs at least one labelled posting; it was given none");
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
  const present = LABELS.filter((l) => items.some((e) => e.gold === l || e.predicted === l));
  return {
    accuracy: ratio(items.filter((e) => e.gold === e.predicted).length, items.length),
    macroF1: ratio(
      present.reduce((s, l) => s + perClass[l].f1, 0),
      present.length,
    ),
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
  return { goldMixed, predictedMixed, judged: known, agreement: ratio(agree, known) };
}
