import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./support/cli.js";

const cli = runInProcess;

const tmp = mkdtempSync(join(tmpdir(), "role-lens-"));
const fixtures = new URL("../fixtures/postings/", import.meta.url).pathname;

describe("role-lens classify", () => {
  it("writes one JSONL record per input line, in order, with errors inline and exit code 1", async () => {
    const input = [
      JSON.stringify({ id: "a", title: "AI Engineer", text: "Build RAG pipelines with LangChain." }),
      "{ not json",
      JSON.stringify({ id: "c", title: "Senior ML Engineer", description: "Train models with PyTorch; 5+ years of experience." }),
      JSON.stringify({ id: "d", notes: "no known field" }),
    ].join("\n");
    const { code, stdout, stderr } = await cli(["classify", "--jobs", "1"], input);
    const records = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(["a", "<stdin>:2", "c", "d"]);
    expect(records[0].label).toBe("ai-engineer");
    expect(records[1].error.code).toBe("RECORD_INVALID");
    expect(records[1].error.message).toMatch(/<stdin>:2: malformed JSON/);
    expect(records[2].level).toBe("senior");
    expect(records[3].error.message).toMatch(/<stdin>:4: .*fields found: id, notes/);
    expect(code).toBe(1);
    expect(stderr).toMatch(/4 posting\(s\).*errors: 2/);
  });

  it("reads a directory of files and prints a table", async () => {
    const { code, stdout } = await cli(["classify", fixtures, "--format", "table", "--jobs", "1"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^id\s+label\s+conf/);
    expect(stdout).toMatch(/ml-senior-recommendations\.txt\s+ml-engineer/);
  });

  it("maps custom field names", async () => {
    const input = JSON.stringify({ key: "k1", heading: "Prompt Engineer", body: "Prompt engineering for our chatbot with the OpenAI API." });
    const { stdout } = await cli(["classify", "--jobs", "1", "--id-field", "key", "--title-field", "heading", "--text-field", "body"], input);
    const record = JSON.parse(stdout);
    expect(record.id).toBe("k1");
    expect(record.label).toBe("ai-engineer");
  });

  it("an unknown format or command is a usage error with exit code 2", async () => {
    expect((await cli(["classify", "--format", "xml"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["classify", "--nope"])).code).toBe(2);
  });

  it("a missing file becomes an error record, and the run goes on", async () => {
    const { code, stdout } = await cli(["classify", "--jobs", "1", "/nonexistent/file.txt", join(fixtures, "neither-barista.txt")]);
    const records = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    expect(records[0].error.message).toMatch(/cannot read/);
    expect(records[1].label).toBe("neither");
    expect(code).toBe(1);
  });
});

describe("role-lens classify: CSV, formats and limits", () => {
  const csv = join(tmp, "postings.csv");
  writeFileSync(
    csv,
    'id,title,description\n1,AI Engineer,"Build RAG apps with LangChain,\nand the ""OpenAI"" API"\n2,ML Engineer\n3,Senior ML Engineer,Train models with PyTorch; 5+ years of experience.\n4,a,b,c\n',
  );

  it("reads quoted CSV with embedded newlines and reports rows with the wrong number of columns", async () => {
    const { code, stdout } = await cli(["classify", csv, "--jobs", "1"]);
    const records = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(["1", "2", "3", "4"]);
    expect(records[0].label).toBe("ai-engineer");
    expect(records[1].error.message).toMatch(/postings\.csv row 2: has 2 of 3 columns \(id, title, description\)/);
    expect(records[2].level).toBe("senior");
    expect(records[3].error.message).toMatch(/row 4: has 4 of 3 columns/);
    expect(code).toBe(1);
  });

  it("reads the id and title under the names job-board exports give them (Job ID, Job Title)", async () => {
    const exported = join(tmp, "export.csv");
    writeFileSync(exported, "Job ID,Job Title,Description\nA-17,Senior ML Engineer,Train ranking models with PyTorch.\n");
    const { code, stdout } = await cli(["classify", exported, "--fields", "label,level"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ id: "A-17", label: "ml-engineer", level: "senior" });
  });

  it("writes flat CSV with a header and one row per record, to --out", async () => {
    const out = join(tmp, "out.csv");
    const { stdout } = await cli(["classify", csv, "--jobs", "1", "--format", "csv", "--out", out]);
    expect(stdout).toBe("");
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe(
      "id,label,confidence,mixed,level,level_basis,band_min,band_max,stated_min,stated_max,stated_currency,stated_period,top_evidence,error",
    );
    expect(lines).toHaveLength(5);
    expect(lines[3]).toMatch(/^3,ml-engineer,[\d.]+,,senior,title,200000,270000,/);
  });

  it("turns empty and oversized postings into error records", async () => {
    const input = [JSON.stringify({ id: "empty", text: "" }), JSON.stringify({ id: "huge", text: "x".repeat(1_000_001) })].join("\n");
    const records = (await cli(["classify", "--jobs", "1"], input)).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records[0].error.message).toMatch(/empty posting/);
    expect(records[1].error.code).toBe("INPUT_TOO_LARGE");
    expect(records[1].error.message).toMatch(/--max-length/);
  });
});

describe("role-lens lexicon", () => {
  it("validate lists every problem with its path and exits 2", async () => {
    const file = join(tmp, "bad.json");
    writeFileSync(file, JSON.stringify({ name: "x", version: "1", entries: [{ id: "a", role: "ml", category: "c", weight: -1, source: "s", terms: [""] }] }));
    const { code, stdout } = await cli(["lexicon", "validate", file]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/entries\[0\]\.weight/);
    expect(stdout).toMatch(/entries\[0\]\.terms\[0\]/);
  });

  it("validate accepts the default lexicon", async () => {
    const { code, stdout } = await cli(["lexicon", "validate", new URL("../lexicons/default.json", import.meta.url).pathname]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/valid/);
  });

  it("--lexicon with an invalid file exits 2 with the problem on stderr", async () => {
    const file = join(tmp, "broken.json");
    writeFileSync(file, "{");
    const { code, stderr } = await cli(["classify", "--lexicon", file], "");
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid JSON/);
  });
});

