/*
 * Stage 4's fast paths against the plain patterns they stand in for: each must find exactly what the
 * pattern alone finds, on text built from the pieces the pattern reads.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesAtStarts } from "../src/literal-pattern.js";
import { HIRING_LIST_CUE, HIRING_LIST_WORDS } from "../src/pipeline/patterns.js";

/** Text made of `pieces`, so the patterns' words, marks and spaces meet in every order. */
const textOf = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(""));

describe("hiring cues", () => {
  it("matchesAtStarts at the hiring words finds every match the global pattern finds, and no other", () => {
    const everywhere = new RegExp(HIRING_LIST_CUE.source, "g");
    const text = textOf(["hiring", "open", "ings", "open roles ", "hiring for: ", " ", "\t", "for", "roles", "positions", ":", "—", "x", "\n"]);
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        // Any range of the text, as a body's [from, to) is of its normalized text.
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        const expected: Array<[number, string]> = [];
        everywhere.lastIndex = from;
        for (let m = everywhere.exec(t); m !== null && m.index < to; m = everywhere.exec(t)) expected.push([m.index, m[0]]);
        const found = matchesAtStarts(t, HIRING_LIST_WORDS, HIRING_LIST_CUE, from, to).map(([start, end]): [number, string] => [start, t.slice(start, end)]);
        expect(found).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
