import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../src/classifier.js";
import { compileLexicon } from "../src/lexicon/compile.js";
import * as patterns from "../src/regex.js";
import * as salaryPatterns from "../src/salary/patterns.js";
import * as seniorityPatterns from "../src/seniority/patterns.js";

/*
 * Catastrophic backtracking shows as super-linear time. Every regex that reads posting text runs
 * over adversarial inputs of size n and 10n; the larger must cost at most ~15× the smaller (linear
 * is 10×, a quadratic regex is 100×). Minimum of several runs, to damp machine noise.
 */
const ADVERSARIAL = [
  "a",
  " ",
  "-",
  "1",
  "9 ",
  "1-",
  "5+ ",
  "no ",
  "not ",
  "years ",
  "model ",
  "model-",
  "model - ",
  "ai/",
  "a.i.",
  "&",
  "'",
  "fine-",
  "fine ",
  "senior ",
  "ii ",
  "experience ",
  "about ",
  "responsibilities ",
  "<p>",
  "llm",
  "1.5 ",
  ":",
];

function minTime(run: () => void, repeat = 7): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    run();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

function scan(re: RegExp, text: string): void {
  if (re.global) {
    re.lastIndex = 0;
    let guard = 0;
    for (let m = re.exec(text); m !== null && guard < 1e6; m = re.exec(text), guard++) if (m[0] === "") re.lastIndex++;
  } else {
    re.test(text);
  }
}

const named: Array<[string, RegExp]> = [];
for (const [name, value] of [patterns, salaryPatterns, seniorityPatterns].flatMap((module) => Object.entries(module))) {
  if (value instanceof RegExp) named.push([name, value]);
}
named.push(["HEADING", patterns.HEADING]);
// The patterns built from lexicon data: the default lexicon's, and the fallback for lexicons too large for one.
const compiled = compileLexicon(defaultLexicon());
named.push(["tokenStartPattern (default body)", compiled.body.starts], ["tokenStartPattern (default title)", compiled.title.starts]);
named.push(["tokenStartPattern (every token start)", patterns.tokenStartPattern(new Set(Array.from({ length: 3000 }, (_, i) => `token${i}`)))]);

describe("every text regex runs in linear time", () => {
  it.each(named)("%s", (_, re) => {
    for (const unit of ADVERSARIAL) {
      const small = unit.repeat(Math.ceil(10_000 / unit.length));
      const large = unit.repeat(Math.ceil(100_000 / unit.length));
      scan(re, small); // warm-up
      // The floor keeps sub-0.2 ms timings, which are mostly noise, from deciding the ratio; a
      // garbage-collection pause can still land in one measurement, so a ratio gets three chances.
      let ratio = Infinity;
      for (let attempt = 0; attempt < 3 && ratio >= 15; attempt++) {
        ratio = Math.min(
          ratio,
          minTime(() => scan(re, large)) /
            Math.max(
              minTime(() => scan(re, small)),
              0.2,
            ),
        );
      }
      expect(ratio, `unit ${JSON.stringify(unit)}`).toBeLessThan(15);
    }
  });
});
