import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClassifier } from "../src/classifier.js";
import { tokensOf } from "../src/lexicon/forms.js";
import { NEGATION_AFTER, NEGATION_CONTRACTIONS, NEGATION_REACH_CHARS, NEGATION_STOP, NEGATION_WINDOW, NEGATION_WORDS } from "../src/pipeline/patterns.js";

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
    NEGATION_STOP.lastIndex = 0;
    if (!/[.!?;\n•·▪●]/.test(between) && words <= NEGATION_WINDOW && between.length <= NEGATION_REACH_CHARS && !NEGATION_STOP.test(between)) return true;
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
});
