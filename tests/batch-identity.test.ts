import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = new URL("../dist/cli.js", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "role-lens-identity-"));
const inputs = join(dir, "in");
mkdirSync(inputs);

// Every kind of line the readers treat specially, in units large enough to cross unit boundaries.
const lines: string[] = [];
for (let i = 0; i < 700; i++) {
  if (i % 97 === 3) lines.push("{ not json");
  else if (i % 89 === 5) lines.push("   ");
  else if (i % 83 === 7) lines.push("\u00a0\u2003");
  else if (i % 79 === 11) lines.push(JSON.stringify({ id: `big-${i}`, text: "y".repeat(3000) }));
  else if (i % 71 === 13) lines.push(JSON.stringify({ id: `empty-${i}`, text: "" }));
  else if (i % 7 === 0) lines.push(`${JSON.stringify({ id: i, title: "Senior ML Engineer", html: `<p>Train models with PyTorch; ${i} GPUs.</p>` })}\r`);
  else
    lines.push(
      JSON.stringify({ id: `p${i}`, title: i % 3 ? "AI Engineer" : "Data Analyst", text: `LangChain agents, RAG and PyTorch training ${i}. $150k-$190k.` }),
    );
}
const jsonl = lines.join("\n");
writeFileSync(join(inputs, "a.jsonl"), jsonl);
writeFileSync(join(inputs, "b.csv"), `ID,Title,Description\n1,AI Engineer,"RAG with LangChain,\nand agents"\n2,ML Engineer\n3,Data Analyst,SQL dashboards\n`);
writeFileSync(join(inputs, "c.txt"), "Staff ML Engineer\nDistributed training with DeepSpeed.");
writeFileSync(join(inputs, "d.html"), "<h1>AI Engineer</h1><script>x()</script><p>Prompt engineering &amp; evals.</p>");
writeFileSync(join(inputs, "e.pdf"), "%PDF");

function classify(args: string[], input?: string): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [bin, "classify", "--max-length", "2000", ...args], { input: input ?? "", encoding: "utf8", maxBuffer: 1 << 26 });
  return { status: run.status, stdout: run.stdout };
}

describe("output is byte-identical for any --jobs", () => {
  it.each([
    ["default", []],
    ["--fields all", ["--fields", "all"]],
    ["--format csv", ["--format", "csv"]],
    ["--format table", ["--format", "table"]],
  ])("a directory of JSONL, CSV, text and HTML, %s", (_, flags) => {
    const one = classify([inputs, "--jobs", "1", ...flags]);
    expect(one.status).toBe(1);
    expect(one.stdout.length).toBeGreaterThan(1000);
    for (const jobs of ["2", "3"]) expect(classify([inputs, "--jobs", jobs, ...flags]).stdout).toBe(one.stdout);
  });

  it("JSONL on stdin gives what the same file gives, for any --jobs", () => {
    const file = classify([join(inputs, "a.jsonl"), "--jobs", "1", "--fields", "all"]).stdout.replaceAll(join(inputs, "a.jsonl"), "<stdin>");
    for (const jobs of ["1", "2", "3"]) expect(classify(["-", "--jobs", jobs, "--fields", "all"], jsonl).stdout).toBe(file);
  });

  it("keeps one record per non-blank line, indexed in order, with errors in place", () => {
    const records = classify([join(inputs, "a.jsonl"), "--jobs", "2"])
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    const nonBlank = lines.filter((l) => l.trim() !== "");
    expect(records.map((r) => r.index)).toEqual(nonBlank.map((_, i) => i));
    expect(records.filter((r) => r.error?.code === "INPUT_TOO_LARGE")).toHaveLength(nonBlank.filter((l) => l.length > 2000).length);
    const malformed = records.find((r) => r.error?.message.includes("malformed JSON"));
    expect(malformed.id).toBe(`${join(inputs, "a.jsonl")}:${lines.indexOf("{ not json") + 1}`);
  });

  it("--out writes the same bytes as stdout", () => {
    const out = join(dir, "out.jsonl");
    classify([inputs, "--jobs", "2", "--out", out]);
    expect(readFileSync(out, "utf8")).toBe(classify([inputs, "--jobs", "1"]).stdout);
  });
});
