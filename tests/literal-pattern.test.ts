import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeLiteral, literalAlternation, wordStartAlternation } from "../src/literal-pattern.js";

/** Every match of a global pattern in a text, as "index:text". */
function matches(source: string, text: string): string[] {
  const pattern = new RegExp(source, "g");
  const found: string[] = [];
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    found.push(`${m.index}:${m[0]}`);
    if (m[0] === "") pattern.lastIndex++;
  }
  return found;
}

describe("wordStartAlternation", () => {
  const word = fc.stringMatching(/^[a-d_0-9][a-d.+ ]{0,5}$/);
  const text = fc.stringMatching(/^[a-dA-D0-9_.+ \n-]{0,60}$/);

  it("matches exactly what a word boundary before the same words matches", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), text, (words, subject) => {
        expect(matches(wordStartAlternation(words), subject)).toEqual(matches(`\\b(?:${literalAlternation(words)})`, subject));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses a word that starts with a non-word character", () => {
    expect(() => wordStartAlternation([".net"])).toThrow(/word character/);
  });
});

describe("literalAlternation", () => {
  // Words over a small alphabet (so they share prefixes) that holds every character escapeLiteral escapes.
  const word = fc.stringMatching(/^[ab.*+?^${}()|[\]\\/-]{0,4}$/);

  it("matches exactly what the flat alternation of the escaped words, longest first, matches", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.stringMatching(/^[ab.*+?^${}()|[\]\\/ -]{0,40}$/), (words, subject) => {
        const flat = [...new Set(words.filter((w) => w !== ""))].sort((a, b) => b.length - a.length).map(escapeLiteral);
        if (flat.length === 0) return;
        expect(matches(`(?:${literalAlternation(words)})`, subject)).toEqual(matches(`(?:${flat.join("|")})`, subject));
      }),
      { numRuns: 1000 },
    );
  });

  it("escapes each metacharacter as escapeLiteral does", () => {
    for (const ch of ".*+?^{}$()|[]\\/") expect(literalAlternation([ch])).toBe(escapeLiteral(ch));
    expect(literalAlternation([])).toBe("");
  });
});
