import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibration, LABELS, toLabel } from "../src/eval/evaluate.js";
import { type Classification, classify, createClassifier, type Posting } from "../src/index.js";
import { hasChromium, launchChromium } from "../playground/chromium.js";
import { aggregateRecords, LEVELS, ReportAggregator, type ReportAggregates, type ReportRecord } from "../src/report/aggregate.js";
import { buildReport, renderReport } from "../src/report/build.js";
import { chartSpecs, percent } from "../src/report/charts.js";
import { classifyForReport, reportRecordsFromInputs } from "../src/report/inputs.js";
import { isBatchRecord, parseRecord } from "../src/report/records.js";

// Our own postings, chosen to cover both roles, several levels, and pay in USD, EUR and by the hour.
const POSTINGS: Posting[] = [
  "Senior Machine Learning Engineer\n\nTrain and evaluate deep learning models in PyTorch; build feature pipelines and distributed training. Salary $210,000 - $250,000 per year.",
  "AI Engineer\n\nBuild RAG applications on LLM APIs with LangChain and a vector database; prompt engineering and evaluation of LLM outputs. Pay: $80 - $95 per hour.",
  "Staff ML Engineer\n\nOwn the ML platform: model serving, experiment tracking, feature engineering. €150.000 - €180.000 per year.",
  "Junior AI Engineer\n\nShip LLM-powered features; agent frameworks and tool calling. You will not train models.",
  "Barista\n\nMake coffee and keep the counter clean. $18 per hour.",
  "Machine Learning Engineer\n\nStatistics and linear algebra; model optimization; we do not use LLM APIs.",
];
const BASES: Classification[] = POSTINGS.map((p) => classify(p));

const resultRecord = fc
  .record({
    base: fc.constantFrom(...BASES),
    label: fc.constantFrom(...LABELS),
    level: fc.constantFrom(...LEVELS),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    mixed: fc.boolean(),
    thin: fc.boolean(),
    multiRole: fc.option(fc.boolean(), { nil: undefined }),
    gold: fc.option(fc.constantFrom("ml", "ai", "neither", "ml-engineer" as const), { nil: undefined }),
  })
  .map(({ base, label, level, confidence, mixed, thin, multiRole, gold }) => {
    const result = {
      ...base,
      label,
      confidence,
      mixed,
      reason: thin ? "thin-evidence" : base.reason === "thin-evidence" ? "other-role" : base.reason,
      seniority: { ...base.seniority, level },
      ...(multiRole === undefined ? {} : { multiRole }),
    } as Classification;
    return (index: number): ReportRecord => ({ id: `r${index}`, index, result, ...(gold === undefined ? {} : { gold }) });
  });
const errorRecord = fc.record({ code: fc.constantFrom("INPUT_INVALID", "INPUT_TOO_LARGE", "RECORD_INVALID"), message: fc.string() }).map(
  (error) =>
    (index: number): ReportRecord => ({ id: `e${index}`, index, error }),
);
const records = fc
  .array(fc.oneof({ weight: 5, arbitrary: resultRecord }, { weight: 1, arbitrary: errorRecord }), { maxLength: 80 })
  .map((makers) => makers.map((make, i) => make(i)));

const results = (rs: readonly ReportRecord[]) => rs.flatMap((r) => ("result" in r ? [r] : []));

