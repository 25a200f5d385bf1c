import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { anyText, postingText, postingTitle, toHtml } from "./support/arbitraries.js";
import { describeInvariants } from "./support/invariants.js";

// Runs after `npm run build` (see the "test" script): the same invariants against what npm ships.
const esm = await import("../dist/index.js");
const cjs = createRequire(import.meta.url)("../dist/index.cjs");
const nodeEsm = await import("../dist/node.js");
const nodeCjs = createRequire(import.meta.url)("../dist/node.cjs");
const authoringEsm = await import("../dist/authoring.js");
const authoringCjs = createRequire(import.meta.url)("../dist/authoring.cjs");

describeInvariants("dist ESM", esm, 150);
describeInvariants("dist CJS", cjs, 150);

describe("dist builds", () => {
  it.each(["index", "node", "authoring"])("ships type declarations for both builds of %s", (entry) => {
    expect(existsSync(new URL(`../dist/${entry}.d.ts`, import.meta.url))).toBe(true);
    expect(existsSync(new URL(`../dist/${entry}.d.cts`, import.meta.url))).toBe(true);
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

  it("exposes the same public names from both builds; the batch API only from role-lens/node", () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(nodeEsm)).toEqual(["classifyMany"]);
    expect(Object.keys(nodeCjs)).toEqual(["classifyMany"]);
    expect(esm).not.toHaveProperty("classifyMany");
  });
});

describe("errors across builds", () => {
  const thrown = (mod: typeof esm, value: unknown): unknown => {
    try {
      mod.classify(value as never);
    } catch (error) {
      return error;
    }
    throw new Error("classify did not throw");
  };
  const lexiconError = (mod: typeof esm): unknown => {
    try {
      mod.loadLexicon({ name: "x" });
    } catch (error) {
      return error;
    }
    throw new Error("loadLexicon did not throw");
  };

  it.each([
    ["an ESM error checked against the CJS classes", esm, cjs],
    ["a CJS error checked against the ESM classes", cjs, esm],
  ])("instanceof holds for %s", (_, from, against) => {
    const input = thrown(from, 42);
    expect(input).toBeInstanceOf(against.InputError);
    expect(input).toBeInstanceOf(against.RoleLensError);
    expect(input).toBeInstanceOf(Error);
    expect(input).not.toBeInstanceOf(against.LexiconError);
    const lexicon = lexiconError(from);
    expect(lexicon).toBeInstanceOf(against.LexiconError);
    expect(lexicon).toBeInstanceOf(against.RoleLensError);
    expect(lexicon).not.toBeInstanceOf(against.InputError);
  });

  it("an error that only looks like one, or a plain Error, is not a RoleLensError", () => {
    expect(new Error("x")).not.toBeInstanceOf(esm.RoleLensError);
    expect({ name: "InputError", code: "INPUT_INVALID" }).not.toBeInstanceOf(cjs.InputError);
    expect(null).not.toBeInstanceOf(esm.RoleLensError);
  });

  it("the brand does not show in JSON or in the error's own enumerable keys", () => {
    const error = thrown(esm, 42) as Error;
    const symbols = Object.getOwnPropertySymbols(error);
    expect(symbols).toEqual([Symbol.for("role-lens.error.brands")]);
    expect(Object.getOwnPropertyDescriptor(error, symbols[0]!)?.enumerable).toBe(false);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "InputError", code: "INPUT_INVALID", field: "(posting)" });
  });

  it("a user's subclass without a brand keeps the ordinary prototype check", () => {
    class MyError extends esm.RoleLensError {}
    const mine = new MyError("USAGE", "m");
    expect(mine).toBeInstanceOf(MyError);
    expect(mine).toBeInstanceOf(cjs.RoleLensError);
    expect(new esm.RoleLensError("USAGE", "m")).not.toBeInstanceOf(MyError);
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
    const serial = await collect(nodeEsm.classifyMany(postings));
    const parallel = await collect(nodeEsm.classifyMany(postings, { concurrency: 2, workerHeapMb: 8 }));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it.each([
    ["ESM", nodeEsm],
    ["CJS", nodeCjs],
  ])("%s: the same records, in the same order, as the serial path", async (_, mod) => {
    const serial = await collect(mod.classifyMany(input));
    const parallel = await collect(mod.classifyMany(input, { concurrency: 2 }));
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });
});
