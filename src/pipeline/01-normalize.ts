/**
 * Stage 1: turn the input (plain text or HTML) into the text the later stages read, plus a way back
 * to offsets in the original input. Plain text is used as is, so offsets are the identity; HTML
 * loses its tags (block elements become line breaks, `<script>`/`<style>` content is dropped),
 * has its entities decoded and its whitespace folded, and every output character remembers the
 * source range it came from. The result is one field value per part of the posting: the title
 * (given, or a short first line of the body) and the body.
 */
// The parser's own module, not the package entry: esbuild keeps what that entry re-exports
// (domutils, and dom-serializer with a second copy of the entity tables), ~95 KB that every import
// parsed and ran (about a fifth of the import time) though the parser uses none of it.
import { Parser } from "htmlparser2";
import type { CheckedPosting, InputFormat } from "../posting.js";
import type { Field } from "../result.js";
import { leadingTitle } from "./02-segment.js";
import { ALL_WHITESPACE, ESCAPED_TAGS, LOOKS_LIKE_HTML, WHITESPACE, WHITESPACE_RUN } from "./patterns.js";
import { type FieldValue, fieldValue, type Part, type PostingFields, withRange } from "./field.js";

/** Normalized text with the map back to the input it was read from. */
export interface NormalizedText {
  /** The readable text: what sections and sentences are cut from. */
  readonly text: string;
  /** `text` lowercased with the same length, for matching. */
  readonly lower: string;
  /** Maps a span of `text` back to the original input. */
  toSource(start: number, end: number): { start: number; end: number };
}

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "title",
  "tr",
  "ul",
]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/**
 * HTML, decoded once more when the first round leaves tags behind (feeds that escape their HTML,
 * "&lt;li&gt;"). The two offset maps compose, so spans still point into the original input.
 */
export function normalizeMarkup(input: string): NormalizedText {
  const outer = normalizeHtml(input);
  if (!outer.text.includes("<") || !ESCAPED_TAGS.test(outer.text)) return outer;
  const inner = normalizeHtml(outer.text);
  return normalizedText(inner.text, inner.lower, (start, end) => {
    const mid = inner.toSource(start, end);
    return outer.toSource(mid.start, mid.end);
  });
}

/**
 * A normalized text. Every one is made here, so all share one hidden class and the stages that read
 * them stay monomorphic (three literals, one with a method, made three).
 */
function normalizedText(text: string, lower: string, toSource: NormalizedText["toSource"]): NormalizedText {
  return { text, lower, toSource };
}

export function looksLikeHtml(text: string): boolean {
  return (text.includes("<") || text.includes("&")) && LOOKS_LIKE_HTML.test(text);
}

/** The Unicode word hyphens (U+2010 hyphen, U+2011 non-breaking hyphen) that word processors put in "retrieval‑augmented". */
const UNICODE_HYPHEN = /[\u2010\u2011]/g;

/**
 * Lowercases without changing the length, so offsets stay valid ("İ" lowercases to two code units),
 * and spells the Unicode word hyphens as "-", so "LLM‑based" reads as the lexicon's "llm-based".
 */
export function lowercaseSameLength(text: string): string {
  let lower = text.toLowerCase();
  if (lower.length !== text.length) {
    lower = "";
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const l = ch.toLowerCase();
      lower += l.length === 1 ? l : ch;
    }
  }
  return lower.replace(UNICODE_HYPHEN, "-");
}

export function normalizePlain(input: string): NormalizedText {
  return normalizedText(input, lowercaseSameLength(input), (start, end) => ({ start, end }));
}

/**
 * The map from normalized text back to HTML source, as runs: output characters [outStart[i],
 * outStart[i+1]) come from the source starting at srcStart[i]. A run is either copied text (offsets
 * move together) or a single decoded or folded character that stands for source [srcStart, srcEnd).
 */
class RunMap {
  readonly outStart: number[] = [];
  readonly srcStart: number[] = [];
  readonly srcEnd: number[] = [];
  readonly copied: boolean[] = [];

  add(out: number, src: number, srcEnd: number, copied: boolean): void {
    this.outStart.push(out);
    this.srcStart.push(src);
    this.srcEnd.push(srcEnd);
    this.copied.push(copied);
  }