describe("report aggregates", () => {
  it("count what a plain filter over the records counts", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const a = await aggregateRecords(rs);
        const ok = results(rs);
        expect(a.records).toBe(rs.length);
        expect(a.errors).toBe(rs.length - ok.length);
        for (const label of LABELS)
          for (const level of LEVELS)
            expect(a.byLabelLevel[label][level]).toBe(ok.filter((r) => r.result.label === label && r.result.seniority.level === level).length);
        expect(a.mixed).toBe(ok.filter((r) => r.result.mixed).length);
        expect(a.thin).toBe(ok.filter((r) => r.result.reason === "thin-evidence").length);
        expect(a.multiRole).toBe(ok.filter((r) => (r.result as { multiRole?: boolean }).multiRole === true).length);
        expect(a.confidence.reduce((n, b) => n + b.count, 0)).toBe(ok.length);
        for (const r of ok) {
          const bin = a.confidence.find((b) => b.from <= r.result.confidence && (r.result.confidence < b.to || b.to === 1))!;
          expect(bin.count).toBeGreaterThan(0);
        }
        const codes = Object.entries(a.errorCodes);
        expect(codes.reduce((n, [, c]) => n + c, 0)).toBe(a.errors);
      }),
      { numRuns: 60 },
    );
  });

  it("count a category once per posting that asks for it, by predicted role", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const a = await aggregateRecords(rs);
        for (const c of a.categories) {
          const asking = (label: string) =>
            results(rs).filter(
              (r) =>
                r.result.label === label && r.result.evidence.some((e) => e.role === c.role && e.category === c.category && e.matches.some((m) => !m.negated)),
            ).length;
          expect([c.ml, c.ai]).toEqual([asking("ml-engineer"), asking("ai-engineer")]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("bin pay by currency without converting it: USD beside the band, other currencies apart", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const a = await aggregateRecords(rs);
        for (const cell of a.pay.cells) {
          const label = cell.role === "ml" ? "ml-engineer" : "ai-engineer";
          const inCell = results(rs).filter((r) => r.result.label === label && r.result.seniority.level === cell.level);
          const stated = inCell.flatMap((r) => (r.result.salary.stated ? [r.result.salary.stated] : []));
          expect([cell.postings, cell.stating, cell.usd]).toEqual([inCell.length, stated.length, stated.filter((s) => s.currency === "USD").length]);
          expect(cell.usdBins.reduce((n, b) => n + b.count, 0)).toBe(cell.usd);
          // Against the band by the rule each result's salary.comparison uses: a range overlapping the band is within.
          const usd = stated.filter((x) => x.currency === "USD");
          expect(cell.usdAgainstBand).toEqual({
            below: usd.filter((x) => x.annualMax < cell.band.min).length,
            within: usd.filter((x) => x.annualMax >= cell.band.min && x.annualMin <= cell.band.max).length,
            above: usd.filter((x) => x.annualMin > cell.band.max).length,
          });
          for (const s of stated.filter((x) => x.currency === "USD")) {
            const mid = (s.annualMin + s.annualMax) / 2;
            expect(cell.usdBins.some((b) => b.from <= mid && mid < b.to)).toBe(true);
          }
        }
        for (const o of a.pay.other) {
          expect(o.currency).not.toBe("USD");
          expect(o.bins.reduce((n, b) => n + b.count, 0)).toBe(o.count);
          for (const b of o.bins) expect(b.from).toBeLessThanOrEqual(b.to);
          expect(o.min).toBeLessThanOrEqual(o.max);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("measure against gold labels as `calibration` in src/eval does", async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const a = await aggregateRecords(rs);
        const labelled = results(rs).filter((r) => r.gold !== undefined);
        if (labelled.length === 0) {
          expect(a.gold).toBeNull();
          return;
        }
        const pairs = labelled.map((r) => ({ confidence: r.result.confidence, correct: toLabel(r.gold!) === r.result.label }));
        const oracle = calibration(pairs);
        expect(a.gold!.count).toBe(labelled.length);
        expect(a.gold!.correct).toBe(pairs.filter((p) => p.correct).length);
        expect(a.gold!.reliability.map((b) => b.count)).toEqual(oracle.bins.map((b) => b.count));
        for (const [i, b] of a.gold!.reliability.entries()) expect(b.accuracy).toBeCloseTo(oracle.bins[i]!.accuracy, 9);
        expect(a.gold!.ece).toBeCloseTo(oracle.ece, 9);
        for (const g of LABELS)
          for (const p of LABELS) expect(a.gold!.confusion[g][p]).toBe(labelled.filter((r) => toLabel(r.gold!) === g && r.result.label === p).length);
      }),
      { numRuns: 40 },
    );
  });

  it("read context matches as not asking for a category, once results mark them", async () => {
    const base = BASES[0]!;
    const aboutContext = {
      ...base,
      evidence: base.evidence.map((e) => ({ ...e, matches: e.matches.map((m) => ({ ...m, about: "context" })) })),
    } as Classification;
    const a = await aggregateRecords([{ id: "x", index: 0, result: aboutContext }]);
    expect(a.categories).toEqual([]);
  });
});

/** `count` records cycling through the same few, without holding them. */
function* cycle(count: number): Generator<ReportRecord> {
  const sample = fc.sample(records, { numRuns: 1, seed: 7 })[0]!.concat(BASES.map((result, i) => ({ id: `b${i}`, index: i, result })));
  for (let i = 0; i < count; i++) yield { ...sample[i % sample.length]!, id: `posting-${i}`, index: i };
}

