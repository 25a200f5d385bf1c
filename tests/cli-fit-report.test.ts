import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./support/cli.js";
import { loadLexicon } from "../src/lexicon/load.js";

const cli = runInProcess;

const tmp = mkdtempSync(join(tmpdir(), "role-lens-fit-"));

/** Labelled postings written for this test: two sources, six companies, three labels. */
function labelledFile(): string {
  const bodies = {
    ml: ["Train and evaluate deep learning models in PyTorch.", "Run distributed training and serve models with Triton."],
    ai: ["Build RAG pipelines with LangChain and a vector database.", "Prompt engineering and LLM evaluation on the OpenAI API."],
    neither: ["Build dashboards in Tableau for the sales team.", "Own quota and pipeline generation for enterprise accounts."],
  } as const;
  const titles = { ml: "Machine Learning Engineer", ai: "AI Engineer", neither: "Account Executive" } as const;
  const lines: string[] = [];
  for (let c = 0; c < 6; c++) {
    for (const label of ["ml", "ai", "neither"] as const) {
      const [first, second] = bodies[label];
      lines.push(
        JSON.stringify({
          id: `${label}-${c}`,
          label,
          company: `co-${c}`,
          source: c % 2 ? "board-a" : "board-b",
          // The labeller's confidence on two companies of six.
          ...(c < 2 ? { confidence: "low" } : c < 4 ? { confidence: "high" } : {}),
          title: titles[label],
          text: `What you'll do\n- ${first}\n- ${second}`,
        }),
      );
    }
  }
  const file = join(tmp, "labelled.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

describe("role-lens lexicon fit", () => {
  it("prints out-of-fold figures overall, by file, by source and by the labellers' confidence, and writes a valid fitted lexicon only with --write", async () => {
    const file = labelledFile();
    const lexiconFile = join(tmp, "lexicon.json");
    writeFileSync(lexiconFile, readFileSync(new URL("../lexicons/default.json", import.meta.url), "utf8"));
    const before = readFileSync(lexiconFile, "utf8");
    const dry = await cli(["lexicon", "fit", file, "--lexicon", lexiconFile, "--folds", "3"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/3-fold cross-validation, folds grouped by company/);
    expect(dry.stdout).toMatch(/^all\s+18\s/m);
    expect(dry.stdout).toMatch(/^labelled\.jsonl\s+18\s/m);
    expect(dry.stdout).toMatch(/^source board-a\s+9\s/m);
    expect(dry.stdout).toMatch(/^labeller low\s+6\s/m);
    expect(dry.stdout).toMatch(/^labeller high\s+6\s/m);
    expect(dry.stderr).toMatch(/not written/);
    expect(readFileSync(lexiconFile, "utf8")).toBe(before);

    const written = await cli(["lexicon", "fit", file, "--lexicon", lexiconFile, "--folds", "3", "--no-search", "--write"]);
    expect(written.code).toBe(0);
    const fitted = loadLexicon(JSON.parse(readFileSync(lexiconFile, "utf8")));
    expect(fitted.fit?.postings).toBe(18);
    expect(fitted.fit?.folds).toBe(3);
    expect(fitted.entries.every((e) => e.weight >= 0)).toBe(true);
  });

  it("names the line of a bad labelled record, and refuses --write without a lexicon file", async () => {
    const bad = join(tmp, "bad.jsonl");
    writeFileSync(bad, `${JSON.stringify({ label: "ml", title: "ML Engineer", text: "PyTorch" })}\n${JSON.stringify({ label: "engineer", text: "x" })}\n`);
    const wrong = await cli(["lexicon", "fit", bad]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/bad\.jsonl:2: unknown label "engineer"/);
    const noFile = await cli(["lexicon", "fit", labelledFile(), "--write"]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/--write needs --lexicon FILE/);
  });
});

describe("role-lens report", () => {
  it("writes one self-contained HTML page from postings, and needs --out", async () => {
    const postings = join(tmp, "board.jsonl");
    writeFileSync(
      postings,
      [
        JSON.stringify({
          id: "1",
          title: "Senior ML Engineer",
          text: "What you'll do\n- Train ranking models in PyTorch.\nPay: $200,000 - $240,000 per year.",
          label: "ml",
        }),
        JSON.stringify({ id: "2", title: "AI Engineer", text: "What you'll do\n- Build RAG pipelines with LangChain." }),
        "{ not json",
      ].join("\n"),
    );
    const out = join(tmp, "report.html");
    const done = await cli(["report", postings, "--out", out]);
    expect(done.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    // No script, stylesheet or fetched resource (an SVG namespace URI is a name, not a request).
    expect(html).not.toMatch(/<script|<link|(?:src|href)=["']?https?:/i);
    expect(html).toContain("<svg");
    expect((await cli(["report", postings])).code).toBe(2);
  });
});
