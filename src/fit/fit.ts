/*
 * Learning a lexicon's numbers from labelled postings: the entry weights (non-negative, each entry
 * keeping its role), the attribution weights, the `neither` bias, the body-evidence threshold and
 * the calibration of confidence. Entry terms, roles and sources are never changed: the lexicon stays
 * readable, only its numbers are learned.
 *
 * Procedure (deterministic: the same inputs give byte-identical output):
 *  1. For each attribution setting of a small grid, every posting is run through stages 1–4 with all
 *     entry weights 1, giving each entry's evidence mass (see pipeline/05-weigh.ts).
 *  2. For each regularization strength, k-fold cross-validation with folds grouped by company (no
 *     company's postings are both fitted and scored) gives out-of-fold logits; the body-evidence
 *     threshold is chosen on them. The setting with the best out-of-fold accuracy (then log-loss) wins.
 *  3. The temperature of confidence is fitted on the winner's out-of-fold logits, the confidence of
 *     each rule-made `neither` (thin evidence, multi-role) is its out-of-fold share right, and the
 *     mixed flag's thresholds are those that agree best with the labellers' `mixed`, out of fold.
 *  4. The weights are fitted once more on every posting, and written with three decimals.
 */
import { analyze } from "../classifier.js";
import { InputError } from "../errors.js";
import { compileLexicon } from "../lexicon/compile.js";
import { loadLexicon } from "../lexicon/load.js";
import type { AttributionWeights, DecisionSettings, Lexicon, LexiconInput } from "../lexicon/schema.js";
import { type Label, LABELS } from "../vocabulary.js";
import { softmax } from "../pipeline/06-decide.js";
import { checkPosting, DEFAULT_MAX_INPUT_LENGTH, type Posting } from "../posting.js";
import { type LabelMetrics, labelMetrics } from "../eval/evaluate.js";
import { type Example, exampleLogits, solve } from "./solver.js";

/** A posting with its gold label and the group (company) it belongs to for cross-validation. */
export interface FitExample {
  /** The posting, as an object (title, text or html). */
  readonly posting: Exclude<Posting, string>;
  /** Its gold label. */
  readonly label: "ml" | "ai" | "neither";
  /** Postings of one group (a company) are never split across folds. */
  readonly group: string;
  /** Where the posting comes from (a job board, a feed), for figures by source; optional. */
  readonly source?: string | undefined;
  /** Whether both ML and AI work are substantial, when the labeller said; fits the mixed flag's thresholds. */
  readonly mixed?: boolean | undefined;
  /** How sure the labeller was of the label (the record's `confidence`, such as high or low), for figures by it; optional. */
  readonly labelConfidence?: string | undefined;
}

/** Options of {@link fitLexicon}; every one has a default. */
export interface FitOptions {
  /**
   * Whether to search the grids (default true). With false, the lexicon's own settings (attribution
   * weights, repetition decay, body-evidence threshold, and the L2 strength of its `fit`) are the only
   * candidates: the cross-validated figures of the numbers as they were fitted.
   */
  readonly search?: boolean;
  /** Cross-validation folds (default 5). */
  readonly folds?: number;
  /** Gradient steps per fit (default 1500). */
  readonly steps?: number;
  /** Candidate `context` attribution weights (0–1); every combination with the other two grids is tried. */
  readonly contextGrid?: readonly number[];
  /** Candidate `titleQualifier` attribution weights (0–1). */
  readonly titleQualifierGrid?: readonly number[];
  /** Candidate `otherRoleTitle` attribution weights (0–1). */
  readonly otherRoleTitleGrid?: readonly number[];
  /** Candidate repetition decays (see DecisionSettings.repeatDecay). */
  readonly repeatDecayGrid?: readonly number[];
  /** Candidate L2 strengths. */
  readonly l2Grid?: readonly number[];
  /** Candidate body-evidence thresholds. */
  readonly minBodyEvidenceGrid?: readonly number[];
}

