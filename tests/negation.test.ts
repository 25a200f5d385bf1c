import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClassifier } from "../src/classifier.js";
import { tokensOf } from "../src/lexicon/forms.js";
import {
  NEGATION_AFTER,
  NEGATION_CONTRACTIONS,
  NEGATION_LIST_CLOSER,
  NEGATION_REACH_CHARS,
  NEGATION_STOP,
  NEGATION_WINDOW,
  NEGATION_WORDS,
} from "../src/pipeline/patterns.js";

/** All matches of a global pattern in text, as [index, text]. */
const allOf = (re: RegExp, text: string) => [...text.matchAll(new RegExp(re.source, "g"))].map((m) => [m.index, m[0]] as const);

/**
 * Whether the text between a cue and a phrase breaks the clause: a contrast word or a colon does; a
 * comma does unless it separates the items of a list that an "or"/"nor" closes later in the cue's
 * reach (its first NEGATION_WINDOW words in the sentence), before any contrast word or colon.
 */
function clauseBreakIn(lower: string, cueEnd: number, between: string): boolean {
  const stops = allOf(NEGATION_STOP, between);
  if (stops.some(([, t]) => t !== ",")) return true;
  if (stops.length === 0) return false;
  const sentence = lower
    .slice(cueEnd)
    .split(/[.!?;\n•·▪●]/)[0]!
    .slice(0, NEGATION_REACH_CHARS);
  const wordStarts = allOf(/[^ \t\r\u00a0]+/, sentence).map(([i]) => i);
  const reach = sentence.slice(0, wordStarts[NEGATION_WINDOW] ?? sentence.length);
  const hard = allOf(NEGATION_STOP, reach).find(([, t]) => t !== ",")?.[0] ?? reach.length;
  const closers = allOf(NEGATION_LIST_CLOSER, reach).filter(([i]) => i < hard);
  const lastComma = stops.at(-1)![0];
  return !closers.some(([i]) => i > lastComma);
}

/**
 * The reference reading of negation, straight from its definition: the nearest cue before the phrase,
 * at most NEGATION_WINDOW words back in the same sentence with no clause break between; or "not
 * required"-style wording just after it. The classifier precomputes each cue's reach instead.
 */
function negatedByDefinition(lower: string, start: number, end: number): boolean {
  let cueEnd = -1;
  const tokens = tokensOf(lower);
  tokens.forEach((t) => {
    const contraction = NEGATION_CONTRACTIONS.includes(t.text) && /^['\u2019]t(?![a-z0-9_\u00c0-\u024f])/.test(lower.slice(t.end)) ? t.end + 2 : -1;
    const at = NEGATION_WORDS.includes(t.text) ? t.end : contraction;
    if (at >= 0 && at <= start) cueEnd = Math.max(cueEnd, at);
  });
  if (cueEnd >= 0) {
    const between = lower.slice(cueEnd, start);
    const words = between.split(/[ \t\r\u00a0]+/).filter((w) => w !== "").length;
    if (!/[.!?;\n•·▪●]/.test(between) && words <= NEGATION_WINDOW && between.length <= NEGATION_REACH_CHARS && !clauseBreakIn(lower, cueEnd, between))
      return true;
  }
  return NEGATION_AFTER.test(lower.slice(end, end + 120).replace(/\s+/g, " "));
}

const piece = fc.constantFrom(
  "PyTorch",
  "LangChain",
  "model training",
  "RAG",
  "vector database",
  "no",
  "not",
  "without",
  "never",
  "don't",
  "isn’t",
  "cannot",
  "but",
  "however",
  "rather",
  "experience",
  "is",
  "required",
  "needed",
  "with",
  "the",
  "and",
  "or",
  "nor",
  "you",
  "will",
  "work",
  ",",
  ".",
  ":",
  ";",
  "\n",
  "  ",
  "\t",
  "x".repeat(90),
  " ".repeat(80),
);
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(" "));
const classifier = createClassifier();

describe("negation", () => {
  it("every match is negated exactly when the definition says so", () => {
    fc.assert(
      fc.property(text, (body) => {
        const lower = body.toLowerCase();
        for (const evidence of classifier.classify({ title: "Engineer", text: body }).evidence) {
          for (const m of evidence.matches) {
            if (m.field !== "text") continue;
            expect(m.negated, `${JSON.stringify(m.text)} at ${m.start}`).toBe(negatedByDefinition(lower, m.start, m.end));
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ["No ML, LLM or data science work.", ["ML", "LLM"], []],
    ["No PyTorch, RAG, or LangChain experience needed.", ["PyTorch", "RAG", "LangChain"], []],
    ["No travel, LLM skills a plus.", [], ["LLM"]],
    ["No PyTorch or RAG, LangChain is a plus.", ["PyTorch", "RAG"], ["LangChain"]],
    ["No ML, LLM or RAG, LangChain is a plus.", ["ML", "LLM", "RAG"], ["LangChain"]],
    ["No relocation, but RAG or LangChain experience is key.", [], ["RAG", "LangChain"]],
  ])("a list closed by or/nor stays negated, a clause after a comma does not: %s", (body, negated, counted) => {
    const matches = classifier.classify({ title: "Engineer", text: body }).evidence.flatMap((e) => e.matches);
    for (const t of negated) expect(matches.find((m) => m.text === t)?.negated, t).toBe(true);
    for (const t of counted) expect(matches.find((m) => m.text === t)?.negated, t).toBe(false);
  });
});
