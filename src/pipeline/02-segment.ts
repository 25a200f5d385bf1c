import type { SectionKind } from "../lexicon/schema.js";
import { HEADINGS, HEADING_SHAPE, LEGAL_BOILERPLATE } from "../regex.js";

/**
 * Stage 2: cut the body into sections by its headings ("About us", "Responsibilities",
 * "Requirements", "Nice to have", "Benefits", …). Text before the first heading is the intro.
 * A heading is recognised on its own line ("Requirements:") or at the start of a line that goes
 * on after a colon ("What you'll do: build …"). Legal boilerplate lines are marked wherever they are.
 */
export interface Section {
  readonly kind: SectionKind;
  /** Offsets in the normalized text. */
  readonly start: number;
  readonly end: number;
  /** The heading line as written, when the section has one. */
  readonly heading?: string;
}

const BULLET_PREFIX = /^[\s#*\-–•·>|]{0,6}/;

function headingKind(line: string): SectionKind | undefined {
  const colon = line.indexOf(":");
  const candidate = (colon > 0 && colon <= 60 ? line.slice(0, colon) : line)
    .replace(BULLET_PREFIX, "")
    .replace(/[\s:*#]+$/, "")
    .toLowerCase();
  if (candidate.length === 0 || !HEADING_SHAPE.test(candidate)) return undefined;
  for (const [kind, pattern] of HEADINGS) if (pattern.test(candidate)) return kind;
  return undefined;
}

/** Splits `text[bodyStart..]` into sections in order; together they cover the body exactly. */
export function segment(text: string, lower: string, bodyStart: number): Section[] {
  const sections: Section[] = [];
  let current: { kind: SectionKind; start: number; heading?: string } = { kind: "intro", start: bodyStart };
  let lineStart = bodyStart;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const kind = line.length <= 400 ? headingKind(line) : undefined;
    if (kind) {
      if (lineStart > current.start) sections.push({ ...current, end: lineStart });
      current = { kind, start: lineStart, heading: line.trim() };
    } else if (current.kind !== "legal" && LEGAL_BOILERPLATE.test(lower.slice(lineStart, lineEnd))) {
      if (lineStart > current.start) sections.push({ ...current, end: lineStart });
      sections.push({ kind: "legal", start: lineStart, end: lineEnd });
      current = { kind: current.kind, start: lineEnd };
    }
    lineStart = lineEnd + 1;
  }
  if (text.length > current.start || sections.length === 0) sections.push({ ...current, end: text.length });
  return sections;
}

/** The first line, when it reads like a job title: short, with more text after it. */
export function leadingTitle(text: string): { end: number } | undefined {
  const first = text.search(/\S/);
  if (first < 0) return undefined;
  const lineEnd = text.indexOf("\n", first);
  if (lineEnd < 0) return undefined;
  const line = text.slice(first, lineEnd).trim();
  if (line.length < 3 || line.length > 100 || /[.!?]$/.test(line) || headingKind(line)) return undefined;
  return { end: lineEnd };
}
