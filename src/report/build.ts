import { LABELS } from "../eval/evaluate.js";
import { aggregateRecords, LEVELS, type AggregateOptions, type ReportAggregates, type ReportRecord } from "./aggregate.js";
import { chartSpecs, percent, renderSvg, ROLE_NAMES, type ChartSpec } from "./charts.js";
import { HTML_SPECIAL } from "./patterns.js";

export interface ReportOptions extends AggregateOptions {
  /** The page title. */
  readonly title?: string;
  /** Where the records came from, named in every chart's caption (e.g. the input file names). */
  readonly source?: string;
  /** The time printed in the footer; defaults to now. Fixed in tests to compare pages. */
  readonly generatedAt?: Date;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(HTML_SPECIAL, (c) => ESCAPES[c]!);
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 3 });
const money = (n: number) => Math.round(n).toLocaleString("en-US");

/** A number cell the browser test reads back: `data-key` names the aggregate, `data-value` holds it unformatted. */
const num = (key: string, value: number, shown = fmt(value)) => `<td data-key="${esc(key)}" data-value="${value}">${esc(shown)}</td>`;
const pct = (key: string, part: number, whole: number) => num(key, percent(part, whole), `${percent(part, whole)} %`);
const th = (cells: readonly string[]) => `<tr>${cells.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr>`;
const table = (caption: string, head: readonly string[], rows: readonly string[]) =>
  `<table><caption>${esc(caption)}</caption><thead>${th(head)}</thead><tbody>${rows.join("")}</tbody></table>`;

