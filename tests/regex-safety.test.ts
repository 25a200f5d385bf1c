import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isSafePattern } from "redos-detector";
import regjsparser from "regjsparser";
import { describe, expect, it } from "vitest";

/*
 * No catastrophic backtracking, checked statically (no timing: CI is a shared machine). Every RegExp
 * exported by every src/**\/patterns.ts (found by listing the folder, so a new
 * module cannot be missed), inside arrays and objects too, must pass one of:
 *  - bounded: no unbounded quantifier (`*`, `+`, `{n,}`) and no backreference. Then the engine's
 *    work from one start position is bounded by a constant of the pattern, and a scan is linear.
 *  - redos-detector finds no input that can match an unbounded part more than one way. Bounded
 *    counts are first shrunk to at most two (`{0,20}` → `{0,2}`): that keeps whether a part is
 *    optional or repeats, which is what ambiguity needs, and keeps the search small enough to end.
 * Linear time of the scans around the patterns is tests/robustness.test.ts's work count.
 */

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/*
 * Patterns redos-detector does not prove safe, each with why it is linear where it is used. A
 * pattern leaves this list when it changes; a stale name fails the test below.
 */
const REVIEWED: Record<string, string> = {
  "salary/patterns.ts:MONEY":
    "its one unbounded part, (?:[,. ]\\d{3})+, starts each round with a separator and takes exactly three digits, so a run of digit groups splits one way only",
};

type Node = { type: string; min?: number; max?: number; body?: Node | Node[]; raw: string };

/** The unbounded quantifiers and backreferences of a pattern, by their source text. */
function unboundedParts(re: RegExp): string[] {
  const found: string[] = [];
  const visit = (node: Node | undefined): void => {
    if (node === undefined) return;
    if ((node.type === "quantifier" && node.max === undefined) || node.type === "reference") found.push(node.raw);
    for (const child of Array.isArray(node.body) ? node.body : node.body ? [node.body] : []) visit(child);
  };
  visit(regjsparser.parse(re.source, re.flags, { lookbehind: true, namedGroups: true, unicodePropertyEscape: true, unicodeSet: true }) as Node);
  return found;
}

/** The pattern with every bounded count `{m,n}` shrunk to `{min(m,1),min(n,min(m,1)+1)}`; classes and escapes untouched. */
function shrinkCounts(source: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const count = !inClass && c === "{" ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i)) : null;
    if (c === "\\") {
      out += c + (source[i + 1] ?? "");
      i++;
    } else if (count) {
      const min = Number(count[1]);
      const max = count[2] === undefined ? min : count[3] === "" ? Number.POSITIVE_INFINITY : Number(count[3]);
      const lo = Math.min(min, 1);
      out += `{${lo},${max === Number.POSITIVE_INFINITY ? "" : Math.min(max, lo + 1)}}`;
      i += count[0].length - 1;
    } else {
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      out += c;
    }
  }
  return out;
}

/** "bounded", "safe", or what redos-detector reported. */
function verdict(re: RegExp): string {
  if (unboundedParts(re).length === 0) return "bounded";
  // Group names change nothing about backtracking, and redos-detector reads only plain groups.
  const result = isSafePattern(shrinkCounts(re.source).replace(/\(\?<([A-Za-z_$][\w$]*)>/g, "("), {
    caseInsensitive: re.ignoreCase,
    multiLine: re.multiline,
    dotAll: re.dotAll,
    unicode: re.unicode,
    // The search is bounded by steps, never by time, so the verdict is the same on any machine;
    // 100,000 is enough for every pattern here (the slowest, TITLE_SENIORITY's junior, takes ~12 s).
    maxSteps: 100_000,
    timeout: Number.POSITIVE_INFINITY,
  });
  return result.safe ? "safe" : `not proven safe (${result.error})`;
}

/** Every RegExp in a module's exports, named `file:EXPORT[index].key`. */
function regexesOf(file: string, exports: Record<string, unknown>): Array<[string, RegExp]> {
  const found: Array<[string, RegExp]> = [];
  const visit = (name: string, value: unknown): void => {
    if (value instanceof RegExp) found.push([name, value]);
    else if (Array.isArray(value)) for (const [i, v] of value.entries()) visit(`${name}[${i}]`, v);
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(`${name}.${k}`, v);
  };
  for (const [name, value] of Object.entries(exports)) visit(`${file}:${name}`, value);
  return found;
}

const modules = [...readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) => f === "patterns.ts" || f.endsWith("/patterns.ts"))];
const exported: Array<[string, RegExp]> = [];
for (const file of modules) exported.push(...regexesOf(file, await import(`../src/${file.replace(/\.ts$/, ".js")}`)));

describe("no catastrophic backtracking (static)", () => {
  it("finds the pattern modules and their regexes", () => {
    expect(modules).toEqual(expect.arrayContaining(["pipeline/patterns.ts", "salary/patterns.ts", "seniority/patterns.ts"]));
    expect(exported.length).toBeGreaterThan(20);
    for (const name of Object.keys(REVIEWED)) expect(exported.map(([n]) => n)).toContain(name);
  });

  it.each(exported)(
    "%s",
    (name, re) => {
      const result = verdict(re);
      if (name in REVIEWED) expect(result).not.toBe("bounded");
      else expect(result, `${name}: unbounded parts ${JSON.stringify(unboundedParts(re))}`).toMatch(/^(bounded|safe)$/);
    },
    300_000,
  );

  it("the check catches catastrophic patterns", () => {
    // Exponential, and quadratic: an unanchored \w+ rescans a long word from each of its letters.
    for (const re of [/(a+)+$/, /\s*\s*$/, /(?:a{1,3})+$/, /\w+@/]) expect(verdict(re), String(re)).toMatch(/^not proven safe/);
    expect(verdict(/(?:[a-z]{1,14}\s){0,2}x/)).toBe("bounded");
    expect(verdict(/^\w+@/)).toBe("safe");
  }, 300_000);
});
