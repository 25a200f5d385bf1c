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
  const starts: number[] = [];
  const ends: number[] = [];
  const texts: string[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(lower); m !== null && m.index + m[0].length <= to; m = TOKEN.exec(lower)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    texts.push(m[0]);
  }
  const n = texts.length;
  for (let i = 0; i < n; ) {
    let key = texts[i]!;
    let best = -1;
    let bestEntry = 0;
    for (let j = i; ; ) {
      const entry = matcher.entryOf.get(key);
      if (entry !== undefined) {
        best = j;
        bestEntry = entry;
      }
      if (j + 1 >= n || j - i + 1 >= matcher.maxTokens || !matcher.prefixes.has(key) || !isGap(lower, ends[j]!, starts[j + 1]!)) break;
      j++;
      key += texts[j]!;
    }
    if (best >= 0) {
      out.push({ entry: bestEntry, start: starts[i]!, end: ends[best]! });
      i = best + 1;
    } else i++;
  }
}
