import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { anyText, postingText, postingTitle, toHtml } from "./support/arbitraries.js";
import { describeInvariants } from "./support/invariants.js";

// Runs after `npm run build` (see the "test" script): the same invariants against what npm ships.
const esm = await import("../dist/index.js");
const cjs = createRequire(import.meta.url)("../dist/index.cjs");
const authoringEsm = await import("../dist/authoring.js");
const authoringCjs = createRequire(import.meta.url)("../dist/authoring.cjs");

describeInvariants("dist ESM", esm, 150);
describeInvariants("dist CJS", cjs, 150);

describe("dist builds", () => {
  it("ships type declarations for both entry points", () => {
    expect(existsSync(new URL("../dist/index.d.ts", import.meta.url))).toBe(true);
    expect(existsSync(new URL("../dist/index.d.cts", import.meta.url))).toBe(true);
  });

  it("ESM and CJS give byte-identical results, run after run", () => {
    const posting = { id: "x", title: "Senior ML Engineer", html: "<p>Train models with PyTorch &amp; serve them with Triton. 5+ years of experience.</p>" };
    expect(JSON.stringify(cjs.classify(posting))).toBe(JSON.stringify(esm.classify(posting)));
    fc.assert(
      fc.property(postingTitle, fc.oneof(postingText, anyText), fc.boolean(), (title, text, html) => {
        const p = html ? { title, html: toHtml(text) } : { title, text };
        const a = JSON.stringify(esm.classify(p));
        expect(JSON.stringify(cjs.classify(p))).toBe(a);
        expect(JSON.stringify(esm.classify(p))).toBe(a);
      }),
      { numRuns: 1000 },
    );
  });

  it("exposes the same public names from both builds", () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });
});

describe("dist authoring entry (compromise and natural through their adapters)", () => {
  const lexicon = {
    name: "t",
    version: "1",
    entries: [{ id: "ml.a", role: "ml", category: "c", weight: 1, source: "s", terms: ["vector database"], inflect: true, verbs: ["train models"] }],
  };

  it.each([
    ["ESM", authoringEsm],
    ["CJS", authoringCjs],
  ])("%s: expands a lexicon with compromise", (_, mod) => {
    const expanded = mod.expandLexicon(lexicon);
    expect(expanded.entries[0].variants).toEqual(expect.arrayContaining(["vector databases", "trained models"]));
  });

  it.each([
    ["ESM", authoringEsm],
    ["CJS", authoringCjs],
  ])("%s: suggests lexicon terms with natural's tokenizer and stemmer", (_, mod) => {
    const report = esm.evaluate(esm.createClassifier(), [
      { id: "1", title: "Engineer", text: "Quantum annealing schedules.", label: "ml" },
      { id: "2", title: "Engineer", text: "Quantum annealing circuits.", label: "ml" },
    ]);
    const texts = new Map([
      ["1", "Quantum annealing schedules."],
      ["2", "Quantum annealing circuits."],
    ]);
    const gaps = mod.suggestTerms(report, texts, esm.defaultLexicon());
    expect(gaps["ml-engineer"].map((g: { phrase: string }) => g.phrase)).toEqual(expect.arrayContaining(["quantum", "anneal", "quantum anneal"]));
  });
});

describe("dist classifyMany on worker threads", () => {
  const input = Array.from({ length: 500 }, (_, i) =>
    i % 41 === 3
      ? { id: `bad${i}`, text: 7 }
      : { id: `p${i}`, title: i % 2 ? "AI Engineer" : "Data Analyst", text: `RAG with LangChain ${i}; PyTorch training.` },
  );
  const collect = async (it: AsyncIterable<unknown>) => {
    const out: unknown[] = [];
    for await (const x of it) out.push(x);
    return out;
  };

  it("a worker that runs out of memory costs time, not records: its postings are classified on the main thread", async () => {
    const huge = "Train models with PyTorch and build RAG pipelines with LangChain; Salary: $150,000 - $190,000. ".repeat(10_000).slice(0, 990_000);
    const postings = [
      { id: "a", text: "LangChain agents" },
      { id: "big1", text: huge },
      { id: "b", text: "PyTorch training" },
      { id: "big2", text: huge },
    ];
    const serial = await collect(esm.classifyMany(postings));
    const parallel = await collect(esm.classifyMany(postings, { concurrency: 2, workerHeapMb: 8 }));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it.each([
    ["ESM", esm],
    ["CJS", cjs],
  ])("%s: the same records, in the same order, as the serial path", async (_, mod) => {
    const serial = await collect(mod.classifyMany(input));
    const parallel = await collect(mod.classifyMany(input, { concurrency: 2 }));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });
});
