import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DECISION } from "../src/lexicon/compile.js";
import type { DecisionSettings } from "../src/lexicon/schema.js";
import { decide } from "../src/pipeline/05-decide.js";

const settings: DecisionSettings = {
  minEvidence: 3,
  neitherShare: 0.4,
  mixedRatio: 0.5,
  mixedMinScore: 4,
  repeatDecay: 0.5,
  calibration: { bias: 0, margin: 1, evidence: 0, neitherBias: 0, neitherGap: 1 },
};
const scores = (ml: number, ai: number, neither = 0) => ({ ml, ai, shared: 0, neither });

describe("decide", () => {
  it("below minEvidence of ML+AI evidence the label is neither, for thin evidence", () => {
    expect(decide(scores(1, 1.5), settings)).toMatchObject({ label: "neither", reason: "thin-evidence", mixed: false });
  });

  it("evidence for another role above neitherShare of the total makes it neither, for another role", () => {
    // 5 > 0.4 × (6 + 5)
    expect(decide(scores(4, 2, 5), settings)).toMatchObject({ label: "neither", reason: "other-role" });
    // 3 < 0.4 × (6 + 3)
    expect(decide(scores(4, 2, 3), settings)).toMatchObject({ label: "ml-engineer", reason: "ml-dominates" });
  });

  it("the larger role score wins; a tie goes to ML", () => {
    expect(decide(scores(2, 5), settings)).toMatchObject({ label: "ai-engineer", reason: "ai-dominates" });
    expect(decide(scores(5, 5), settings)).toMatchObject({ label: "ml-engineer", reason: "ml-dominates" });
  });

  it("mixed needs the smaller score at least mixedMinScore and mixedRatio of the larger", () => {
    expect(decide(scores(8, 4), settings).mixed).toBe(true);
    expect(decide(scores(9, 4), settings).mixed).toBe(false);
    expect(decide(scores(6, 3.5), settings).mixed).toBe(false);
  });

  it("confidence is the logistic calibration, rounded to three places", () => {
    // sigmoid(0 + 1 × ln((7 + 1) / (1 + 1))) = 4 / 5
    expect(decide(scores(7, 1), settings).confidence).toBe(0.8);
    // neither: sigmoid(0 + 1 × (ln(1 + 0) − ln(1 + 1))) = 1 / 3
    expect(decide(scores(0.5, 0.5), settings).confidence).toBe(0.333);
  });

  it("confidence stays within [0.01, 0.99] and a larger margin never lowers it", () => {
    const score = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(score, score, score, fc.double({ min: 0, max: 100, noNaN: true }), (ml, ai, neither, extra) => {
        const d = decide(scores(ml, ai, neither), DEFAULT_DECISION);
        expect(d.confidence).toBeGreaterThanOrEqual(0.01);
        expect(d.confidence).toBeLessThanOrEqual(0.99);
        if (d.label === "ml-engineer" && ai > 0) {
          const wider = decide(scores(ml, Math.max(0, ai - extra), neither), { ...DEFAULT_DECISION, minEvidence: 0, neitherShare: 1 });
          expect(wider.confidence).toBeGreaterThanOrEqual(decide(scores(ml, ai, neither), { ...DEFAULT_DECISION, minEvidence: 0, neitherShare: 1 }).confidence);
        }
      }),
    );
  });
});
