/*
 * The classify properties every build of role-lens must satisfy, free of any test runner so the
 * same checks run under vitest (tests/support/invariants.ts) and inside headless Chromium
 * (tests/browser-chromium.test.ts). A failed check throws; fast-check shrinks it first.
 */
import fc from "fast-check";
import type * as RoleLens from "../../src/index.js";
import { anyText, postingText, postingTitle, toHtml } from "./arbitraries.js";

/** The part of the public API the checks call. */
export type Api = Pick<typeof RoleLens, "classify" | "createClassifier">;
type Result = ReturnType<Api["classify"]>;
type PostingArg = Parameters<Api["classify"]>[0];

/** One named property, run `runs` times against `api`; throws on the first counterexample. */
export interface Check {
  readonly name: string;
  run(api: Api, runs: number): void;
}

function assert(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

const json = (value: unknown): string => JSON.stringify(value);

/** `input[field].slice(start, end) === text` for every span a result reports; throws otherwise. */
export function spansSliceBack(posting: PostingArg, result: Result): void {
  const fieldText = (field: string): string => (typeof posting === "string" ? posting : ((posting as Record<string, string | undefined>)[field] ?? ""));
  const spans = [...result.evidence.flatMap((e) => e.matches), ...(result.seniority.evidence ? [result.seniority.evidence] : []), ...result.salary.mentions];
  for (const span of spans) {
    if (typeof posting === "string") assert(span.field === "input", () => `span field ${span.field} for a string posting`);
    const sliced = fieldText(span.field).slice(span.start, span.end);
    assert(sliced === span.text, () => `span ${json(span)} slices back to ${json(sliced)}`);
  }
}

export const classifyChecks: readonly Check[] = [
  {
    name: "is deterministic: the same posting gives byte-identical JSON",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const a = json(classifier.classify({ title, text }));
          assert(a === json(classifier.classify({ title, text })), () => "two runs differ");
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "keeps confidence in [0, 1] and scores non-negative, for any string",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(fc.oneof(postingText, anyText), (text) => {
          const r = classifier.classify(text);
          assert(r.confidence >= 0 && r.confidence <= 1, () => `confidence ${r.confidence}`);
          for (const s of Object.values(r.scores)) assert(s >= 0, () => `score ${s}`);
          assert(["ml-engineer", "ai-engineer", "neither"].includes(r.label), () => `label ${r.label}`);
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "reports spans that slice back to the matched text, for plain text",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const asRecord = { title, text };
          spansSliceBack(asRecord, classifier.classify(asRecord));
          const asString = `${title}\n${text}`;
          spansSliceBack(asString, classifier.classify(asString));
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "reports spans that slice back to the original HTML",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const posting = { title, html: toHtml(text) };
          spansSliceBack(posting, classifier.classify(posting));
        }),
        { numRuns: runs },
      );
    },
  },
  {
    // Under a duties heading, so the line added cannot move where the posting starts to speak of the role
    // (the unheaded lead before that is read as the company's pitch: see pipeline/04-attribute.ts).
    name: "never lowers the AI score when a strong AI term is added to the duties",
    run(api, runs) {
      const classifier = api.createClassifier();
      const strong = fc.constantFrom("Build RAG pipelines with LangChain.", "Use the OpenAI API.", "Prompt engineering.", "Pinecone vector database.");
      fc.assert(
        fc.property(postingTitle, postingText, strong, fc.nat(), (title, text, term, at) => {
          const lines = text.split("\n");
          const where = at % (lines.length + 1);
          const withTerm = ["What you'll do", ...lines.slice(0, where), term, ...lines.slice(where)].join("\n");
          const before = classifier.classify({ title, text: `What you'll do\n${text}` }).scores.ai;
          const after = classifier.classify({ title, text: withTerm }).scores.ai;
          assert(after >= before, () => `AI score fell from ${before} to ${after}`);
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "never lowers the ML score when a strong ML term is added to the duties",
    run(api, runs) {
      const classifier = api.createClassifier();
      const strong = fc.constantFrom("Distributed training with DeepSpeed.", "Experiment tracking in MLflow.", "Model serving with TorchServe.");
      fc.assert(
        fc.property(postingTitle, postingText, strong, (title, text, term) => {
          const before = classifier.classify({ title, text: `Responsibilities\n${text}` }).scores.ml;
          const after = classifier.classify({ title, text: `Responsibilities\n${text}\n${term}` }).scores.ml;
          assert(after >= before, () => `ML score fell from ${before} to ${after}`);
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "gives a salary band with min ≤ max for ML/AI labels, and none for neither",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const r = classifier.classify({ title, text });
          const band = r.salary.band;
          if (r.label === "neither") assert(band === null, () => `band ${json(band)} for neither`);
          else {
            assert(band !== null, () => `no band for ${r.label}`);
            assert(band!.min <= band!.max, () => `band ${json(band)}`);
            assert(band!.role === (r.label === "ml-engineer" ? "ml" : "ai"), () => `band role ${band!.role} for ${r.label}`);
            assert(band!.level === r.seniority.level, () => `band level ${band!.level}, seniority ${r.seniority.level}`);
          }
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "states pay with min ≤ max and annualized ≥ raw, with spans that slice back",
    run(api, runs) {
      const classifier = api.createClassifier();
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
            assert(s.min <= s.max && s.annualMin <= s.annualMax && s.annualMin >= s.min, () => `mention ${json(s)}`);
          }
          if (payLine !== "") assert(r.salary.stated !== null, () => `no stated pay for ${json(payLine)}`);
          assert(json(r.salary.stated) === json(r.salary.mentions[0] ?? null), () => "stated is not the first mention");
          spansSliceBack({ title, text }, r);
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "does not change the label with case, whitespace, line endings or HTML wrapping of the same text",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingTitle, postingText, (title, text) => {
          const label = classifier.classify({ title, text }).label;
          const variants = {
            crlf: { title, text: text.replace(/\n/g, "\r\n") },
            spaces: { title, text: `  ${text.replace(/ /g, "  ").replace(/\n/g, " \n\t")}\n\n` },
            upper: { title: title.toUpperCase(), text: text.toUpperCase() },
            html: { title, html: toHtml(text) },
          };
          for (const [how, posting] of Object.entries(variants)) {
            const other = classifier.classify(posting).label;
            assert(other === label, () => `${how}: ${other}, plain: ${label}`);
          }
        }),
        { numRuns: runs },
      );
    },
  },
  {
    name: "the top-level classify agrees with a default classifier",
    run(api, runs) {
      const classifier = api.createClassifier();
      fc.assert(
        fc.property(postingText, (text) => {
          assert(json(api.classify(text)) === json(classifier.classify(text)), () => "classify and createClassifier().classify differ");
        }),
        { numRuns: Math.min(runs, 50) },
      );
    },
  },
];
