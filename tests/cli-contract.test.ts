import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { commandHelp } from "../src/cli/command.js";
import { classifyCommand } from "../src/cli/commands/classify.js";
import { evalCommand } from "../src/cli/commands/eval.js";
import { explainCommand } from "../src/cli/commands/explain.js";
import { lexiconCommand } from "../src/cli/commands/lexicon.js";
import { LineSplitter } from "../src/cli/lines.js";
import { runInProcess } from "./support/cli.js";

async function cli(args: string[], stdin = "") {
  const { code, stdout, stderr } = await runInProcess(args, stdin);
  const records = stdout.startsWith("{")
    ? stdout
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l))
    : [];
  return { code, stdout, stderr, records };
}

const tmp = mkdtempSync(join(tmpdir(), "role-lens-contract-"));
const bin = new URL("../dist/cli.js", import.meta.url).pathname;
const posting = (id: string) => JSON.stringify({ id, title: "AI Engineer", text: "Build RAG pipelines with LangChain." });

describe("an oversized record is an error record before it is parsed", () => {
  it("LineSplitter keeps only the size of a line over the limit, however it is chunked", () => {
    const splitter = new LineSplitter(1000);
    const chunk = Buffer.alloc(1 << 20, 0x61);
    const lines = [];
    // 200 MB of one line, fed as 200 chunks: only a counter grows.
    for (let i = 0; i < 200; i++) lines.push(...splitter.push(chunk));
    lines.push(...splitter.push(Buffer.from('\n{"id":"after","text":"x"}\n')));
    expect(lines).toEqual([
      { number: 1, oversized: 200 << 20 },
      { number: 2, text: '{"id":"after","text":"x"}' },
    ]);
    expect((splitter as unknown as { parts: unknown[] }).parts).toEqual([]);
  });

  it.each([
    ["a file, --jobs 2", ["--jobs", "2"], true],
    ["a file, --jobs 1", ["--jobs", "1"], true],
    ["stdin, --jobs 2", ["--jobs", "2"], false],
  ])("a 20 MB line in %s is one INPUT_TOO_LARGE record naming --max-length, and the run goes on", (_, flags, asFile) => {
    const input = `${posting("a")}\n{"id":"huge","text":"${"x".repeat(20 << 20)}"}\n${posting("c")}\n`;
    const file = join(tmp, "huge.jsonl");
    writeFileSync(file, input);
    const run = asFile
      ? spawnSync(process.execPath, [bin, "classify", file, ...flags], { encoding: "utf8" })
      : spawnSync(process.execPath, [bin, "classify", "-", ...flags], { input, encoding: "utf8", maxBuffer: 64 << 20 });
    expect(run.status).toBe(1);
    const records = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual(["a", expect.stringMatching(/:2$/), "c"]);
    expect(records[1].error.code).toBe("INPUT_TOO_LARGE");
    expect(records[1].error.message).toMatch(/20971\d+ bytes, over the limit of 1000000 \(raise it with --max-length\)/);
  });

  it("--max-length raises or lowers the limit, for whole files too", async () => {
    const file = join(tmp, "long.txt");
    writeFileSync(file, "Senior ML Engineer\nTrain models with PyTorch.");
    expect((await cli(["classify", file, "--jobs", "1", "--max-length", "10"])).records[0].error.code).toBe("INPUT_TOO_LARGE");
    expect((await cli(["classify", file, "--jobs", "1", "--max-length", "100"])).records[0].label).toBe("ml-engineer");
    expect((await cli(["classify", file, "--max-length", "0"])).code).toBe(2);
  });
});

