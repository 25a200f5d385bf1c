import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formKey, formProblem, isTokenStart, tokenEnd, tokensOf } from "../src/lexicon/forms.js";

describe("tokens", () => {
  it("the hot path's token starts and ends are exactly those of the TOKEN regex, for any string", () => {
    const alphabet = fc.constantFrom("a", "z", "0", "_", ".", "&", "+", "#", " ", "-", "/", "'", "é", "ł", "ɏ", "ɐ", "×", "\n", "€");
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(alphabet, { maxLength: 80 }).map((a) => a.join("")),
        ),
        (raw) => {
          const text = raw.toLowerCase();
          const viaRegex = tokensOf(text).map((t) => [t.start, t.end]);
          const viaLoop: number[][] = [];
          for (let at = 0; at < text.length; at++) if (isTokenStart(text, at, 0)) viaLoop.push([at, tokenEnd(text, at, text.length)]);
          expect(viaLoop).toEqual(viaRegex);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("keys join tokens, so spellings of one phrase meet", () => {
    expect(["fine-tuning", "fine tuning", "finetuning", "Fine-Tuning"].map(formKey)).toEqual(["finetuning", "finetuning", "finetuning", "finetuning"]);
    expect(formKey("GPT-4o")).toBe(formKey("gpt 4o"));
    expect(formKey("node.js")).toBe("node.js");
  });

  it("names what is wrong with a form that is not words and separators", () => {
    expect(formProblem("model serving")).toBeUndefined();
    expect(formProblem("weights & biases")).toBeUndefined();
    expect(formProblem("(a+)+$")).toMatch(/not part of a word/);
    expect(formProblem("...")).toMatch(/at least one word/);
  });
});
