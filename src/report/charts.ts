import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { LABELS } from "../eval/evaluate.js";
import { LEVELS, type ReportAggregates } from "./aggregate.js";

/** A chart of the report: a Vega-Lite spec and the words around it. */
export interface ChartSpec {
  /** Stable id, used as the figure's element id (`chart-<id>`). */
  readonly id: string;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

export const ROLE_NAMES = { ml: "ML Engineer", ai: "AI Engineer", shared: "Shared", neither: "Neither" } as const;
const ROLE_ORDER = [ROLE_NAMES.ml, ROLE_NAMES.ai];
// The playground's colours too: ML blue, AI orange.
const SIDES = ["ML Engineer postings", "AI Engineer postings"];

/** Shares in percent, one decimal; 0 when the denominator is 0. */
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

const COUNT_AXIS = "Postings (count)";
// System fonts only: the report loads nothing from the network.
const CONFIG = { font: "sans-serif", view: { stroke: "#ccc" } } as const;

function chart(id: string, title: string, spec: Record<string, unknown>): ChartSpec {
  return { id, title, spec: { $schema: "https://vega.github.io/schema/vega-lite/v6.json", config: CONFIG, ...spec } as TopLevelSpec };
}

/** The Vega-Lite specs of every chart the aggregates call for, in page order. */
export function chartSpecs(a: ReportAggregates): ChartSpec[] {
  const charts: ChartSpec[] = [
    chart("label-level", "Postings by label and level", {
      data: { values: LABELS.flatMap((label) => LEVELS.map((level) => ({ label, level, count: a.byLabelLevel[label][level] }))) },
      mark: "bar",
      width: 420,
      encoding: {
        x: { field: "label", type: "nominal", sort: LABELS, title: "Predicted label", axis: { labelAngle: 0 } },
        xOffset: { field: "level", type: "nominal", sort: LEVELS },
        y: { field: "count", type: "quantitative", title: COUNT_AXIS },
        color: { field: "level", type: "nominal", sort: LEVELS, title: "Level" },
      },
    }),
    chart("flags", "Mixed, multi-role and thin-evidence postings", {
      data: {
        values: [
          { flag: "mixed", share: percent(a.mixed, a.classified) },
          { flag: "multi-role", share: percent(a.multiRole, a.classified) },
          { flag: "thin evidence", share: percent(a.thin, a.classified) },
        ],
      },
      mark: "bar",
      width: 360,
      encoding: {
        y: { field: "flag", type: "nominal", sort: null, title: "Flag" },
        x: { field: "share", type: "quantitative", scale: { domain: [0, 100] }, title: "Share of classified postings (%)" },
      },
    }),
    chart("confidence", "Confidence distribution", {
      data: { values: a.confidence },
      mark: "bar",
      width: 360,
      encoding: {
        x: {
          field: "from",
          type: "quantitative",
          bin: { binned: true, step: 1 / a.confidence.length },
          scale: { domain: [0, 1] },
          title: "Confidence (probability, 0–1)",
        },
        x2: { field: "to" },
        y: { field: "count", type: "quantitative", title: COUNT_AXIS },
      },
    }),
    chart("categories", "What each role asks for: lexicon categories by share of postings", {
      data: {
        values: a.categories.flatMap((c) => [
          { category: `${ROLE_NAMES[c.role]}: ${c.category}`, side: SIDES[0], share: percent(c.ml, a.byLabel["ml-engineer"]) },
          { category: `${ROLE_NAMES[c.role]}: ${c.category}`, side: SIDES[1], share: percent(c.ai, a.byLabel["ai-engineer"]) },
        ]),
      },
      mark: "bar",
      width: 320,
      height: { step: 9 },
      encoding: {
        y: { field: "category", type: "nominal", sort: null, title: "Lexicon category (entry role: category)", axis: { labelLimit: 600 } },
        yOffset: { field: "side", type: "nominal", sort: SIDES },
        x: { field: "share", type: "quantitative", scale: { domain: [0, 100] }, title: "Share of postings with the label (%)" },
        color: { field: "side", type: "nominal", title: "Postings", scale: { domain: SIDES, range: ["#4c78a8", "#f58518"] }, legend: { labelLimit: 220 } },
      },
    }),
    chart("pay-share", "Share of postings stating pay, by role and level", {
      data: { values: a.pay.cells.map((c) => ({ role: ROLE_NAMES[c.role], level: c.level, share: percent(c.stating, c.postings) })) },
      mark: "bar",
      width: 360,
      encoding: {
        x: { field: "role", type: "nominal", sort: ROLE_ORDER, title: "Predicted role", axis: { labelAngle: 0 } },
        xOffset: { field: "level", type: "nominal", sort: LEVELS },
        y: { field: "share", type: "quantitative", scale: { domain: [0, 100] }, title: "Postings stating pay (%)" },
        color: { field: "level", type: "nominal", sort: LEVELS, title: "Level" },
      },
    }),
    chart("pay-usd", `Stated pay in ${a.pay.currency} against the band, by role and level`, {
      data: {
        values: a.pay.cells.flatMap((c) => [
          { role: ROLE_NAMES[c.role], level: c.level, kind: "band", min: c.band.min, max: c.band.max },
          ...c.usdBins.map((b) => ({ role: ROLE_NAMES[c.role], level: c.level, kind: "pay", ...b })),
        ]),
      },
      facet: {
        row: { field: "role", type: "nominal", sort: ROLE_ORDER, title: "Predicted role" },
        column: { field: "level", type: "nominal", sort: LEVELS, title: "Level" },
      },
      spec: {
        width: 170,
        height: 110,
        layer: [
          {
            transform: [{ filter: "datum.kind === 'pay'" }],
            mark: { type: "bar", color: "#3b6ea8" },
            encoding: {
              x: { field: "from", type: "quantitative", bin: { binned: true }, title: `Stated pay (${a.pay.currency}/year)`, axis: { format: "~s" } },
              x2: { field: "to" },
              y: { field: "count", type: "quantitative", title: COUNT_AXIS },
            },
          },
          {
            transform: [{ filter: "datum.kind === 'band'" }],
            mark: { type: "rect", color: "#f2a541", opacity: 0.35 },
            encoding: { x: { field: "min", type: "quantitative" }, x2: { field: "max" } },
          },
        ],
      },
    }),
  ];
  if (a.pay.other.length > 0) {
    charts.push(
      chart("pay-other", "Stated pay in other currencies (not converted)", {
        data: {
          values: a.pay.other.flatMap((o) => o.bins.map((b) => ({ panel: `${o.currency} · ${ROLE_NAMES[o.role]} ${o.level}`, ...b }))),
        },
        facet: { row: { field: "panel", type: "nominal", title: "Currency (ISO 4217) · role and level", header: { labelAngle: 0, labelAlign: "left" } } },
        resolve: { scale: { x: "independent" } },
        spec: {
          width: 420,
          height: 80,
          mark: { type: "rect", color: "#3b6ea8" },
          encoding: {
            x: { field: "from", type: "quantitative", scale: { type: "log" }, title: "Stated pay (own currency/year, log scale)", axis: { format: "~s" } },
            x2: { field: "to" },
            y: { field: "count", type: "quantitative", title: COUNT_AXIS },
            y2: { datum: 0 },
          },
        },
      }),
    );
  }
  if (a.errors > 0) {
    charts.push(
      chart("errors", "Postings that could not be read, by error code", {
        data: { values: Object.entries(a.errorCodes).map(([code, count]) => ({ code, count })) },
        mark: "bar",
        width: 360,
        encoding: {
          y: { field: "code", type: "nominal", title: "Error code" },
          x: { field: "count", type: "quantitative", title: "Error records (count)" },
        },
      }),
    );
  }
  if (a.gold) {
    const gold = a.gold;
    charts.push(
      chart("confusion", "Confusion matrix against the gold labels", {
        data: { values: LABELS.flatMap((g) => LABELS.map((p) => ({ gold: g, predicted: p, count: gold.confusion[g][p] }))) },
        width: { step: 90 },
        height: { step: 50 },
        encoding: {
          x: { field: "predicted", type: "nominal", sort: LABELS, title: "Predicted label", axis: { labelAngle: 0 } },
          y: { field: "gold", type: "nominal", sort: LABELS, title: "Gold label" },
        },
        layer: [
          { mark: "rect", encoding: { color: { field: "count", type: "quantitative", title: "Postings (count)", scale: { scheme: "blues" } } } },
          {
            mark: { type: "text", fontSize: 13 },
            encoding: {
              text: { field: "count", type: "quantitative" },
              color: {
                condition: { test: `datum.count > ${Math.max(...LABELS.flatMap((g) => LABELS.map((p) => gold.confusion[g][p]))) / 2}`, value: "white" },
                value: "black",
              },
            },
          },
        ],
      }),
      chart("reliability", "Reliability diagram: stated confidence against observed accuracy", {
        width: 300,
        height: 300,
        layer: [
          {
            data: { values: [{ x: 0, y: 0, x2: 1, y2: 1 }] },
            mark: { type: "rule", strokeDash: [4, 4], color: "#999" },
            encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, x2: { field: "x2" }, y2: { field: "y2" } },
          },
          {
            data: { values: gold.reliability.filter((b) => b.count > 0) },
            mark: { type: "line", point: true },
            encoding: {
              x: { field: "meanConfidence", type: "quantitative", scale: { domain: [0, 1] }, title: "Mean confidence in bin (probability, 0–1)" },
              y: { field: "accuracy", type: "quantitative", scale: { domain: [0, 1] }, title: "Observed accuracy (share correct, 0–1)" },
            },
          },
        ],
      }),
    );
  }
  return charts;
}

/** Renders a Vega-Lite spec to a static SVG string with vega's headless renderer (no browser, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
