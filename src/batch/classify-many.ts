import { createClassifier, type Classifier, type ClassifierOptions } from "../classifier.js";
import { RoleLensError } from "../errors.js";
import type { Posting } from "../posting.js";
import type { Classification } from "../result.js";

/** One output record per input posting, in input order: a result, or the error that posting raised. */
export type BatchRecord =
  | { readonly id: string; readonly index: number; readonly result: Classification }
  | { readonly id: string; readonly index: number; readonly error: { readonly code: string; readonly message: string } };

export interface ClassifyManyOptions extends ClassifierOptions {
  /** A classifier to reuse; otherwise one is compiled from the options. */
  readonly classifier?: Classifier;
}

function idOf(posting: unknown, index: number): string {
  if (posting !== null && typeof posting === "object" && "id" in posting) {
    const id = (posting as { id?: unknown }).id;
    if (typeof id === "string" || typeof id === "number") return String(id);
  }
  return String(index);
}

export function errorRecord(id: string, index: number, error: unknown): BatchRecord {
  const code = error instanceof RoleLensError ? error.code : "INTERNAL";
  const message = error instanceof Error ? error.message : String(error);
  return { id, index, error: { code, message } };
}

/** Classifies one posting into a batch record, never throwing. */
export function classifyRecord(classifier: Classifier, posting: Posting, index: number): BatchRecord {
  const id = idOf(posting, index);
  try {
    return { id, index, result: classifier.classify(posting) };
  } catch (error) {
    return errorRecord(id, index, error);
  }
}

/**
 * Classifies a stream of postings, yielding one record per posting in input order. It pulls one
 * posting at a time, so memory stays bounded whatever the size of the source.
 */
export async function* classifyMany(source: Iterable<Posting> | AsyncIterable<Posting>, options: ClassifyManyOptions = {}): AsyncGenerator<BatchRecord> {
  const classifier = options.classifier ?? createClassifier(options);
  let index = 0;
  for await (const posting of source) {
    yield classifyRecord(classifier, posting, index);
    index++;
  }
}
