/*
 * All of the CLI's rendering: batch records as JSONL (with the --fields projection) or CSV, the
 * table, the explain view, the evaluation report and the run summary. Nothing here reads or
 * classifies.
 */
import { stringify } from "csv-stringify/sync";
import type { BatchRecord } from "../batch/record.js";
import type { EvaluationReport } from "../eval/evaluate.js";
import { LABELS, labelMetrics } from "../eval/evaluate.js";
import type { FitReport } from "../fit/fit.js";
import type { TermSuggestion } from "../eval/gaps.js";
import type { About, Label } from "../vocabulary.js";
import { looksLikeHtml, normalizeMarkup } from "../pipeline/01-normalize.js";
import type { Classification, Span, StatedSalaryResult } from "../result.js";
import { UsageError } from "./io.js";
import { WHITESPACE_RUNS } from "../pipeline/patterns.js";
import { emptyFieldNote, addToNote, type FieldNote } from "./records.js";

/** The output formats of `classify`. */
export type OutputFormat = "jsonl" | "csv" | "table";

/** What a JSONL record carries: the full result (`all`), or the named fields, flat. */
export type Projection = "all" | readonly ProjectedField[];
export type ProjectedField = { readonly name: Exclude<FieldName, "evidence">; readonly top?: never } | { readonly name: "evidence"; readonly top?: number };

/** What `--fields` may name, in the order a record carries them. */
export const FIELD_NAMES = [
  "index",
  "label",
  "confidence",
  "mixed",
  "reason",
  "scores",
  "multiRole",
  "roles",
  "level",
  "seniority",
  "band",
  "stated",
  "salary",
  "evidence",
] as const;
type FieldName = (typeof FIELD_NAMES)[number];

/** The default `--fields`: what most uses read, about a tenth of the full result's size. */
export const DEFAULT_FIELDS_SPEC = "index,label,confidence,mixed,level,band,stated,evidence=top3";

/**
 * Parses a `--fields` value: `all`, or a comma list of index, label, confidence, mixed, reason, scores,
 * level, seniority, band, stated, salary, evidence and `evidence=topN`. Throws `UsageError`.
 */
export function parseFields(spec: string): Projection {
  if (spec.trim() === "all") return "all";
  return spec.split(",").map((raw): ProjectedField => {
    const part = raw.trim();
    if (part === "all") throw new UsageError(`--fields: "all" stands alone (the full result); it cannot be listed with other fields, as in "${spec}"`);
    const top = /^evidence=top(\d+)$/.exec(part);
    if (top && Number(top[1]) < 1) throw new UsageError(`--fields: ${part} keeps no evidence; use evidence=topN with N ≥ 1, or leave evidence out`);
    if (top) return { name: "evidence", top: Number(top[1]) };
    if ((FIELD_NAMES as readonly string[]).includes(part)) return { name: part as FieldName } as ProjectedField;
    throw new UsageError(`--fields: unknown field "${part}"; use all, or a list of ${FIELD_NAMES.join(", ")}, evidence=topN`);
  });
}

type Result = Classification;

/**
 * A span's text as a person reads it, on one line: a slice of HTML (or of a body that looks like
 * HTML, which the classifier reads as HTML) with its entities decoded and tags dropped, whitespace
 * folded. For the human-facing views only (table, CSV, explain, eval's text report); JSON keeps the
 * exact slice, which is what makes a span point back into the input.
 */
export function readableText(span: Pick<Span, "text" | "field">): string {
  const markup = span.field === "html" || looksLikeHtml(span.text);
  return (markup ? normalizeMarkup(span.text).text : span.text).replace(WHITESPACE_RUNS, " ").trim();
}

/** The `count` entries that added most, each with the first non-negated match that fired it. */
function topEntries(result: Result, count: number) {
  return result.evidence
    .filter((e) => e.contribution > 0)
    .slice(0, count)
    .map((e) => ({ entry: e, match: e.matches.find((m) => !m.negated) }));
}

