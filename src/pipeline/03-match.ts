import type { FieldMatcher } from "../lexicon/compile.js";
import { TokenCursor } from "../lexicon/forms.js";

/**
 * Stage 3: one scan of a lowercased field for the lexicon's phrases. The text is cut into tokens
 * (TOKEN's grammar, scanned by TokenCursor); at each token the longest phrase that starts there is looked up by its key,
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
  const cursor = new TokenCursor(lower, from, to);
  while (cursor.next()) {
    const start = cursor.start;
    const firstEnd = cursor.end;
    let end = firstEnd;
    let key = lower.slice(start, end);
    // Most words start no phrase: one set lookup and on to the next.
    if (!matcher.firstTokens.has(key)) continue;
    let best = -1;
    let bestEntry = matcher.entryOf.get(key);
    if (bestEntry !== undefined) best = end;
    // Extend token by token while some phrase still begins with what has been read.
    for (let count = 1; count < matcher.maxTokens && matcher.prefixes.has(key); count++) {
      if (!cursor.next() || !isGap(lower, end, cursor.start)) break;
      key += lower.slice(cursor.start, cursor.end);
      end = cursor.end;
      const entry = matcher.entryOf.get(key);
      if (entry !== undefined) {
        best = end;
        bestEntry = entry;
      }
    }
    if (best >= 0 && bestEntry !== undefined) out.push({ entry: bestEntry, start, end: best });
    // Go on after the match, or after this token when nothing matched.
    cursor.seek(best >= 0 ? best : firstEnd);
  }
}
