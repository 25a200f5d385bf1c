import fc from "fast-check";
import nlp from "compromise";
import { describe, expect, it } from "vitest";
import { classify, createClassifier, InputError, type Posting } from "../src/index.js";
import { classifyMany } from "../src/node.js";
import { expandLexicon } from "../src/lexicon/expand.js";
import { expectSpansSliceBack } from "./support/invariants.js";
import { workRatio } from "./support/work.js";

/** Hostile text: every kind of character and markup a scraper might hand over. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc
    .array(
      fc.constantFrom(
        "<div>",
        "</div>",
        "<p",
        ">",
        "<li>",
        "<ul>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "&amp;",
        "&lt;",
        "&#0;",
        "&#x110000;",
        "&#xD800;",
        "&#65;",
        "&nbsp;",
        "&zwnj;",
        "&unknown;",
        "&",
        "&#",
        "\u0000",
        "\ud800",
        "\udc00",
        "\u200b",
        "\u200f",
        "\u202e",
        "\ufeff",
        "İ",
        "ß",
        "ﬁ",
        "\r\n",
        "\n",
        "\t",
        " ",
        "LLM",
        "RAG",
        "PyTorch",
        "LangChain",
        "not",
        "no ",
        "$150,000 - $190,000",
        "401(k)",
        "5+ years",
        "Senior",
        "Requirements:",
        "About us",
        "equal opportunity",
        "C++",
        "…",
        "•",
      ),
      { maxLength: 120 },
    )
    .map((parts) => parts.join("")),
);

const hostilePosting: fc.Arbitrary<Posting> = fc.oneof(
  hostileText,
  fc.record({ id: fc.string({ maxLength: 10 }), title: hostileText, text: hostileText }),
  fc.record({ title: hostileText, html: hostileText }),
);

const RUNS = Number(process.env["FC_RUNS_ROBUST"] ?? 1000);

describe("hostile input", () => {
  it("classifies any string or posting without throwing, with spans that slice back", () => {
    fc.assert(
      fc.property(hostilePosting, (posting) => {
        const r = classify(posting);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expectSpansSliceBack(posting, r);
        expect(() => JSON.stringify(r)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it("throws only documented InputErrors for values that are not postings", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          classify(value as Posting);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(["INPUT_INVALID", "INPUT_TOO_LARGE"]).toContain((error as InputError).code);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("fuzz: 10,000 hostile postings through classify and the batch API, no unexpected exception", async () => {
    const postings = fc.sample(hostilePosting, { numRuns: 10_000, seed: 20261126 });
    for (const p of postings) classify(p);
    let records = 0;
    for await (const record of classifyMany(postings)) {
      records++;
      if ("error" in record) expect(record.error.code).toMatch(/^INPUT_/);
    }
    expect(records).toBe(postings.length);
  });

  it("drops <script> and <style> content: it is never evidence", () => {
    const r = classify({ html: "<p>Barista</p><script>const llm = 'LangChain RAG agents PyTorch';</script><style>.pytorch{}</style><p>Make coffee.</p>" });
    expect(r.evidence.filter((e) => e.role === "ml" || e.role === "ai")).toEqual([]);
    expect(r.evidence.flatMap((e) => e.matches).every((m) => !/LangChain|RAG|PyTorch|agents/i.test(m.text))).toBe(true);
    expect(r.label).toBe("neither");
  });

  it("survives 10,000 levels of nesting and a 10 MB posting when the limit is raised", () => {
    expect(classify({ html: `${"<div><span>".repeat(10_000)}LangChain agents` }).evidence.length).toBeGreaterThan(0);
    const big = "You will build RAG pipelines with LangChain. ".repeat(250_000);
    expect(big.length).toBeGreaterThan(10_000_000);
    expect(() => classify(big)).toThrow(InputError);
    expect(createClassifier({ maxInputLength: 20_000_000 }).classify(big).label).toBe("ai-engineer");
  });
});

describe("linear time, by counting work (tests/support/work.ts)", () => {
  // A posting-like unit, and units built to make a per-cue or per-line scan run to the end of the text:
  // negation cues glued by hyphens into one endless word, and long lines without a colon.
  const units: Array<[string, string, number]> = [
    [
      "a posting",
      "Responsibilities\n- Train models with PyTorch and serve them with Triton; no LLM experience needed.\n- Build RAG with LangChain. Salary: $150,000 - $190,000. 5+ years of experience.\n",
      100,
    ],
    ["cues in one endless word", "x-no-pytorch-", 1000],
    ["long lines without a colon", `${"word ".repeat(40)}\n`, 100],
    ["one line of evidence terms", "LangChain PyTorch RAG not ", 1000],
    ["nested markup", "<div><p>LLM &amp; RAG</p>", 500],
  ];
  it.each(units)("classify: ten times the input costs at most twelve times the work (%s)", (_, unit, count) => {
    const c = createClassifier({ maxInputLength: 10_000_000 });
    const classifyText = (text: string) => c.classify(text);
    expect(workRatio(classifyText, unit.repeat(count), unit.repeat(count * 10))).toBeLessThanOrEqual(12);
    const classifyHtml = (html: string) => c.classify({ title: "Engineer", html });
    expect(workRatio(classifyHtml, unit.repeat(count), unit.repeat(count * 10))).toBeLessThanOrEqual(12);
  });

  it("the cost model sees a quadratic scan (so the assertions above can fail)", () => {
    const rescan = (text: string) => {
      for (let at = 0; at < text.length; at += 2) text.indexOf("#", at);
    };
    expect(workRatio(rescan, "ab".repeat(500), "ab".repeat(5000))).toBeGreaterThan(50);
    const rematch = (text: string) => {
      for (let at = 0; at < text.length; at += 2) /#/.test(text.slice(at));
    };
    expect(workRatio(rematch, "ab".repeat(500), "ab".repeat(5000))).toBeGreaterThan(50);
  });
});

describe("untrusted lexicons at scale", () => {
  const lexiconOf = (size: number) => ({
    name: "big",
    version: "1",
    entries: Array.from({ length: size }, (_, i) => ({
      id: `e${i}`,
      role: i % 2 ? "ml" : "ai",
      category: "generated",
      weight: 1,
      source: "test",
      terms: [`term${i.toString(36)} phrase${i % 97}`],
    })),
  });

  it("compiling ten times the entries costs at most twelve times the work", () => {
    const compile = (lexicon: ReturnType<typeof lexiconOf>) => createClassifier({ lexicon });
    expect(workRatio(compile, lexiconOf(5_000), lexiconOf(50_000))).toBeLessThanOrEqual(12);
  });

  it("a lexicon of 50,000 entries matches, and ten times the text costs at most twelve times the work", () => {
    const c = createClassifier({ lexicon: lexiconOf(50_000), maxInputLength: 10_000_000 });
    const text = Array.from({ length: 500 }, (_, i) => `We use term${(i * 97).toString(36)} phrase${(i * 97) % 97} daily.`).join("\n");
    expect(c.classify(text).evidence.length).toBeGreaterThan(0);
    const large = Array.from({ length: 10 }, () => text).join("\n");
    expect(workRatio((t: string) => c.classify(t), text, large)).toBeLessThanOrEqual(12);
  });
});

describe("shared state", () => {
  it("expanding a lexicon never changes compromise's global model", () => {
    const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, unknown> } } }).model().one.lexicon;
    const before = Object.keys(lexicon).length;
    expandLexicon({
      name: "t",
      version: "1",
      entries: [{ id: "a.b", role: "ml", category: "c", weight: 1, source: "s", terms: ["quux widget"], inflect: true, verbs: ["frobnicate models"] }],
    });
    expect(Object.keys(lexicon).length).toBe(before);
    expect(lexicon["quux"]).toBeUndefined();
  });
});
