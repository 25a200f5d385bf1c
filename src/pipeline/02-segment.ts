import type { SectionKind } from "../lexicon/schema.js";
import { HEADINGS, HEADING_SHAPE, INLINE_HEADING, LEGAL_BOILERPLATE, SENTENCE_END } from "../regex.js";

/**
 * Stage 2: cut the body into sections by its headings ("About us", "Responsibilities",
 * "Requirements", "Nice to have", "Benefits", …). A heading is recognised on its own line
 * ("Requirements:"), at the start of a line that goes on after a colon ("What you'll do: build …"),
 * or glued into running text as scrapers leave it ("Key ResponsibilitiesDevelop …"). Text before the
 * first heading is the intro; a body without any heading is one section of unknown kind ("other").
 * Sentences of equal-opportunity boilerplate become "legal" sections wherever they stand.
 */
export interface Section {
  readonly kind: SectionKind;
  /** Offsets in the normalized text. */
  readonly start: number;
  readonly end: number;
  /** The heading as written, when the section has one. */
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

interface Mark {
  readonly at: number;
  readonly kind: SectionKind;
  readonly heading: string;
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();

/** Headings glued into a line: preceded by a line start, sentence end or double space; followed by ":" or a capital. */
function inlineHeadings(text: string, lineStart: number, lineEnd: number, marks: Mark[]): void {
  const line = text.slice(lineStart, lineEnd);
  INLINE_HEADING.lastIndex = 0;
  for (let m = INLINE_HEADING.exec(line); m !== null; m = INLINE_HEADING.exec(line)) {
    const before = line.slice(Math.max(0, m.index - 3), m.index);
    const after = line.slice(m.index + m[0].length);
    const opens = m.index === 0 || /[.!?:;)\]]\s{0,2}$|\s{2}$|[a-z)]$/.test(before);
    // Glued means a lowercase end running into a capital ("ResponsibilitiesDevelop"); all-caps text never qualifies.
    const glued = isUpper(after[0]) && !isUpper(m[0].at(-1));
    if (!opens || !(after.trimStart().startsWith(":") || glued)) continue;
    // A glued heading starts with a capital ("Key ResponsibilitiesDevelop"), not mid-word.
    if (!isUpper(m[0][0]) || (m.index > 0 && /[A-Za-z]/.test(before.at(-1) ?? "") && !/[a-z]$/.test(before))) continue;
    const kind = headingKind(m[0]);
    if (kind) marks.push({ at: lineStart + m.index, kind, heading: m[0] });
  }
}

/** The sentence spans of a line that hold legal boilerplate. */
function legalSpans(lower: string, lineStart: number, lineEnd: number, spans: Array<{ start: number; end: number }>): void {
  const line = lower.slice(lineStart, lineEnd);
  LEGAL_BOILERPLATE.lastIndex = 0;
  for (let m = LEGAL_BOILERPLATE.exec(line); m !== null; m = LEGAL_BOILERPLATE.exec(line)) {
    let start = m.index;
    while (start > 0 && !SENTENCE_END.test(line[start - 1]!)) start--;
    let end = m.index + m[0].length;
    while (end < line.length && !SENTENCE_END.test(line[end]!)) end++;
    end = Math.min(line.length, end + 1);
    const previous = spans.at(-1);
    if (previous && previous.end >= lineStart + start) previous.end = Math.max(previous.end, lineStart + end);
    else spans.push({ start: lineStart + start, end: lineStart + end });
    LEGAL_BOILERPLATE.lastIndex = end;
  }
}

/** Splits `text[bodyStart..]` into sections in order; together they cover the body exactly. */
export function segment(text: string, lower: string, bodyStart: number): Section[] {
  const marks: Mark[] = [];
  const legal: Array<{ start: number; end: number }> = [];
  let lineStart = bodyStart;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const kind = lineEnd - lineStart <= 400 ? headingKind(text.slice(lineStart, lineEnd)) : undefined;
    if (kind) marks.push({ at: lineStart, kind, heading: text.slice(lineStart, lineEnd).trim() });
    else inlineHeadings(text, lineStart, lineEnd, marks);
    legalSpans(lower, lineStart, lineEnd, legal);
    lineStart = lineEnd + 1;
  }

  const byHeading: Section[] = [];
  const first = marks[0];
  if (!first || first.at > bodyStart) byHeading.push({ kind: marks.length > 0 ? "intro" : "other", start: bodyStart, end: first?.at ?? text.length });
  marks.forEach((mark, i) => byHeading.push({ kind: mark.kind, start: mark.at, end: marks[i + 1]?.at ?? text.length, heading: mark.heading }));
  return carveLegal(byHeading, legal);
}

/** Cuts the legal spans out of the heading sections, keeping the cover exact and ordered. */
function carveLegal(sections: readonly Section[], legal: ReadonlyArray<{ start: number; end: number }>): Section[] {
  if (legal.length === 0) return [...sections];
  const out: Section[] = [];
  let li = 0;
  for (const section of sections) {
    let at = section.start;
    while (at < section.end) {
      while (li < legal.length && legal[li]!.end <= at) li++;
      const span = legal[li];
      if (!span || span.start >= section.end) {
        out.push({ ...section, start: at, end: section.end });
        break;
      }
      if (span.start > at) out.push({ ...section, start: at, end: span.start });
      const end = Math.min(span.end, section.end);
      out.push({ kind: "legal", start: Math.max(at, span.start), end });
      at = end;
    }
  }
  return out;
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