/** What {@link fitLexicon} measured and chose. */
export interface FitReport {
  /** Labelled postings fitted on. */
  readonly count: number;
  /** Cross-validation folds used. */
  readonly folds: number;
  /** Out-of-fold figures of the chosen setting. */
  readonly crossValidated: LabelMetrics;
  /** Out-of-fold predictions, in input order, for reports by source. */
  readonly outOfFold: ReadonlyArray<{
    /** The posting's gold label. */
    readonly gold: Label;
    /** The label predicted by the fold that did not see the posting. */
    readonly predicted: Label;
    /** That prediction's confidence (0–1). */
    readonly confidence: number;
  }>;
  /** The setting the search chose (best out-of-fold accuracy, then log-loss). */
  readonly chosen: {
    /** The attribution weights. */
    readonly attribution: AttributionWeights;
    /** The repetition decay (0–1). */
    readonly repeatDecay: number;
    /** The L2 strength of the entry weights. */
    readonly l2: number;
    /** The body-evidence threshold of the `thin-evidence` rule. */
    readonly minBodyEvidence: number;
    /** The softmax temperature of confidence (> 0). */
    readonly temperature: number;
  };
}

const LABEL_INDEX = { ml: 0, ai: 1, neither: 2 } as const;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** FNV-1a: a stable hash of a group name, so fold assignment never depends on input order or runtime. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface Features {
  readonly examples: Example[];
  /** Per example: entry masses in the body only (for the body-evidence rule). */
  readonly bodyMass: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly multiRoleElsewhere: readonly boolean[];
}

function featuresOf(lexicon: Lexicon, attribution: AttributionWeights, decision: DecisionSettings, data: readonly FitExample[]): Features {
  // Every scored entry at weight 1, so a mass is the entry's evidence before its weight.
  const unit: Lexicon = {
    ...lexicon,
    attributionWeights: attribution,
    decision,
    entries: lexicon.entries.map((e) => (e.role === "shared" ? e : { ...e, weight: 1 })),
  };
  const compiled = compileLexicon(unit);
  const examples: Example[] = [];
  const bodyMass: Array<Array<readonly [number, number]>> = [];
  const multi: boolean[] = [];
  for (const item of data) {
    const analysis = analyze(compiled, checkPosting(item.posting, DEFAULT_MAX_INPUT_LENGTH), "auto");
    const features: Array<readonly [number, number]> = [];
    const body: Array<readonly [number, number]> = [];
    for (const w of analysis.weighed.entries) {
      if (lexicon.entries[w.entryIndex]!.role === "shared" || w.mass === 0) continue;
      features.push([w.entryIndex, w.mass]);
      if (w.bodyMass > 0) body.push([w.entryIndex, w.bodyMass]);
    }
    // Three more columns after the entries: the role's sentences naming ML, AI or no such evidence.
    const duties = analysis.weighed.duties;
    const n = lexicon.entries.length;
    if (duties.ml > 0) features.push([n, Math.log1p(duties.ml)]);
    if (duties.ai > 0) features.push([n + 1, Math.log1p(duties.ai)]);
    if (duties.plain > 0) features.push([n + 2, Math.log1p(duties.plain)]);
    examples.push({ features, label: LABEL_INDEX[item.label] });
    bodyMass.push(body);
    multi.push(analysis.attribution.aboutOtherRoles);
  }
  return { examples, bodyMass, multiRoleElsewhere: multi };
}

interface Prediction {
  readonly z: [number, number, number];
  readonly bodyMlAi: number;
  readonly multi: boolean;
  /** The ML and AI scores (entries' evidence only, as `mixed` reads them). */
  readonly ml: number;
  readonly ai: number;
}

function predictions(
  features: Features,
  indices: readonly number[],
  weights: readonly number[],
  bias: number,
  lexicon: Lexicon,
  classOf: readonly (0 | 1 | 2)[],
): Prediction[] {
  return indices.map((i) => {
    let bodyMlAi = 0;
    for (const [entry, mass] of features.bodyMass[i]!) {
      const role = lexicon.entries[entry]!.role;
      if (role === "ml" || role === "ai") bodyMlAi += weights[entry]! * mass;
    }
    const scores = { ml: 0, ai: 0 };
    for (const [entry, mass] of features.examples[i]!.features) {
      const role = lexicon.entries[entry]?.role;
      if (role === "ml" || role === "ai") scores[role] += weights[entry]! * mass;
    }
    return { z: exampleLogits(features.examples[i]!, weights, bias, classOf), bodyMlAi, multi: features.multiRoleElsewhere[i]!, ...scores };
  });
}

