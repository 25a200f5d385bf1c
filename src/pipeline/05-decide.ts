import type { DecisionSettings } from "../lexicon/schema.js";
import type { RoleScores } from "./04-weigh.js";

/**
 * Stage 5: turn the role scores into a label, a calibrated confidence and the mixed flag.
 * `neither` when the ML+AI evidence is below `minEvidence`, or when evidence for another kind of
 * role (analyst, sales, generic engineering titles) outweighs it; otherwise the larger score wins.
 * Confidence is a logistic function of the log-ratio between the two roles and of the amount of
 * evidence, with coefficients fitted on labelled postings (see `role-lens eval`).
 */
export type Label = "ml-engineer" | "ai-engineer" | "neither";

export interface Decision {
  readonly label: Label;
  readonly confidence: number;
  readonly mixed: boolean;
  /** Why the label was chosen, in words a reader can check against the evidence. */
  readonly reason: "thin-evidence" | "other-role" | "ml-dominates" | "ai-dominates";
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function decide(scores: RoleScores, settings: DecisionSettings): Decision {
  const { ml, ai, neither } = scores;
  const core = ml + ai;
  const { bias, margin, evidence } = settings.calibration;
  const logRatio = Math.log((Math.max(ml, ai) + 1) / (Math.min(ml, ai) + 1));
  const strength = Math.log1p(core);

  if (core < settings.minEvidence || neither > settings.neitherShare * (core + neither)) {
    // Confident "neither" when there is little ML/AI evidence at all; less so near the threshold.
    const gap = Math.max(0, settings.minEvidence - core) + Math.max(0, neither - core);
    const confidence = clamp(sigmoid(bias + evidence * gap + margin * 0.5));
    return { label: "neither", confidence, mixed: false, reason: core < settings.minEvidence ? "thin-evidence" : "other-role" };
  }
  const label: Label = ml >= ai ? "ml-engineer" : "ai-engineer";
  const smaller = Math.min(ml, ai);
  const mixed = smaller >= settings.mixedMinScore && smaller >= settings.mixedRatio * Math.max(ml, ai);
  const confidence = clamp(sigmoid(bias + margin * logRatio + evidence * strength));
  return { label, confidence, mixed, reason: label === "ml-engineer" ? "ml-dominates" : "ai-dominates" };
}

/** Keeps confidence strictly inside (0, 1) and rounded, so results serialize identically everywhere. */
function clamp(p: number): number {
  return Math.round(Math.min(0.99, Math.max(0.01, p)) * 1000) / 1000;
}
