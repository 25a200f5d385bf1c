import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainField } from "../src/pipeline/01-normalize.js";
import { segment } from "../src/pipeline/02-segment.js";
import { LEGAL_PHRASES, SENTENCE_END_CHARS } from "../src/pipeline/patterns.js";

/** The phrases as the plain alternation the anchored LEGAL_BOILERPLATE stands for. */
const PLAIN = new RegExp(LEGAL_PHRASES.map(([before, after]) => before + after).join("|"));

/** The legal spans by definition: runs of adjacent sentences (each with its end mark) that hold a phrase. */
function sentencesWithPhrases(lower: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length && !SENTENCE_END_CHARS.includes(lower[i]!)) continue;
    const end = Math.min(lower.length, i + 1);
    if (PLAIN.test(lower.slice(start, i))) {
      const previous = spans.at(-1);
      if (previous && previous[1] === start) previous[1] = end;
      else spans.push([start, end]);
    }
    start = end;
  }
  return spans;
}

/** segment's legal sections cut out for boilerplate (not those under a legal heading), with the pieces a heading cut apart joined again. */
function legalSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const s of segment(plainField(text))) {
    if (s.kind !== "legal" || s.heading !== undefined) continue;
    const previous = spans.at(-1);
    if (previous && previous[1] === s.start) previous[1] = s.end;
    else spans.push([s.start, s.end]);
  }
  return spans;
}

describe("legal boilerplate", () => {
  it("marks exactly the sentences that hold a phrase, wherever it stands", () => {
    const pieces = [
      "equal opportunity",
      "equal employment opportunities",
      "without regard to race",
      "without regard to color",
      "reasonable accommodations",
      "e-verify",
      "protected veterans",
      "sexual orientation",
      "gender identity",
      "without regard to agent",
      "unequal opportunity",
      "the-verify",
      "opportunity",
      "regard to",
      "veteran",
      "gender",
      "sexual",
      "we",
      " ",
      ". ",
      "\n",
      ";",
      "•",
      "-",
      "q",
      "x",
      "y",
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join("")),
          fc.string({ maxLength: 60 }),
        ),
        (raw) => {
          const text = raw.toLowerCase();
          expect(legalSpans(text)).toEqual(sentencesWithPhrases(plainField(text).norm.lower));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("reads a phrase inside a word and a word the phrase begins", () => {
    const text = "Ship models. An unequal opportunity is none. Hired without regard to agents. Deploy.";
    const legal = segment(plainField(text)).filter((s) => s.kind === "legal");
    expect(legal.map((s) => text.slice(s.start, s.end).trim())).toEqual(["An unequal opportunity is none. Hired without regard to agents."]);
  });
});
