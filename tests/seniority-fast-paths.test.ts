import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { literalAlternation, matchesAtStarts } from "../src/literal-pattern.js";
import { YEAR_WORD_AT, YEAR_WORD_FIRSTS, YEAR_WORDS } from "../src/seniority/patterns.js";

/** The year words by their definition: a global scan for any of them as a whole word. */
const YEAR_WORD = new RegExp(`\\b(?:${literalAlternation(YEAR_WORDS)})\\b`, "g");

/** YEAR_WORD's matches in lower[from, to), by the plain global scan the fast path replaces. */
function scanned(lower: string, from: number, to: number): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  YEAR_WORD.lastIndex = from;
  for (let m = YEAR_WORD.exec(lower); m !== null && m.index < to; m = YEAR_WORD.exec(lower)) found.push([m.index, m.index + m[0].length]);
  return found;
}

/** Lowercased text built to put year words, their prefixes and word characters beside each other. */
const lowerText = fc.oneof(
  fc
    .array(fc.constantFrom("years", "year", "yrs", "yr", "jaar", "jahre", "ja", "y", "j", "5", "x", "_", " ", "-", "+", "é"), { maxLength: 30 })
    .map((p) => p.join("")),
  fc.string({ unit: fc.constantFrom(..."yjearshx5 _"), maxLength: 60 }),
);

describe("seniority: fast paths agree with the plain scans", () => {
  it("matchesAtStarts at the year words' first letters finds YEAR_WORD's matches in the range", () => {
    fc.assert(
      fc.property(lowerText, fc.nat(), fc.nat(), (lower, a, b) => {
        const from = a % (lower.length + 1);
        const to = from + (b % (lower.length - from + 1));
        expect(matchesAtStarts(lower, YEAR_WORD_FIRSTS, YEAR_WORD_AT, from, to)).toEqual(scanned(lower, from, to));
      }),
      { numRuns: 5000 },
    );
  });
});
