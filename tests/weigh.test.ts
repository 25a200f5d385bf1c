import { describe, expect, it } from "vitest";
import { compileLexicon, DEFAULT_DECISION, DEFAULT_SECTION_WEIGHTS } from "../src/lexicon/compile.js";
import { loadLexicon } from "../src/lexicon/load.js";
import { plainField } from "../src/pipeline/01-normalize.js";
import type { Section } from "../src/pipeline/02-segment.js";
import type { NegationCues, RawMatch } from "../src/pipeline/03-match.js";
import { weigh } from "../src/pipeline/04-weigh.js";
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
    ],
    sectionWeights: { ...DEFAULT_SECTION_WEIGHTS, title: 2, role: 1.5, requirements: 0.5, legal: 0 },
    decision: { ...DEFAULT_DECISION, repeatDecay: 0.5 },
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
});
