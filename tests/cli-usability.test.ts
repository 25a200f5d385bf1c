/**
 * What a first-time user runs into: body fields under the names exports give them, an output path
 * that cannot be written, report fed classify's default output, a terminal on stdin and Ctrl-C,
 * messages that name the real problem, and evidence shown as text rather than HTML source.
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { classify } from "../src/index.js";
import { LineWriter } from "../src/cli/line-writer.js";
import { DEFAULT_FIELDS, recordFromObject } from "../src/cli/records.js";
import { runInProcess as cli } from "./support/cli.js";

const tmp = mkdtempSync(join(tmpdir(), "role-lens-usability-"));
const records = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));

const TITLE = "Applied ML Engineer";
const BODY = "What you'll do\n- Train ranking models in PyTorch and serve them behind a feature store.\n- 6+ years of experience.";

describe("body fields under the names exports and ATS APIs give them", () => {
  it("reads a CSV column 'Job Description' as the body", async () => {
    const file = join(tmp, "export.csv");
    writeFileSync(file, `"Job ID","Job Title","Job Description","Location"\n"J1","${TITLE}","${BODY}","Remote"\n`);
    const { code, stdout, stderr } = await cli(["classify", file, "--jobs", "1", "--fields", "all"]);
    expect(code).toBe(0);
    const [record] = records(stdout);
    expect(record.result).toEqual(classify({ id: "J1", title: TITLE, text: BODY }));
    expect(stderr).not.toMatch(/title alone/);
  });

  it.each([
    ["descriptionPlain", "text"],
    ["description_text", "text"],
    ["content", "text"],
    ["descriptionHtml", "html"],
    ["job_description_html", "html"],
  ])("reads a JSONL field %s as the body (as %s)", async (name, as) => {
    const body = as === "html" ? `<p>${BODY.replaceAll("\n", "</p><p>")}</p>` : BODY;
    const { stdout } = await cli(["classify", "--jobs", "1", "--fields", "all"], JSON.stringify({ id: "1", title: TITLE, [name]: body }));
    expect(records(stdout)[0].result).toEqual(classify({ id: "1", title: TITLE, [as]: body }));
  });

  it("takes the first body name, in the list's order, that holds text: a name matched ignoring case beats a later exact one, and a number is passed over", () => {
    const origin = { file: "x.jsonl", line: 1 };
    const read = (record: object) => recordFromObject(record, DEFAULT_FIELDS, origin);
    expect(read({ id: "1", Text: "from Text", description: "from description" })).toMatchObject({ posting: { text: "from Text" } });
    expect(read({ id: "1", text: 42, description: "from description" })).toMatchObject({ posting: { text: "from description" } });
    expect(read({ id: "1", body: "from body", html: "<p>from html</p>" })).toMatchObject({ posting: { text: "from body" } });
    expect(read({ id: "1", content: 7, Description_HTML: "<p>x</p>" })).toMatchObject({ posting: { html: "<p>x</p>" } });
  });

  it("names a body field that holds no string in the title-alone note", async () => {
    const input = [JSON.stringify({ id: "1", title: TITLE, text: 123 }), JSON.stringify({ id: "2", title: TITLE, text: null })].join("\n");
    const { code, stderr } = await cli(["classify", "--jobs", "1"], input);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^role-lens: 1 record\(s\) had no body text and were classified on their title alone \(other fields found: text\)/m);
  });

  it("says once, at the end, how many records were read on their title alone and which fields they had; the results do not change", async () => {
    const file = join(tmp, "odd-names.csv");
    writeFileSync(file, `id,Job Title,Posting Body,Location\n1,${TITLE},"${BODY}",Remote\n2,AI Engineer,Build RAG with LangChain,Berlin\n`);
    const odd = await cli(["classify", file, "--jobs", "1"]);
    expect(odd.code).toBe(0);
    const note = odd.stderr.split("\n").filter((l) => /title alone/.test(l));
    expect(note).toHaveLength(1);
    expect(note[0]).toMatch(/2 record\(s\) .*title alone .*Posting Body, Location.*--text-field NAME/);
    const titles = join(tmp, "titles.csv");
    writeFileSync(titles, `id,Job Title\n1,${TITLE}\n2,AI Engineer\n`);
    expect(odd.stdout).toBe((await cli(["classify", titles, "--jobs", "1"])).stdout);
    // --text-field picks the body, and the note goes.
    const picked = await cli(["classify", file, "--jobs", "1", "--text-field", "posting body", "--fields", "all"]);
    expect(picked.stderr).not.toMatch(/title alone/);
    expect(records(picked.stdout)[0].result).toEqual(classify({ id: "1", title: TITLE, text: BODY }));
  });

  it("report says the same, and explain takes the same field options", async () => {
    const file = join(tmp, "odd-board.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "1", title: TITLE, posting: BODY })}\n`);
    const report = await cli(["report", file, "--out", join(tmp, "odd.html")]);
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(/1 record\(s\) .*title alone .*posting.*--text-field NAME/);
    const explained = await cli(["explain", file, "--text-field", "posting"]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/\[ranking models\|ml\]/);
    expect((await cli(["explain", file])).stdout).not.toMatch(/ranking models/);
  });
});

describe("an output path that cannot be written", () => {
  it("classify --out fails at once with one line naming the path and why, exit 2, reading nothing", async () => {
    const { code, stdout, stderr } = await cli(["classify", "--out", join(tmp, "missing-dir", "x.jsonl"), "--jobs", "1"], JSON.stringify({ title: TITLE }));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`role-lens: cannot write ${join(tmp, "missing-dir", "x.jsonl")}: no such file or directory\n`);
    // A directory is named as report names it, not in Node's words for EISDIR.
    const dir = await cli(["classify", "--out", tmp, "--jobs", "1"], JSON.stringify({ title: TITLE }));
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`role-lens: cannot write ${tmp}: it is a directory\n`);
  });

  it("report --out fails before reading, with no stack; an existing directory is named as such", async () => {
    const input = join(tmp, "one.jsonl");
    writeFileSync(input, `${JSON.stringify({ title: TITLE, text: BODY })}\n`);
    const missing = await cli(["report", input, "--out", join(tmp, "missing-dir", "r.html")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`role-lens: cannot write ${join(tmp, "missing-dir", "r.html")}: no such file or directory\n`);
    const dir = await cli(["report", input, "--out", tmp]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toBe(`role-lens: cannot write ${tmp}: it is a directory\n`);
  });

  it("writes to a file never overlap, and a failed write reaches the caller", async () => {
    const written: string[] = [];
    let busy = false;
    let overlapped = false;
    const sink = {
      write: async (chunk: string) => {
        overlapped ||= busy;
        busy = true;
        await new Promise((resolve) => setImmediate(resolve));
        written.push(chunk);
        busy = false;
      },
    };
    const writer = new LineWriter(sink, 4, 0);
    await writer.write("ab");
    // The timer's flush and this one both want the sink.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await writer.write("cdef");
    await writer.flush();
    expect(overlapped).toBe(false);
    expect(written.join("")).toBe("abcdef");
    const failing = new LineWriter({ write: () => Promise.reject(new Error("disk full")) });
    await expect(failing.write("x".repeat(70_000))).rejects.toThrow("disk full");
  });
});

describe("report on classify's default output", () => {
  it("refuses when no record is a posting or a full result, naming --fields all, and writes no page", async () => {
    const postings = join(tmp, "board.jsonl");
    writeFileSync(postings, [JSON.stringify({ id: "1", title: TITLE, text: BODY }), JSON.stringify({ id: "2", title: "AI Engineer", text: "RAG" })].join("\n"));
    const results = join(tmp, "results.jsonl");
    writeFileSync(results, (await cli(["classify", postings, "--jobs", "1"])).stdout);
    const out = join(tmp, "from-results.html");
    const { code, stderr } = await cli(["report", results, "--out", out]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/report reads postings .*--fields all.* none of the 2 records .*fields found: id, index, label, confidence/);
    expect(stderr).toMatch(/classify's default output/);
    expect(existsSync(out)).toBe(false);
    // With the full results it reads them.
    writeFileSync(results, (await cli(["classify", postings, "--jobs", "1", "--fields", "all"])).stdout);
    expect((await cli(["report", results, "--out", out])).code).toBe(0);
  });

  it("refuses the same when classify's output holds error records beside its results, and when no input can be read", async () => {
    const postings = join(tmp, "board-with-broken-line.jsonl");
    writeFileSync(
      postings,
      [JSON.stringify({ id: "1", title: TITLE, text: BODY }), "{not json", JSON.stringify({ id: "3", title: "AI Engineer", text: "RAG" })].join("\n"),
    );
    const results = join(tmp, "results-with-errors.jsonl");
    writeFileSync(results, (await cli(["classify", postings, "--jobs", "1"])).stdout);
    const out = join(tmp, "from-results-with-errors.html");
    const withErrors = await cli(["report", results, "--out", out]);
    expect(withErrors.code).toBe(2);
    expect(withErrors.stderr).toMatch(/none of the 3 records .*classify's default output/);
    const missing = await cli(["report", join(tmp, "no-such-board.jsonl"), "--out", out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none of the 1 records .*\(cannot read .*no-such-board\.jsonl\)\. No report written/);
    expect(existsSync(out)).toBe(false);
  });

  it("counts the records without a title or body field on stderr when only some lack one", async () => {
    const mixed = join(tmp, "mixed.jsonl");
    writeFileSync(mixed, [JSON.stringify({ id: "1", title: TITLE, text: BODY }), JSON.stringify({ id: "2", label: "neither", confidence: 0.9 })].join("\n"));
    const { code, stderr } = await cli(["report", mixed, "--out", join(tmp, "mixed.html")]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 of 2 records have no title or body field \(fields found: id, label, confidence\)/);
  });
});

describe("a terminal on stdin, and Ctrl-C", () => {
  it("says it reads JSONL from the terminal, only when stdin is one", async () => {
    const line = JSON.stringify({ id: "1", title: TITLE, text: BODY });
    const tty = await cli(["classify", "--jobs", "1"], line, { stdinIsTTY: true });
    expect(tty.stderr.split("\n")[0]).toMatch(/^role-lens: reading JSONL postings .*from the terminal; end with Ctrl-D/);
    expect((await cli(["classify", "--jobs", "1"], line)).stderr).not.toMatch(/terminal/);
    expect((await cli(["explain", "-"], BODY, { stdinIsTTY: true })).stderr).toMatch(/reading one posting .*Ctrl-D/);
  });

  it("the first Ctrl-C ends a wait for input that never comes: the summary, the interrupted line, exit 130", async () => {
    const interrupt = new AbortController();
    let reads = 0;
    // One line, then silence: a terminal whose user stopped typing.
    const stdin = new Readable({
      read() {
        if (reads++ === 0) this.push(`${JSON.stringify({ id: "1", title: TITLE, text: BODY })}\n`);
        else interrupt.abort();
      },
    });
    const { code, stderr } = await cli(["classify", "--jobs", "1"], stdin, { interrupt: interrupt.signal });
    expect(code).toBe(130);
    expect(stderr).toMatch(/posting\(s\) in .*\nrole-lens: interrupted; the records written so far are complete\n$/);
    expect(stdin.destroyed).toBe(true);
  });
});

describe("messages that name the problem", () => {
  it("eval on a CSV says eval reads labelled JSONL, naming the file", async () => {
    const file = join(tmp, "labelled.csv");
    writeFileSync(file, `id,title,label\n1,${TITLE},ml\n`);
    const { code, stderr } = await cli(["eval", file]);
    expect(code).toBe(2);
    expect(stderr).toBe(`role-lens: ${file} is not labelled JSONL: eval reads .jsonl/.ndjson files, one JSON object per line (line 1 is not JSON)\n`);
  });

  it("eval's label message names every label it accepts", async () => {
    const file = join(tmp, "bad-label.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "1", title: TITLE, label: "data" })}\n`);
    expect((await cli(["eval", file])).stderr).toMatch(/expected ml, ai, neither, ml-engineer or ai-engineer/);
  });

  it("--fields says that all stands alone", async () => {
    const { code, stderr } = await cli(["classify", "--fields", "all,label"], "");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--fields: "all" stands alone/);
  });

  it("--fields refuses evidence=top0, which would keep no evidence", async () => {
    const { code, stderr } = await cli(["classify", "--fields", "label,evidence=top0"], "");
    expect(code).toBe(2);
    expect(stderr).toMatch(/evidence=top0 keeps no evidence/);
  });

  it.each([
    ["plain text", `${TITLE}\n${BODY}`, /\[ranking models\|ml\]/],
    [
      "HTML",
      `<h1>${TITLE}</h1><ul><li>Train ranking models in PyTorch &amp; JAX.</li></ul>`,
      /Train \[ranking models\|ml\] in \[PyTorch\|ml\] & \[JAX\|ml\]\./,
    ],
    ["a JSON posting", JSON.stringify({ title: TITLE, description: BODY }), /^Applied \[ML Engineer\|ml\]$/m],
  ])("explain - reads one posting from stdin: %s", async (_, input, shown) => {
    const { code, stdout, stderr } = await cli(["explain", "-"], input);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^label: ml-engineer/);
    expect(stdout).toMatch(shown);
  });
});

describe("evidence and pay shown as text, not HTML source", () => {
  const html = `<h1>Speech ML Engineer</h1><p>Our team owns the on&#8209;device speech recognition stack.</p><ul><li>Ship on&#8209;device models: train acoustic models with PyTorch, then quantize them.</li></ul><p>Salary: <span>€85.000</span> &ndash; <span>€105.000</span> per year.</p>`;
  const file = join(tmp, "speech.html");
  writeFileSync(file, html);
  const raw = /&#8209;|&ndash;|<\/?span>/;

  it("table and CSV decode entities and drop tags; the table has a stated-pay column", async () => {
    const table = await cli(["classify", file, "--jobs", "1", "--format", "table"]);
    expect(table.stdout).toMatch(/on\u2011device \(ml\)/);
    expect(table.stdout.split("\n")[0]).toMatch(/band \(USD\/yr\)\s+stated pay\s+top evidence/);
    expect(table.stdout).toMatch(/85k-105k EUR\/year/);
    expect(table.stdout).not.toMatch(raw);
    const csv = await cli(["classify", file, "--jobs", "1", "--format", "csv"]);
    expect(csv.stdout).toMatch(/on\u2011device \(ml\)/);
    expect(csv.stdout).not.toMatch(raw);
  });

  it("explain's head decodes the stated pay's text", async () => {
    const { stdout } = await cli(["explain", file]);
    expect(stdout).toMatch(/stated pay: 85000-105000 EUR\/year \("€85\.000 – €105\.000 per year"\)/);
    expect(stdout).not.toMatch(raw);
  });

  it("JSON keeps the exact slices of the input", async () => {
    const [record] = records((await cli(["classify", file, "--jobs", "1", "--fields", "all"])).stdout);
    const { stated } = record.result.salary;
    expect(html.slice(stated.start, stated.end)).toBe(stated.text);
    expect(stated.text).toMatch(raw);
    expect(record.result.evidence.flatMap((e: { matches: Array<{ text: string }> }) => e.matches.map((m) => m.text))).toContain("on&#8209;device");
  });

  it("eval's wrong list gives the id alone for a posting without a title", async () => {
    const gold = join(tmp, "untitled.jsonl");
    writeFileSync(gold, `${JSON.stringify({ id: "u1", text: "Make coffee and greet customers.", label: "ml" })}\n`);
    const { stdout } = await cli(["eval", gold]);
    expect(stdout).toMatch(/^ {2}u1 {2}gold ml-engineer, got neither \([^)]*\)$/m);
    expect(stdout).not.toMatch(/""/);
  });
});