/** The evidence that counted most, as `term (role)`, its text readable (see readableText). */
export function topTerms(result: Result, count = 3): string[] {
  return topEntries(result, count).map(({ entry, match }) => `${match ? readableText(match) : entry.id} (${entry.role})`);
}

/** The `count` entries that added most, with the exact text that fired each (JSON output). */
function topEvidence(result: Result, count: number): Array<{ id: string; role: string; term: string; contribution: number }> {
  return topEntries(result, count).map(({ entry: e, match }) => ({ id: e.id, role: e.role, term: match?.text ?? e.id, contribution: e.contribution }));
}

/** A figure of pay in few characters: 85000 → "85k", 62.5 → "62.5". */
const compact = (n: number) => (n >= 1000 ? `${Math.round(n / 100) / 10}k` : String(n));

/** Stated pay on one short line: "85k-105k EUR/year", "60 USD/hour". */
function statedPay(s: StatedSalaryResult): string {
  return `${s.min === s.max ? compact(s.min) : `${compact(s.min)}-${compact(s.max)}`} ${s.currency}/${s.period}`;
}

function projected(record: BatchRecord & { result: Result }, field: ProjectedField): unknown {
  const r = record.result;
  switch (field.name) {
    case "index":
      return record.index;
    case "label":
    case "confidence":
    case "mixed":
    case "reason":
    case "scores":
    case "multiRole":
    case "roles":
    case "seniority":
    case "salary":
      return r[field.name];
    case "level":
      return r.seniority.level;
    case "band":
      return r.salary.band && { min: r.salary.band.min, max: r.salary.band.max, currency: r.salary.band.currency };
    case "stated": {
      const s = r.salary.stated;
      return s && { min: s.min, max: s.max, currency: s.currency, period: s.period, annualMin: s.annualMin, annualMax: s.annualMax };
    }
    case "evidence":
      return field.top === undefined ? r.evidence : topEvidence(r, field.top);
  }
}

/** One record as one JSONL line (with its newline): `id` always; error records whole whatever the projection. */
export function jsonLine(record: BatchRecord, projection: Projection): string {
  if ("error" in record || projection === "all") return `${JSON.stringify(record)}\n`;
  const out: Record<string, unknown> = { id: record.id };
  for (const field of projection) out[field.name] = projected(record, field);
  return `${JSON.stringify(out)}\n`;
}

export const CSV_COLUMNS = [
  "id",
  "label",
  "confidence",
  "mixed",
  "level",
  "level_basis",
  "band_min",
  "band_max",
  "stated_min",
  "stated_max",
  "stated_currency",
  "stated_period",
  "top_evidence",
  "error",
];

function csvCells(record: BatchRecord): unknown[] {
  if ("error" in record) return [record.id, "", "", "", "", "", "", "", "", "", "", "", "", `${record.error.code}: ${record.error.message}`];
  const r = record.result;
  const s = r.salary.stated;
  return [
    record.id,
    r.label,
    r.confidence,
    r.mixed,
    r.seniority.level,
    r.seniority.basis,
    r.salary.band?.min ?? "",
    r.salary.band?.max ?? "",
    s?.min ?? "",
    s?.max ?? "",
    s?.currency ?? "",
    s?.period ?? "",
    topTerms(r, 5).join("; "),
    "",
  ];
}

/** One record as one CSV row (with its newline). */
export function csvLine(record: BatchRecord): string {
  return stringify([csvCells(record)]);
}

