import { PHRASE_GAP, TOKEN } from "../regex.js";

/*
 * Surface forms are matched as sequences of tokens. A token is a run of letters and digits that may
 * hold ".", "&", "+" or "#" inside or "+"/"#" at its end ("node.js", "w&b", "c++", "c#"), and may
 * start with "." (".net"). Between two tokens of a phrase stands a short gap of whitespace, hyphens,
 * slashes or apostrophes. A phrase's key is its tokens joined: "fine-tuning", "fine tuning" and
 * "finetuning" share the key "finetuning", "gpt-4o" and "gpt 4o" the key "gpt4o".
 */

/** The tokens of a lowercased text, with where each starts and ends. */
export function tokensOf(lower: string, from = 0, to = lower.length): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(lower); m !== null && m.index < to; m = TOKEN.exec(lower)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    out.push({ text: m[0], start: m.index, end });
  }
  return out;
}

/** The key two spellings of one phrase share ("fine-tuning", "fine tuning", "finetuning" → "finetuning"). */
export function formKey(form: string): string {
  return tokensOf(form.trim().toLowerCase()).map((t) => t.text).join("");
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

/** How many tokens a form has. */
export function tokenCount(form: string): number {
  return tokensOf(form.trim().toLowerCase()).length;
}
