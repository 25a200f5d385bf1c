import { createClassifier, type Classifier, type ClassifierOptions } from "../classifier.js";
import { RoleLensError } from "../errors.js";
import type { Posting } from "../posting.js";
import type { Classification } from "../result.js";
import type { BatchItem } from "./pool.js";
import { DEFAULT_FIELDS, parseJsonLine, type FieldMapping } from "./readers.js";

/** One output record per input posting, in input order: a result, or the error that posting raised. */
export type BatchRecord =
  | { readonly id: string; readonly index: number; readonly result: Classification }
  | { readonly id: string; readonly index: number; readonly error: { readonly code: string; readonly message: string } };

export interface ClassifyManyOptions extends ClassifierOptions {
  /**
   * Worker threads to classify on (Node only). 1, the default, classifies on the calling thread;
   * the output is the same either way.
   */
  readonly concurrency?: number;
  /**
   * Old-generation heap of each worker thread, in MB (default 128). A worker that runs out dies and
   * its postings are classified on the calling thread instead: slower, never lost.
   */
  readonly workerHeapMb?: number;
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

async function* asItems(source: Iterable<Posting> | AsyncIterable<Posting>): AsyncGenerator<BatchItem> {
  for await (const posting of source) yield { posting };
}

/** The record for one batch item: classified, already failed, or parsed from its JSON line first. */
export function recordFor(classifier: Classifier, item: BatchItem, index: number, fields: FieldMapping): BatchRecord {
  if ("failed" in item) return { ...item.failed, index };
  if ("posting" in item) return classifyRecord(classifier, item.posting, index);
  const parsed = parseJsonLine(item.line, fields, { file: item.where });
  if (parsed.ok) return classifyRecord(classifier, parsed.posting, index);
  return { id: parsed.id ?? item.where, index, error: { code: "RECORD_INVALID", message: `${item.where}: ${parsed.message}` } };
}

/** The serial path: one classifier on this thread, one item at a time. */
export async function* classifyItems(
  items: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  classifier: Classifier,
  fields: FieldMapping = DEFAULT_FIELDS,
): AsyncGenerator<BatchRecord> {
  let index = 0;
  for await (const item of items) yield recordFor(classifier, item, index++, fields);
}

/**
 * Classifies a stream of postings, yielding one record per posting in input order, with errors
 * inline. It pulls postings as it goes, so memory stays bounded whatever the size of the source.
 */
export async function* classifyMany(source: Iterable<Posting> | AsyncIterable<Posting>, options: ClassifyManyOptions = {}): AsyncGenerator<BatchRecord> {
  const { concurrency = 1, workerHeapMb, ...classifierOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RoleLensError("USAGE", `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  if (concurrency === 1) {
    yield* classifyItems(asItems(source), createClassifier(classifierOptions));
    return;
  }
  const { classifyOnWorkers } = await import("./pool.js");
  yield* classifyOnWorkers(asItems(source), concurrency, classifierOptions, DEFAULT_FIELDS, workerHeapMb);
}