/** The label a prediction gets, and whether a rule (not the logits) made it. */
function labelOf(p: Prediction, minBodyEvidence: number): { label: Label; rule: "multi" | "thin" | undefined } {
  if (p.multi) return { label: "neither", rule: "multi" };
  if (p.bodyMlAi < minBodyEvidence) return { label: "neither", rule: "thin" };
  const [a, b, c] = p.z;
  return { label: c > a && c > b ? "neither" : a >= b ? "ml-engineer" : "ai-engineer", rule: undefined };
}

/**
 * The author's weights times the one scale (0.01–10) under which they fit the postings best, by
 * golden-section search on the mean log-loss with the best bias for each scale.
 */
function scaledPrior(examples: readonly Example[], authored: readonly number[], classOf: readonly (0 | 1 | 2)[]): number[] {
  const lossAt = (scale: number) => {
    const weights = authored.map((w) => w * scale);
    // The bias for this scale: a few Newton-free steps of golden-section search.
    const lossWithBias = (bias: number) =>
      examples.reduce((s, e) => s - Math.log(Math.max(1e-12, softmax(exampleLogits(e, weights, bias, classOf), 1)[e.label]!)), 0);
    return lossWithBias(goldenMin(lossWithBias, -10, 10, 40));
  };
  const scale = goldenMin(lossAt, 0.01, 10, 40);
  return authored.map((w) => w * scale);
}

