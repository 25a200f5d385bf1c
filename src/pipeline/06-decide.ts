/**
 * Stage 6: turn the weighed evidence into a label, a calibrated confidence and the mixed flag.
 * Two rules come first: a post that lists several roles whose main subject is not an ML/AI role is
 * `neither` (reason `multi-role`), and so is a posting whose body names less ML/AI evidence than
 * `minBodyEvidence`, whatever its title says (reason `thin-evidence`); their confidence is the share
 * of such calls that were right on labelled postings, out of fold. Otherwise three logits compete:
 * ML is the ML score plus its breadth term (the role's sentences that name ML evidence), AI likewise,
 * and `neither` is `neitherBias` plus the score of evidence for other kinds of role plus the breadth
 * of the role's sentences that name no ML/AI work. The largest wins; confidence is their softmax at
 * the fitted temperature. Every number is fitted on labelled postings (`role-lens lexicon fit`).
 */
import type { DecisionSettings } from "../lexicon/schema.js";
import type { Label, Reason } from "../vocabulary.js";
import type { Duties, RoleScores } from "./05-weigh.js";

export type { Label } from "../vocabulary.js";

export interface Decision {
  readonly label: Label;
  /** Probability (0–1) that `label` is right, calibrated on labelled postings. */
  readonly confidence: number;
  readonly mixed: boolean;
  /** Why the label was chosen, in words a reader can check against the evidence. */
  readonly reason: Reason;
}

/** What stage 6 reads of stages 4 and 5. */
export interface DecisionInput {
  readonly scores: RoleScores;
  /** The scores of the body's evidence alone. */
  readonly bodyScores: RoleScores;
  readonly duties: Duties;
  /** A multi-role post whose main subject is not an ML/AI role. */
  readonly aboutOtherRoles: boolean;
}

/** The three logits, in the order ml, ai, neither. */
export function logits(input: Pick<DecisionInput, "scores" | "duties">, settings: DecisionSettings): [number, number, number] {
  const { scores, duties } = input;
  const w = settings.dutyWeights;
  return [
    scores.ml + w.ml * Math.log1p(duties.ml),
    scores.ai + w.ai * Math.log1p(duties.ai),
    settings.neitherBias + scores.neither + w.plain * Math.log1p(duties.plain),
  ];
}

/** Softmax of logits at a temperature (> 0), computed from the largest so it cannot overflow. */
export function softmax(z: readonly number[], temperature: number): number[] {
  const top = Math.max(...z);
  // Loops, not map/reduce: their arrays' element kinds vary with the values and deoptimize the callers.
  const e: number[] = [];
  let sum = 0;
  for (const v of z) {
    const x = Math.exp((v - top) / temperature);
    e.push(x);
    sum += x;
  }
  const p: number[] = [];
  for (const x of e) p.push(x / sum);
  return p;
}

/** Stage 6: the label, confidence, mixed flag and reason. */
export function decide(input: DecisionInput, settings: DecisionSettings): Decision {
  if (input.aboutOtherRoles) return { label: "neither", confidence: clamp(settings.multiRoleConfidence), mixed: false, reason: "multi-role" };
  if (input.bodyScores.ml + input.bodyScores.ai < settings.minBodyEvidence) {
    return { label: "neither", confidence: clamp(settings.thinEvidenceConfidence), mixed: false, reason: "thin-evidence" };
  }
  const z = logits(input, settings);
  const p = softmax(z, settings.temperature);
  if (z[2] > z[0] && z[2] > z[1]) {
    // Thin when the bias alone outweighs the ML/AI side; otherwise evidence of another kind of role did.
    const reason = settings.neitherBias >= Math.max(z[0], z[1]) ? "thin-evidence" : "other-role";
    return { label: "neither", confidence: clamp(p[2]!), mixed: false, reason };
  }
  const { ml, ai } = input.scores;
  const isMl = z[0] >= z[1];
  const larger = Math.max(ml, ai);
  const smaller = Math.min(ml, ai);
  const mixed = smaller >= settings.mixedMinScore && smaller >= settings.mixedRatio * larger;
  return { label: isMl ? "ml-engineer" : "ai-engineer", confidence: clamp(isMl ? p[0]! : p[1]!), mixed, reason: isMl ? "ml-dominates" : "ai-dominates" };
}

/** Keeps confidence strictly inside (0, 1) and rounded, so results serialize identically everywhere. */
function clamp(p: number): number {
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}
