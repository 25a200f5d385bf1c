/*
 * Batch records: the one shape every batch path yields, and the one place a posting's id is read.
 * A leaf module (types and errors only), so the pool, the worker and the CLI can all import it
 * without importing each other.
 */
import { RoleLensError } from "../errors.js";
import type { Posting } from "../posting.js";
import type { Classification } from "../result.js";

/** Why a posting has no result: a `RoleLensErrorCode` (or `INTERNAL`) and a message naming where. */
export interface BatchError {
  /** A `RoleLensErrorCode` (INPUT_INVALID, INPUT_TOO_LARGE, …), or `INTERNAL` for any other error. */
  readonly code: string;
  /** What went wrong and where, in words. */
  readonly message: string;
}

/** One output record per input posting, in input order: a result, or the error that posting raised. */
export type BatchRecord =
  | {
      /** The posting's id, or its index as a decimal string when it has none. */
      readonly id: string;
      /** The posting's 0-based position in the input. */
      readonly index: number;
      /** The posting's classification. */
      readonly result: Classification;
    }
  | {
      /** The posting's id, or its index as a decimal string when it has none. */
      readonly id: string;
      /** The posting's 0-based position in the input. */
      readonly index: number;
      /** Why the posting could not be classified. */
      readonly error: BatchError;
    };

/** Anything with a `classify` method: a `Classifier`, without importing the classifier module. */
export interface ClassifyFn {
  classify(posting: Posting): Classification;
}

/**
 * The id a posting record carries in `field` (default `id`): a string, or a number as its decimal
 * string; undefined when the field is missing or holds anything else.
 */
export function postingId(record: unknown, field = "id"): string | undefined {
  if (record === null || typeof record !== "object") return undefined;
  const value = (record as Record<string, unknown>)[field];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** The error record for `error` (a `RoleLensError` keeps its code; anything else is `INTERNAL`). */
export function errorRecord(id: string, index: number, error: unknown): BatchRecord {
  const code = error instanceof RoleLensError ? error.code : "INTERNAL";
  const message = error instanceof Error ? error.message : String(error);
  return { id, index, error: { code, message } };
}

/** Classifies one posting into a batch record, never throwing; the id is the posting's, else its index. */
export function classifyRecord(classifier: ClassifyFn, posting: Posting, index: number): BatchRecord {
  const id = postingId(posting) ?? String(index);
  try {
    return { id, index, result: classifier.classify(posting) };
  } catch (error) {
    return errorRecord(id, index, error);
  }
}
