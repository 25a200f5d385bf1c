import { describe, expect, it } from "vitest";
import { compileLexicon, DEFAULT_DECISION, DEFAULT_SECTION_WEIGHTS } from "../src/lexicon/compile.js";
import { loadLexicon } from "../src/lexicon/load.js";
import { plainField } from "../src/pipeline/01-normalize.js";
import type { Section } from "../src/pipeline/02-segment.js";
import type { NegationCues, RawMatch } from "../src/pipeline/03-match.js";
import { type WeighInput, weigh as weighStage } from "../src/pipeline/05-weigh.js";
import type { Part } from "../src/pipeline/field.js";

const lexicon = compileLexicon(
  loadLexicon({
    name: "weigh-test",
    version: "1",
    entries: [
      { id: "ml.torch", role: "ml", category: "c", weight: 2, source: "s", terms: ["pytorch"] },
      { id: "ai.llm", role: "ai", category: "c", weight: 3, source: "s", terms: ["llm"] },
      { id: "ai.agent", role: "ai", category: "c", weight: 1, source: "s", terms: ["agent"], ambiguous: true },
      { id: "ml.pipeline", role: "ml", category: "c", weight: 1, source: "s", terms: ["pipeline"], ambiguous: true },
      { id: "neither.sales", role: "neither", category: "c", weight: 4, source: "s", terms: ["quota"] },
      { id: "title.recruiter", role: "neither", category: "c", weight: 1, source: "s", terms: ["recruiter"], scope: "title" },
    ],
    sectionWeights: { ...DEFAULT_SECTION_WEIGHTS, title: 2, role: 1.5, requirements: 0.5, legal: 0 },
    decision: { ...DEFAULT_DECISION, repeatDecay: 0.5 },
    attributionWeights: { context: 0.25, titleQualifier: 0.5, otherRoleTitle: 0.5 },
  }),
);
const index = (id: string) => lexicon.entries.findIndex((e) => e.id === id);
const noCues: NegationCues = { starts: [], ends: [] };

/** Every occurrence of `phrase` in `text` as a match of entry `id`. */
function matchesOf(text: string, phrase: string, id: string, part: Part = "body"): RawMatch[] {
  const found: RawMatch[] = [];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
    found.push({ part, entryIndex: index(id), start: at, end: at + phrase.length });
  return found;
}

/** Stage 5 with every match attributed to the role and no sentences, unless a test says otherwise. */
const weigh = (input: Omit<WeighInput, "about" | "sentences"> & Partial<Pick<WeighInput, "about" | "sentences">>) =>
  weighStage({ about: input.matches.map(() => "role"), sentences: [], ...input });

/** The whole body as one section of `kind`. */
const oneSection = (text: string, kind: Section["kind"]): Section[] => [{ kind, start: 0, end: text.length }];

