import { PHRASE_GAP, TOKEN } from "../pipeline/patterns.js";

/*
 * Surface forms are matched as sequences of tokens. A token is a run of letters and digits that may
 * hold ".", "&", "+" or "#" inside or "+"/"#" at its end ("node.js", "w&b", "c++", "c#"), and may
 * start with "." (".net"). Between two tokens of a phrase stands a short gap of whitespace, hyphens,
 * slashes or apostrophes, so "fine-tuning" and "fine tuning" are one phrase. A phrase's key is its
 * tokens joined ("fine-tuning", "fine tuning" and "finetuning" share the key "finetuning"): forms with
 * one key are one form to the lexicon checks, and a two-token phrase also matches written as one word.
 */

/** The tokens of a lowercased text, with where each starts and ends. */
export function tokensOf(lower: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(lower); m !== null; m = TOKEN.exec(lower)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The key two spellings of one phrase share ("fine-tuning", "fine tuning", "finetuning" → "finetuning"). */
export function formKey(form: string): string {
  return tokensOf(form.trim().toLowerCase())
    .map((t) => t.text)
    .join("");
}

/**
 * Why a surface form cannot be matched as written, or undefined when it can: every character must
 * belong to a token or to the gaps between tokens. So no form can carry regex or markup syntax.
 */
export function formProblem(form: string): string | undefined {
  const lower = form.trim().toLowerCase();
  const tokens = tokensOf(lower);
  if (tokens.length === 0) return "a surface form needs at least one word";
  let at = 0;
  for (const t of tokens) {
    const gap = lower.slice(at, t.start);
    if (at > 0 ? !PHRASE_GAP.test(gap) : gap.length > 0) return `"${form}" has characters that are not part of a word or a separator: ${JSON.stringify(gap)}`;
    at = t.end;
  }
  if (at < lower.length) return `"${form}" has characters that are not part of a word or a separator: ${JSON.stringify(lower.slice(at))}`;
  return undefined;
}

/** Letters and digits of TOKEN's class, as a table over the char codes below 0x250. */
const WORD = new Uint8Array(0x250);
for (let c = 48; c <= 57; c++) WORD[c] = 1;
for (let c = 97; c <= 122; c++) WORD[c] = 1;
WORD[95] = 1;
for (let c = 0xc0; c < 0x250; c++) WORD[c] = 1;

/** Whether a char code is a letter or digit of a token. */
export const isWord = (c: number) => c < 0x250 && WORD[c] === 1;
/** Whether a char code can join or end a token: ".", "&", "+" or "#". */
const isGlue = (c: number) => c === 46 || c === 38 || c === 43 || c === 35;
const isTail = (c: number) => c === 43 || c === 35; // + #

/**
 * Whether a token starts at `at`, as a scan from `from` would find it: a letter or digit, or a "."
 * before one (".net"); not inside a word, not after a "." (that belongs to the token: "node.js"), and
 * not after a joining "&", "+" or "#" that has a letter before it ("w&b", "c+x").
 */
export function isTokenStart(text: string, at: number, from: number): boolean {
  const dot = text.charCodeAt(at) === 46;
  if (!isWord(dot ? text.charCodeAt(at + 1) : text.charCodeAt(at))) return false;
  if (at <= from) return at === from;
  const before = text.charCodeAt(at - 1);
  if (isWord(before)) return false;
  if (dot) return true;
  return before !== 46 && !(isGlue(before) && at - 2 >= from && isWord(text.charCodeAt(at - 2)));
}

/**
 * Where the token that starts at `start` (a letter or digit, or a "." before one) ends, reading no
 * further than `limit`: TOKEN's grammar as a char-code loop, which the hot path runs without a RegExp
 * or a slice (tests/forms.test.ts checks it against TOKEN on any string).
 */
export function tokenEnd(text: string, start: number, limit: number): number {
  let i = start + 1;
  while (i < limit && isWord(text.charCodeAt(i))) i++;
  while (i + 1 < limit && isGlue(text.charCodeAt(i)) && isWord(text.charCodeAt(i + 1))) {
    i += 2;
    while (i < limit && isWord(text.charCodeAt(i))) i++;
  }
  while (i < limit && isTail(text.charCodeAt(i))) i++;
  return i;
}
