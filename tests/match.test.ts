import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../src/classifier.js";
import { compileLexicon, type FieldMatcher } from "../src/lexicon/compile.js";
import { TokenCursor } from "../src/lexicon/forms.js";
import { matchField, type NegationCues, type RawMatch } from "../src/pipeline/03-match.js";
import { NEGATION_CONTRACTIONS, NEGATION_WORDS, tokenStartPattern } from "../src/regex.js";

/**
 * The reference: visit every token in order and look each up, with no pattern to skip ahead by.
 * The real matcher jumps between candidate starts; it must find exactly what this finds.
 */
function matchEveryToken(matcher: FieldMatcher, lower: string, from: number, to: number): { matches: RawMatch[]; cues: NegationCues } {
  const out: RawMatch[] = [];
  const cues: NegationCues = { starts: [], ends: [] };
  const cursor = new TokenCursor(lower, from, to);
  while (cursor.next()) {
    const start = cursor.start;
    const firstEnd = cursor.end;
    let key = lower.slice(start, firstEnd);
    const contraction = /^['’]t(?![a-z0-9_À-ɏ])/.exec(lower.slice(firstEnd, to));
    if (NEGATION_WORDS.includes(key) || (NEGATION_CONTRACTIONS.includes(key) && contraction)) {
      cues.starts.push(start);
      cues.ends.push(NEGATION_WORDS.includes(key) ? firstEnd : firstEnd + 2);
    }
    if (!matcher.firstTokens.has(key)) continue;
    let end = firstEnd;
    let best = matcher.entryOf.has(key) ? end : -1;
    let bestEntry = matcher.entryOf.get(key);
    for (let count = 1; count < matcher.maxTokens && matcher.prefixes.has(key); count++) {
      if (!cursor.next() || !/^[\s\-/'\u2019&,]{1,3}$/.test(lower.slice(end, cursor.start))) break;
      key += lower.slice(cursor.start, cursor.end);
      end = cursor.end;
      if (matcher.entryOf.has(key)) {
        best = end;
        bestEntry = matcher.entryOf.get(key);
      }
    }
    if (best >= 0 && bestEntry !== undefined) out.push({ entry: bestEntry, start, end: best });
    cursor.seek(best >= 0 ? best : firstEnd);
  }
  return { matches: out, cues };
}

const compiled = compileLexicon(defaultLexicon());
/** The same matcher with the pattern a lexicon too large for one trie gets: every token start is a candidate. */
const everyTokenStart: FieldMatcher = {
  ...compiled.body,
  starts: tokenStartPattern(new Set([...compiled.body.firstTokens, ...Array.from({ length: 3000 }, (_, i) => `filler${i}`)])),
};
const forms = defaultLexicon().entries.flatMap((e) => [...e.terms, ...e.verbs, ...e.variants]);
/** Lexicon forms cut apart and glued to each other with the characters that decide token boundaries. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...forms) },
  { weight: 2, arbitrary: fc.constantFrom(" ", ".", "..", "&", "+", "#", "-", "/", "'", ",", "\n", "x", "é", "2", "c++", ".net", "node.", "(", ") ", "no ", "not", "don't", "can’t", "won'tx", "cannot") },
  { weight: 1, arbitrary: fc.constantFrom(...forms).map((f) => f.slice(0, Math.ceil(f.length / 2))) },
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join("").toLowerCase());

describe("matching", () => {
  it("a lexicon too large for one trie is scanned from every token start", () => {
    expect(everyTokenStart.starts.source).not.toBe(compiled.body.starts.source);
    expect(everyTokenStart.starts.source.length).toBeLessThan(100);
  });

  it("a phrase written as one word matches its spaced or hyphenated form, and only as a whole token", () => {
    const found = (text: string) => {
      const out: RawMatch[] = [];
      matchField(compiled.body, text, 0, text.length, out);
      return out.map((m) => compiled.entries[m.entry]!.id);
    };
    const fineTuning = found("we do fine-tuning")[0];
    expect(fineTuning).toBeDefined();
    expect(found("we do finetuning")).toEqual([fineTuning]);
    expect(found("we do fine tuning")).toEqual([fineTuning]);
    expect(found("we do refinetuning")).toEqual([]);
  });

  it("jumping between candidate starts finds exactly what visiting every token finds", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (lower, a, b) => {
        const from = lower.length === 0 ? 0 : a % lower.length;
        const to = from + (lower.length === from ? 0 : b % (lower.length - from + 1));
        for (const matcher of [compiled.body, everyTokenStart]) {
          const out: RawMatch[] = [];
          const cues: NegationCues = { starts: [], ends: [] };
          matchField(matcher, lower, from, to, out, cues);
          expect({ matches: out, cues }).toEqual(matchEveryToken(matcher, lower, from, to));
        }
        const inTitle: RawMatch[] = [];
        matchField(compiled.title, lower, from, to, inTitle);
        expect(inTitle).toEqual(matchEveryToken(compiled.title, lower, from, to).matches);
      }),
      { numRuns: 3000 },
    );
  });
});
