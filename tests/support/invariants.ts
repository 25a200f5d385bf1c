import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as RoleLens from "../../src/index.js";
import { anyText, postingText, postingTitle, toHtml } from "./arbitraries.js";

type Api = Pick<typeof RoleLens, "classify" | "createClassifier">;
type Result = ReturnType<Api["classify"]>;
type PostingArg = Parameters<Api["classify"]>[0];

/** `input[field].slice(start, end) === text` for every span a result reports. */
export function expectSpansSliceBack(posting: PostingArg, result: Result): void {
  const fieldText = (field: string): string => (typeof posting === "string" ? posting : ((posting as Record<string, string | undefined>)[field] ?? ""));
  const spans = [...result.evidence.flatMap((e) => e.matches), ...(result.seniority.evidence ? [result.seniority.evidence] : []), ...result.salary.mentions];
  for (const span of spans) {
    if (typeof posting === "string") expect(span.field).toBe("input");
    expect(fieldText(span.field).slice(span.start, span.end)).toBe(span.text);
  }
}

/**
 * The properties every build of role-lens must satisfy, written once and run against the sources
 * (tests/properties.test.ts, 1,000 runs each) and the built ESM and CJS bundles (tests/dist.test.ts,
 * fewer: they re-check the build, not the logic). FC_RUNS overrides the count.
 */
export function describeInvariants(name: string, api: Api, defaultRuns = 1000): void {
  const runs = Number(process.env["FC_RUNS"] ?? defaultRuns);
  describe(`invariants: ${name}`, () => {
    const classifier = api.createClassifier();

    it("is deterministic: the same posting gives byte-identical JSON", () => {
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          expect(JSON.stringify(classifier.classify({ title, text }))).toBe(JSON.stringify(classifier.classify({ title, text })));
        }),
        { numRuns: runs },
      );
    });

    it("keeps confidence in [0, 1] and scores non-negative, for any string", () => {
      fc.assert(
        fc.property(fc.oneof(postingText, anyText), (text) => {
          const r = classifier.classify(text);
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          for (const s of Object.values(r.scores)) expect(s).toBeGreaterThanOrEqual(0);
          expect(["ml-engineer", "ai-engineer", "neither"]).toContain(r.label);
        }),
        { numRuns: runs },
      );
    });

    it("reports spans that slice back to the matched text, for plain text", () => {
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const asRecord = { title, text };
          expectSpansSliceBack(asRecord, classifier.classify(asRecord));
          const asString = `${title}\n${text}`;
          expectSpansSliceBack(asString, classifier.classify(asString));
        }),
        { numRuns: runs },
      );
    });

    it("reports spans that slice back to the original HTML", () => {
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const posting = { title, html: toHtml(text) };
          expectSpansSliceBack(posting, classifier.classify(posting));
        }),
        { numRuns: runs },
      );
    });

    it("never lowers the AI score when a strong AI term is added", () => {
      const strong = fc.constantFrom("Build RAG pipelines with LangChain.", "Use the OpenAI API.", "Prompt engineering.", "Pinecone vector database.");
      fc.assert(
        fc.property(postingTitle, postingText, strong, fc.nat(), (title, text, term, at) => {
          const lines = text.split("\n");
          const where = at % (lines.length + 1);
          const withTerm = [...lines.slice(0, where), term, ...lines.slice(where)].join("\n");
          const before = classifier.classify({ title, text }).scores.ai;
          const after = classifier.classify({ title, text: withTerm }).scores.ai;
          expect(after).toBeGreaterThanOrEqual(before);
        }),
        { numRuns: runs },
      );
    });

    it("never lowers the ML score when a strong ML term is added", () => {
      const strong = fc.constantFrom("Distributed training with DeepSpeed.", "Experiment tracking in MLflow.", "Model serving with TorchServe.");
      fc.assert(
        fc.property(postingTitle, postingText, strong, (title, text, term) => {
          const before = classifier.classify({ title, text }).scores.ml;
          const after = classifier.classify({ title, text: `${text}\n${term}` }).scores.ml;
          expect(after).toBeGreaterThanOrEqual(before);
        }),
        { numRuns: runs },
      );
    });

    it("gives a salary band with min ≤ max for ML/AI labels, and none for neither", () => {
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const r = classifier.classify({ title, text });
          if (r.label === "neither") expect(r.salary.band).toBeNull();
          else {
            expect(r.salary.band).not.toBeNull();
            expect(r.salary.band!.min).toBeLessThanOrEqual(r.salary.band!.max);
            expect(r.salary.band!.role).toBe(r.label === "ml-engineer" ? "ml" : "ai");
            expect(r.salary.band!.level).toBe(r.seniority.level);
          }
        }),
        { numRuns: runs },
      );
    });

    it("states pay with min ≤ max and annualized ≥ raw, with spans that slice back", () => {
      const pay = fc.constantFrom(
        "",
        "Salary: $150,000 - $190,000 per year.",
        "Pay: $60-$75/hr.",
        "Compensation €70.000 – €90.000.",
        "Base salary up to £95k.",
      );
      fc.assert(
        fc.property(postingTitle, postingText, pay, (title, body, payLine) => {
          const text = `${body}\n${payLine}`;
          const r = classifier.classify({ title, text });
          for (const s of r.salary.mentions) {
            expect(s.min).toBeLessThanOrEqual(s.max);
            expect(s.annualMin).toBeLessThanOrEqual(s.annualMax);
            expect(s.annualMin).toBeGreaterThanOrEqual(s.min);
          }
          if (payLine !== "") expect(r.salary.stated).not.toBeNull();
          expect(r.salary.stated).toEqual(r.salary.mentions[0] ?? null);
          expectSpansSliceBack({ title, text }, r);
        }),
        { numRuns: runs },
      );
    });

    it("does not change the label with case, whitespace, line endings or HTML wrapping of the same text", () => {
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const label = classifier.classify({ title, text }).label;
          expect(classifier.classify({ title, text: text.replace(/\n/g, "\r\n") }).label).toBe(label);
          expect(classifier.classify({ title, text: `  ${text.replace(/ /g, "  ").replace(/\n/g, " \n\t")}\n\n` }).label).toBe(label);
          expect(classifier.classify({ title: title.toUpperCase(), text: text.toUpperCase() }).label).toBe(label);
          expect(classifier.classify({ title, html: toHtml(text) }).label).toBe(label);
        }),
        { numRuns: runs },
      );
    });

    it("the top-level classify agrees with a default classifier", () => {
      fc.assert(
        fc.property(postingText, (text) => {
          expect(api.classify(text)).toEqual(classifier.classify(text));
        }),
        { numRuns: Math.min(runs, 50) },
      );
    });
  });
}
