import type { EvaluationReport } from "../eval/evaluate.js";
import type { TermSuggestion } from "../eval/gaps.js";
import type { Label } from "../pipeline/06-decide.js";
import { topTerms } from "../batch/output.js";
import { LABELS } from "../eval/evaluate.js";
import type { Classification } from "../result.js";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fixed = (x: number) => x.toFixed(3);

function pad(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((c, i) => c.padEnd(widths[i] ?? 0))
    .join("  ")
    .trimEnd();
}

/** A fixed-width table, one row per result. */
export function table(rows: ReadonlyArray<{ id: string; result?: Classification; error?: string }>): string {
  const header = ["id", "label", "conf", "mixed", "level", "band (USD/yr)", "top evidence"];
  const body = rows.map(({ id, result, error }) =>
    result
      ? [
          id,
          result.label,
          fixed(result.confidence),
          result.mixed ? "yes" : "",
          `${result.seniority.level}${result.seniority.basis === "default" ? "*" : ""}`,
          result.salary.band ? `${result.salary.band.min / 1000}k-${result.salary.band.max / 1000}k` : "",
          topTerms(result).join(", "),
        ]
      : [id, "error", "", "", "", "", error ?? ""],
  );
  const widths = header.map((_, i) => Math.min(48, Math.max(...[header, ...body].map((r) => (r[i] ?? "").length))));
  return (
    [
      pad(header, widths),
      ...body.map((r) =>
        pad(
          r.map((c, i) => (c.length > 48 && i === 0 ? `…${c.slice(-47)}` : c)),
          widths,
        ),
      ),
    ].join("\n") + "\n"
  );
}

/** The posting text with every evidence span highlighted (ANSI colours when `color`). */
export function highlight(source: string, result: Classification, field: string, color: boolean): string {
  const spans = result.evidence
    .flatMap((e) => e.matches.filter((m) => m.field === field).map((m) => ({ ...m, role: e.role })))
    .sort((a, b) => a.start - b.start);
  const paint: Record<string, string> = { ml: "\x1b[1;34m", ai: "\x1b[1;35m", neither: "\x1b[1;33m", shared: "\x1b[2m" };
  let out = "";
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += source.slice(at, s.start);
    const text = source.slice(s.start, s.end);
    const mark = s.negated ? "~" : "";
    out += color ? `${s.negated ? "\x1b[9m" : ""}${paint[s.role] ?? ""}${text}\x1b[0m` : `[${mark}${text}|${s.role}]`;
    at = s.end;
  }
  return out + source.slice(at);
}

export function evaluationReport(report: EvaluationReport, showWrong: number, gaps?: Record<Label, TermSuggestion[]>): string {
  const lines: string[] = [];
  lines.push(`postings: ${report.count}`);
  lines.push(`accuracy: ${fixed(report.accuracy)}   macro-F1: ${fixed(report.macroF1)}   ml/ai accuracy: ${fixed(report.mlAiAccuracy)}`);
  lines.push(`calibration: ECE ${fixed(report.calibration.ece)}`);
  lines.push(`seniority accuracy (gold level stated): ${fixed(report.seniority.accuracy)} on ${report.seniority.count}`);
  lines.push(`mixed: gold ${report.mixed.goldMixed}, predicted ${report.mixed.predictedMixed}, agreement ${fixed(report.mixed.agreement)}`);
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
      lines.push(
        `  ${p.id}  gold ${p.gold}, got ${p.result.label} (${fixed(p.result.confidence)}; ml ${s.ml}, ai ${s.ai}, neither ${s.neither})  "${p.title.slice(0, 60)}"`,
      );
      lines.push(`    top evidence: ${topTerms(p.result, 5).join(", ") || "none"}`);
    }
  }
  if (gaps && showWrong > 0) {
    lines.push("");
    lines.push("lexicon gaps: stemmed words and pairs common in the missed postings of a class, rare elsewhere, not in the lexicon");
    for (const label of LABELS) {
      const list = gaps[label];
      if (list.length > 0) lines.push(`  ${label}: ${list.map((g) => `${g.phrase} (${g.missed}/${g.overall})`).join(", ")}`);
    }
  }
  lines.push("");
  lines.push(
    `summary: accuracy ${pct(report.accuracy)}, macro-F1 ${fixed(report.macroF1)}, ml/ai accuracy ${fixed(report.mlAiAccuracy)}, ECE ${fixed(report.calibration.ece)}, seniority ${fixed(report.seniority.accuracy)}`,
  );
  return lines.join("\n") + "\n";
}
