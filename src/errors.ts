/** Machine-readable reasons a call can fail; stable across versions. */
export type RoleLensErrorCode = "LEXICON_INVALID" | "BAND_TABLE_INVALID" | "INPUT_INVALID" | "INPUT_TOO_LARGE" | "RECORD_INVALID" | "USAGE";

/*
 * `instanceof` across builds. The ESM and CJS builds (and two copies of the package in one tree)
 * each define their own classes, so the ordinary prototype check fails across them. Every error
 * carries the brands of its class chain under a registry symbol (`Symbol.for`, the same in every
 * build and realm), and each class's `Symbol.hasInstance` looks for its own brand.
 */
const BRANDS = Symbol.for("role-lens.error.brands");
const BRAND = Symbol.for("role-lens.error.brand");

type Branded = { readonly [BRAND]?: string };

/** The brands of a class and of every class it extends, nearest first. */
function brandsOf(target: object | null): string[] {
  const brands: string[] = [];
  for (let c = target as Branded | null; typeof c === "function"; c = Object.getPrototypeOf(c) as Branded | null) {
    if (Object.hasOwn(c, BRAND)) brands.push(c[BRAND]!);
  }
  return brands;
}

/**
 * Base class of every error role-lens throws on purpose. `error instanceof RoleLensError` (and of
 * each subclass) holds across the ESM and CJS builds and across copies of the package: the check
 * reads a `Symbol.for("role-lens.error.brands")` brand, not the prototype chain.
 */
export class RoleLensError extends Error {
  /** Which of the documented failures this is; see {@link RoleLensErrorCode}. */
  readonly code: RoleLensErrorCode;

  /** @internal */
  static readonly [BRAND]: string = "RoleLensError";

  /**
   * @param code - the machine-readable reason.
   * @param message - what went wrong and where, for people.
   */
  constructor(code: RoleLensErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    Object.defineProperty(this, BRANDS, { value: brandsOf(new.target) });
  }

  /** `value instanceof ThisClass`, by brand: true across builds. A subclass without a brand of its own uses the prototype chain. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: the class on the right of `instanceof`, often a subclass
    // biome-ignore lint/complexity/noUselessThisAlias: named once, read three times
    const target: Branded & object = this;
    if (!Object.hasOwn(target, BRAND)) return Function.prototype[Symbol.hasInstance].call(target, value);
    const brands = typeof value === "object" && value !== null ? (value as { [BRANDS]?: unknown })[BRANDS] : undefined;
    return Array.isArray(brands) && brands.includes(target[BRAND]);
  }
}

/** One problem found in a lexicon or band table: where it is and what is wrong. */
export interface DataIssue {
  /** Path into the JSON document, e.g. `entries[12].terms[0]`; empty for the document itself. */
  readonly path: string;
  /** What is wrong there, e.g. `Required`. */
  readonly message: string;
}

/** A lexicon (or band table) failed validation; `issues` lists every problem found. */
export class LexiconError extends RoleLensError {
  /** @internal */
  static override readonly [BRAND]: string = "LexiconError";

  /** Every problem found, in document order; the message shows the first five. */
  readonly issues: readonly DataIssue[];

  /**
   * @param issues - the problems found.
   * @param what - what was validated, for the message (`lexicon`, `band table`).
   * @param code - `LEXICON_INVALID` or `BAND_TABLE_INVALID`.
   */
  constructor(issues: readonly DataIssue[], what = "lexicon", code: RoleLensErrorCode = "LEXICON_INVALID") {
    const shown = issues.slice(0, 5).map((i) => `  ${i.path || "(root)"}: ${i.message}`);
    const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : [];
    super(code, [`invalid ${what}: ${issues.length} problem(s)`, ...shown, ...more].join("\n"));
    this.issues = issues;
  }
}

/** The posting given to `classify` cannot be read (wrong type, too large, malformed record). */
export class InputError extends RoleLensError {
  /** @internal */
  static override readonly [BRAND]: string = "InputError";

  /** Which part of the input was wrong, e.g. `text` or `html` or `(posting)`. */
  readonly field: string;

  /**
   * @param code - `INPUT_INVALID`, `INPUT_TOO_LARGE` or `RECORD_INVALID`.
   * @param field - which part of the input was wrong.
   * @param message - what went wrong, for people.
   */
  constructor(code: Extract<RoleLensErrorCode, "INPUT_INVALID" | "INPUT_TOO_LARGE" | "RECORD_INVALID">, field: string, message: string) {
    super(code, message);
    this.field = field;
  }
}
