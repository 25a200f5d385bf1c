/**
 * The README's examples run as written and give what the README shows (the library example's
 * evidence shortened to the entries it lists), so a refit or a rule change cannot leave them stale.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";
import { runInProcess } from "./support/cli.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const usage = readme.slice(readme.indexOf("## Using the library"));
const fence = (lang: string, from: number) => {
  const start = usage.indexOf(`\`\`\`${lang}\n`, from) + lang.length + 4;
  return { code: usage.slice(start, usage.indexOf("\n```", start)), end: start };
};

describe("the README's library example", () => {
  it("gives the result the README shows", () => {
    const example = fence("ts", 0);
    const shown = JSON.parse(fence("json", example.end).code) as { evidence: Array<{ id: string }> };
    // The example's call, with its import dropped: `classify` comes from the sources here.
    const body = example.code.replace(/^import .*\n/m, "");
    const result = new Function("classify", `${body}\nreturn result;`)(classify) as ReturnType<typeof classify>;
    const listed = new Set(shown.evidence.map((e) => e.id));
    expect({ ...result, evidence: result.evidence.filter((e) => listed.has(e.id)) }).toEqual(shown);
    expect(readme).toContain(`evidence shortened to two of its ${result.evidence.length} entries`);
  });
});

describe("the README's default --fields record", () => {
  it("is what classify prints for that fixture", async () => {
    const line = readme
      .split("\n")
      .find((l) => l.trimStart().startsWith('{"id":"fixtures/postings/'))!
      .trim();
    const { id } = JSON.parse(line) as { id: string };
    const { code, stdout } = await runInProcess(["classify", id]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(line);
  });
});

describe("the README's quick-start table", () => {
  it("is lines of what `npm run example` prints, with the row count it states", async () => {
    const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Using the library"));
    const intro = /`npm run example` prints a table like this one \((\w+) of its (\w+) rows/.exec(quickStart);
    expect(intro).not.toBeNull();
    const start = quickStart.indexOf("```\n", intro!.index) + 4;
    const shown = quickStart.slice(start, quickStart.indexOf("\n```", start)).split("\n");
    // The same command as the script, run in process (its output is the same for any --jobs).
    const script = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> }).scripts["example"]!;
    const args = script.replace(/^.*node dist\/cli\.js /, "").split(" ");
    expect(args).toEqual(["classify", "fixtures/postings", "--format", "table"]);
    const { code, stdout } = await runInProcess(args);
    expect(code).toBe(0);
    const printed = stdout.trimEnd().split("\n");
    expect(shown[0]).toBe(printed[0]);
    for (const line of shown.slice(1)) expect(printed).toContain(line);
    const words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    expect([words.indexOf(intro![1]!), words.indexOf(intro![2]!)]).toEqual([shown.length - 1, printed.length - 1]);
  });
});
