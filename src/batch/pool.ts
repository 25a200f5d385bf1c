import type { ClassifierOptions } from "../classifier.js";
import type { Posting } from "../posting.js";
import type { BatchRecord } from "./classify-many.js";

/** One unit of batch work: a posting to classify, or a record that already failed (a malformed line). */
export type BatchItem = { readonly posting: Posting } | { readonly failed: BatchRecord };

interface Chunk {
  readonly id: number;
  readonly items: Array<{ seq: number; posting: Posting }>;
}

/** Where the worker script lives: next to the built module that spawns it. */
function workerUrl(): URL {
  return new URL("./worker.js", import.meta.url);
}

/**
 * Classifies items on `concurrency` worker threads and yields one record per item in input order.
 * It reads ahead at most `concurrency × 4` chunks, so memory stays bounded whatever the input size;
 * records that finish early wait (at most that window) for the ones before them.
 */
export async function* classifyOnWorkers(
  items: AsyncIterable<BatchItem> | Iterable<BatchItem>,
  concurrency: number,
  classifierOptions: ClassifierOptions,
  chunkSize = 64,
): AsyncGenerator<BatchRecord> {
  const { Worker } = await import("node:worker_threads");
  const workers = Array.from({ length: concurrency }, () => new Worker(workerUrl(), { workerData: classifierOptions }));
  const load = workers.map(() => 0);
  const done = new Map<number, BatchRecord>();
  let wake: (() => void) | undefined;
  let failure: unknown;
  let inFlight = 0;
  workers.forEach((worker, w) => {
    worker.on("message", (reply: { id: number; records: BatchRecord[] }) => {
      for (const record of reply.records) done.set(record.index, record);
      load[w]!--;
      inFlight--;
      wake?.();
    });
    worker.on("error", (error) => {
      failure = error;
      wake?.();
    });
  });
  const waitForReply = () => new Promise<void>((resolve) => (wake = resolve));

  let seq = 0;
  let next = 0;
  let chunkId = 0;
  let chunk: Chunk = { id: chunkId++, items: [] };
  const dispatch = () => {
    if (chunk.items.length === 0) return;
    const w = load.indexOf(Math.min(...load));
    load[w]!++;
    inFlight++;
    workers[w]!.postMessage(chunk);
    chunk = { id: chunkId++, items: [] };
  };
  function* ready(): Generator<BatchRecord> {
    for (let record = done.get(next); record !== undefined; record = done.get(next)) {
      done.delete(next++);
      yield record;
    }
  }

  try {
    for await (const item of items) {
      const index = seq++;
      if ("failed" in item) done.set(index, { ...item.failed, index });
      else {
        chunk.items.push({ seq: index, posting: item.posting });
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
