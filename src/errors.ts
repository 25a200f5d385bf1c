/** Machine-readable reasons a call can fail; stable across versions. */
export type RoleLensErrorCode = "LEXICON_INVALID" | "BAND_TABLE_INVALID" | "INPUT_INVALID" | "INPUT_TOO_LARGE" | "RECORD_INVALID" | "USAGE";

/** Base class of every error role-lens throws on purpose. */
export class RoleLensError extends Error {
  readonly code: RoleLensErrorCode;

  constructor(code: RoleLensErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** One problem found in a lexicon or band table: where it is and what is wrong. */
export interface DataIssue {
  /** Path into the JSON document, e.g. `entries[12].terms[0]`. */
  readonly path: string;
  readonly message: string;
}

/** A lexicon (or band table) failed validation; `issues` lists every problem found. */
export class LexiconError extends RoleLensError {
  readonly issues: readonly DataIssue[];

  constructor(issues: readonly DataIssue[], what = "lexicon", code: RoleLensErrorCode = "LEXICON_INVALID") {
    const shown = issues.slice(0, 5).map((i) => `  ${i.path || "(root)"}: ${i.message}`);
    const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
    super(code, [`invalid ${what}: ${issues.length} problem(s)`, ...shown, ...more].join("\n"));
    this.issues = issues;
  }
}

/** The posting given to `classify` cannot be read (wrong type, too large, malformed record). */
export class InputError extends RoleLensError {
  /** Which part of the input was wrong, e.g. `text` or `html` or `(posting)`. */
  readonly field: string;

  constructor(code: Extract<RoleLensErrorCode, "INPUT_INVALID" | "INPUT_TOO_LARGE" | "RECORD_INVALID">, field: string, message: string) {
    super(code, message);
    this.field = field;
  }
}