export function csvHeader(): string {
  return stringify([CSV_COLUMNS]);
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(3);

/** One record as the cells of a table row. */
export function tableRow(record: BatchRecord): string[] {
  if ("error" in record) return [record.id, "error", "", "", "", "", "", record.error.message];
  const r = record.result;
  return [
    record.id,
    r.label,
    fixed(r.confidence),
    r.mixed ? "yes" : "",
    `${r.seniority.level}${r.seniority.basis === "default" ? "*" : ""}`,
    r.salary.band ? `${r.salary.band.min / 1000}k-${r.salary.band.max / 1000}k` : "",
    r.salary.stated ? statedPay(r.salary.stated) : "",
    topTerms(r).join(", "),
  ];
}

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

/** A fixed-width table of `tableRow` rows, under a header. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
  const header = ["id", "label", "conf", "mixed", "level", "band (USD/yr)", "stated pay", "top evidence"];
  const widths = header.map((_, i) => Math.min(48, Math.max(...[header, ...rows].map((r) => (r[i] ?? "").length))));
  return (
    [
      pad(header, widths),
      ...rows.map((r) =>
        pad(
          r.map((c, i) => (c.length > 48 && i === 0 ? `…${c.slice(-47)}` : c)),
          widths,
        ),
      ),
    ].join("\n") + "\n"
  );
}

/** A span `explain` marks: offsets into the shown text, the entry's role, whether negated, and whose work it describes. */
export interface MarkedSpan {
  readonly start: number;
  readonly end: number;
  readonly role: string;
  readonly negated: boolean;
  readonly about: About;
}

/** The text of a field with every evidence span highlighted (ANSI colours when `color`, else `[text|role]`, `[text|role, context]`). */
export function highlight(text: string, spans: readonly MarkedSpan[], color: boolean): string {
  const paint: Record<string, string> = { ml: "\x1b[1;34m", ai: "\x1b[1;35m", neither: "\x1b[1;33m", shared: "\x1b[2m" };
  let out = "";
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    out += text.slice(at, s.start);
    const marked = text.slice(s.start, s.end);
    // Context (the company's, not the role's work) is underlined in colour, tagged without.
    out += color
      ? `${s.negated ? "\x1b[9m" : ""}${s.about === "context" ? "\x1b[4m" : ""}${paint[s.role] ?? ""}${marked}\x1b[0m`
      : `[${s.negated ? "~" : ""}${marked}|${s.role}${s.about === "context" ? ", context" : ""}]`;
    at = s.end;
  }
  return out + text.slice(at);
}

/** The head of `explain`: label, scores, seniority, band, stated pay and top evidence. */
export function explainHeader(result: Result): string[] {
  const { seniority, salary } = result;
  return [
    `label: ${result.label}  confidence ${result.confidence}${result.mixed ? "  (mixed)" : ""}  [${result.reason}]`,
    `scores: ml ${result.scores.ml}, ai ${result.scores.ai}, neither ${result.scores.neither}`,
    `seniority: ${seniority.level} (${seniority.basis}${seniority.evidence ? `: "${readableText(seniority.evidence)}"` : ""})`,
    `band: ${salary.band ? `${salary.band.min}-${salary.band.max} ${salary.band.currency}/year (${salary.band.source})` : "none"}`,
    `stated pay: ${salary.stated ? `${salary.stated.min === salary.stated.max ? salary.stated.min : `${salary.stated.min}-${salary.stated.max}`} ${salary.stated.currency}/${salary.stated.period} ("${readableText(salary.stated)}")${salary.comparison ? `, ${salary.comparison} the band` : ""}` : "none"}`,
    `top evidence: ${topTerms(result, 6).join(", ") || "none"}`,
    ...(result.multiRole ? [`multi-role post: ${result.roles.length} role titles found (${result.roles.map((r) => `"${r.text}"`).join(", ")})`] : []),
  ];
}

