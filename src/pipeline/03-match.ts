import type { FieldMatcher } from "../lexicon/compile.js";
import { isGlue, isTokenStart, isWord, TokenCursor } from "../lexicon/forms.js";

/**
 * Stage 3: one scan of a lowercased field for the lexicon's phrases. The text is cut into tokens
 * (TOKEN's grammar, scanned by TokenCursor); from each token the matcher's trie of phrase states is
 * followed token by token while some phrase still begins that way, and the longest phrase completed
 * wins. Matches do not overlap, leftmost first. Offsets are in the normalized text.
 *
 * Most tokens start no phrase, so the scan does not visit them: the matcher's `starts` pattern (one
 * precompiled alternation of every first token) jumps from one place where a phrase may start to the
 * next, and only there is the text cut into tokens. The same scan reports the negation cue words it
 * passes. Linear in the text: each candidate follows the trie at most as deep as the longest phrase.
 */
export interface RawMatch {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Where the negation cue words of a field start and end, in text order ("no", "without", "don't"),
 * reported by the same scan so the weigh stage need not read the text again.
 */
export interface NegationCues {
  readonly starts: number[];
  readonly ends: number[];
}

/** The end of a negating contraction whose stem ends at `at` ("don" + "'t"), or -1. */
function contractionEnd(text: string, at: number): number {
  const apostrophe = text.charCodeAt(at);
  if ((apostrophe !== 39 && apostrophe !== 0x2019) || text.charCodeAt(at + 1) !== 116) return -1;
  return at + 2 < text.length && isWord(text.charCodeAt(at + 2)) ? -1 : at + 2;
}

/** Characters allowed between the tokens of a phrase (PHRASE_GAP), as a table over char codes. */
const GAP = new Uint8Array(0x2020);
for (const c of " \t\n\r\f\v\u00a0-/'\u2019&,") GAP[c.charCodeAt(0)] = 1;

function isGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2020 || GAP[c] !== 1) return false;
  }
  return true;
}

export function matchField(matcher: FieldMatcher, lower: string, from: number, to: number, out: RawMatch[], cues?: NegationCues): void {
  if (matcher.states.size === 0 || to <= from) return;
  // Scanned on its own, so neither the pattern nor the cursor sees past the field's ends.
  const text = from === 0 && to === lower.length ? lower : lower.slice(from, to);
  const starts = matcher.starts;
  const cursor = new TokenCursor(text, 0, text.length);
  starts.lastIndex = 0;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    const start = m.index;
    if (!isTokenStart(text, start, 0)) {
      starts.lastIndex = start + 1;
      continue;
    }
    // Most tokens end where the pattern's match does; only a glue or letter after it can make the token
    // run on ("node.js", "c++x"), and then the cursor decides where it ends.
    let end = start + m[0].length;
    let token = m[0];
    const after = text.charCodeAt(end);
    if (end < text.length && (isWord(after) || isGlue(after))) {
      cursor.seek(start);
      if (!cursor.next() || cursor.start !== start) {
        starts.lastIndex = start + 1;
        continue;
      }
      end = cursor.end;
      token = text.slice(start, end);
    } else cursor.seek(end);
    starts.lastIndex = end;
    let state = matcher.states.get(token);
    if (state === undefined) continue;
    if (state.negation !== 0 && cues) {
      const cueEnd = state.negation === 1 ? end : contractionEnd(text, end);
      if (cueEnd >= 0) {
        cues.starts.push(from + start);
        cues.ends.push(from + cueEnd);
      }
    }
    let best = state.entry >= 0 ? end : -1;
    let bestEntry = state.entry;
    // Extend token by token while some phrase still begins with what has been read.
    while (state.next.size > 0) {
      const gapStart = end;
      if (!cursor.next() || !isGap(text, gapStart, cursor.start)) break;
      state = state.next.get(text.slice(cursor.start, cursor.end));
      if (state === undefined) break;
      end = cursor.end;
      if (state.entry >= 0) {
        best = end;
        bestEntry = state.entry;
      }
    }
    if (best >= 0) {
      out.push({ entry: bestEntry, start: from + start, end: from + best });
      starts.lastIndex = best;
    }
  }
}
