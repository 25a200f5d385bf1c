/** A literal string as regex source: every metacharacter escaped. */
export const escapeLiteral = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * An alternation of literal words as regex source, longest first, so that a word is never cut short
 * by another that is its prefix ("annually" before "annual"); each word once. Linear to run: literal text only.
 */
export const literalAlternation = (words: Iterable<string>): string =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeLiteral)
    .join("|");