describe("inputs that hold nothing", () => {
  it("an empty posting is an error record; an empty .txt file too", async () => {
    const empty = join(tmp, "empty.txt");
    writeFileSync(empty, " \n");
    const { code, records } = await cli(["classify", "--jobs", "1", "-", empty], `${JSON.stringify({ id: "e", title: " ", text: "" })}\n`);
    expect(records.map((r) => r.error?.message)).toEqual([expect.stringMatching(/<stdin>:1: empty posting/), expect.stringMatching(/empty posting/)]);
    expect(code).toBe(1);
  });

  it.each([
    [
      "an empty file",
      () => {
        writeFileSync(join(tmp, "none.jsonl"), "\n\n");
        return [join(tmp, "none.jsonl")];
      },
      /none\.jsonl holds no postings/,
    ],
    ["empty stdin", () => [], /<stdin> holds no postings/],
    [
      "an empty directory",
      () => {
        mkdirSync(join(tmp, "void"), { recursive: true });
        return [join(tmp, "void")];
      },
      /void holds no postings/,
    ],
  ])("%s writes nothing, exits 0 and says so on stderr", async (_, inputs, message) => {
    const { code, stdout, stderr } = await cli(["classify", "--jobs", "1", ...inputs()]);
    expect(stdout).toBe("");
    expect(code).toBe(0);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/no postings read/);
  });

  it("a missing input file is an error record and exit code 1, named on stderr", async () => {
    const { code, records, stderr } = await cli(["classify", "--jobs", "1", join(tmp, "missing.jsonl")]);
    expect(records[0].error.message).toMatch(/missing\.jsonl: cannot read: no such file or directory$/);
    expect(stderr).toMatch(/cannot read .*missing\.jsonl/);
    expect(code).toBe(1);
  });
});

describe("CSV headers", () => {
  it.each([
    ["Title,Description", "AI Engineer,Build RAG pipelines with LangChain and the OpenAI API."],
    ["ID,Job_Description", "AI Engineer: build RAG pipelines with LangChain and the OpenAI API; prompt engineering."],
    ["id,BODY", "AI Engineer: build RAG pipelines with LangChain and the OpenAI API; prompt engineering."],
  ])("%s is matched ignoring case, with its aliases", async (header, row) => {
    const file = join(tmp, `h-${header.replace(/\W/g, "")}.csv`);
    writeFileSync(file, `${header}\n${header.startsWith("Title") ? row : `7,"${row}"`}\n`);
    const { code, records } = await cli(["classify", file, "--jobs", "1"]);
    expect(code).toBe(0);
    expect(records[0].label).toBe("ai-engineer");
  });

  it("a row with no known column lists the columns it found", async () => {
    const file = join(tmp, "odd.csv");
    writeFileSync(file, "Name,Summary\nx,y\n");
    const { records } = await cli(["classify", file, "--jobs", "1"]);
    expect(records[0].error.message).toMatch(/fields found: Name, Summary/);
  });
});

describe("eval reports bad gold data by line and field", () => {
  const good = JSON.stringify({ id: "1", title: "AI Engineer", text: "RAG with LangChain", label: "ai" });
  it.each([
    ["a missing label", JSON.stringify({ id: "2", title: "ML Engineer" }), /gold\.jsonl:2: field "label" is missing/],
    [
      "an invalid label",
      JSON.stringify({ id: "2", title: "ML Engineer", label: "data" }),
      /gold\.jsonl:2: field "label" is "data"; expected ml, ai, neither, ml-engineer or ai-engineer/,
    ],
    ["an invalid level", JSON.stringify({ id: "2", title: "ML Engineer", label: "ml", level: 3 }), /gold\.jsonl:2: field "level" is 3/],
  ])("%s", async (_, line, message) => {
    const file = join(tmp, "gold.jsonl");
    writeFileSync(file, `${good}\n${line}\n`);
    const { code, stdout, stderr } = await cli(["eval", file]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/TypeError|at /);
  });

  it("an empty file reports that there is nothing to evaluate, not an accuracy", async () => {
    const file = join(tmp, "gold-empty.jsonl");
    writeFileSync(file, "");
    const { code, stdout, stderr } = await cli(["eval", file]);
    expect(code).toBe(2);
    expect(stdout).not.toMatch(/accuracy/);
    expect(stderr).toMatch(/no labelled postings/);
  });
});

