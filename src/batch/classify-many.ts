import { createClassifier, type ClassifierOptions } from "../classifier.js";
import { RoleLensError } from "../errors.js";
import type { Posting } from "../posting.js";
import { classifyRun, type PostingRun } from "./classify-task.js";
import { type BatchRecord, classifyRecord } from "./record.js";

export type { BatchRecord } from "./record.js";

/** Options of {@link classifyMany}: the classifier's, plus how many worker threads to use. */
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

/** Postings sent to a worker at a time: enough to amortize a message, few enough to keep order cheap. */
const RUN_LENGTH = 64;

async function* runsOf(source: Iterable<Posting> | AsyncIterable<Posting>): AsyncGenerator<PostingRun> {
  let postings: Posting[] = [];
  let first = 0;
  for await (const posting of source) {
    postings.push(posting);
    if (postings.length === RUN_LENGTH) {
      yield { first, postings };
      first += postings.length;
      postings = [];
    }
  }
  if (postings.length > 0) yield { first, postings };
}

/**
 * Classifies a stream of postings, yielding one record per posting in input order, with errors
 * inline. It pulls postings as it goes, so memory stays bounded whatever the size of the source.
 * Throws `RoleLensError` USAGE for a concurrency that is not a whole number ≥ 1, and
 * `LexiconError` for an invalid lexicon.
 */
export async function* classifyMany(source: Iterable<Posting> | AsyncIterable<Posting>, options: ClassifyManyOptions = {}): AsyncGenerator<BatchRecord> {
  const { concurrency = 1, workerHeapMb, ...classifierOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RoleLensError("USAGE", `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  // Compiled here in every case, so a bad lexicon throws before any worker starts.
  const classifier = createClassifier(classifierOptions);
  if (concurrency === 1) {
    let index = 0;
    for await (const posting of source) yield classifyRecord(classifier, posting, index++);
    return;
  }
  const { mapOnWorkers } = await import("./pool.js");
  const runs = mapOnWorkers<PostingRun, BatchRecord[]>(runsOf(source), {
    concurrency,
    task: "classify",
    settings: classifierOptions,
    ...(workerHeapMb === undefined ? {} : { heapMb: workerHeapMb }),
    local: (run) => classifyRun(classifier, run),
  });
  for await (const records of runs) yield* records;
}
