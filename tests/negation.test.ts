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
 * Whether the phrase at `start` is an item of a list that the cue's window opens and that closes
 * beyond it: the window (the cue's first NEGATION_WINDOW words of the sentence) holds a comma and no
 * other stop and no "or"/"nor"; later in the sentence an "or"/"nor" comes before any stop other than
 * a comma; the list's last item ends at the first stop after the closer, or NEGATION_WINDOW words
 * after it (the closer counted).
 */
function inListBeyondWindow(lower: string, cueEnd: number, start: number): boolean {
  const sentence = lower
    .slice(cueEnd)
    .split(/[.!?;\n•·▪●]/)[0]!
    .slice(0, NEGATION_REACH_CHARS);
  const wordStarts = allOf(/[^ \t\r\u00a0]+/, sentence).map(([i]) => i);
  const windowEnd = wordStarts[NEGATION_WINDOW] ?? sentence.length;
  const stops = allOf(NEGATION_STOP, sentence);
  const inWindow = stops.filter(([i]) => i < windowEnd);
  if (inWindow.length === 0 || inWindow.some(([, t]) => t !== ",")) return false;
  const firstComma = inWindow[0]![0];
  if (allOf(NEGATION_LIST_CLOSER, sentence.slice(0, windowEnd)).some(([i]) => i > firstComma)) return false;
  const hard = stops.find(([i, t]) => i > firstComma && t !== ",")?.[0] ?? sentence.length;
  const closer = allOf(NEGATION_LIST_CLOSER, sentence).find(([i]) => i > firstComma)?.[0];
  if (closer === undefined || closer >= hard) return false;
  const afterCloser = stops.find(([i]) => i >= closer)?.[0] ?? sentence.length;
  const closerWords = wordStarts.filter((i) => i >= closer);
  const lastItemEnd = closerWords[NEGATION_WINDOW] ?? sentence.length;
  return start - cueEnd <= Math.min(afterCloser, lastItemEnd);
}

/**
 * The reference reading of negation, straight from its definition: the nearest cue before the phrase,
 * at most NEGATION_WINDOW words back in the same sentence with no clause break between, or an item of
 * a list it opens that an "or"/"nor" closes later in the sentence; or "not required"-style wording
 * just after it. The classifier precomputes each cue's reach instead.
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
    if (!/[.!?;\n•·▪●]/.test(between) && between.length <= NEGATION_REACH_CHARS && inListBeyondWindow(lower, cueEnd, start)) return true;
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
const randomText = fc.array(piece, { minLength: 1, maxLength: 40 }).map((p) => p.join(" "));
/** A negated list, often longer than the cue's window, in random text: "… no PyTorch, model training, RAG or LangChain …". */
const item = fc.constantFrom("PyTorch", "LangChain", "model training", "RAG", "vector database", "the work", "x".repeat(30));
const listText = fc
  .tuple(
    randomText,
    fc.constantFrom("no", "not", "without", "never"),
    fc.array(item, { minLength: 2, maxLength: 7 }),
    fc.constantFrom(" or ", " nor ", ", or ", " and ", ": ", " but "),
    fc.array(item, { minLength: 1, maxLength: 3 }),
    randomText,
  )
  .map(([before, cue, items, closer, last, after]) => `${before} ${cue} ${items.join(", ")}${closer}${last.join(" ")} ${after}`);
const text = fc.oneof(randomText, listText);
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
    ["You will not do model training, fine-tuning, distributed training or PyTorch.", ["model training", "distributed training", "PyTorch"], []],
    ["Not model training, fine-tuning, evaluation harnesses, distributed training, or PyTorch.", ["model training", "distributed training", "PyTorch"], []],
    ["No travel, team offsites twice a year, and RAG work from day one.", [], ["RAG"]],
    ["Model training, fine-tuning and PyTorch are not in scope for this team.", ["Model training", "PyTorch"], []],
    ["PyTorch, though LLM work is not required.", ["LLM"], ["PyTorch"]],
  ])("a list closed by or/nor stays negated, however long, a clause after a comma does not: %s", (body, negated, counted) => {
    const matches = classifier.classify({ title: "Engineer", text: body }).evidence.flatMap((e) => e.matches);
    for (const t of negated) expect(matches.find((m) => m.text === t)?.negated, t).toBe(true);
    for (const t of counted) expect(matches.find((m) => m.text === t)?.negated, t).toBe(false);
  });
});
