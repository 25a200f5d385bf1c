/*
 * The model `role-lens lexicon fit` fits: multinomial logistic regression over the three labels
 * (ml, ai, neither) in which each feature (a lexicon entry's evidence mass) adds to the logit of its
 * own label only, with a non-negative weight, and the `neither` logit has a free bias. L2
 * regularization pulls each weight towards its prior (the lexicon author's weight, scaled). The loss is convex; it is minimized by projected
 * gradient descent with Nesterov momentum for a fixed number of steps from a fixed start, so the
 * same data always give the same weights (no randomness, no early stopping on time).
 *
 * No package fits this shape (weights tied to one class each, bounds, a free bias): ml-logistic-
 * regression is one-vs-rest without bounds, fmin has no bounds. It is small and tested on its own.
 */

import { softmax } from "../pipeline/06-decide.js";

/** One labelled example: its sparse features (index into the weights, value ≥ 0) and its class. */
export interface Example {
  readonly features: ReadonlyArray<readonly [index: number, value: number]>;
  /** 0 ml, 1 ai, 2 neither. */
  readonly label: 0 | 1 | 2;
}

export interface SolverOptions {
  /** The class each weight's feature adds to (0 ml, 1 ai, 2 neither). */
  readonly classOf: readonly (0 | 1 | 2)[];
  /** L2 strength per weight, on the mean loss. */
  readonly l2: number;
  /** What the penalty pulls each weight towards (default 0). */
  readonly prior?: readonly number[];
  /** Upper bound of every weight (the lexicon schema's limit). */
  readonly maxWeight: number;
  readonly steps: number;
  /** Starting weights and bias. */
  readonly start: { readonly weights: readonly number[]; readonly bias: number };
}

export interface SolverResult {
  readonly weights: number[];
  readonly bias: number;
  /** Mean cross-entropy on the examples at the end, without the penalty. */
  readonly loss: number;
}

/** The three logits of an example under weights and bias. */
export function exampleLogits(example: Example, weights: readonly number[], bias: number, classOf: readonly (0 | 1 | 2)[]): [number, number, number] {
  const z: [number, number, number] = [0, 0, bias];
  for (const [i, v] of example.features) z[classOf[i]!] += weights[i]! * v;
  return z;
}

/** Mean cross-entropy and its gradient at (weights, bias). */
function lossAndGradient(examples: readonly Example[], weights: readonly number[], bias: number, options: SolverOptions) {
  const grad = new Array<number>(weights.length).fill(0);
  let gradBias = 0;
  let loss = 0;
  for (const example of examples) {
    const p = softmax(exampleLogits(example, weights, bias, options.classOf), 1);
    loss -= Math.log(Math.max(1e-12, p[example.label]!));
    // d(-log p_y)/dz_k = p_k - [k = y]
    const dz = p;
    dz[example.label]! -= 1;
    for (const [i, v] of example.features) grad[i]! += dz[options.classOf[i]!]! * v;
    gradBias += dz[2]!;
  }
  const n = Math.max(1, examples.length);
  for (let i = 0; i < grad.length; i++) grad[i] = grad[i]! / n + 2 * options.l2 * (weights[i]! - (options.prior?.[i] ?? 0));
  return { loss: loss / n, grad, gradBias: gradBias / n };
}

/**
 * A step size the gradient cannot overshoot: the softmax loss's curvature is at most half the
 * largest squared feature norm of an example (plus the bias and the penalty).
 */
function stepSize(examples: readonly Example[], l2: number): number {
  let largest = 1;
  for (const e of examples) {
    let norm = 1;
    for (const [, v] of e.features) norm += v * v;
    if (norm > largest) largest = norm;
  }
  return 1 / (0.5 * largest + 2 * l2);
}

const project = (w: number, max: number) => Math.min(max, Math.max(0, w));

/** Fits the weights and bias; deterministic for the same examples and options. */
export function solve(examples: readonly Example[], options: SolverOptions): SolverResult {
  const step = stepSize(examples, options.l2);
  let weights = [...options.start.weights];
  let bias = options.start.bias;
  let previous = weights;
  let previousBias = bias;
  for (let t = 1; t <= options.steps; t++) {
    // Nesterov look-ahead, then a projected gradient step from it.
    const momentum = (t - 1) / (t + 2);
    const lookW = weights.map((w, i) => project(w + momentum * (w - previous[i]!), options.maxWeight));
    const lookB = bias + momentum * (bias - previousBias);
    const { grad, gradBias } = lossAndGradient(examples, lookW, lookB, options);
    previous = weights;
    previousBias = bias;
    weights = lookW.map((w, i) => project(w - step * grad[i]!, options.maxWeight));
    bias = lookB - step * gradBias;
  }
  return { weights, bias, loss: lossAndGradient(examples, weights, bias, { ...options, l2: 0 }).loss };
}