describe("weigh", () => {
  it("weighs a match by its entry's weight times its section's weight; a title match by the title weight", () => {
    const text = "train pytorch models";
    const result = weigh({
      lexicon,
      body: plainField(text),
      matches: [...matchesOf("pytorch lead", "pytorch", "ml.torch", "title"), ...matchesOf(text, "pytorch", "ml.torch")],
      cues: noCues,
      sections: oneSection(text, "role"),
    });
    const [entry] = result.entries;
    expect(entry!.matches.map((m) => [m.part, m.section, m.weight])).toEqual([
      ["title", "title", 4],
      ["body", "role", 3],
    ]);
    // The stronger match counts fully, the next one half.
    expect(entry!.contribution).toBe(4 + 3 * 0.5);
    expect(result.scores).toEqual({ ml: 5.5, ai: 0, shared: 0, neither: 0 });
  });

  it("repeated matches of one entry count less and less, strongest first, and the body's sections set their weights", () => {
    const text = "llm llm llm";
    const sections: Section[] = [
      { kind: "requirements", start: 0, end: 4 },
      { kind: "role", start: 4, end: 8 },
      { kind: "legal", start: 8, end: text.length },
    ];
    const result = weigh({ lexicon, body: plainField(text), matches: matchesOf(text, "llm", "ai.llm"), cues: noCues, sections });
    expect(result.entries[0]!.matches.map((m) => m.weight)).toEqual([1.5, 4.5, 0]);
    expect(result.entries[0]!.contribution).toBe(4.5 + 1.5 * 0.5 + 0 * 0.25);
    expect(result.scores.ai).toBe(5.25);
  });

  it("a match governed by a negation cue is flagged and weighs nothing", () => {
    const text = "no llm experience needed. llm agents daily.";
    const result = weigh({
      lexicon,
      body: plainField(text),
      matches: matchesOf(text, "llm", "ai.llm"),
      cues: { starts: [0], ends: [2] },
      sections: oneSection(text, "role"),
    });
    expect(result.entries[0]!.matches.map((m) => [m.negated, m.weight])).toEqual([
      [true, 0],
      [false, 4.5],
    ]);
  });

  it("an ambiguous entry counts only when an unambiguous entry of its role counts", () => {
    const text = "agent pipeline llm";
    const matches = [...matchesOf(text, "agent", "ai.agent"), ...matchesOf(text, "pipeline", "ml.pipeline"), ...matchesOf(text, "llm", "ai.llm")];
    const result = weigh({ lexicon, body: plainField(text), matches, cues: noCues, sections: oneSection(text, "role") });
    const byId = new Map(result.entries.map((e) => [lexicon.entries[e.entryIndex]!.id, e]));
    expect(byId.get("ai.agent")).toMatchObject({ unsupported: false, contribution: 1.5 });
    expect(byId.get("ml.pipeline")).toMatchObject({ unsupported: true, contribution: 0 });
    expect(result.scores).toEqual({ ml: 0, ai: 6, shared: 0, neither: 0 });
  });

  it("each role's score is the sum of its entries' contributions, entries listed in lexicon order", () => {
    const text = "quota pytorch";
    const matches = [...matchesOf(text, "quota", "neither.sales"), ...matchesOf(text, "pytorch", "ml.torch")];
    const result = weigh({ lexicon, body: plainField(text), matches, cues: noCues, sections: oneSection(text, "requirements") });
    expect(result.entries.map((e) => lexicon.entries[e.entryIndex]!.id)).toEqual(["ml.torch", "neither.sales"]);
    expect(result.scores).toEqual({ ml: 1, ai: 0, shared: 0, neither: 2 });
  });

  it("context counts its fitted fraction: a company sentence's match a quarter, a title qualifier's half", () => {
    const text = "we use pytorch. you will use pytorch.";
    const matches = [...matchesOf("recruiter, pytorch", "pytorch", "ml.torch", "title"), ...matchesOf(text, "pytorch", "ml.torch")];
    const result = weigh({ lexicon, body: plainField(text), matches, about: ["context", "context", "role"], cues: noCues, sections: oneSection(text, "role") });
    expect(result.entries[0]!.matches.map((m) => [m.about, m.weight])).toEqual([
      ["context", 2 * 2 * 0.5],
      ["context", 2 * 1.5 * 0.25],
      ["role", 2 * 1.5],
    ]);
  });

  it("under a title naming another kind of role, the body's ML/AI evidence counts its fitted fraction", () => {
    const text = "you will use pytorch and llm tools";
    const body = [...matchesOf(text, "pytorch", "ml.torch"), ...matchesOf(text, "llm", "ai.llm")];
    const plain = weigh({ lexicon, body: plainField(text), matches: body, cues: noCues, sections: oneSection(text, "role") });
    const recruiter = weigh({
      lexicon,
      body: plainField(text),
      matches: [...matchesOf("recruiter", "recruiter", "title.recruiter", "title"), ...body],
      cues: noCues,
      sections: oneSection(text, "role"),
    });
    expect(recruiter.scores.ml).toBeCloseTo(plain.scores.ml * 0.5, 10);
    expect(recruiter.scores.ai).toBeCloseTo(plain.scores.ai * 0.5, 10);
    // An ML term in the title's qualifier ("Recruiter, PyTorch") is no ML role noun: the damping stays.
    const title = "recruiter, pytorch";
    const qualified = weigh({
      lexicon,
      body: plainField(text),
      matches: [...matchesOf(title, "recruiter", "title.recruiter", "title"), ...matchesOf(title, "pytorch", "ml.torch", "title"), ...body],
      about: ["role", "context", "role", "role"],
      cues: noCues,
      sections: oneSection(text, "role"),
    });
    const bodyMl = qualified.entries.find((e) => e.entryIndex === index("ml.torch"))!.matches.find((m) => m.part === "body")!;
    expect(bodyMl.weight).toBeCloseTo(2 * 1.5 * 0.5, 10);
  });

  it("counts the role's own sentences of four words or more by the evidence they name", () => {
    const text = "you will use pytorch daily. you will ship llm features fast. you will write docs for people. ok then.";
    const sentences = [
      { start: 0, end: 26, about: "role", kind: "role" },
      { start: 28, end: 58, about: "role", kind: "role" },
      { start: 60, end: 89, about: "role", kind: "role" },
      { start: 91, end: 99, about: "role", kind: "role" },
    ] as const;
    const result = weigh({
      lexicon,
      body: plainField(text),
      matches: [...matchesOf(text, "pytorch", "ml.torch"), ...matchesOf(text, "llm", "ai.llm")],
      cues: noCues,
      sections: oneSection(text, "role"),
      sentences,
    });
    expect(result.duties).toEqual({ ml: 1, ai: 1, plain: 1 });
  });
});
