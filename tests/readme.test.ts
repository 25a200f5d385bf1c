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
