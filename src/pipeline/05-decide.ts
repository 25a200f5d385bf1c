/**
 * Stage 5: turn the role scores into a label, a calibrated confidence and the mixed flag.
 * `neither` when the ML+AI evidence is below `minEvidence`, or when evidence for another kind of
 * role (analyst, sales, generic engineering titles) outweighs it; otherwise the larger score wins.
 * Confidence is a logistic function of the log-ratio between the two roles and of the amount of
 * evidence, with coefficients fitted on labelled postings (see `role-lens eval`).
 */
import type { DecisionSettings } from "../lexicon/schema.js";
import type { Label, Reason } from "../vocabulary.js";
import type { RoleScores } from "./04-weigh.js";

export type { Label } from "../vocabulary.js";

export interface Decision {
  readonly label: Label;
  readonly confidence: number;
  readonly mixed: boolean;
  /** Why the label was chosen, in words a reader can check against the evidence. */
  readonly reason: Reason;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Stage 5: the label, confidence, mixed flag and reason for a posting's role scores. */
export function decide(scores: RoleScores, settings: DecisionSettings): Decision {
  const { ml, ai, neither } = scores;
  const core = ml + ai;
  const c = settings.calibration;

  if (core < settings.minEvidence || neither > settings.neitherShare * (core + neither)) {
    const confidence = clamp(sigmoid(c.neitherBias + c.neitherGap * (Math.log1p(neither) - Math.log1p(core))));
    return { label: "neither", confidence, mixed: false, reason: core < settings.minEvidence ? "thin-evidence" : "other-role" };
  }
  const label: Label = ml >= ai ? "ml-engineer" : "ai-engineer";
  const larger = Math.max(ml, ai);
  const smaller = Math.min(ml, ai);
  const mixed = smaller >= settings.mixedMinScore && smaller >= settings.mixedRatio * larger;
  const confidence = clamp(sigmoid(c.bias + c.margin * Math.log((larger + 1) / (smaller + 1)) + c.evidence * Math.log1p(core)));
  return { label, confidence, mixed, reason: label === "ml-engineer" ? "ml-dominates" : "ai-dominates" };
}

/** Keeps confidence strictly inside (0, 1) and rounded, so results serialize identically everywhere. */
function clamp(p: number): number {
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}
