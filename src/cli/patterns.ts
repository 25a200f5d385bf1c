/** A run of whitespace, folded to one space where the CLI shows posting text on one line (one character class: linear time). */
export const WHITESPACE_RUN = /\s+/g;
