/**
 * Stage 2: cut the body into sections by its headings ("About us", "Responsibilities",
 * "Requirements", "Nice to have", "Benefits", …). A heading is recognised on its own line
 * ("Requirements:"), at the start of a line that goes on after a colon ("What you'll do: build …"),
 * or glued into running text as scrapers leave it ("Key ResponsibilitiesDevelop …"). Text before the
 * first heading is the intro; a body without any heading is one section of unknown kind ("other").
 * Sentences of equal-opportunity boilerplate become "legal" sections wherever they stand.
 */
import type { SectionKind } from "../lexicon/schema.js";
import { compiledNow } from "../literal-pattern.js";
import type { FieldValue } from "./field.js";
import {
  foldWhitespace,
  HEADING,
  HEADING_PUNCTUATION,
  headingKindOf,
  INLINE_HEADING,
  INLINE_HEADING_OPENS,
  LEGAL_BOILERPLATE,
  NON_SPACE,
  SENTENCE_END_CHARS,
  SENTENCE_ENDING,
} from "./patterns.js";

/** One section of the body: its kind and where it stands. */
export interface Section {
  readonly kind: SectionKind;
  /** Offsets in the normalized text. */
  readonly start: number;
  readonly end: number;
  /** The heading as written, when the section has one. */
  readonly heading?: string;
}

/** A heading before a colon is at most this long ("What you'll do: …"); a longer lead is a sentence. */
const HEADING_LEAD_MAX = 60;
/** A line longer than this is a sentence or bullet, not a heading (unless a heading leads it before a colon). */
const HEADING_LINE_MAX = 90;
/** The longest heading after its marks are trimmed: the length HEADING is written for. */
const HEADING_MAX = 80;
/** A first line read as the title is a few words: at least this long, and at most `TITLE_LINE_MAX`. */
const TITLE_LINE_MIN = 3;
const TITLE_LINE_MAX = 100;
/** How much text before and after a glued heading is read to see whether it opens a section. */
const INLINE_BEFORE = 3;
const INLINE_AFTER = 8;

/** Bullets, markdown marks and colons around a heading ("## Requirements:", "* About us *"). */
const MARK_CODES = new Set([..." \t\r#*-–•·>|:"].map((c) => c.charCodeAt(0)));

function trimMarks(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && MARK_CODES.has(line.charCodeAt(start))) start++;
  while (end > start && MARK_CODES.has(line.charCodeAt(end - 1))) end--;
  return line.slice(start, end);
}

const SENTENCE_PUNCTUATION_CODES = new Set([...".!?;,"].map((c) => c.charCodeAt(0)));

function headingKind(line: string): SectionKind | undefined {
  const colon = line.indexOf(":");
  const raw = colon > 0 && colon <= HEADING_LEAD_MAX ? line.slice(0, colon) : line;
  // Most lines are sentences or bullets, too long or ending like a sentence: leave before any regex work.
  if (raw.length > HEADING_LINE_MAX) return undefined;
  let last = raw.length - 1;
  while (last >= 0 && raw.charCodeAt(last) <= 32) last--;
  if (last < 1 || SENTENCE_PUNCTUATION_CODES.has(raw.charCodeAt(last))) return undefined;
  const candidate = foldWhitespace(trimMarks(raw).toLowerCase());
  if (candidate.length < 2 || candidate.length > HEADING_MAX || HEADING_PUNCTUATION.test(candidate)) return undefined;
  // Run on short lines only, so compiled at once rather than first interpreted (see compiledNow).
  const m = compiledNow(HEADING).exec(candidate);
  return m ? headingKindOf(m) : undefined;
}

