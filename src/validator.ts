/**
 * The public type of the package's runtime validators (`lexiconSchema`, `lexiconEntrySchema`,
 * `bandTableSchema`, `classificationSchema`). At run time each is a zod 4 schema, bundled into the
 * package; it is declared with this type, not zod's, so that the package's type declarations need
 * no other package installed and stay exact under `skipLibCheck: false`.
 *
 * @module
 */

/** One problem found by a validator: what was wrong and where. */
export interface ValidationIssue {
  /** What was wrong, in words. */
  readonly message: string;
  /** Where: the keys and indices from the validated value's root (empty for the root itself). */
  readonly path: ReadonlyArray<PropertyKey>;
}

/** `safeParse` on a valid value. */
export interface SafeParseSuccess<Output> {
  /** Always true here. */
  readonly success: true;
  /** The valid value, with defaults filled. */
  readonly data: Output;
  /** Absent on success. */
  readonly error?: undefined;
}

/** `safeParse` on an invalid value. */
export interface SafeParseFailure {
  /** Always false here. */
  readonly success: false;
  /** Absent on failure. */
  readonly data?: undefined;
  /** The problems found (a `ZodError` at run time). */
  readonly error: {
    /** Every problem, in one text. */
    readonly message: string;
    /** Every problem, each with where it is. */
    readonly issues: ReadonlyArray<ValidationIssue>;
  };
}

/** What `safeParse` returns: the valid value, or the problems found. */
export type SafeParseResult<Output> = SafeParseSuccess<Output> | SafeParseFailure;

/** One segment of a Standard Schema v1 issue's path. */
export interface StandardPathSegment {
  /** The key or index. */
  readonly key: PropertyKey;
}

/** A Standard Schema v1 issue (see {@link StandardSchemaProps}). */
export interface StandardIssue {
  /** What was wrong, in words. */
  readonly message: string;
  /** Where, as keys or segments from the root; absent for the root. */
  readonly path?: ReadonlyArray<PropertyKey | StandardPathSegment> | undefined;
}

/** A Standard Schema v1 `validate` on a valid value. */
export interface StandardSuccess<Output> {
  /** The valid value, with defaults filled. */
  readonly value: Output;
  /** Absent on success. */
  readonly issues?: undefined;
}

/** A Standard Schema v1 `validate` on an invalid value. */
export interface StandardFailure {
  /** Every problem found. */
  readonly issues: ReadonlyArray<StandardIssue>;
}

/** The result of a Standard Schema v1 `validate`: the value, or the issues. */
export type StandardResult<Output> = StandardSuccess<Output> | StandardFailure;

/** The Standard Schema v1 interface (`~standard`), which form and validation libraries accept. */
export interface StandardSchemaProps<Input, Output> {
  /** The version of the standard: 1. */
  readonly version: 1;
  /** The library that implements it ("zod"). */
  readonly vendor: string;
  /** Validates a value; these validators never answer asynchronously. */
  readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
  /** The input and output types, for type inference only (absent at run time). */
  readonly types?: StandardTypes<Input, Output> | undefined;
}

/** The types a Standard Schema carries for inference. */
export interface StandardTypes<Input, Output> {
  /** What may be written. */
  readonly input: Input;
  /** What validation returns. */
  readonly output: Output;
}

/** A runtime validator from `Input` (what may be written) to `Output` (with defaults filled). */
export interface Validator<Input, Output = Input> {
  /** The valid value (defaults filled); throws a `ZodError` whose `issues` name each problem. */
  parse(value: unknown): Output;
  /** The same as data, never throwing: `{ success: true, data }` or `{ success: false, error: { issues } }`. */
  safeParse(value: unknown): SafeParseResult<Output>;
  /** The Standard Schema v1 interface. */
  readonly "~standard": StandardSchemaProps<Input, Output>;
}