/** The table beside each chart: the same numbers, for screen readers and for copying. */
function tableFor(id: string, a: ReportAggregates): string {
  switch (id) {
    case "label-level":
      return table(
        "Postings by label (rows) and level (columns)",
        ["Label", ...LEVELS, "All levels"],
        LABELS.map(
          (l) =>
            `<tr><th scope="row">${l}</th>${LEVELS.map((v) => num(`count.${l}.${v}`, a.byLabelLevel[l][v])).join("")}${num(`count.${l}`, a.byLabel[l])}</tr>`,
        ),
      );
    case "flags":
      return table(
        "Flags among classified postings",
        ["Flag", "Postings", "Share"],
        (
          [
            ["mixed", a.mixed],
            ["multi-role", a.multiRole],
            ["thin evidence", a.thin],
          ] as const
        ).map(([flag, n]) => `<tr><th scope="row">${flag}</th>${num(`flag.${flag}`, n)}${pct(`flag.${flag}.share`, n, a.classified)}</tr>`),
      );
    case "confidence":
      return table(
        "Postings per confidence bin",
        ["Confidence", "Postings"],
        a.confidence.map((b, i) => `<tr><th scope="row">${b.from.toFixed(2)}–${b.to.toFixed(2)}</th>${num(`confidence.${i}`, b.count)}</tr>`),
      );
    case "categories":
      return table(
        "Postings asking for each lexicon category",
        ["Entry role", "Category", "ML Engineer postings", "Share", "AI Engineer postings", "Share"],
        a.categories.map((c) => {
          const key = `category.${c.role}.${c.category}`;
          return `<tr><td>${ROLE_NAMES[c.role]}</td><th scope="row">${esc(c.category)}</th>${num(`${key}.ml`, c.ml)}${pct(`${key}.ml.share`, c.ml, a.byLabel["ml-engineer"])}${num(`${key}.ai`, c.ai)}${pct(`${key}.ai.share`, c.ai, a.byLabel["ai-engineer"])}</tr>`;
        }),
      );
    case "pay-share":
      return table(
        "Postings stating pay, by predicted role and level",
        ["Role", "Level", "Postings", "Stating pay", "Share", `In ${a.pay.currency}`],
        a.pay.cells.map(
          (c) =>
            `<tr><th scope="row">${ROLE_NAMES[c.role]}</th><td>${c.level}</td>${num(`pay.${c.role}.${c.level}.postings`, c.postings)}${num(`pay.${c.role}.${c.level}.stating`, c.stating)}${pct(`pay.${c.role}.${c.level}.share`, c.stating, c.postings)}${num(`pay.${c.role}.${c.level}.usd`, c.usd)}</tr>`,
        ),
      );
    case "pay-usd":
      return table(
        `Stated ${a.pay.currency} pay against the band (below: its top under the band; above: its floor over it; within: they overlap)`,
        ["Role", "Level", `Band (${a.pay.currency}/year)`, "Postings", "Below", "Within", "Above", `Distribution (${a.pay.currency}/year: postings)`],
        a.pay.cells.map((c) => {
          const key = `pay.${c.role}.${c.level}`;
          const against = (["below", "within", "above"] as const).map((k) => pct(`${key}.${k}`, c.usdAgainstBand[k], c.usd)).join("");
          const bins = c.usdBins.map((b) => `${money(b.from)}–${money(b.to)}: ${b.count}`).join("; ");
          return `<tr><th scope="row">${ROLE_NAMES[c.role]}</th><td>${c.level}</td><td>${money(c.band.min)}–${money(c.band.max)}</td>${num(`${key}.usd`, c.usd)}${against}<td><details><summary>${c.usdBins.length} bins</summary>${bins || "none"}</details></td></tr>`;
        }),
      );
    case "pay-other":
      return table(
        "Stated pay in other currencies (midpoint of the annualized range, not converted)",
        ["Currency", "Role", "Level", "Postings", "Lowest (per year)", "Highest (per year)"],
        a.pay.other.map(
          (o) =>
            `<tr><th scope="row">${esc(o.currency)}</th><td>${ROLE_NAMES[o.role]}</td><td>${o.level}</td>${num(`other.${o.currency}.${o.role}.${o.level}`, o.count)}<td>${money(o.min)}</td><td>${money(o.max)}</td></tr>`,
        ),
      );
    case "errors":
      return (
        table(
          "Error records by code",
          ["Code", "Records"],
          Object.entries(a.errorCodes).map(([code, n]) => `<tr><th scope="row">${esc(code)}</th>${num(`errors.${code}`, n)}</tr>`),
        ) +
        table(
          a.errors > a.errorExamples.length ? `The first ${a.errorExamples.length} of ${fmt(a.errors)} error records` : "Every error record",
          ["Id", "Code", "Reason"],
          a.errorExamples.map((e) => `<tr><th scope="row">${esc(e.id)}</th><td>${esc(e.code)}</td><td>${esc(e.message)}</td></tr>`),
        )
      );
    case "confusion": {
      const gold = a.gold!;
      return table(
        "Postings by gold label (rows) and predicted label (columns)",
        ["Gold \\ predicted", ...LABELS],
        LABELS.map((g) => `<tr><th scope="row">${g}</th>${LABELS.map((p) => num(`confusion.${g}.${p}`, gold.confusion[g][p])).join("")}</tr>`),
      );
    }
    case "reliability":
      return table(
        `Reliability bins (expected calibration error ${a.gold!.ece.toFixed(3)})`,
        ["Confidence", "Postings", "Mean confidence", "Accuracy"],
        a.gold!.reliability.map(
          (b, i) =>
            `<tr><th scope="row">${b.from.toFixed(1)}–${b.to.toFixed(1)}</th>${num(`reliability.${i}.count`, b.count)}${num(`reliability.${i}.confidence`, Math.round(b.meanConfidence * 1000) / 1000)}${num(`reliability.${i}.accuracy`, Math.round(b.accuracy * 1000) / 1000)}</tr>`,
        ),
      );
    default:
      throw new Error(`no table for chart ${id}`);
  }
}

