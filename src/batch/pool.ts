import { createClassifier, type Classifier, type ClassifierOptions } from "../classifier.js";
import type { Posting } from "../posting.js";
import { recordFor, type BatchRecord } from "./classify-many.js";
import { DEFAULT_FIELDS, type FieldMapping } from "./readers.js";
import { formatLine, summarize, type LineFormat, type RecordSummary } from "./output.js";

/**
 * One unit of batch work: a posting to classify, a record that already failed (an unreadable file),
 * or a JSONL line still to be parsed, where it came from included (parsed where it is classified).
 */
export type BatchItem = { readonly posting: Posting } | { readonly failed: BatchRecord } | { readonly line: string; readonly where: string };

interface Chunk {
  readonly id: number;
  readonly items: Array<{ seq: number; item: BatchItem }>;
}

/** What a worker thread is started with. */
export interface WorkerSettings {
  readonly classifierOptions: ClassifierOptions;
  readonly output: "records" | LineFormat;
  readonly fields: FieldMapping;
  /** Old-generation heap of each worker, in MB (default 128). */
  readonly heapMb?: number;
}

/** Where the worker script lives: next to the built module that spawns it. */
function workerUrl(): URL {
  return new URL("./worker.js", import.meta.url);
}

/** A record already written as an output line, with what the summary needs. */
export type FormattedRecord = RecordSummary & { readonly line: string };

/** Classifies items on worker threads and yields the records, in input order (see `runPool`). */
export function classifyOnWorkers(
  items: AsyncIterable<BatchItem> | Iterable<BatchItem>,
  concurrency: number,
  classifierOptions: ClassifierOptions,
  fields: FieldMapping = DEFAULT_FIELDS,
  heapMb?: number,
): AsyncGenerator<BatchRecord> {
  const settings: WorkerSettings =
    heapMb === undefined ? { classifierOptions, output: "records", fields } : { classifierOptions, output: "records", fields, heapMb };
  return runPool<BatchRecord>(items, concurrency, settings, (record) => record);
}

/**
 * The same, but each record comes back already written as a line of `format`: the worker threads
 * serialize, so the main thread only writes strings and the work scales with the threads.
 */
export function formatOnWorkers(
  items: AsyncIterable<BatchItem> | Iterable<BatchItem>,
  concurrency: number,
  classifierOptions: ClassifierOptions,
  format: LineFormat,
  fields: FieldMapping = DEFAULT_FIELDS,
): AsyncGenerator<FormattedRecord> {
  return runPool<FormattedRecord>(items, concurrency, { classifierOptions, output: format, fields }, (record) => ({
    ...summarize(record),
    line: formatLine(record, format),
  }));
}

/**
 * Runs items through `concurrency` worker threads and yields one result per item in input order.
 * It reads ahead at most `concurrency × 4` chunks, so memory stays bounded whatever the input size;
 * results that finish early wait (at most that window) for the ones before them. Items that already
 * failed (a malformed line) skip the workers and are converted with `local`.
 */
async function* runPool<R extends { readonly index: number }>(
  items: AsyncIterable<BatchItem> | Iterable<BatchItem>,
  concurrency: number,
  workerData: WorkerSettings,
  local: (record: BatchRecord) => R,
  chunkSize = 64,
): AsyncGenerator<R> {
  const { Worker } = await import("node:worker_threads");
  // A worker holds one chunk at a time; capping its heap keeps a long run's memory flat (V8 would
  // otherwise let each heap grow lazily to hundreds of MB).
  const resourceLimits = { maxOldGenerationSizeMb: workerData.heapMb ?? 128, maxYoungGenerationSizeMb: 16 };
  const done = new Map<number, R>();
  const inChunks = new Map<number, Chunk>();
  let wake: (() => void) | undefined;
  let failure: unknown;
  let inFlight = 0;
  let fallback: Classifier | undefined;

  // A chunk whose worker died (out of memory on a huge posting, say) is classified here instead,
  // so a crash costs time, never records.
  const recover = (lost: readonly Chunk[]) => {
    fallback ??= createClassifier(workerData.classifierOptions);
    for (const chunk of lost) {
      for (const { seq, item } of chunk.items) done.set(seq, local(recordFor(fallback, item, seq, workerData.fields)));
      inChunks.delete(chunk.id);
      inFlight--;
    }
  };
  const owner = new Map<number, number>();
  const start = (w: number) => {
    const worker = new Worker(workerUrl(), { workerData, resourceLimits });
    worker.on("message", (reply: { id: number; results: R[] }) => {
      for (const result of reply.results) done.set(result.index, result);
      if (inChunks.delete(reply.id)) {
        owner.delete(reply.id);
        load[w]!--;
        inFlight--;
      }
      wake?.();
    });
    // A dead worker is not replaced (a posting that killed one would kill the next): its chunks and
    // any later ones it would have had go to the others, or to this thread when none is left.
    worker.on("error", () => {
      try {
        load[w] = Infinity;
        recover([...inChunks.values()].filter((c) => owner.get(c.id) === w));
      } catch (error) {
        failure = error;
      }
      wake?.();
    });
    return worker;
  };
  const load = Array.from({ length: concurrency }, () => 0);
  const workers = Array.from({ length: concurrency }, (_, w) => start(w));
  const waitForReply = () => new Promise<void>((resolve) => (wake = resolve));

  let seq = 0;
  let next = 0;
  let chunkId = 0;
  let chunk: Chunk = { id: chunkId++, items: [] };
  const dispatch = () => {
    if (chunk.items.length === 0) return;
    const w = load.indexOf(Math.min(...load));
    inFlight++;
    inChunks.set(chunk.id, chunk);
    if (load[w] === Infinity) recover([chunk]);
    else {
      load[w]!++;
      owner.set(chunk.id, w);
      workers[w]!.postMessage(chunk);
    }
    chunk = { id: chunkId++, items: [] };
  };
  function* ready(): Generator<R> {
    for (let record = done.get(next); record !== undefined; record = done.get(next)) {
      done.delete(next++);
      yield record;
    }
  }

  try {
    for await (const item of items) {
      const index = seq++;
      if ("failed" in item) done.set(index, local({ ...item.failed, index }));
      else {
        chunk.items.push({ seq: index, item });
        if (chunk.items.length >= chunkSize) dispatch();
      }
      while (inFlight >= concurrency * 4) {
        await waitForReply();
        if (failure) throw failure;
      }
      yield* ready();
    }
    dispatch();
    while (next < seq) {
      yield* ready();
      if (next >= seq) break;
      if (inFlight === 0) throw new Error("batch worker pool lost records");
      await waitForReply();
      if (failure) throw failure;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
