/*
 * A generic worker-thread pool: map items to outputs on worker threads, yielding the outputs in
 * input order. It knows nothing of postings or formats: the worker script runs a named task
 * (see worker.ts) on each item it is sent.
 */
import type { Worker as WorkerThread } from "node:worker_threads";

export interface PoolOptions<I, O> {
  /** Worker threads to start (≥ 1). */
  readonly concurrency: number;
  /** The task each worker runs on an item: a key of worker.ts's task table. */
  readonly task: string;
  /** What the task is started with (structured-cloned to each worker once). */
  readonly settings: unknown;
  /** Old-generation heap of each worker, in MB (default 128). */
  readonly heapMb?: number;
  /** Items in flight per worker (default 4): the read-ahead, and so the memory, is bounded by it. */
  readonly window?: number;
  /** Computes an item's output on this thread, for the items of a worker that died. */
  readonly local: (item: I) => O | Promise<O>;
  /** Called once per item as it is handed out; returning true stops reading items (Ctrl-C). */
  readonly stop?: () => boolean;
}

/** A message to a worker: one item and its sequence number. */
export interface PoolRequest<I> {
  readonly seq: number;
  readonly item: I;
}

/** A worker's answer: the output for `seq`, or the error its task threw. */
export type PoolReply<O> = { readonly seq: number; readonly output: O } | { readonly seq: number; readonly error: string };

/** Where the worker script lives: next to the built module that starts it. */
function workerUrl(): URL {
  return new URL("./worker.js", import.meta.url);
}

/**
 * Maps `items` through `options.task` on `options.concurrency` worker threads and yields one output
 * per item, in input order. At most `concurrency × window` items are in flight, so memory stays
 * bounded whatever the input size; outputs that finish early wait for the ones before them.
 *
 * A worker that dies (out of memory, say) is not replaced, since the item that killed it would kill
 * the next: its items, and any later ones it would have had, are computed with `local` instead.
 * An error thrown by the task itself (a bug, not bad input) rejects the iteration.
 */
export async function* mapOnWorkers<I, O>(items: AsyncIterable<I> | Iterable<I>, options: PoolOptions<I, O>): AsyncGenerator<O> {
  const { Worker } = await import("node:worker_threads");
  const { concurrency, window = 4 } = options;
  // A worker holds a few items at a time; capping its heap keeps a long run's memory flat (V8 would
  // otherwise let each heap grow lazily to hundreds of MB).
  const resourceLimits = { maxOldGenerationSizeMb: options.heapMb ?? 128, maxYoungGenerationSizeMb: 16 };
  const done = new Map<number, O>();
  const pending = new Map<number, { item: I; worker: number }>();
  const load = Array.from({ length: concurrency }, () => 0);
  let wake: (() => void) | undefined;
  let failure: unknown;

  const recover = async (seq: number, item: I) => {
    try {
      done.set(seq, await options.local(item));
    } catch (error) {
      failure = error;
    }
  };
  const start = (w: number): WorkerThread => {
    const worker = new Worker(workerUrl(), { workerData: { task: options.task, settings: options.settings }, resourceLimits });
    worker.on("message", (reply: PoolReply<O>) => {
      if (!pending.delete(reply.seq)) return;
      load[w]!--;
      if ("error" in reply) failure ??= new Error(`batch worker: ${reply.error}`);
      else done.set(reply.seq, reply.output);
      wake?.();
    });
    worker.on("error", () => {
      load[w] = Number.POSITIVE_INFINITY;
      const lost = [...pending].filter(([, p]) => p.worker === w);
      for (const [seq] of lost) pending.delete(seq);
      void Promise.all(lost.map(([seq, p]) => recover(seq, p.item))).then(() => wake?.());
    });
    return worker;
  };
  const workers = Array.from({ length: concurrency }, (_, w) => start(w));
  const settled = () => new Promise<void>((resolve) => (wake = resolve));

  let seq = 0;
  let next = 0;
  function* ready(): Generator<O> {
    for (let output = done.get(next); output !== undefined || done.has(next); output = done.get(next)) {
      done.delete(next++);
      yield output as O;
    }
  }
  const check = () => {
    if (failure) throw failure;
  };

  try {
    for await (const item of items) {
      if (options.stop?.()) break;
      const s = seq++;
      const w = load.indexOf(Math.min(...load));
      if (load[w] === Number.POSITIVE_INFINITY) await recover(s, item);
      else {
        load[w]!++;
        pending.set(s, { item, worker: w });
        workers[w]!.postMessage({ seq: s, item } satisfies PoolRequest<I>);
      }
      while (pending.size >= concurrency * window) {
        await settled();
        check();
        yield* ready();
      }
      check();
      yield* ready();
    }
    while (next < seq) {
      check();
      yield* ready();
      if (next >= seq) break;
      if (pending.size === 0 && !done.has(next)) await new Promise((resolve) => setImmediate(resolve));
      else await settled();
    }
    check();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