/** The argument in [lo, hi] that minimizes a unimodal function, by golden-section search. */
function goldenMin(f: (x: number) => number, lo: number, hi: number, steps: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < steps; i++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (f(a) <= f(b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/**
 * The mixed flag's thresholds (smaller score ≥ ratio × larger and ≥ minimum) that agree best with the
 * gold `mixed` of the postings labelled and predicted ML/AI, out of fold; ties go to the first in the grid.
 */
function fitMixed(
  oof: readonly Prediction[],
  decided: ReadonlyArray<{ label: Label }>,
  data: readonly FitExample[],
): Pick<DecisionSettings, "mixedRatio" | "mixedMinScore"> {
  const known = oof.flatMap((p, i) =>
    data[i]!.mixed === undefined || data[i]!.label === "neither" || decided[i]!.label === "neither" ? [] : [{ p, gold: data[i]!.mixed! }],
  );
  let best = { mixedRatio: 0.45, mixedMinScore: 1, agree: -1 };
  for (const mixedRatio of [0.3, 0.4, 0.5, 0.6]) {
    for (const mixedMinScore of [0.5, 1, 1.5, 2, 3]) {
      const agree = known.filter(({ p, gold }) => {
        const smaller = Math.min(p.ml, p.ai);
        return (smaller >= mixedMinScore && smaller >= mixedRatio * Math.max(p.ml, p.ai)) === gold;
      }).length;
      if (agree > best.agree) best = { mixedRatio, mixedMinScore, agree };
    }
  }
  return { mixedRatio: best.mixedRatio, mixedMinScore: best.mixedMinScore };
}

/** The lowest temperature a fit may choose (see fitTemperature). */
const MIN_TEMPERATURE = 0.5;

/** The temperature that minimizes the log-loss of the logits' own labels, by golden-section search. */
function fitTemperature(items: ReadonlyArray<{ z: readonly number[]; gold: number }>): number {
  // Bounded away from 0: on a few postings that a fit separates perfectly, log-loss would drive it to 0 and every confidence to 0.99.
  return goldenMin((t) => items.reduce((s, { z, gold }) => s - Math.log(Math.max(1e-12, softmax(z, t)[gold]!)), 0), MIN_TEMPERATURE, 20, 80);
}

/**
 * Fits the numbers of `lexicon` (a document or validated lexicon) on labelled postings and returns
 * the lexicon document with them, plus cross-validated figures. Throws `LexiconError` for an invalid
 * lexicon and `InputError` (`INPUT_INVALID`, field `postings`) when there are fewer postings than folds.
 */
export function fitLexicon(
  lexicon: unknown,
  data: readonly FitExample[],
  options: FitOptions = {},
): {
  /** The lexicon document with the fitted numbers (and its `fit` summary), ready to write as JSON. */
  lexicon: LexiconInput;
  /** The cross-validated figures and the chosen setting. */
  report: FitReport;
} {
  const base = loadLexicon(lexicon);
  const folds = options.folds ?? 5;
  if (data.length < folds)
    throw new InputError("INPUT_INVALID", "postings", `fitting needs at least ${folds} labelled postings (one per fold), got ${data.length}`);
  const steps = options.steps ?? 1500;
  const classOf = [...base.entries.map((e) => (e.role === "ml" ? 0 : e.role === "ai" ? 1 : 2)), 0, 1, 2] as (0 | 1 | 2)[];
  const start = { bias: 2 };
  // The author's weights, and 1 for the three breadth terms (log1p of a sentence count).
  const authored = [...base.entries.map((e) => (e.role === "shared" ? 0 : (e.prior ?? e.weight))), 1, 1, 1];
  const maxWeight = 10;
  const foldOf = data.map((d) => hash(d.group) % folds);
  const decisionBase: DecisionSettings = base.decision ?? {
    neitherBias: 0,
    dutyWeights: { ml: 0, ai: 0, plain: 0 },
    minBodyEvidence: 0,
    temperature: 1,
    thinEvidenceConfidence: 0.5,
    multiRoleConfidence: 0.5,
    mixedRatio: 0.45,
    mixedMinScore: 4,
    repeatDecay: 0.5,
  };

  let best:
    | {
        score: number;
        loss: number;
        attribution: AttributionWeights;
        repeatDecay: number;
        l2: number;
        minBody: number;
        features: Features;
        prior: number[];
        oof: Prediction[];
      }
    | undefined;
  const own = options.search === false ? base.attributionWeights : undefined;
  const l2Grid = options.search === false && base.fit ? [base.fit.l2] : (options.l2Grid ?? [0.001, 0.003]);
  const minBodyGrid = options.search === false && base.decision ? [base.decision.minBodyEvidence] : (options.minBodyEvidenceGrid ?? [0, 0.5, 1, 1.5, 2, 3]);
  const settings = (own ? [own.context] : (options.contextGrid ?? [0.1, 0.25, 0.5])).flatMap((context) =>
    (own ? [own.titleQualifier] : (options.titleQualifierGrid ?? [0.25])).flatMap((titleQualifier) =>
      (own ? [own.otherRoleTitle] : (options.otherRoleTitleGrid ?? [0.1, 0.25, 0.5])).flatMap((otherRoleTitle) =>
        (options.repeatDecayGrid ?? [decisionBase.repeatDecay]).map((repeatDecay) => ({
          attribution: { context, titleQualifier, otherRoleTitle },
          repeatDecay,
        })),
      ),
    ),
  );
  for (const { attribution, repeatDecay } of settings) {
    {
      const features = featuresOf(base, attribution, { ...decisionBase, repeatDecay }, data);
      const prior = scaledPrior(features.examples, authored, classOf);
      for (const l2 of l2Grid) {
        const oof: Prediction[] = new Array(data.length);
        for (let k = 0; k < folds; k++) {
          const trainIdx = data.map((_, i) => i).filter((i) => foldOf[i] !== k && !features.multiRoleElsewhere[i]);
          const testIdx = data.map((_, i) => i).filter((i) => foldOf[i] === k);
          const fitted = solve(
            trainIdx.map((i) => features.examples[i]!),
            { classOf, l2, maxWeight, steps, start: { weights: prior, bias: start.bias }, prior },
          );
          const predicted = predictions(features, testIdx, fitted.weights, fitted.bias, base, classOf);
          testIdx.forEach((i, j) => {
            oof[i] = predicted[j]!;
          });
        }
        for (const minBody of minBodyGrid) {
          const right = oof.filter((p, i) => labelOf(p, minBody).label === LABELS[LABEL_INDEX[data[i]!.label]]).length;
          const loss = oof.reduce((s, p, i) => s - Math.log(Math.max(1e-12, softmax(p.z, 1)[LABEL_INDEX[data[i]!.label]]!)), 0);
          const score = right / data.length;
          if (!best || score > best.score + 1e-12 || (Math.abs(score - best.score) <= 1e-12 && loss < best.loss)) {
            best = { score, loss, attribution, repeatDecay, l2, minBody, features, prior, oof };
          }
        }
      }
    }
  }
  const chosen = best!;
  const gold = data.map((d) => LABEL_INDEX[d.label]);
  const decided = chosen.oof.map((p) => labelOf(p, chosen.minBody));
  const temperature = fitTemperature(chosen.oof.flatMap((p, i) => (decided[i]!.rule === undefined ? [{ z: p.z, gold: gold[i]! }] : [])));
  // A rule's confidence: the share of its calls that were right, with one imagined call each way.
  const ruleConfidence = (rule: "multi" | "thin") => {
    const calls = decided.map((d, i) => ({ d, i })).filter(({ d }) => d.rule === rule);
    return (calls.filter(({ i }) => gold[i] === 2).length + 1) / (calls.length + 2);
  };
  const thinEvidenceConfidence = round3(ruleConfidence("thin"));
  const multiRoleConfidence = round3(ruleConfidence("multi"));
  const outOfFold = chosen.oof.map((p, i) => {
    const { label, rule } = decided[i]!;
    const confidence = rule === "thin" ? thinEvidenceConfidence : rule === "multi" ? multiRoleConfidence : softmax(p.z, temperature)[LABELS.indexOf(label)]!;
    return { gold: LABELS[gold[i]!]!, predicted: label, confidence };
  });

  const everyIdx = data.map((_, i) => i).filter((i) => !chosen.features.multiRoleElsewhere[i]);
  const final = solve(
    everyIdx.map((i) => chosen.features.examples[i]!),
    { classOf, l2: chosen.l2, maxWeight, steps, start: { weights: chosen.prior, bias: start.bias }, prior: chosen.prior },
  );
  const mixed = fitMixed(chosen.oof, decided, data);
  const decision: DecisionSettings = {
    ...decisionBase,
    ...mixed,
    repeatDecay: chosen.repeatDecay,
    neitherBias: round3(final.bias),
    dutyWeights: {
      ml: round3(final.weights[base.entries.length]!),
      ai: round3(final.weights[base.entries.length + 1]!),
      plain: round3(final.weights[base.entries.length + 2]!),
    },
    minBodyEvidence: chosen.minBody,
    temperature: round3(temperature),
    thinEvidenceConfidence,
    multiRoleConfidence,
  };
  const crossValidated = labelMetrics(outOfFold);
  // The input document with its numbers replaced, so its shape (key order, defaults left out) stays the author's.
  const source = (typeof lexicon === "string" ? JSON.parse(lexicon) : structuredClone(lexicon)) as LexiconInput;
  const document: LexiconInput = {
    ...source,
    entries: source.entries.map((e, i) => (e.role === "shared" ? e : { ...e, prior: e.prior ?? e.weight, weight: round3(final.weights[i]!) })),
    attributionWeights: chosen.attribution,
    decision,
    fit: {
      l2: chosen.l2,
      postings: data.length,
      folds,
      crossValidated: {
        accuracy: round3(crossValidated.accuracy),
        macroF1: round3(crossValidated.macroF1),
        neitherRecall: round3(crossValidated.perClass.neither.recall),
        mlAiAccuracy: round3(crossValidated.mlAiAccuracy),
        ece: round3(crossValidated.calibration.ece),
      },
    },
  };
  return {
    lexicon: document,
    report: {
      count: data.length,
      folds,
      crossValidated,
      outOfFold,
      chosen: {
        attribution: chosen.attribution,
        repeatDecay: chosen.repeatDecay,
        l2: chosen.l2,
        minBodyEvidence: chosen.minBody,
        temperature: decision.temperature,
      },
    },
  };
}