interface Mark {
  readonly at: number;
  readonly kind: SectionKind;
  readonly heading: string;
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch !== ch.toLowerCase();

/** Headings glued into running text: preceded by a line start, sentence end or double space; followed by ":" or a capital. */
function inlineHeadings(text: string, from: number, marks: Mark[]): void {
  INLINE_HEADING.lastIndex = from;
  for (let m = INLINE_HEADING.exec(text); m !== null; m = INLINE_HEADING.exec(text)) {
    const at = m.index;
    const before = text.slice(Math.max(from, at - INLINE_BEFORE), at);
    const after = text.slice(at + m[0].length, at + m[0].length + INLINE_AFTER);
    const opens = at === from || before.endsWith("\n") || INLINE_HEADING_OPENS.test(before);
    // Glued means a lowercase end running into a capital ("ResponsibilitiesDevelop").
    const glued = after.length > 0 && isUpper(after[0]) && !isUpper(m[0].at(-1));
    if (!opens || !(after.trimStart().startsWith(":") || glued)) continue;
    const kind = headingKind(m[0]);
    if (kind) marks.push({ at, kind, heading: m[0] });
  }
}

/** SENTENCE_END_CHARS as char codes: a sentence's ends are found by reading codes, without a regex test per character. */
const SENTENCE_END_CODES = new Set([...SENTENCE_END_CHARS].map((c) => c.charCodeAt(0)));

/** The sentences that hold legal boilerplate, as spans; a sentence ends at SENTENCE_END or a line break. */
function legalSpans(body: FieldValue): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const lower = body.norm.lower;
  const from = body.from;
  // A match stands inside its phrase (see LEGAL_BOILERPLATE); the body starts at a line break or at the text's start, so no phrase crosses `from`.
  LEGAL_BOILERPLATE.lastIndex = from;
  for (let m = LEGAL_BOILERPLATE.exec(lower); m !== null; m = LEGAL_BOILERPLATE.exec(lower)) {
    let start = m.index;
    while (start > from && !SENTENCE_END_CODES.has(lower.charCodeAt(start - 1))) start--;
    let end = m.index;
    while (end < lower.length && !SENTENCE_END_CODES.has(lower.charCodeAt(end))) end++;
    end = Math.min(lower.length, end + 1);
    const previous = spans.at(-1);
    if (previous && previous.end >= start) previous.end = Math.max(previous.end, end);
    else spans.push({ start, end });
    LEGAL_BOILERPLATE.lastIndex = end;
  }
  return spans;
}

/** Whether a ":" stands in text[from, to): read char by char, so a line without one costs only its window. */
function hasColonWithin(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 58) return true;
  return false;
}

/** Stage 2: the body's sections in order; together they cover the body's [from, end of text) exactly. */
export function segment(body: FieldValue): Section[] {
  const text = body.norm.text;
  const bodyStart = body.from;
  const marks: Mark[] = [];
  let lineStart = bodyStart;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // A heading is a short line, or a short lead before a colon: skip long sentences without slicing them.
    // The colon window is the one headingKind reads: a colon at line offsets 1 to HEADING_LEAD_MAX.
    const candidate = lineEnd - lineStart <= HEADING_LINE_MAX || hasColonWithin(text, lineStart + 1, Math.min(lineEnd, lineStart + HEADING_LEAD_MAX + 1));
    const kind = candidate ? headingKind(text.slice(lineStart, lineEnd)) : undefined;
    if (kind) marks.push({ at: lineStart, kind, heading: text.slice(lineStart, lineEnd).trim() });
    lineStart = lineEnd + 1;
  }
  const lineMarks = new Set(marks.map((m) => m.at));
  inlineHeadings(text, bodyStart, marks);
  const ordered = marks.filter((m, i) => i < lineMarks.size || !lineMarks.has(m.at)).sort((a, b) => a.at - b.at);

  const byHeading: Section[] = [];
  const first = ordered[0];
  if (!first || first.at > bodyStart) byHeading.push({ kind: ordered.length > 0 ? "intro" : "other", start: bodyStart, end: first?.at ?? text.length });
  for (const [i, mark] of ordered.entries()) byHeading.push({ kind: mark.kind, start: mark.at, end: ordered[i + 1]?.at ?? text.length, heading: mark.heading });
  return carveLegal(byHeading, legalSpans(body));
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
  const first = text.search(NON_SPACE);
  if (first < 0) return undefined;
  const lineEnd = text.indexOf("\n", first);
  if (lineEnd < 0) return undefined;
  const line = text.slice(first, lineEnd).trim();
  if (line.length < TITLE_LINE_MIN || line.length > TITLE_LINE_MAX || SENTENCE_ENDING.test(line) || headingKind(line)) return undefined;
  return { end: lineEnd };
}
