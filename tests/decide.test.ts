import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DECISION } from "../src/lexicon/compile.js";
import type { DecisionSettings } from "../src/lexicon/schema.js";
import { decide, logits, softmax } from "../src/pipeline/06-decide.js";

const settings: DecisionSettings = {
  neitherBias: 2,
  dutyWeights: { ml: 1, ai: 1, plain: 0.5 },
  minBodyEvidence: 1,
  temperature: 1,
  thinEvidenceConfidence: 0.7,
  multiRoleConfidence: 0.8,
  mixedRatio: 0.5,
  mixedMinScore: 4,
  repeatDecay: 0.5,
};
const scores = (ml: number, ai: number, neither = 0) => ({ ml, ai, shared: 0, neither });
const input = (ml: number, ai: number, neither = 0, duties = { ml: 0, ai: 0, plain: 0 }, aboutOtherRoles = false) => ({
  scores: scores(ml, ai, neither),
  bodyScores: scores(ml, ai, neither),
  duties,
  aboutOtherRoles,
});

describe("decide", () => {
  it("a multi-role post about other roles is neither, with the rule's fitted confidence", () => {
    expect(decide(input(9, 0, 0, undefined, true), settings)).toEqual({ label: "neither", confidence: 0.8, mixed: false, reason: "multi-role" });
  });

  it("below minBodyEvidence of ML+AI evidence in the body the label is neither, whatever the title adds", () => {
    const titleOnly = { ...input(0, 0), scores: scores(5, 0) };
    expect(decide(titleOnly, settings)).toEqual({ label: "neither", confidence: 0.7, mixed: false, reason: "thin-evidence" });
  });

  it("the logits are the scores plus the breadth terms, and neither starts at its bias", () => {
    const z = logits({ scores: scores(2, 1, 0.5), duties: { ml: 1, ai: 3, plain: 7 } }, settings);
    expect(z[0]).toBeCloseTo(2 + Math.log(2), 12);
    expect(z[1]).toBeCloseTo(1 + Math.log(4), 12);
    expect(z[2]).toBeCloseTo(2 + 0.5 + 0.5 * Math.log(8), 12);
  });

  it("the largest logit wins; the neither bias beats thin evidence, other roles' evidence gives other-role", () => {
    expect(decide(input(1.5, 0.5), settings)).toMatchObject({ label: "neither", reason: "thin-evidence" });
    expect(decide(input(3, 0, 2), settings)).toMatchObject({ label: "neither", reason: "other-role" });
    expect(decide(input(2, 5), settings)).toMatchObject({ label: "ai-engineer", reason: "ai-dominates" });
    expect(decide(input(5, 5), settings)).toMatchObject({ label: "ml-engineer", reason: "ml-dominates" });
  });

  it("confidence is the softmax of the logits at the temperature, rounded to three places", () => {
    const p = softmax([5, 3, 2], 1);
    expect(decide(input(5, 3), settings).confidence).toBe(Math.round(p[0]! * 1000) / 1000);
    const cooler = decide(input(5, 3), { ...settings, temperature: 2 }).confidence;
    expect(cooler).toBeLessThan(decide(input(5, 3), settings).confidence);
  });

  it("mixed needs the smaller score at least mixedMinScore and mixedRatio of the larger", () => {
    expect(decide(input(8, 4), settings).mixed).toBe(true);
    expect(decide(input(9, 4), settings).mixed).toBe(false);
    expect(decide(input(6, 3.5), settings).mixed).toBe(false);
  });

  it("confidence stays within [0.01, 0.99] and more evidence for the winner never lowers it", () => {
    const score = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(score, score, score, fc.double({ min: 0, max: 100, noNaN: true }), (ml, ai, neither, extra) => {
        const d = decide(input(ml, ai, neither), DEFAULT_DECISION);
        expect(d.confidence).toBeGreaterThanOrEqual(0.01);
        expect(d.confidence).toBeLessThanOrEqual(0.99);
        if (d.label === "ml-engineer") expect(decide(input(ml + extra, ai, neither), DEFAULT_DECISION).confidence).toBeGreaterThanOrEqual(d.confidence);
      }),
    );
  });
});
