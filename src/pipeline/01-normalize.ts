import { Parser } from "htmlparser2";

/**
 * Stage 1: turn the input (plain text or HTML) into the text the later stages read, plus a way back
 * to offsets in the original input. Plain text is used as is, so offsets are the identity; HTML
 * loses its tags (block elements become line breaks, `<script>`/`<style>` content is dropped),
 * has its entities decoded and its whitespace folded, and every output character remembers the
 * source range it came from.
 */
export interface NormalizedText {
  /** The readable text: what sections and sentences are cut from. */
  readonly text: string;
  /** `text` lowercased with the same length, for matching. */
  readonly lower: string;
  /** Maps a span of `text` back to the original input. */
  toSource(start: number, end: number): { start: number; end: number };
}

const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
]);
const SKIPPED_TAGS = new Set(["script", "style", "noscript", "template", "svg", "head"]);

/** Markup that only HTML has: a known tag or an entity. Plain text with a stray "<" is not HTML. */
const LOOKS_LIKE_HTML = /<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|table|body|html|section|a)(?:\s[^<>]{0,200})?\/?>|&(?:amp|nbsp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;

export function looksLikeHtml(text: string): boolean {
  return (text.includes("<") || text.includes("&")) && LOOKS_LIKE_HTML.test(text);
}

/** Lowercases without changing the length, so offsets stay valid ("İ" lowercases to two code units). */
export function lowercaseSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const l = ch.toLowerCase();
    out += l.length === 1 ? l : ch;
  }
  return out;
}

export function normalizePlain(input: string): NormalizedText {
  return { text: input, lower: lowercaseSameLength(input), toSource: (start, end) => ({ start, end }) };
}

export function normalizeHtml(input: string): NormalizedText {
  const chars: string[] = [];
  const srcStart: number[] = [];
  const srcEnd: number[] = [];
  let skipDepth = 0;
  let pendingSpace = -1;
  let atLineStart = true;

  const pushBreak = (at: number) => {
    pendingSpace = -1;
    if (atLineStart) return;
    chars.push("\n");
    srcStart.push(at);
    srcEnd.push(at);
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
        const exact = data.length === end - start;
        for (let i = 0; i < data.length; i++) {
          const ch = data[i]!;
          const from = exact ? start + i : start;
          const to = exact ? start + i + 1 : end;
          if (ch === " " || ch === "\t" || ch === "\n" || ch === "\r" || ch === "\f" || ch === "\u00a0") {
            if (!atLineStart && pendingSpace < 0) pendingSpace = from;
            continue;
          }
          if (pendingSpace >= 0) {
            chars.push(" ");
            srcStart.push(pendingSpace);
            srcEnd.push(from);
            pendingSpace = -1;
          }
          chars.push(ch);
          srcStart.push(from);
          srcEnd.push(to);
          atLineStart = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(input);

  const text = chars.join("");
  return {
    text,
    lower: lowercaseSameLength(text),
    toSource(start, end) {
      if (end <= start) {
        const at = srcStart[start] ?? input.length;
        return { start: at, end: at };
      }
      return { start: srcStart[start] ?? input.length, end: srcEnd[end - 1] ?? input.length };
    },
  };
}