describe("report page", () => {
  const fixed = { generatedAt: new Date(0), source: "test records" };

  it("does not grow with the number of postings: 100,000 records make a page the size of 1,000's", async () => {
    const small = await buildReport(cycle(1_000), fixed);
    const large = await buildReport(cycle(100_000), fixed);
    // Only the digits of the counts and the axis ticks may differ.
    expect(Math.abs(large.length - small.length)).toBeLessThan(small.length * 0.03);
    // No result row is embedded: a result's id appears nowhere (error records are listed, up to a cap).
    expect(large).not.toContain("posting-99999");
    expect(large.match(/<tr>/g)!.length).toBe(small.match(/<tr>/g)!.length);
  });

  it("is self-contained: no script, stylesheet link, font or remote address", async () => {
    const html = await buildReport(cycle(300), fixed);
    expect(html).not.toMatch(/<script|<link|@font-face|@import|<img|<iframe/i);
    const addresses = html.match(/(?:https?:)?\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(addresses)).toEqual(new Set(["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"]));
  });

  it("escapes record text it shows (ids and error messages)", async () => {
    const html = await buildReport(
      [{ id: "<img src=x onerror=alert(1)>", index: 0, error: { code: "INPUT_INVALID", message: "</table><script>x</script>" } }],
      fixed,
    );
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;/table&gt;&lt;script&gt;");
  });

  it("labels both axes of every chart with a title, and units where the axis measures something", async () => {
    const a = await aggregateRecords(cycle(500));
    const charts = chartSpecs(a);
    expect(charts.map((c) => c.id)).toEqual([
      "label-level",
      "flags",
      "confidence",
      "categories",
      "pay-share",
      "pay-usd",
      "pay-other",
      "errors",
      "confusion",
      "reliability",
    ]);
    for (const c of charts) {
      const titles: Array<[string, string]> = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === "object") {
          const enc = (node as { encoding?: Record<string, { title?: string; type?: string }> }).encoding;
          for (const ch of ["x", "y"] as const) if (enc?.[ch]?.title) titles.push([enc[ch].type!, enc[ch].title!]);
          Object.values(node).forEach(walk);
        }
      };
      walk(c.spec);
      const channels = new Set(titles.map(([, t]) => t));
      expect(channels.size, c.id).toBeGreaterThanOrEqual(2);
      for (const [type, title] of titles) if (type === "quantitative") expect(title, `${c.id}: ${title}`).toMatch(/\(.+\)/);
    }
  });

  it("rejects an invalid band table with BAND_TABLE_INVALID", async () => {
    await expect(buildReport([], { bands: { currency: "dollars" } })).rejects.toMatchObject({ code: "BAND_TABLE_INVALID" });
  });
});

