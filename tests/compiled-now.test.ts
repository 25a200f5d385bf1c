import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compiledNow } from "../src/literal-pattern.js";

/** Every match of a global or sticky pattern from `from`, as "index:text", with lastIndex after each. */
function scan(re: RegExp, text: string, from: number): string[] {
  const found: string[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(`${m.index}:${m[0]}:${re.lastIndex}`);
    if (m[0] === "") re.lastIndex++;
  }
  return found;
}

describe("compiledNow", () => {
  it("returns the same pattern, its lastIndex as it was, and every later match unchanged", () => {
    fc.assert(
      fc.property(fc.constantFrom("g", "y", "gi", ""), fc.stringMatching(/^[ab $0-9,\n]{0,40}$/), fc.nat(40), (flags, text, at) => {
        // Patterns that match the priming subject (spaces) too, so a leftover lastIndex would show.
        const sources = [" +", "\\$\\d{1,3}(?:,\\d{3})*", "(?<![a-z])ab?\\s?", "^\\s*"];
        for (const source of sources) {
          const plain = new RegExp(source, flags);
          const primed = new RegExp(source, flags);
          primed.lastIndex = at;
          expect(compiledNow(primed)).toBe(primed);
          expect(primed.lastIndex).toBe(at);
          const from = flags === "" ? 0 : at % (text.length + 1);
          if (flags === "") expect(primed.exec(text)?.index).toBe(plain.exec(text)?.index);
          else expect(scan(primed, text, from)).toEqual(scan(plain, text, from));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("runs a pattern once, on its first call only", () => {
    const re = /x/g;
    let runs = 0;
    const exec = re.exec.bind(re);
    re.exec = (s: string) => {
      runs++;
      return exec(s);
    };
    compiledNow(re);
    compiledNow(re);
    expect(runs).toBe(1);
  });
});