export function evaluationReport(report: EvaluationReport, showWrong: number, gaps?: Record<Label, TermSuggestion[]>): string {
  const lines: string[] = [];
  lines.push(`postings: ${report.count}`);
  lines.push(`accuracy: ${fixed(report.accuracy)}   macro-F1: ${fixed(report.macroF1)}   ml/ai accuracy: ${fixed(report.mlAiAccuracy)}`);
  lines.push(`calibration: ECE ${fixed(report.calibration.ece)}`);
  const seniority = report.seniority.count === 0 ? "n/a (no gold level stated)" : fixed(report.seniority.accuracy);
  lines.push(`seniority accuracy (gold level stated): ${seniority} on ${report.seniority.count}`);
  const { mixed } = report;
  const agreement = mixed.judged === 0 ? "n/a (no posting has a gold mixed)" : `${fixed(mixed.agreement)} on ${mixed.judged}`;
  lines.push(`mixed: gold ${mixed.goldMixed}, predicted ${mixed.predictedMixed}, agreement ${agreement}`);
  lines.push("");
  lines.push("class          precision  recall  f1     support");
  for (const label of LABELS) {
    const m = report.perClass[label];
    lines.push(`${label.padEnd(14)} ${fixed(m.precision).padEnd(10)} ${fixed(m.recall).padEnd(7)} ${fixed(m.f1).padEnd(6)} ${m.support}`);
  }
  lines.push("");
  lines.push(`confusion (rows gold, columns predicted): ${LABELS.join(" | ")}`);
  for (const gold of LABELS) lines.push(`${gold.padEnd(14)} ${LABELS.map((p) => String(report.confusion[gold][p]).padStart(5)).join(" ")}`);
  lines.push("");
  lines.push("reliability (confidence bin: count, mean confidence, accuracy)");
  for (const b of report.calibration.bins) {
    if (b.count > 0)
      lines.push(`  [${b.from.toFixed(1)}, ${b.to.toFixed(1)}): ${String(b.count).padStart(4)}  ${fixed(b.meanConfidence)}  ${fixed(b.accuracy)}`);
  }
  const wrong = report.postings.filter((p) => !p.correct);
  if (showWrong > 0 && wrong.length > 0) {
    lines.push("");
    lines.push(`wrong (${wrong.length}; showing ${Math.min(showWrong, wrong.length)}):`);
    for (const p of wrong.slice(0, showWrong)) {
      const s = p.result.scores;
      const title = p.title.trim() === "" ? "" : `  "${p.title.slice(0, 60)}"`;
      lines.push(`  ${p.id}  gold ${p.gold}, got ${p.result.label} (${fixed(p.result.confidence)}; ml ${s.ml}, ai ${s.ai}, neither ${s.neither})${title}`);
      lines.push(`    top evidence: ${topTerms(p.result, 5).join(", ") || "none"}`);
    }
  }
  if (gaps && showWrong > 0 && LABELS.some((label) => gaps[label].length > 0)) {
    lines.push("");
    lines.push("lexicon gaps: stemmed words and pairs common in the missed postings of a class, rare elsewhere, not in the lexicon");
    for (const label of LABELS) {
      const list = gaps[label];
      if (list.length > 0) lines.push(`  ${label}: ${list.map((g) => `${g.phrase} (${g.missed}/${g.overall})`).join(", ")}`);
    }
  }
  lines.push("");
  lines.push(
    `summary: accuracy ${pct(report.accuracy)}, macro-F1 ${fixed(report.macroF1)}, ml/ai accuracy ${fixed(report.mlAiAccuracy)}, ECE ${fixed(report.calibration.ece)}, seniority ${seniority}`,
  );
  return lines.join("\n") + "\n";
}

/** Counts for the summary on stderr; added up from the units' tallies. */
export interface Tally {
  total: number;
  errors: number;
  readonly labels: Record<string, number>;
  readonly levels: Record<string, number>;
  /** The records read on their title alone though they had other fields (see records.ts). */
  readonly titleOnly: FieldNote;
}

export function emptyTally(): Tally {
  return { total: 0, errors: 0, labels: {}, levels: {}, titleOnly: emptyFieldNote() };
}

export function countRecord(tally: Tally, record: BatchRecord): void {
  tally.total++;
  if ("error" in record) {
    tally.errors++;
    return;
  }
  tally.labels[record.result.label] = (tally.labels[record.result.label] ?? 0) + 1;
  const level = record.result.seniority.level;
  tally.levels[level] = (tally.levels[level] ?? 0) + 1;
}

export function addTally(into: Tally, from: Tally): void {
  into.total += from.total;
  into.errors += from.errors;
  for (const [k, v] of Object.entries(from.labels)) into.labels[k] = (into.labels[k] ?? 0) + v;
  for (const [k, v] of Object.entries(from.levels)) into.levels[k] = (into.levels[k] ?? 0) + v;
  addToNote(into.titleOnly, from.titleOnly.fields, from.titleOnly.count);
}