describe("report inputs", () => {
  it("reportRecordsFromInputs passes results through, classifies postings with their gold labels, and turns bad lines into error records", async () => {
    const dir = mkdtempSync(join(tmpdir(), "role-lens-inputs-"));
    try {
      const scored = { id: "s1", index: 0, result: BASES[1], gold: "ai" };
      writeFileSync(
        join(dir, "a-results.jsonl"),
        [JSON.stringify(scored), JSON.stringify({ id: "s2", index: 1, error: { code: "INPUT_INVALID", message: "m" } })].join("\n"),
      );
      writeFileSync(
        join(dir, "b-postings.jsonl"),
        [
          JSON.stringify({ id: "p1", text: POSTINGS[0], label: "ml" }),
          "{not json",
          JSON.stringify({ id: "p2", text: POSTINGS[4] }),
          JSON.stringify({ id: "p3", index: 2, result: { label: "x" } }),
          JSON.stringify({ id: "p4", nothing: true }),
        ].join("\n"),
      );
      writeFileSync(join(dir, "c-posting.txt"), POSTINGS[3] as string);
      const out: ReportRecord[] = [];
      for await (const r of reportRecordsFromInputs([dir])) out.push(r);
      expect(out.map((r) => [r.id.replace(dir, "DIR"), r.index, r.gold, "error" in r ? r.error.code : r.result.label])).toEqual([
        ["s1", 0, "ai", BASES[1]!.label],
        ["s2", 1, undefined, "INPUT_INVALID"],
        ["p1", 2, "ml", classify(POSTINGS[0]!).label],
        [join("DIR", "b-postings.jsonl:2"), 3, undefined, "RECORD_INVALID"],
        ["p2", 4, undefined, classify(POSTINGS[4]!).label],
        [join("DIR", "b-postings.jsonl:4"), 5, undefined, "RECORD_INVALID"],
        ["p4", 6, undefined, "RECORD_INVALID"],
        [join("DIR", "c-posting.txt"), 7, undefined, classify(POSTINGS[3]!).label],
      ]);
      expect("result" in out[0]! && out[0].result).toEqual(BASES[1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("classifyForReport attaches each posting's gold label to its own record", async () => {
    const input = [
      { id: "a", text: POSTINGS[0] as string, label: "ml" as const },
      { id: "b", text: POSTINGS[4] as string },
      { id: "c", text: 7 } as unknown as Posting,
      { id: "d", text: POSTINGS[1] as string, label: "ai-engineer" as const },
    ];
    const out: ReportRecord[] = [];
    for await (const r of classifyForReport(input)) out.push(r);
    expect(out.map((r) => [r.id, r.gold, "error" in r])).toEqual([
      ["a", "ml", false],
      ["b", undefined, false],
      ["c", undefined, true],
      ["d", "ai-engineer", false],
    ]);
  });

  it.each([
    ["a result line", { id: "1", index: 0, result: BASES[0] }, true],
    ["an error line", { id: 2, index: 1, error: { code: "INPUT_INVALID", message: "m" } }, true],
    ["a result with gold", { id: "3", index: 2, result: BASES[1], gold: "ai" }, true],
    ["a posting", { id: "4", text: "ML Engineer" }, false],
    ["a result with a bad label", { id: "5", index: 0, result: { ...BASES[0], label: "engineer" } }, false],
    ["a negative index", { id: "6", index: -1, error: { code: "X", message: "m" } }, false],
  ])("parseRecord reads %s", (_name, value, ok) => {
    if (ok) {
      expect(isBatchRecord(value)).toBe(true);
      expect(parseRecord(value, "results.jsonl:1").id).toBe(String((value as { id: unknown }).id));
    } else expect(() => parseRecord(value, "results.jsonl:1")).toThrow(/results\.jsonl:1: not a classification record/);
  });
});

/** The number every `data-key` cell of the page should hold, from the Node aggregates. */
function expectedCells(a: ReportAggregates): Map<string, number> {
  const cells = new Map<string, number>([
    ["records", a.records],
    ["classified", a.classified],
    ["errors", a.errors],
    ["flag.mixed", a.mixed],
    ["flag.multi-role", a.multiRole],
    ["flag.thin evidence", a.thin],
    ["flag.mixed.share", percent(a.mixed, a.classified)],
    ["flag.multi-role.share", percent(a.multiRole, a.classified)],
    ["flag.thin evidence.share", percent(a.thin, a.classified)],
  ]);
  for (const l of LABELS) {
    cells.set(`count.${l}`, a.byLabel[l]);
    for (const v of LEVELS) cells.set(`count.${l}.${v}`, a.byLabelLevel[l][v]);
  }
  for (const [i, b] of a.confidence.entries()) cells.set(`confidence.${i}`, b.count);
  for (const c of a.categories) {
    const key = `category.${c.role}.${c.category}`;
    cells.set(`${key}.ml`, c.ml).set(`${key}.ai`, c.ai);
    cells.set(`${key}.ml.share`, percent(c.ml, a.byLabel["ml-engineer"])).set(`${key}.ai.share`, percent(c.ai, a.byLabel["ai-engineer"]));
  }
  for (const c of a.pay.cells) {
    const key = `pay.${c.role}.${c.level}`;
    cells.set(`${key}.postings`, c.postings).set(`${key}.stating`, c.stating).set(`${key}.share`, percent(c.stating, c.postings)).set(`${key}.usd`, c.usd);
    for (const k of ["below", "within", "above"] as const) cells.set(`${key}.${k}`, percent(c.usdAgainstBand[k], c.usd));
  }
  for (const o of a.pay.other) cells.set(`other.${o.currency}.${o.role}.${o.level}`, o.count);
  for (const [code, n] of Object.entries(a.errorCodes)) cells.set(`errors.${code}`, n);
  if (a.gold) {
    cells.set("gold.accuracy", percent(a.gold.correct, a.gold.count));
    for (const g of LABELS) for (const p of LABELS) cells.set(`confusion.${g}.${p}`, a.gold.confusion[g][p]);
    a.gold.reliability.forEach((b, i) => {
      cells.set(`reliability.${i}.count`, b.count);
      cells.set(`reliability.${i}.confidence`, Math.round(b.meanConfidence * 1000) / 1000);
      cells.set(`reliability.${i}.accuracy`, Math.round(b.accuracy * 1000) / 1000);
    });
  }
  return cells;
}

// A job board of our own making for the page (and its screenshot): both roles at every level, pay
// in USD by the year or hour and in EUR, some gold labels that disagree, and unreadable records.
const TITLES = [
  "Junior Machine Learning Engineer",
  "Machine Learning Engineer",
  "Senior ML Engineer",
  "Staff Machine Learning Engineer",
  "Junior AI Engineer",
  "AI Engineer",
  "Senior AI Engineer",
  "Staff AI Engineer",
  "Data Analyst",
];
const BODIES = [
  "Train and evaluate deep learning models in PyTorch; feature engineering, experiment tracking and distributed training on GPUs.",
  "Build RAG applications on LLM APIs with LangChain and a vector database; prompt engineering and evaluation of LLM outputs.",
  "Build dashboards and SQL reports for the sales team.",
];
function board(count: number): ReportRecord[] {
  const classifier = createClassifier();
  return Array.from({ length: count }, (_, i): ReportRecord => {
    if (i % 97 === 13)
      return { id: `bad-${i}`, index: i, error: { code: i % 2 ? "INPUT_INVALID" : "INPUT_TOO_LARGE", message: `posting ${i} could not be read` } };
    const t = i % TITLES.length;
    const body = BODIES[t === 8 ? 2 : t < 4 ? 0 : 1]!;
    const k = 100 + ((i * 37) % 160);
    const pay =
      i % 5 === 0
        ? ""
        : i % 11 === 0
          ? ` Pay: €${k - 30},000 - €${k},000 per year.`
          : i % 7 === 0
            ? ` Pay: $${Math.round(k / 2.2)} - $${Math.round(k / 2)} per hour.`
            : ` Salary: $${k},000 - $${k + 30},000 per year.`;
    const result = classifier.classify(`${TITLES[t]}\n\n${body}${pay}`);
    const gold = i % 9 === 0 ? "neither" : result.label;
    return { id: `p${i}`, index: i, result, gold };
  });
}

describe.skipIf(!hasChromium())("report in headless Chromium", () => {
  it("opens from disk without console errors or requests, shows every chart, and its numbers match the Node aggregates", async () => {
    const aggregator = new ReportAggregator();
    for (const r of board(2_000)) aggregator.add(r);
    const aggregates = aggregator.result();
    const html = await renderReport(aggregates, { source: "a generated job board", generatedAt: new Date(0) });
    const dir = mkdtempSync(join(tmpdir(), "role-lens-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, html);
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => {
        if (!r.url().startsWith("file:")) problems.push(`request ${r.url()}`);
      });
      await page.goto(pathToFileURL(file).href);

      const figures = await page.$$eval("figure.chart", (fs) =>
        fs.map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            id: f.id,
            marks: svg?.querySelectorAll("path, rect").length ?? 0,
            width: box?.width ?? 0,
            table: f.querySelector("table") !== null,
            caption: f.querySelector("figcaption")?.textContent ?? "",
          };
        }),
      );
      expect(figures.map((f) => f.id)).toEqual(chartSpecs(aggregates).map((c) => `chart-${c.id}`));
      // This board has pay in another currency, error records and gold labels: all ten charts show.
      expect(figures).toHaveLength(10);
      for (const f of figures) {
        expect(f.marks, f.id).toBeGreaterThan(0);
        expect(f.width, f.id).toBeGreaterThan(100);
        expect(f.table, f.id).toBe(true);
        expect(f.caption, f.id).toMatch(/^Data: a generated job board \(2,000 records\); /);
      }

      const shown = await page.$$eval("[data-key]", (cells) =>
        cells.map((c) => [c.getAttribute("data-key")!, Number(c.getAttribute("data-value")), c.textContent!] as const),
      );
      const expected = expectedCells(aggregates);
      const onPage = new Map<string, number>();
      for (const [key, value, text] of shown) {
        // The shown text says the same number as the data-value (ignoring grouping and the % sign).
        expect(Number(text.replace(/[,\s%]/g, "")), key).toBeCloseTo(value, 3);
        if (onPage.has(key)) expect(onPage.get(key), key).toBe(value);
        onPage.set(key, value);
      }
      expect(Object.fromEntries(onPage)).toEqual(Object.fromEntries(expected));
      expect(aggregates.records).toBe(2_000);
      expect(problems).toEqual([]);

      mkdirSync("screenshots", { recursive: true });
      await page.screenshot({ path: "screenshots/report.png", fullPage: true });
      await page.screenshot({ path: "screenshots/report-top.png" });
      await page.locator("#chart-pay-usd").screenshot({ path: "screenshots/report-pay.png" });
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
