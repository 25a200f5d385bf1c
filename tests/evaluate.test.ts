import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClassifier, InputError } from "../src/index.js";
import { calibration, evaluate, labelMetrics } from "../src/eval/evaluate.js";

describe("calibration", () => {
  it("is zero when confidence equals accuracy in every bin, and the gap otherwise", () => {
    const perfect = [
      ...Array.from({ length: 4 }, (_, i) => ({ confidence: 0.75, correct: i < 3 })),
      ...Array.from({ length: 2 }, (_, i) => ({ confidence: 0.5, correct: i < 1 })),
    ];
    expect(calibration(perfect).ece).toBeCloseTo(0, 10);
    const overconfident = Array.from({ length: 10 }, (_, i) => ({ confidence: 0.9, correct: i % 2 === 0 }));
    expect(calibration(overconfident).ece).toBeCloseTo(0.4, 10);
  });

  it("stays in [0, 1] and puts every pair in exactly one bin", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ confidence: fc.double({ min: 0, max: 1, noNaN: true }), correct: fc.boolean() }), { maxLength: 200 }), (pairs) => {
        const c = calibration(pairs);
        expect(c.ece).toBeGreaterThanOrEqual(0);
        expect(c.ece).toBeLessThanOrEqual(1);
        expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(pairs.length);
      }),
    );
  });
});

describe("evaluate", () => {
  const classifier = createClassifier();
  const gold = [
    {
      id: "1",
      title: "AI Engineer",
      text: "Build RAG apps with LangChain, OpenAI and Pinecone.",
      label: "ai" as const,
      level: "unstated" as const,
      mixed: false,
    },
    {
      id: "2",
      title: "Senior ML Engineer",
      text: "Distributed training with DeepSpeed; MLflow; model serving with Triton.",
      label: "ml" as const,
      level: "senior" as const,
      mixed: false,
    },
    { id: "3", title: "Barista", text: "Make coffee.", label: "neither" as const, level: "junior" as const, mixed: false },
    { id: "4", title: "Barista", text: "Make coffee.", label: "ml" as const, level: null, mixed: null },
  ];

  it("counts the confusion matrix and per-class metrics from the answers", () => {
    const report = evaluate(classifier, gold);
    expect(report.count).toBe(4);
    expect(report.confusion["ml-engineer"]).toEqual({ "ml-engineer": 1, "ai-engineer": 0, neither: 1 });
    expect(report.accuracy).toBe(0.75);
    expect(report.mlAiAccuracy).toBeCloseTo(2 / 3);
    expect(report.perClass.neither).toEqual({ precision: 0.5, recall: 1, f1: 2 / 3, support: 1 });
    expect(report.seniority.count).toBe(2);
  });

  it("throws InputError INPUT_INVALID for no postings rather than report accuracy 0", () => {
    expect(() => evaluate(classifier, [])).toThrow(expect.objectContaining({ code: "INPUT_INVALID", message: expect.stringMatching(/no|none/) }));
    expect(() => evaluate(classifier, [])).toThrow(InputError);
  });

  it("averages macro-F1 over the labels present in the gold or predicted labels", () => {
    // One posting, right: only its label is present, and its F1 is 1.
    expect(evaluate(classifier, [gold[0]!]).macroF1).toBe(1);
    // Gold ml predicted neither, gold neither predicted neither: ml F1 0, neither F1 2/3; ai is absent.
    const two = labelMetrics([
      { gold: "ml-engineer", predicted: "neither", confidence: 0.5 },
      { gold: "neither", predicted: "neither", confidence: 0.5 },
    ]);
    expect(two.macroF1).toBeCloseTo((0 + 2 / 3) / 2);
    // All three present: the mean of the three.
    const report = evaluate(classifier, gold);
    expect(report.macroF1).toBeCloseTo((report.perClass["ml-engineer"].f1 + report.perClass["ai-engineer"].f1 + report.perClass.neither.f1) / 3);
  });

  it("accepts a one-shot iterable", () => {
    function* once() {
      yield* gold;
    }
    expect(evaluate(classifier, once()).count).toBe(4);
  });
});
