import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeLiteral, literalAlternation } from "../src/literal-pattern.js";

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
