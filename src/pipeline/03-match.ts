/**
 * Stage 3: one scan of a lowercased field for the lexicon's phrases. The text is cut into tokens
 * (TOKEN's grammar, read by tokenEnd); from each token the matcher's trie of phrase states is
 * followed token by token while some phrase still begins that way, and the longest phrase completed
 * wins. Matches do not overlap, leftmost first. Offsets are in the normalized text.
 *
 * The scan reads the text once, token by token with char-code loops (no pattern: a pattern of every
 * first token took V8 ~30 ms to compile on the first classify, and scanned slower), and finds each
 * token's first state by a hash of it (stateAt). Most tokens start no phrase and cost no more than
 * that. The same scan reports the negation and attribution cue words it passes. Linear in the text:
 * each token is read once, and each phrase start follows the trie at most as deep as the longest phrase.
 */
import { type CompiledLexicon, type FieldMatcher, type PhraseState, stateAt } from "../lexicon/compile.js";
import { isTokenStart, isWord, tokenEnd } from "../lexicon/forms.js";
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

/**
 * Where the first token at or after `at` starts, or `text.length`: the next place isTokenStart
 * accepts, found with one read of each character. A letter or digit that starts no token lies inside
 * a word, and so does every letter or digit after it up to the word's end: the rest of the word is
 * skipped without being tested.
 */
function nextTokenStart(text: string, at: number): number {
  const n = text.length;
  while (at < n) {
    const c = text.charCodeAt(at);
    if (isWord(c)) {
      if (isTokenStart(text, at, 0)) return at;
      at++;
      while (at < n && isWord(text.charCodeAt(at))) at++;
    } else if (c === 46 && at + 1 < n && isTokenStart(text, at, 0)) return at;
    else at++;
  }
  return n;
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
  // Scanned on its own, so tokenEnd does not read past the field's ends.
  const text = lowerOf(value);
  const n = text.length;
  for (let start = nextTokenStart(text, 0); start < n; ) {
    const first = tokenEnd(text, start, n);
    let state = stateAt(matcher, text, start, first);
    if (state === undefined) {
      start = nextTokenStart(text, first);
      continue;
    }
    let end = first;
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
    if (best >= 0) matches.push({ part, entryIndex: bestEntry, start: from + start, end: from + best });
    // Matches do not overlap: the scan goes on after the phrase, or else after the first token.
    start = nextTokenStart(text, best >= 0 ? best : first);
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
