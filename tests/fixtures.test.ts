import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";
import { expectSpansSliceBack } from "./support/invariants.js";

const dir = new URL("../fixtures/postings/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("../fixtures/expected.json", import.meta.url), "utf8")) as Record<string, { label: string; level: string }>;
const files = readdirSync(dir).sort();

describe("bundled example postings", () => {
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    expect(files).toEqual(
      Object.keys(expected)
        .filter((k) => !k.startsWith("$"))
        .sort(),
    );
  });

  it.each(files)("%s: label, level and evidence", (file) => {
    const content = readFileSync(new URL(file, dir), "utf8");
    const posting = file.endsWith(".html") ? { html: content } : content;
    const result = classify(posting);
    expect(result.label).toBe(expected[file]!.label);
    expect(result.seniority.level).toBe(expected[file]!.level);
    expectSpansSliceBack(posting, result);
    if (result.label !== "neither") {
      const counted = result.evidence.filter((e) => e.contribution > 0 && e.role === (result.label === "ml-engineer" ? "ml" : "ai"));
      expect(counted.length).toBeGreaterThanOrEqual(3);
    }
  });
});
