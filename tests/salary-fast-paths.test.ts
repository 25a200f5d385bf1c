import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyWordMarks } from "../src/salary/extract.js";
import { CURRENCY_WORD } from "../src/salary/patterns.js";

/*
 * The fast paths of stated pay against the plain regex scans they replace, on generated text. The
 * fragments put currency words, multipliers and digits beside each other in every order, with and
 * without a space or a word character between, where the two can disagree.
 */
const FRAGMENTS = [
  "Rs",
  "Rs.",
  "rs",
  "dollars",
  "Dollars",
  "euro",
  "euros",
  "Euro",
  "pounds",
  "lakh",
  "Lakhs",
  "lac",
  "lpa",
  "LPA",
  "crore",
  "Cr",
  "5",
  "12",
  "0",
  " ",
  "  ",
  "x",
  ".",
  "\n",
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join("")),
  fc.string({ unit: fc.constantFrom(..."Rsdolareupnkh5 ."), maxLength: 60 }),
);

describe("stated pay: fast paths agree with the plain scans", () => {
  it("currencyWordMarks finds where CURRENCY_WORD matches", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(currencyWordMarks(t)).toEqual([...t.matchAll(CURRENCY_WORD)].map((m) => m.index));
      }),
      { numRuns: 5000 },
    );
  });

  it("covers both halves: a word-first mark and the figure-first ones", () => {
    expect(currencyWordMarks("paid in Rs 5 lakh or 7 lakh")).toEqual([8, 21]);
    expect(currencyWordMarks("paid 5 lakh or 7 lakh")).toEqual([5, 15]);
  });
});
