import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main.js";

async function cli(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    color: false,
  });
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), "role-lens-"));
const fixtures = new URL("../fixtures/postings/", import.meta.url).pathname;

describe("role-lens classify", () => {
  it("writes one JSONL record per input line, in order, with errors inline and exit code 1", async () => {
    const input = [
      JSON.stringify({ id: "a", title: "AI Engineer", text: "Build RAG pipelines with LangChain." }),
      "{ not json",
      JSON.stringify({ id: "c", title: "Senior ML Engineer", description: "Train models with PyTorch; 5+ years of experience." }),
      JSON.stringify({ id: "d", body: "no known field" }),
    ].join("\n");
    const { code, stdout, stderr } = await cli(["classify"], input);
    const records = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(["a", "<stdin>:2", "c", "d"]);
    expect(records[0].result.label).toBe("ai-engineer");
    expect(records[1].error.code).toBe("RECORD_INVALID");
    expect(records[1].error.message).toMatch(/<stdin>:2: malformed JSON/);
    expect(records[2].result.seniority.level).toBe("senior");
    expect(records[3].error.message).toMatch(/<stdin>:4/);
    expect(code).toBe(1);
    expect(stderr).toMatch(/4 posting\(s\), 2 error\(s\)/);
  });

  it("reads a directory of files and prints a table", async () => {
    const { code, stdout } = await cli(["classify", fixtures, "--format", "table"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^id\s+label\s+conf/);
    expect(stdout).toMatch(/ml-senior-recommendations\.txt\s+ml-engineer/);
  });

  it("maps custom field names", async () => {
    const input = JSON.stringify({ key: "k1", heading: "Prompt Engineer", body: "Prompt engineering for our chatbot with the OpenAI API." });
    const { stdout } = await cli(["classify", "--id-field", "key", "--title-field", "heading", "--text-field", "body"], input);
    const record = JSON.parse(stdout);
    expect(record.id).toBe("k1");
    expect(record.result.label).toBe("ai-engineer");
  });

  it("an unknown format or command is a usage error with exit code 2", async () => {
    expect((await cli(["classify", "--format", "xml"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["classify", "--nope"])).code).toBe(2);
  });

  it("a missing file becomes an error record, and the run goes on", async () => {
    const { code, stdout } = await cli(["classify", "/nonexistent/file.txt", join(fixtures, "neither-barista.txt")]);
    const records = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    expect(records[0].error.message).toMatch(/cannot read/);
    expect(records[1].result.label).toBe("neither");
    expect(code).toBe(1);
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
      ].map((r) => JSON.stringify(r)).join("\n"),
    );
    const { code, stdout } = await cli(["eval", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/accuracy: 0\.667/);
    expect(stdout).toMatch(/3\s+gold ml-engineer, got neither/);
    const json = JSON.parse((await cli(["eval", file, "--json"])).stdout);
    expect(json.count).toBe(3);
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
    const records = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(11);
    expect(records.every((r) => "result" in r)).toBe(true);
  });

  it("exits 1 when a record fails", async () => {
    const file = join(tmp, "mixed.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "ok", text: "LangChain agents" })}\n[1,2]\n`);
    await expect(run(process.execPath, [bin, "classify", file])).rejects.toMatchObject({ code: 1 });
  });
});
