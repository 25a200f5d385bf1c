import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, type Browser } from "../playground/chromium.js";
import { classesOf, type HighlightSpan, segments, spansOf, tipOf } from "../playground/highlight.js";
import { type Classification, classify, createClassifier } from "../src/index.js";

const span = (start: number, end: number, extra: Partial<HighlightSpan> = {}): HighlightSpan => ({
  field: "input",
  start,
  end,
  text: "",
  role: "ml",
  entry: "ml.x",
  category: "C",
  weight: 1,
  section: "role",
  negated: false,
  about: undefined,
  ...extra,
});

describe("playground highlighting", () => {
  it.each([
    ["no spans", [], []],
    [
      "disjoint spans",
      [span(0, 3), span(5, 9)],
      [
        [0, 3, [0]],
        [5, 9, [1]],
      ],
    ],
    [
      "touching spans",
      [span(0, 3), span(3, 6)],
      [
        [0, 3, [0]],
        [3, 6, [1]],
      ],
    ],
    [
      "one span inside another",
      [span(0, 10), span(2, 5)],
      [
        [0, 2, [0]],
        [2, 5, [0, 1]],
        [5, 10, [0]],
      ],
    ],
    [
      "crossing spans",
      [span(0, 6), span(4, 9)],
      [
        [0, 4, [0]],
        [4, 6, [0, 1]],
        [6, 9, [1]],
      ],
    ],
    ["the same span twice", [span(1, 4), span(1, 4)], [[1, 4, [0, 1]]]],
  ] as const)("cuts %s into segments covered by the same spans", (_name, spans, expected) => {
    expect(segments(spans).map((s) => [s.start, s.end, s.spans])).toEqual(expected);
  });

  it("marks negated and context spans apart from role spans, and names entry, weight and section on hover", () => {
    expect(classesOf(span(0, 1, { role: "ai" }))).toBe("role-ai");
    expect(classesOf(span(0, 1, { negated: true }))).toBe("role-ml negated");
    expect(classesOf(span(0, 1, { role: "shared", about: "context" }))).toBe("role-shared context");
    expect(tipOf(span(0, 1, { entry: "ai.rag", category: "RAG", weight: 1.5, section: "requirements", negated: true }))).toBe(
      "ai.rag (ml: RAG)  weight 1.5  section requirements  [negated]",
    );
  });
});

const FIXTURES = join("fixtures", "postings");
const fixtureTexts = readdirSync(FIXTURES)
  .sort()
  .map((name) => [name, readFileSync(join(FIXTURES, name), "utf8")] as const);

const SHOWCASE = `Senior Machine Learning Engineer, Ranking

Northwind Travel builds hotel search for small agencies.

What you will do
- Train and evaluate ranking models in PyTorch on our click logs.
- Build feature pipelines and track experiments with MLflow.
- Serve models behind a low-latency API.
- You will not be building chatbots or doing prompt engineering.

Requirements
- 5+ years of software engineering, strong Python.
- Statistics, and distributed training on GPUs.

Pay: $205,000 - $240,000 per year.`;

interface PageMark {
  start: number;
  end: number;
  spans: number[];
  cls: string;
  text: string;
}

/** The spans a page highlights, rebuilt from its segments: index → [start, end, text]. */
function spansOnPage(marks: readonly PageMark[]): Map<number, { start: number; end: number; text: string; covered: number; cls: string }> {
  const out = new Map<number, { start: number; end: number; text: string; covered: number; cls: string }>();
  for (const m of marks) {
    for (const i of m.spans) {
      const s = out.get(i);
      if (!s) out.set(i, { start: m.start, end: m.end, text: m.text, covered: m.end - m.start, cls: m.spans[0] === i ? m.cls : "" });
      else {
        s.end = m.end;
        s.text += m.text;
        s.covered += m.end - m.start;
        if (!s.cls && m.spans[0] === i) s.cls = m.cls;
      }
    }
  }
  return out;
}

function expectSameSpans(marks: readonly PageMark[], result: Classification): void {
  const expected = spansOf(result);
  const shown = spansOnPage(marks);
  // Straight from the result, without the page's own flattening: the same spans, as a multiset.
  const key = (s: { start: number; end: number }) => `${s.start}-${s.end}`;
  const raw = result.evidence.flatMap((e) => e.matches.map(key)).sort();
  expect([...shown.values()].map(key).sort()).toEqual(raw);
  expected.forEach((s, i) => {
    const got = shown.get(i)!;
    expect({ start: got.start, end: got.end, text: got.text }).toEqual({ start: s.start, end: s.end, text: s.text });
    // One unbroken stretch: every character of the span is marked.
    expect(got.covered).toBe(s.end - s.start);
    if (got.cls) expect(got.cls).toBe(classesOf(s));
  });
}