/** The run's last line on stderr: counts, rate, skipped files and peak RSS. */
export function summaryLine(tally: Tally, seconds: number, skipped: number): string {
  const list = (m: Record<string, number>) =>
    Object.entries(m)
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(", ") || "none";
  const rate = seconds > 0 ? Math.round(tally.total / seconds) : tally.total;
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const skips = skipped > 0 ? `; skipped ${skipped} file(s)` : "";
  return `role-lens: ${tally.total} posting(s) in ${seconds.toFixed(1)} s (${rate}/s); labels: ${list(tally.labels)}; levels: ${list(tally.levels)}; errors: ${tally.errors}${skips}; peak RSS ${peakMb} MB\n`;
}

/**
 * `--timings`: per posting, the microseconds spent reading and parsing, classifying and serializing
 * (summed over the threads that did it), then the main thread's seconds waiting for results (the
 * workers' time plus transfer, when it is idle) and writing them.
 */
export function timingsLine(ms: { read: number; classify: number; serialize: number; wait: number; write: number }, count: number): string {
  const per = (x: number) => (count > 0 ? ((x * 1000) / count).toFixed(0) : "0");
  return `role-lens: per posting: read+parse ${per(ms.read)} µs, classify ${per(ms.classify)} µs, serialize ${per(ms.serialize)} µs; main thread: waiting ${(ms.wait / 1000).toFixed(1)} s, writing ${(ms.write / 1000).toFixed(1)} s\n`;
}

/**
 * `lexicon fit`'s figures: the chosen settings, the out-of-fold figures overall and per group (file,
 * source) with the share of gold-neither postings given an ML/AI label, and the reliability table.
 */
export function fitReport(report: FitReport, groups: ReadonlyArray<{ name: string; items: FitReport["outOfFold"] }>): string {
  const c = report.chosen;
  const width = Math.max(12, ...groups.map((g) => g.name.length));
  const row = (name: string, items: FitReport["outOfFold"]) => {
    const m = labelMetrics(items);
    const neither = items.filter((i) => i.gold === "neither");
    const wrong = neither.filter((i) => i.predicted !== "neither").length;
    const share = neither.length === 0 ? "-" : `${wrong}/${neither.length} (${pct(wrong / neither.length)})`;
    return `${name.padEnd(width)} ${String(items.length).padStart(8)}  ${fixed(m.accuracy).padEnd(8)}  ${fixed(m.macroF1).padEnd(8)}  ${fixed(m.perClass.neither.recall).padEnd(14)}  ${fixed(m.mlAiAccuracy).padEnd(9)}  ${fixed(m.calibration.ece).padEnd(6)}  ${share}`;
  };
  const reliability = report.crossValidated.calibration.bins
    .filter((b) => b.count > 0)
    .map((b) => `  [${b.from.toFixed(1)}, ${b.to.toFixed(1)}): ${String(b.count).padStart(4)}  ${fixed(b.meanConfidence)}  ${fixed(b.accuracy)}`);
  // The figures by group come last, where a reader of the tail of the output finds them.
  return `${[
    `fitted on ${report.count} labelled postings; ${report.folds}-fold cross-validation, folds grouped by company`,
    `chosen: context ${c.attribution.context}, title qualifier ${c.attribution.titleQualifier}, other-role title ${c.attribution.otherRoleTitle}, repeat decay ${c.repeatDecay}, L2 ${c.l2}, min body evidence ${c.minBodyEvidence}, temperature ${c.temperature}`,
    "",
    "reliability out of fold (confidence bin: count, mean confidence, accuracy)",
    ...reliability,
    "",
    `${"out of fold".padEnd(width)} postings  accuracy  macro-F1  neither recall  ml/ai acc  ECE     neither→ml/ai`,
    row("all", report.outOfFold),
    ...groups.map((g) => row(g.name, g.items)),
  ].join("\n")}\n`;
}
