import {
  BOUNDARY_AFTER,
  BOUNDARY_BEFORE,
  WORD_BOUNDARY_BEFORE,
  FORM_SEPARATORS,
  PHRASE_APOSTROPHE,
  PHRASE_HYPHEN,
  PHRASE_SLASH,
  PHRASE_SPACE,
  REGEX_SPECIAL,
} from "../regex.js";

/** Lowercase with whitespace folded: how a surface form is written once compiled. */
export function normalizeForm(form: string): string {
  return form.trim().toLowerCase().replace(/\s+/g, " ");
}

/** The key two spellings of one phrase share ("fine-tuning", "fine tuning", "finetuning" → "finetuning"). */
export function formKey(form: string): string {
  return normalizeForm(form).replace(FORM_SEPARATORS, "");
}

/** The RegExp source of one character of a surface form: escaped, or a tolerant separator. */
function charPattern(ch: string): string {
  if (ch === " ") return PHRASE_SPACE;
  if (ch === "-") return PHRASE_HYPHEN;
  if (ch === "/") return PHRASE_SLASH;
  if (ch === "'" || ch === "\u2019") return PHRASE_APOSTROPHE;
  return ch.replace(REGEX_SPECIAL, "\\$&");
}

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

function branchesOf(node: TrieNode): string[] {
  return [...node.next].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => charPattern(ch) + trieSource(child));
}

function trieSource(node: TrieNode): string {
  const branches = branchesOf(node);
  if (branches.length === 0) return "";
  const body = branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  // Optional continuation is greedy, so the longest phrase wins and shorter ones are the fallback.
  return node.end ? (branches.length === 1 ? `(?:${body})?` : `${body}?`) : body;
}

/**
 * One RegExp for many surface forms, built as a character trie so the engine never re-reads a shared
 * prefix ("model serving", "model server", "model registry"). Every character is escaped, so a lexicon
 * cannot inject regex syntax; spaces, hyphens, slashes and apostrophes become the tolerant separators
 * documented in regex.ts. The longest form wins at a position, inside word boundaries.
 */
export function alternationOf(forms: Iterable<string>): RegExp | undefined {
  const root: TrieNode = { end: false, next: new Map() };
  let count = 0;
  for (const form of forms) {
    let node = root;
    for (const ch of normalizeForm(form)) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    if (node !== root) {
      node.end = true;
      count++;
    }
  }
  if (count === 0) return undefined;
  // Phrases that start with a word character take the cheap \b; the rest (".net") the lookbehind.
  const wordStart = new Map([...root.next].filter(([ch]) => /\w/.test(ch)));
  const otherStart = new Map([...root.next].filter(([ch]) => !/\w/.test(ch)));
  const parts = [
    ...(wordStart.size > 0 ? [`${WORD_BOUNDARY_BEFORE}(?:${branchesOf({ end: false, next: wordStart }).join("|")})`] : []),
    ...(otherStart.size > 0 ? [`${BOUNDARY_BEFORE}(?:${branchesOf({ end: false, next: otherStart }).join("|")})`] : []),
  ];
  return new RegExp(`(?:${parts.join("|")})${BOUNDARY_AFTER}`, "g");
}