describe.skipIf(!hasChromium())("playground in headless Chromium", () => {
  let dist: string;
  let browser: Browser;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "role-lens-playground-"));
    execFileSync(process.execPath, ["scripts/playground-build.mjs", "--out", dist]);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  async function openPage() {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:")) problems.push(`request ${r.url()}`);
    });
    await page.goto(pathToFileURL(join(dist, "index.html")).href);
    await page.waitForSelector("body[data-ready]");
    const paste = async (text: string) => {
      await page.fill("#posting", text);
      await page.waitForSelector("body[data-ready]");
      return page.$$eval("#highlighted mark", (ms) =>
        ms.map((m) => ({
          start: Number(m.getAttribute("data-start")),
          end: Number(m.getAttribute("data-end")),
          spans: m.getAttribute("data-spans")!.split(" ").map(Number),
          cls: m.getAttribute("class")!,
          text: m.textContent!,
        })),
      );
    };
    return { page, problems, paste };
  }

  it("highlights exactly the spans classify returns, for every fixture posting", async () => {
    const { page, problems, paste } = await openPage();
    for (const [name, text] of fixtureTexts) {
      const marks = await paste(text);
      const result = classify(text);
      expectSameSpans(marks, result);
      expect(await page.textContent("#highlighted"), name).toBe(text);
      expect(await page.textContent('[data-field="label"]'), name).toBe(`${result.label}${result.mixed ? " (mixed)" : ""}`);
      expect(await page.textContent('[data-field="confidence"]'), name).toBe(result.confidence.toFixed(3));
      expect(await page.textContent('[data-field="level"]'), name).toContain(result.seniority.level);
    }
    expect(problems).toEqual([]);

    // The screenshot: a posting of our own with negated evidence and stated pay, a negated span hovered.
    expectSameSpans(await paste(SHOWCASE), classify(SHOWCASE));
    expect(await page.textContent('[data-field="pay"]')).toMatch(/^USD 205,000–240,000 per year .*, within the band$/);
    await page.hover("#highlighted mark.negated");
    expect(await page.textContent("#hover-info")).toMatch(/weight 0 {2}section \w+ {2}\[negated\]/);
    mkdirSync("screenshots", { recursive: true });
    await page.screenshot({ path: "screenshots/playground.png", fullPage: true });
    await page.close();
  });

  it("lists a dropped lexicon's problems with their paths, and classifies with a valid one", async () => {
    const { page, problems, paste } = await openPage();
    const dir = mkdtempSync(join(tmpdir(), "role-lens-lexicon-"));
    try {
      const lexicon = JSON.parse(readFileSync("lexicons/default.json", "utf8")) as { entries: Array<{ id: string; weight: unknown }> };
      const broken = structuredClone(lexicon);
      broken.entries[2]!.weight = "heavy";
      writeFileSync(join(dir, "broken.json"), JSON.stringify(broken));
      await page.setInputFiles("#lexicon-file", join(dir, "broken.json"));
      await page.waitForSelector("#lexicon-issues li");
      expect(await page.$$eval("#lexicon-issues li code", (cs) => cs.map((c) => c.textContent))).toContain("entries[2].weight");
      expect(await page.textContent("#lexicon-status")).toMatch(/broken\.json has \d+ problem/);

      // A lexicon without the ML title entries: the page must follow it, not the bundled one.
      const text = fixtureTexts.find(([name]) => name.startsWith("ml-senior"))![1];
      const custom = { ...lexicon, entries: lexicon.entries.filter((e) => !e.id.startsWith("title.ml")) };
      expect(custom.entries.length).toBeLessThan(lexicon.entries.length);
      writeFileSync(join(dir, "custom.json"), JSON.stringify(custom));
      await page.setInputFiles("#lexicon-file", join(dir, "custom.json"));
      await page.waitForSelector("#lexicon-status:has-text('custom.json')");
      expect(await page.$$eval("#lexicon-issues li", (l) => l.length)).toBe(0);
      const marks = await paste(text);
      const expected = createClassifier({ lexicon: custom }).classify(text);
      expect(spansOf(expected).length).not.toBe(spansOf(classify(text)).length);
      expectSameSpans(marks, expected);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.close();
    }
  });
});

describe("playground source", () => {
  it("type-checks against the DOM (the root tsconfig has no DOM types, so it checks only what the tests import)", () => {
    expect(() =>
      execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "playground/tsconfig.json"], { stdio: "pipe" }),
    ).not.toThrow();
  });
});

describe("playground server", () => {
  let child: ChildProcess | undefined;
  let dist: string;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), "role-lens-serve-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>role-lens playground</title>");
  });
  afterAll(() => {
    child?.kill();
    rmSync(dist, { recursive: true, force: true });
  });

  it("serves the built folder on 127.0.0.1 and nothing outside it", async () => {
    child = spawn(process.execPath, ["scripts/playground-serve.mjs", dist], { env: { ...process.env, PORT: "0" } });
    const url = await new Promise<string>((resolve, reject) => {
      child!.stdout!.on("data", (chunk: Buffer) => {
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
        if (found) resolve(found[0]);
      });
      child!.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
    });
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await index.text()).toContain("role-lens playground");
    expect((await fetch(`${url}missing.js`)).status).toBe(404);
    expect((await fetch(`${url}..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });
});
