import type { FieldMatcher } from "../lexicon/compile.js";
import { TOKEN } from "../regex.js";

/**
 * Stage 3: one scan of a lowercased field for the lexicon's phrases. The text is cut into tokens
 * (one pass of TOKEN); at each token the longest phrase that starts there is looked up by its key,
 * extending token by token only while some phrase still begins that way. Matches do not overlap and
 * the longest wins, leftmost first. Offsets are in the normalized text. Linear in the text: each
 * token starts at most `maxTokens` lookups.
 */
export interface RawMatch {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

/** Characters allowed between the tokens of a phrase (PHRASE_GAP), as char codes. */
const GAP_CODES = new Set([..." \t\n\r\f\v\u00a0-/'\u2019&,"].map((c) => c.charCodeAt(0)));

function isGap(lower: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) if (!GAP_CODES.has(lower.charCodeAt(i))) return false;
  return true;
}

export function matchField(matcher: FieldMatcher, lower: string, from: number, to: number, out: RawMatch[]): void {
  if (matcher.maxTokens === 0 || to <= from) return;
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) {
    const start = m.index;
    let end = start + m[0].length;
    if (end > to) break;
    let key = m[0];
    // Most words start no phrase: one set lookup and on to the next.
    if (!matcher.firstTokens.has(key)) continue;
    const resume = TOKEN.lastIndex;
    let best = -1;
    let bestEntry = matcher.entryOf.get(key);
    if (bestEntry !== undefined) best = end;
    // Extend token by token while some phrase still begins with what has been read.
    for (let count = 1; count < matcher.maxTokens && matcher.prefixes.has(key); count++) {
      const next = TOKEN.exec(lower);
      if (next === null || next.index + next[0].length > to || !isGap(lower, end, next.index)) break;
      key += next[0];
      end = next.index + next[0].length;
      const entry = matcher.entryOf.get(key);
      if (entry !== undefined) {
        best = end;
        bestEntry = entry;
      }
    }
    if (best >= 0 && bestEntry !== undefined) {
      out.push({ entry: bestEntry, start, end: best });
      TOKEN.lastIndex = best;
    } else TOKEN.lastIndex = resume;
  }
}
