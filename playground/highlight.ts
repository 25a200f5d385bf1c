import type { Classification, Field } from "../src/result.js";

/** One evidence match, flattened with what its entry says about it. */
export interface HighlightSpan {
  readonly field: Field;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly role: Classification["evidence"][number]["role"];
  readonly entry: string;
  readonly category: string;
  readonly weight: number;
  readonly section: string;
  readonly negated: boolean;
  /** Whether the match is about the role or only context; results carry it from a later version on. */
  readonly about: "role" | "context" | undefined;
}

/** A stretch of text covered by the same set of spans (indexes into the span list). */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly spans: readonly number[];
}

/** Every evidence match of a result, in input order. */
export function spansOf(result: Classification): HighlightSpan[] {
  return result.evidence
    .flatMap((e) =>
      e.matches.map((m) => ({
        field: m.field,
        start: m.start,
        end: m.end,
        text: m.text,
        role: e.role,
        entry: e.id,
        category: e.category,
        weight: m.weight,
        section: m.section,
        negated: m.negated,
        about: (m as { about?: "role" | "context" }).about,
      })),
    )
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Cuts overlapping spans into disjoint segments, each listing the spans that cover it, so that
 * overlapping matches still mark every character they cover. Quadratic in the number of spans,
 * which a posting keeps small.
 */
export function segments(spans: readonly HighlightSpan[]): Segment[] {
  const edges = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const covering = spans.flatMap((s, j) => (s.start <= start && s.end >= end ? [j] : []));
    if (covering.length > 0) out.push({ start, end, spans: covering });
  }
  return out;
}

/** The hover text of a span: its lexicon entry, weight and section. */
export function tipOf(s: HighlightSpan): string {
  const flags = [s.negated ? "negated" : "", s.about === "context" ? "context" : ""].filter(Boolean).join(", ");
  return `${s.entry} (${s.role}: ${s.category})  weight ${s.weight}  section ${s.section}${flags ? `  [${flags}]` : ""}`;
}

/** CSS classes of a segment: the role of its first span, and how it is marked. */
export function classesOf(s: HighlightSpan): string {
  return [`role-${s.role}`, s.negated ? "negated" : "", s.about === "context" ? "context" : ""].filter(Boolean).join(" ");
}
