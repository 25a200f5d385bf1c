import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../src/classifier.js";
import { InputError } from "../src/errors.js";
import { type FitExample, fitLexicon } from "../src/fit/fit.js";
import { parseLabelled } from "../src/fit/labelled.js";
import { type Example, solve } from "../src/fit/solver.js";
import { loadLexicon } from "../src/lexicon/load.js";

describe("solver", () => {
  const classOf = [0, 1, 2] as const;
  const options = { classOf: [...classOf], l2: 0.001, maxWeight: 10, steps: 800, start: { weights: [1, 1, 1], bias: 0 } };

  it("learns a weight per feature that separates its class, and keeps weights within bounds", () => {
    const examples: Example[] = [];
    for (let i = 0; i < 30; i++) {
      examples.push({ features: [[0, 2 + (i % 3)]], label: 0 });
      examples.push({ features: [[1, 2 + (i % 2)]], label: 1 });
      examples.push({ features: [[2, 1]], label: 2 });
    }
    const fit = solve(examples, options);
    for (const w of fit.weights) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThanOrEqual(10);
    }
    expect(fit.loss).toBeLessThan(0.3);
  });

  it("never gives a weight below zero, even when its feature speaks against its class", () => {
    const examples: Example[] = Array.from({ length: 40 }, (_, i) => ({ features: [[0, 3]], label: i % 2 === 0 ? 1 : 2 }) as Example);
    expect(solve(examples, options).weights[0]).toBe(0);
  });

  it("is deterministic", () => {
    const examples: Example[] = Array.from({ length: 25 }, (_, i) => ({ features: [[i % 3, 1 + (i % 4)]], label: (i % 3) as 0 | 1 | 2 }));
    expect(JSON.stringify(solve(examples, options))).toBe(JSON.stringify(solve(examples, options)));
  });
});

/** Small labelled postings written for these tests: three companies per label. */
function labelled(): FitExample[] {
  const ml = [
    "Train and evaluate deep learning models in PyTorch.",
    "Run distributed training and model serving with Triton.",
    "Feature engineering and MLflow experiment tracking.",
  ];
  const ai = [
    "Build RAG pipelines with LangChain and a vector database.",
    "Prompt engineering and LLM evaluation with the OpenAI API.",
    "Ship AI agents with tool calling on Anthropic models.",
  ];
  const neither = [
    "Build dashboards in Tableau for the sales team.",
    "Maintain React and TypeScript web applications.",
    "Manage accounts and quota for enterprise customers.",
  ];
  const out: FitExample[] = [];
  for (let c = 0; c < 6; c++) {
    for (const [label, lines, title] of [
      ["ml", ml, "Machine Learning Engineer"],
      ["ai", ai, "AI Engineer"],
      ["neither", neither, "Software Engineer"],
    ] as const) {
      out.push({
        posting: { id: `${label}-${c}`, title, text: `What you'll do\n- ${lines[c % 3]}\n- ${lines[(c + 1) % 3]}` },
        label,
        group: `company-${c}`,
      });
    }
  }
  return out;
}

describe("fitLexicon", () => {
  const options = {
    folds: 3,
    steps: 200,
    contextGrid: [0.25],
    titleQualifierGrid: [0.25],
    otherRoleTitleGrid: [0.5],
    l2Grid: [0.01],
    minBodyEvidenceGrid: [0, 1],
  };

  it("gives byte-identical JSON for the same inputs", () => {
    const a = fitLexicon(defaultLexicon(), labelled(), options);
    const b = fitLexicon(defaultLexicon(), labelled(), options);
    expect(JSON.stringify(a.lexicon)).toBe(JSON.stringify(b.lexicon));
  });

  it("writes a valid lexicon that keeps every entry's terms and role, with non-negative weights", () => {
    const { lexicon, report } = fitLexicon(defaultLexicon(), labelled(), options);
    const fitted = loadLexicon(lexicon);
    const base = defaultLexicon();
    expect(fitted.entries.map((e) => [e.id, e.role, e.terms])).toEqual(base.entries.map((e) => [e.id, e.role, e.terms]));
    for (const e of fitted.entries) expect(e.weight).toBeGreaterThanOrEqual(0);
    expect(report.count).toBe(18);
    expect(report.crossValidated.accuracy).toBeGreaterThan(0.5);
  });

  it("refuses fewer postings than folds", () => {
    expect(() => fitLexicon(defaultLexicon(), labelled().slice(0, 2), options)).toThrow(expect.objectContaining({ code: "INPUT_INVALID", field: "postings" }));
  });
});

describe("parseLabelled", () => {
  it.each([
    ['{"title":"ML Engineer","text":"x"}', /data\.jsonl:1: missing "label"/],
    ['{"label":"ml-eng","text":"x"}', /data\.jsonl:1: unknown label "ml-eng"/],
    ['{"label":"ml","text":"   "}', /data\.jsonl:1: empty posting/],
    ["{not json", /data\.jsonl:1: malformed record/],
  ])("names the line of a bad record: %s", (line, message) => {
    expect(() => parseLabelled(line, "data.jsonl")).toThrow(message);
    try {
      parseLabelled(line, "data.jsonl");
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("RECORD_INVALID");
    }
  });

  it("counts lines across blank ones and groups by company", () => {
    const text = ['{"label":"ai","title":"AI Engineer","text":"RAG","company":"Acme"}', "", '{"label":"ml","text":"PyTorch","source":"board"}', "{"].join("\n");
    expect(() => parseLabelled(text, "f.jsonl")).toThrow(/f\.jsonl:4:/);
    const [first, second] = parseLabelled(text.split("\n").slice(0, 3).join("\n"), "f.jsonl");
    expect(first?.group).toBe("Acme");
    expect(second?.group).toBe("board");
  });
});
