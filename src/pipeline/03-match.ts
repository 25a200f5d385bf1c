/**
 * Stage 3: one scan of a lowercased field for the lexicon's phrases. The text is cut into tokens
 * (TOKEN's grammar, read by tokenEnd); from each token the matcher's trie of phrase states is
 * followed token by token while some phrase still begins that way, and the longest phrase completed
 * wins. Matches do not overlap, leftmost first. Offsets are in the normalized text.
 *
 * Most tokens start no phrase, so the scan does not visit them: the matcher's `starts` pattern (one
 * precompiled alternation of every first token) jumps from one place where a phrase may start to the
 * next, and only there is the text cut into tokens. The same scan reports the negation cue words it
 * passes. Linear in the text: each candidate follows the trie at most as deep as the longest phrase.
 */
import { type CompiledLexicon, type FieldMatcher, type PhraseState, stateAt } from "../lexicon/compile.js";
import { isGlue, isTokenStart, isWord, tokenEnd } from "../lexicon/forms.js";
import { PHRASE_GAP_MAX } from "./patterns.js";
import { lowerOf, type FieldValue, type Part, type PostingFields } from "./field.js";

/** A phrase found in one part of the posting: the lexicon entry's index and its normalized offsets. */
export interface RawMatch {
  readonly part: Part;
  readonly entryIndex: number;
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
const isGapCode = (c: number) => c < 0x2020 && GAP[c] === 1;

/** Where the next token starts when one to PHRASE_GAP_MAX gap characters lead to it from `from`, else -1. */
function tokenAfterGap(text: string, from: number): number {
  const limit = Math.min(text.length, from + PHRASE_GAP_MAX);
  let at = from;
  while (at < limit && isGapCode(text.charCodeAt(at))) at++;
  // `at < text.length`: no token starts at the end, and isTokenStart would read past it.
  return at > from && at < text.length && isTokenStart(text, at, 0) ? at : -1;
}

/** The state the token text[start, end) leads to from `state`, compared in place (no slice). */
function follow(state: PhraseState, text: string, start: number, end: number): PhraseState | undefined {
  for (const t of state.next) if (t.token.length === end - start && text.startsWith(t.token, start)) return t.state;
  return undefined;
}

/** The word characters of `\b`: ASCII letters, digits and "_". */
const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
/** The token characters that are not: ".", "&", "+", "#", and the Latin-1 and Latin Extended letters. */
const isOtherTokenChar = (c: number) => c === 46 || c === 38 || c === 43 || c === 35 || (c >= 0xc0 && c <= 0x24f);

/**
 * Where the start pattern's match that ends at `end` starts, when the end alone tells; else -1. The
 * match is a token of the matcher, all token characters, and the character before it is no ASCII
 * word character (a word boundary) or no token character (a lookbehind). So reading back over ASCII
 * word characters stops exactly at its start when it is ASCII letters and digits only; when it holds
 * another token character ("node.js", ".net", "c++", "café"), the reading stops at once or just after
 * one, and -1 is returned: it is returned whenever such a character stands where the reading stops.
 */
function matchStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && isAsciiWord(text.charCodeAt(start - 1))) start--;
  return start < end && (start === 0 || !isOtherTokenChar(text.charCodeAt(start - 1))) ? start : -1;
}

/** What the scan of a field found: its matches in text order, and the negation and attribution cues it passed. */
export interface FieldMatches {
  readonly matches: RawMatch[];
  readonly cues: NegationCues;
  /** Where role cues ("you will", "experience with") and context cues ("we", "customers") start, in text order. */
  readonly roleCues: number[];
  readonly contextCues: number[];
}

/**
 * Scans one field's [from, to) for `matcher`'s phrases; offsets are in the field's normalized text.
 * Negation cues are collected only when `withCues` (the body: a title has no sentences to negate).
 */
export function matchField(matcher: FieldMatcher, value: FieldValue, withCues = false): FieldMatches {
  const matches: RawMatch[] = [];
  const cues: NegationCues = { starts: [], ends: [] };
  const roleCues: number[] = [];
  const contextCues: number[] = [];
  const { part, from, to } = value;
  if (matcher.states.size === 0 || to <= from) return { matches, cues, roleCues, contextCues };
  // Scanned on its own, so neither the pattern nor tokenEnd reads past the field's ends.
  const text = lowerOf(value);
  const starts = matcher.starts;
  starts.lastIndex = 0;
  // `test`, not `exec`: no match array or string per candidate. Where the match starts is read back
  // from its end (matchStart); only when that is uncertain is the pattern run again, from the same place.
  for (let scannedFrom = 0; starts.test(text); scannedFrom = starts.lastIndex) {
    let end = starts.lastIndex;
    let start = matchStart(text, end);
    if (start < 0) {
      starts.lastIndex = scannedFrom;
      const m = starts.exec(text)!;
      start = m.index;
      end = start + m[0].length;
    }
    if (!isTokenStart(text, start, 0)) {
      starts.lastIndex = start + 1;
      continue;
    }
    // Most tokens end where the pattern's match does; only a glue or letter after it can make the token
    // run on ("node.js", "c++x").
    if (end < text.length) {
      // Read only inside the text: a read past its end deoptimizes the scan.
      const after = text.charCodeAt(end);
      if (isWord(after) || isGlue(after)) end = tokenEnd(text, start, text.length);
    }
    starts.lastIndex = end;
    let state = stateAt(matcher, text, start, end);
    if (state === undefined) continue;
    if (state.negation !== "none" && withCues) {
      const cueEnd = state.negation === "word" ? end : contractionEnd(text, end);
      if (cueEnd >= 0) {
        cues.starts.push(from + start);
        cues.ends.push(from + cueEnd);
      }
    }
    let best = state.entry >= 0 ? end : -1;
    let bestEntry = state.entry;
    let cue = state.cue;
    // Extend token by token while some phrase (or cue) still begins with what has been read.
    while (state.next.length > 0) {
      const next = tokenAfterGap(text, end);
      if (next < 0 || ((state.firsts >>> (text.charCodeAt(next) & 31)) & 1) === 0) break;
      const nextEnd = tokenEnd(text, next, text.length);
      state = follow(state, text, next, nextEnd);
      if (state === undefined) break;
      end = nextEnd;
      // The longest cue read wins: "we need" (the role's) over "we" (the company's).
      if (state.cue !== "none") cue = state.cue;
      if (state.entry >= 0) {
        best = end;
        bestEntry = state.entry;
      }
    }
    if (cue !== "none" && withCues) (cue === "role" ? roleCues : contextCues).push(from + start);
    if (best >= 0) {
      matches.push({ part, entryIndex: bestEntry, start: from + start, end: from + best });
      starts.lastIndex = best;
    }
  }
  return { matches, cues, roleCues, contextCues };
}

/** Stage 3 over a posting: the title's matches (title matcher), then the body's with its negation cues. */
export function match(lexicon: CompiledLexicon, fields: PostingFields): FieldMatches {
  const body = matchField(lexicon.body, fields.body, true);
  if (!fields.title) return body;
  const title = matchField(lexicon.title, fields.title);
  return { matches: title.matches.concat(body.matches), cues: body.cues, roleCues: body.roleCues, contextCues: body.contextCues };
}