/** What each chart is computed from, for its caption. */
function dataNote(id: string, a: ReportAggregates): string {
  switch (id) {
    case "categories":
      return "evidence entries with at least one match that is neither negated nor context, counted once per posting, against the postings with that label";
    case "pay-share":
    case "pay-usd":
      return `the first stated salary of each ML/AI posting, annualized (hour × 2080, day × 260, week × 52, month × 12), midpoint of its range; shaded: ${a.pay.source}`;
    case "pay-other":
      return "the first stated salary of each ML/AI posting not in USD, annualized, in its own currency; never converted";
    case "errors":
      return "the error records of the batch (postings that could not be read)";
    case "confusion":
    case "reliability":
      return `the ${fmt(a.gold!.count)} classified postings with a gold label`;
    default:
      return "the classification results";
  }
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem 1.5rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.25rem}
.summary{display:flex;gap:1.5rem;flex-wrap:wrap;margin:1rem 0}
.summary div{background:#f4f6f8;border-radius:6px;padding:.5rem .9rem}
.summary b{display:block;font-size:1.3rem}
figure{margin:1.5rem 0;border-top:1px solid #ddd;padding-top:1rem}
figure h2{font-size:1.1rem;margin:0 0 .5rem}
.pair{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}
.pair svg{max-width:100%;height:auto}
table{border-collapse:collapse;font-size:12px;margin-bottom:.75rem}
caption{text-align:left;font-weight:600;padding-bottom:.25rem}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left}
td[data-value]{text-align:right;font-variant-numeric:tabular-nums}
figcaption{color:#555;font-size:12px;margin-top:.5rem}
footer{color:#777;font-size:12px;margin-top:2rem}`;

/** Renders aggregates as one self-contained HTML page (inline CSS and SVG; no script, font or network request). */
export async function renderReport(a: ReportAggregates, options: ReportOptions = {}): Promise<string> {
  const title = options.title ?? "role-lens report";
  const source = options.source ?? "the input records";
  const charts: ChartSpec[] = chartSpecs(a);
  const figures: string[] = [];
  for (const c of charts) {
    const svg = await renderSvg(c.spec);
    figures.push(
      `<figure id="chart-${c.id}" class="chart"><h2>${esc(c.title)}</h2><div class="pair"><div class="svg" role="img" aria-label="${esc(c.title)}">${svg}</div>${tableFor(c.id, a)}</div><figcaption>Data: ${esc(source)} (${fmt(a.records)} records); ${esc(dataNote(c.id, a))}.</figcaption></figure>`,
    );
  }
  const summary = [
    ["Records", "records", a.records],
    ["Classified", "classified", a.classified],
    ["Errors", "errors", a.errors],
    ["ML Engineer", "count.ml-engineer", a.byLabel["ml-engineer"]],
    ["AI Engineer", "count.ai-engineer", a.byLabel["ai-engineer"]],
    ["Neither", "count.neither", a.byLabel.neither],
    ...(a.gold ? ([["Accuracy vs gold (%)", "gold.accuracy", percent(a.gold.correct, a.gold.count)]] as const) : []),
  ] as const;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(title)}</h1><p>Source: ${esc(source)}</p>
<div class="summary">${summary.map(([label, key, value]) => `<div>${esc(label)}<b data-key="${key}" data-value="${value}">${fmt(value)}</b></div>`).join("")}</div>
${figures.join("\n")}
<footer>Generated by role-lens on ${(options.generatedAt ?? new Date()).toISOString()}. Bands: ${esc(a.pay.source)}. Charts: Vega-Lite, rendered to SVG by vega.</footer>
</body></html>
`;
}

/**
 * Builds the report from classification records (`{ id, index, result }` or `{ id, index, error }`,
 * with an optional `gold` label), aggregating them in one streaming pass: the page's size depends on
 * the lexicon and the currencies seen, not on the number of records. Throws `LexiconError`
 * BAND_TABLE_INVALID when `options.bands` is not a valid band table.
 */
export async function buildReport(records: Iterable<ReportRecord> | AsyncIterable<ReportRecord>, options: ReportOptions = {}): Promise<string> {
  return renderReport(await aggregateRecords(records, options), options);
}