describe("role-lens eval and explain", () => {
  it("eval reports accuracy and the postings it got wrong", async () => {
    const file = join(tmp, "gold.jsonl");
    writeFileSync(
      file,
      [
        { id: "1", title: "AI Engineer", text: "Build RAG apps with LangChain and OpenAI.", label: "ai", level: "unstated" },
        { id: "2", title: "Senior ML Engineer", text: "Distributed training with DeepSpeed, MLflow.", label: "ml", level: "senior" },
        { id: "3", title: "Barista", text: "Make coffee.", label: "ml", level: null },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const { code, stdout } = await cli(["eval", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/accuracy: 0\.667/);
    expect(stdout).toMatch(/3\s+gold ml-engineer, got neither/);
    // No posting says whether it is mixed: there is no agreement to report.
    expect(stdout).toMatch(/^mixed: gold 0, predicted 0, agreement n\/a/m);
    const json = JSON.parse((await cli(["eval", file, "--json"])).stdout);
    expect(json.count).toBe(3);
    expect(json.mixed.judged).toBe(0);
    expect(json.wrong.map((w: { id: string }) => w.id)).toEqual(["3"]);
  });

  it("explain marks the evidence in the posting text", async () => {
    const { code, stdout } = await cli(["explain", join(fixtures, "ai-mid-rag-assistant.md")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/label: ai-engineer/);
    expect(stdout).toMatch(/\[LangChain\|ai\]/);
  });

  it("--version and --help answer on stdout with exit code 0", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect((await cli(["--version"])).stdout.trim()).toBe(pkg.version);
    const help = await cli(["classify", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--format/);
  });
});

describe("the built CLI as a child process", () => {
  const run = promisify(execFile);
  const bin = new URL("../dist/cli.js", import.meta.url).pathname;

  it("classifies the bundled examples and exits 0", async () => {
    const { stdout } = await run(process.execPath, [bin, "classify", fixtures]);
    const records = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records).toHaveLength(11);
    expect(records.every((r) => typeof r.label === "string" && !("error" in r))).toBe(true);
  });

  it("gives the same records with --jobs 2 as with --jobs 1", async () => {
    const file = join(tmp, "many.jsonl");
    writeFileSync(
      file,
      Array.from({ length: 300 }, (_, i) =>
        i % 50 === 7
          ? "{oops"
          : JSON.stringify({ id: `p${i}`, title: i % 3 ? "AI Engineer" : "Data Analyst", text: `LangChain agents and PyTorch training ${i}` }),
      ).join("\n"),
    );
    const one = await run(process.execPath, [bin, "classify", file, "--jobs", "1"]).catch((e: { stdout: string }) => e);
    const two = await run(process.execPath, [bin, "classify", file, "--jobs", "2"]).catch((e: { stdout: string }) => e);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.trim().split("\n")).toHaveLength(300);
  });

  it("ends quietly when the reader closes the pipe early", async () => {
    const file = join(tmp, "pipe.jsonl");
    writeFileSync(file, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: i, text: "RAG pipelines with LangChain" })).join("\n"));
    const { stdout, stderr } = await promisify(execFile)("bash", [
      "-c",
      `set -o pipefail; node ${bin} classify ${file} --jobs 1 | head -n 3; echo "exit=\${PIPESTATUS[0]}"`,
    ]);
    expect(
      stdout
        .trim()
        .split("\n")
        .slice(0, 3)
        .every((l) => JSON.parse(l).label),
    ).toBe(true);
    expect(stdout).toMatch(/exit=(0|141)/);
    expect(stderr).not.toMatch(/EPIPE|Error/);
  });

  it.each(["1", "2"])("Ctrl-C with --jobs %s stops with exit code 130 and only whole records written", async (jobs) => {
    const file = join(tmp, "interrupt.jsonl");
    writeFileSync(
      file,
      Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: i, title: "AI Engineer", text: "RAG pipelines with LangChain. ".repeat(40) })).join("\n"),
    );
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [bin, "classify", file, "--jobs", jobs]);
    let out = "";
    let signalled = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!signalled && out.length > 50_000) {
        signalled = true;
        child.kill("SIGINT");
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    const lines = out.split("\n").filter((l) => l !== "");
    expect(out.endsWith("\n")).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(20_000);
    for (const [i, line] of lines.entries()) expect(JSON.parse(line).index).toBe(i);
  });

  it("exits 1 when a record fails", async () => {
    const file = join(tmp, "mixed.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "ok", text: "LangChain agents" })}\n[1,2]\n`);
    await expect(run(process.execPath, [bin, "classify", file])).rejects.toMatchObject({ code: 1 });
  });
});