describe("an unknown option", () => {
  it.each([
    [["classify", "--frmat", "csv", "x.jsonl"], /unknown option --frmat for classify \(did you mean --format\?\)/],
    [["explain", "--no-colour", "x.txt"], /unknown option --no-colour for explain \(did you mean --no-color\?\)/],
    [["eval", "--zzzzzz", "x.jsonl"], /unknown option --zzzzzz for eval; see role-lens eval --help/],
  ])("%j is a usage error naming the nearest option", async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });
});

describe("file selection", () => {
  it("a directory's known files are read; hidden and other files are skipped and counted; a named unknown file is an error record", async () => {
    const dir = join(tmp, "sel");
    mkdirSync(join(dir, ".git"), { recursive: true });
    writeFileSync(join(dir, "a.txt"), "AI Engineer\nBuild RAG pipelines with LangChain.");
    writeFileSync(join(dir, "b.pdf"), "%PDF-1.4");
    writeFileSync(join(dir, ".hidden.txt"), "ML Engineer");
    writeFileSync(join(dir, ".git", "x.txt"), "ML Engineer");
    const bin = join(tmp, "blob.bin");
    writeFileSync(bin, "\x00\x01");
    const { code, records, stderr } = await cli(["classify", "--jobs", "1", dir, bin]);
    expect(records.map((r) => r.id)).toEqual([join(dir, "a.txt"), bin]);
    expect(records[1].error.message).toMatch(/not a file type classify reads/);
    expect(stderr).toMatch(/skipped 3 hidden or unsupported file\(s\)/);
    expect(stderr).toMatch(/errors: 1; skipped 3 file\(s\)/);
    expect(code).toBe(1);
  });
});

describe("--timings", () => {
  it("ends the summary with where the time went", async () => {
    const { stderr } = await cli(["classify", "--jobs", "1", "--timings"], `${posting("a")}\n`);
    expect(stderr).toMatch(
      /1 posting\(s\)[^\n]*\nrole-lens: per posting: read\+parse \d+ µs, classify \d+ µs, serialize \d+ µs; main thread: waiting [\d.]+ s, writing [\d.]+ s\n$/,
    );
    expect((await cli(["classify", "--jobs", "1"], `${posting("a")}\n`)).stderr).not.toMatch(/per posting/);
  });
});

describe("help is generated from the options", () => {
  it("lists every option of every command", async () => {
    for (const command of [classifyCommand, explainCommand, evalCommand, lexiconCommand]) {
      const { stdout } = await cli([command.name, "--help"]);
      expect(stdout).toBe(commandHelp(command));
      for (const [option, spec] of Object.entries(command.options))
        expect(stdout).toMatch(new RegExp(`--${option}\\b.*${spec.help.slice(0, 20).replace(/[()]/g, ".")}`));
    }
  });
});