  private runAt(out: number): number {
    let lo = 0;
    let hi = this.outStart.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.outStart[mid]! <= out) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Source offset where output character `out` starts, and where it ends. */
  startOf(out: number): number {
    const i = this.runAt(out);
    return this.copied[i] ? this.srcStart[i]! + (out - this.outStart[i]!) : this.srcStart[i]!;
  }

  endOf(out: number): number {
    const i = this.runAt(out);
    return this.copied[i] ? this.srcStart[i]! + (out - this.outStart[i]!) + 1 : this.srcEnd[i]!;
  }
}

export function normalizeHtml(input: string): NormalizedText {
  const pieces: string[] = [];
  const map = new RunMap();
  let length = 0;
  let skipDepth = 0;
  let pendingSpace = -1;
  let atLineStart = true;

  const emit = (text: string, src: number, srcEnd: number, copied: boolean) => {
    if (pendingSpace >= 0) {
      map.add(length, pendingSpace, src, false);
      pieces.push(" ");
      length += 1;
      pendingSpace = -1;
    }
    map.add(length, src, srcEnd, copied);
    pieces.push(text);
    length += text.length;
    atLineStart = false;
  };
  const pushBreak = (at: number) => {
    pendingSpace = -1;
    if (atLineStart) return;
    map.add(length, at, at, false);
    pieces.push("\n");
    length += 1;
    atLineStart = true;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth++;
        else if (BLOCK_TAGS.has(name)) pushBreak(parser.startIndex);
      },
      onclosetag(name) {
        if (SKIPPED_TAGS.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        else if (BLOCK_TAGS.has(name)) pushBreak(parser.startIndex);
      },
      ontext(data) {
        if (skipDepth > 0) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        // A decoded entity arrives as its own chunk whose length differs from its source.
        if (data.length !== end - start) {
          if (ALL_WHITESPACE.test(data)) {
            if (!atLineStart && pendingSpace < 0) pendingSpace = start;
          } else emit(data, start, end, false);
          return;
        }
        let at = 0;
        if (atLineStart) while (at < data.length && WHITESPACE.test(data[at]!)) at++;
        WHITESPACE_RUN.lastIndex = at;
        for (let ws = WHITESPACE_RUN.exec(data); ws !== null; ws = WHITESPACE_RUN.exec(data)) {
          if (ws.index > at) emit(data.slice(at, ws.index), start + at, start + ws.index, true);
          if (ws.index >= at && !atLineStart && pendingSpace < 0) pendingSpace = start + ws.index;
          at = ws.index + ws[0].length;
        }
        if (at < data.length) emit(data.slice(at), start + at, end, true);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(input);

  const text = pieces.join("");
  return normalizedText(text, lowercaseSameLength(text), (start, end) => {
    if (map.outStart.length === 0) return { start: input.length, end: input.length };
    if (end <= start) {
      const at = map.startOf(start);
      return { start: at, end: at };
    }
    return { start: map.startOf(start), end: map.endOf(end - 1) };
  });
}

/** A plain-text field value covering all of `text`. */
export function plainField(text: string, part: Part = "body", field: Field = "text"): FieldValue {
  const norm = normalizePlain(text);
  return fieldValue(part, field, text, norm, 0, norm.text.length);
}

/** Stage 1: the posting's title and body as field values. `auto` reads the body as HTML when it looks like HTML. */
export function normalize(posting: CheckedPosting, format: InputFormat): PostingFields {
  const html = format === "html" || (format === "auto" && (posting.html ?? looksLikeHtml(posting.body)));
  const norm = html ? normalizeMarkup(posting.body) : normalizePlain(posting.body);
  const body = fieldValue("body", posting.bodyField, posting.body, norm, 0, norm.text.length);
  // A blank title (an empty CSV column, say) is no title.
  if (posting.title !== undefined && posting.title.trim() !== "") return { title: plainField(posting.title, "title", "title"), body };
  // Without a title, a short first line is read as the title.
  const lead = leadingTitle(norm.text);
  if (!lead) return { title: undefined, body };
  return { title: withRange(body, "title", 0, lead.end), body: withRange(body, "body", lead.end, body.to) };
}
