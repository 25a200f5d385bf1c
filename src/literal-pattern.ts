/** A literal string as regex source: every metacharacter escaped. */
export const escapeLiteral = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The characters escapeLiteral escapes. */
const METACHARACTERS = new Set(".*+?^{}$()|[]\\/");

/** A character trie of words: where a word ends, and the characters that go on (none: no map). */
interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode> | undefined;
}

/**
 * An alternation of literal words as regex source, factored into a trie ("y(?:ears?|rs?)" rather
 * than "years|year|yrs|yr"): V8 tries a flat alternation word by word at every position, a factored
 * one character by character, several times faster on long lists. A word that is a prefix of another
 * is tried longest first, as a greedy optional tail ("annual(?:ly)?"), so a word is never cut short.
 * Each word once; empty words are dropped. Linear to run: literal text only, no unbounded repetition.
 */
export const literalAlternation = (words: Iterable<string>): string => {
  // Run at import for every table-built pattern, by code not yet optimized: no map for a node
  // without children, and one character escaped by a set lookup rather than a regex replace.
  const root: TrieNode = { end: false, next: undefined };
  for (const word of new Set(words)) {
    if (word === "") continue;
    let node = root;
    for (const ch of word) {
      const next: Map<string, TrieNode> = (node.next ??= new Map());
      let child = next.get(ch);
      if (!child) next.set(ch, (child = { end: false, next: undefined }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: TrieNode): string => {
    if (node.next === undefined) return "";
    const next = node.next;
    const branches = [...next.keys()].sort().map((ch) => (METACHARACTERS.has(ch) ? `\\${ch}` : ch) + emit(next.get(ch)!));
    const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join("|")})`;
    return node.end ? `${body}?` : body;
  };
  return emit(root);
};

/** A subject as long as V8's threshold for compiling a pattern to machine code on its first run (1,000 characters). */
const LONG_SUBJECT = " ".repeat(1000);
const compiled = new WeakSet<RegExp>();

/**
 * `re`, compiled to machine code the first time it is passed here; later calls are one set lookup.
 * V8 runs a pattern's first match on a subject shorter than 1,000 characters in its interpreter,
 * compiling the pattern to bytecode for it, and compiles machine code at the next run anyway. For a
 * large pattern the bytecode takes several times longer than the machine code (salary/patterns.ts's
 * MONEY: ~12 ms against ~3 ms), and on a long subject V8 compiles machine code at once: one run on
 * one does that. Call it just before a pattern's first runs on short subjects (lines, windows,
 * slices); results are unchanged, and `lastIndex` is left as it was.
 */
export function compiledNow<T extends RegExp>(re: T): T {
  if (!compiled.has(re)) {
    compiled.add(re);
    const at = re.lastIndex;
    re.lastIndex = 0;
    re.test(LONG_SUBJECT);
    re.lastIndex = at;
  }
  return re;
}

/**
 * The matches of `sticky` (a pattern with the `y` flag, every match of which opens with one of
 * `starts`) that start in text[from, to), as [start, end] pairs in text order, none starting inside
 * the one before: what a global scan of the same pattern from `from` finds. An indexOf per start
 * string reads a text several times faster than V8 scans for a pattern whose first letters are
 * common, and the pattern is tried only where one stands.
 */
export function matchesAtStarts(text: string, starts: readonly string[], sticky: RegExp, from: number, to: number): Array<[number, number]> {
  const candidates: number[] = [];
  for (const start of starts) for (let at = text.indexOf(start, from); at >= 0 && at < to; at = text.indexOf(start, at + 1)) candidates.push(at);
  candidates.sort((a, b) => a - b);
  const found: Array<[number, number]> = [];
  let after = from;
  for (const at of candidates) {
    if (at < after) continue;
    sticky.lastIndex = at;
    if (!sticky.test(text)) continue;
    found.push([at, sticky.lastIndex]);
    after = sticky.lastIndex;
  }
  return found;
}