describe("explain", () => {
  it("prints an HTML posting's readable text, without markup, script or style", async () => {
    const file = join(tmp, "p.html");
    writeFileSync(
      file,
      "<html><head><style>.x{color:red}</style><script>var langchain = 1;</script></head><body><h1>AI Engineer</h1><p>Build RAG pipelines with LangChain &amp; the OpenAI API.</p></body></html>",
    );
    const { code, stdout } = await cli(["explain", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\[LangChain\|ai\] & the/);
    expect(stdout).not.toMatch(/<|color:red|var langchain|&amp;/);
  });

  it("tags the company's context apart from the role's own work, and explains several files in turn", async () => {
    const company = join(tmp, "company.txt");
    writeFileSync(
      company,
      "Full-Stack Engineer\n\nWe build AI agents for dental clinics.\n\nYou will build React screens and REST APIs for the clinic dashboard.\n",
    );
    const duty = join(tmp, "duty.txt");
    writeFileSync(duty, "AI Engineer\n\nYou will build AI agents with LangGraph and evaluate them.\n");
    const { code, stdout } = await cli(["explain", company, duty, "--no-color"]);
    expect(code).toBe(0);
    const [first, second] = stdout.split(/^== /m).slice(1);
    expect(first).toMatch(/^.*company\.txt/);
    expect(first).toMatch(/\[AI agents\|ai, context\]/);
    expect(second).toMatch(/^.*duty\.txt/);
    expect(second).toMatch(/\[AI agents\|ai\]/);
    expect(second).not.toMatch(/, context\]/);
  });

  it("says on stderr when a JSONL file holds more records than the first one it explains, and not otherwise", async () => {
    const many = join(tmp, "many.jsonl");
    const line = (id: string) => JSON.stringify({ id, title: "AI Engineer", text: "Build RAG pipelines with LangChain." });
    writeFileSync(many, `${line("a")}\n${line("b")}\n`);
    const two = await cli(["explain", many, "--no-color"]);
    expect(two.code).toBe(0);
    expect(two.stderr).toBe(`role-lens: ${many} holds more than one record; explain shows its first (classify reads them all)\n`);
    const one = join(tmp, "one.jsonl");
    writeFileSync(one, `${line("a")}\n`);
    expect((await cli(["explain", one, "--no-color"])).stderr).toBe("");
  });

  it("states a single pay figure as one figure, a range as a range", async () => {
    const single = join(tmp, "single-pay.txt");
    writeFileSync(single, "Acme | ML Engineer | NYC | $190K + equity\n\nTrain ranking models with PyTorch.\n");
    expect((await cli(["explain", single, "--no-color"])).stdout).toMatch(/^stated pay: 190000 USD\/year \("\$190K"\)/m);
    const range = join(tmp, "range-pay.txt");
    writeFileSync(range, "ML Engineer\n\nSalary: $150,000 - $180,000 per year. Train ranking models.\n");
    expect((await cli(["explain", range, "--no-color"])).stdout).toMatch(/^stated pay: 150000-180000 USD\/year/m);
  });

  it("names the role titles of a multi-role post in its head", async () => {
    const file = join(tmp, "multi.txt");
    writeFileSync(file, "Acme Robotics | Multiple roles | Backend Engineer, Product Designer, ML Engineer | Remote\n\nWe make warehouse robots.\n");
    const { code, stdout } = await cli(["explain", file, "--no-color"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^multi-role post: \d+ role titles found \(".+"/m);
    expect(stdout).toMatch(/label: neither .*\[multi-role\]/);
  });
});

describe("the parallel recipe", () => {
  const run = promisify(execFile);
  it("GNU parallel --pipe --keep-order gives the same records as one process", async (context) => {
    const has = spawnSync("parallel", ["--version"]);
    if (has.status !== 0) {
      context.skip(); // `parallel` (Debian package parallel) is not installed: the recipe cannot be run here.
      return;
    }
    const file = join(tmp, "shard-me.jsonl");
    writeFileSync(
      file,
      Array.from({ length: 3000 }, (_, i) =>
        JSON.stringify({ id: `p${i}`, title: i % 3 ? "AI Engineer" : "Data Analyst", text: `LangChain agents and PyTorch training ${i}. `.repeat(5) }),
      ).join("\n"),
    );
    const fields = "label,confidence,mixed,level,band,stated,evidence=top3";
    const one = await run(process.execPath, [bin, "classify", file, "--jobs", "1", "--fields", fields], { maxBuffer: 1 << 26 });
    const sharded = await run(
      "bash",
      ["-c", `parallel --pipe --keep-order --block 100k -j 2 ${process.execPath} ${bin} classify - --jobs 1 --fields ${fields} < ${file}`],
      { maxBuffer: 1 << 26 },
    );
    expect(sharded.stdout.split("\n")).toHaveLength(3001);
    expect(sharded.stdout).toBe(one.stdout);
  });
});
