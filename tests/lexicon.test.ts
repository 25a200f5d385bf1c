import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultBands } from "../src/classifier.js";
import { createClassifier, defaultLexicon, LexiconError, loadBandTable, loadLexicon, validateLexicon } from "../src/index.js";
import { expandLexicon } from "../src/lexicon/expand.js";
import { trustedLexicon } from "../src/lexicon/load.js";

const entry = (over: Record<string, unknown> = {}) => ({
  id: "ml.x",
  role: "ml",
  category: "c",
  weight: 1,
  source: "test",
  terms: ["model training"],
  ...over,
});
const lexicon = (entries: unknown[]) => ({ name: "t", version: "1", entries });

describe("lexicon validation", () => {
  it("accepts the bundled default lexicon and band table, and the trusted start-up path reads them as zod does", () => {
    const file = JSON.parse(readFileSync(new URL("../lexicons/default.json", import.meta.url), "utf8"));
    expect(defaultLexicon()).toEqual(loadLexicon(file));
    // The band table is trusted at start-up the same way.
    const bands = JSON.parse(readFileSync(new URL("../lexicons/salary-bands.json", import.meta.url), "utf8"));
    expect(defaultBands()).toEqual(loadBandTable(bands));
    expect(defaultLexicon().entries.length).toBeGreaterThan(40);
  });

  it("the trusted path fills the schema's defaults, and only those, as zod does", () => {
    const bare = lexicon([entry(), entry({ id: "ml.y", terms: ["y"], ambiguous: true, scope: "body" })]);
    expect(trustedLexicon(bare as Parameters<typeof trustedLexicon>[0])).toEqual(loadLexicon(bare));
    const [first, second] = trustedLexicon(bare as Parameters<typeof trustedLexicon>[0]).entries;
    expect(first).toMatchObject({ verbs: [], variants: [], inflect: false, ambiguous: false, scope: "any" });
    expect(second).toMatchObject({ ambiguous: true, scope: "body" });
    // Each entry gets its own default arrays.
    expect(first!.verbs).not.toBe(second!.verbs);
  });

  it("reports every problem with its path", () => {
    const result = validateLexicon(
      lexicon([entry({ weight: "heavy" }), entry({ id: "Bad Id", terms: [] }), entry({ id: "ml.y", role: "wizard", weight: Infinity })]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["entries[0].weight", "entries[1].id", "entries[1].terms", "entries[2].role", "entries[2].weight"]));
  });

  it("reports duplicate ids and surface forms shared across entries, naming both places", () => {
    const result = validateLexicon(lexicon([entry(), entry({ terms: ["RAG"] }), entry({ id: "ai.y", role: "ai", terms: ["Model-Training"] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: "entries[1].id", message: expect.stringContaining("entries[0]") }),
        expect.objectContaining({ path: "entries[2].terms[0]", message: expect.stringContaining("entries[0]") }),
      ]),
    );
  });

  it("reports schema problems and the duplicates among the valid entries in one run", () => {
    const result = validateLexicon(lexicon([entry(), entry({ weight: 20 }), entry({ terms: ["RAG"] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(["entries[1].weight", "entries[2].id"]));
    expect(result.issues.find((i) => i.path === "entries[2].id")?.message).toMatch(/duplicate id .* \(first at entries\[0\]\)/);
  });

  it("throws a LexiconError with code and issues from loadLexicon", () => {
    try {
      loadLexicon("{ not json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LexiconError);
      expect((error as LexiconError).code).toBe("LEXICON_INVALID");
      expect((error as LexiconError).issues[0]?.message).toMatch(/not valid JSON/);
    }
    expect(() => createClassifier({ lexicon: lexicon([]) })).toThrow(/entries: a lexicon needs at least one entry/);
  });

  it("rejects prototype keys instead of letting them through", () => {
    const hostile = JSON.parse(
      '{"name":"t","version":"1","entries":[{"id":"a","role":"ml","category":"c","weight":1,"source":"s","terms":["x"],"__proto__":{"polluted":true}}],"constructor":{"prototype":{"polluted":true}}}',
    );
    const result = validateLexicon(hostile);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects surface forms with regex or markup syntax, naming each one; no form is ever a pattern", () => {
    const result = validateLexicon(lexicon([entry({ terms: ["(a+)+$", "x.*y", "[x]", "<b>llm</b>", "model training"] })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(["entries[0].terms[0]", "entries[0].terms[1]", "entries[0].terms[2]", "entries[0].terms[3]"]);
    expect(result.issues[0]!.message).toMatch(/not part of a word or a separator/);
  });

  it("matches symbols inside words literally: c++, c#, node.js, w&b, .net", () => {
    const c = createClassifier({ lexicon: lexicon([entry({ terms: ["c++", "c#", "node.js", "w&b", ".net"] })]) });
    const r = c.classify("Engineer\nWe use C++, C#, Node.js, W&B and .NET; not c, node or js alone.");
    expect(r.evidence[0]?.matches.map((m) => m.text)).toEqual(["C++", "C#", "Node.js", "W&B", ".NET"]);
  });

  it("keeps instances independent: two lexicons in one process", () => {
    const a = createClassifier({ lexicon: lexicon([entry({ terms: ["kubeflow"] })]) });
    const b = createClassifier({ lexicon: lexicon([entry({ id: "ai.z", role: "ai", terms: ["kubeflow"] })]) });
    const text = "Engineer\nWe use Kubeflow, Kubeflow and Kubeflow every day.";
    expect(a.classify(text).scores.ml).toBeGreaterThan(0);
    expect(a.classify(text).scores.ai).toBe(0);
    expect(b.classify(text).scores.ai).toBeGreaterThan(0);
    expect(b.classify(text).scores.ml).toBe(0);
    expect(createClassifier().classify(text).scores.ml).toBeGreaterThan(0);
  });
});

describe("lexicon expansion", () => {
  it("adds plurals and verb forms the author asked for, and nothing to other entries", () => {
    const expanded = expandLexicon(
      lexicon([entry({ terms: ["vector database"], inflect: true, verbs: ["train models", "fine-tune"] }), entry({ id: "ml.tools", terms: ["kubeflow"] })]),
    );
    expect(expanded.entries[0]!["variants"]).toEqual(
      expect.arrayContaining(["vector databases", "trained models", "training models", "fine-tuned", "fine-tuning"]),
    );
    expect(expanded.entries[1]!["variants"]).toBeUndefined();
    expect(expanded.entries[1]).toEqual(entry({ id: "ml.tools", terms: ["kubeflow"] }));
  });

  it("the committed default lexicon is up to date with its expansion", () => {
    const file = JSON.parse(readFileSync(new URL("../lexicons/default.json", import.meta.url), "utf8"));
    const expanded = expandLexicon(file);
    const variantsOf = (entries: Array<{ id: string; variants?: string[] }>) => Object.fromEntries(entries.map((e) => [e.id, e.variants ?? []]));
    expect(variantsOf(file.entries)).toEqual(variantsOf(expanded.entries as unknown as Array<{ id: string; variants?: string[] }>));
  });

  it("every default entry says where it came from", () => {
    for (const e of defaultLexicon().entries) expect(e.source).toMatch(/^(seed|codebook)/);
  });
});

describe("lexicon JSON Schema", () => {
  it("lexicons/lexicon.schema.json is current (regenerate with npm run schema)", async () => {
    const { lexiconJsonSchema } = await import("../src/lexicon/json-schema.js");
    const file = JSON.parse(readFileSync(new URL("../lexicons/lexicon.schema.json", import.meta.url), "utf8"));
    expect(file).toEqual(lexiconJsonSchema());
  });
});

describe("compiled matcher", () => {
  it("matches every spelling of a term, also spellings that share a key", () => {
    const c = createClassifier({ lexicon: lexicon([entry({ terms: ["genai", "gen ai", "gen-ai"] })]) });
    for (const text of ["GenAI", "Gen AI", "gen-ai", "gen  ai"]) expect(c.classify(`Engineer\nWe do ${text} work.`).scores.ml, text).toBeGreaterThan(0);
  });

  it("prefers the longest phrase at a position", () => {
    const c = createClassifier({ lexicon: lexicon([entry({ terms: ["model"] }), entry({ id: "ml.serving", terms: ["model serving"] })]) });
    const r = c.classify("Engineer\nWe do model serving.");
    expect(r.evidence.map((e) => e.id)).toEqual(["ml.serving"]);
  });
});
