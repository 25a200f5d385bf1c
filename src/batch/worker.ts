/*
 * A batch worker thread: compiles the lexicon it is given once, then classifies chunks of postings
 * and posts back one record per posting, in the order received.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createClassifier } from "../classifier.js";
import type { Posting } from "../posting.js";
import { classifyRecord } from "./classify-many.js";

const classifier = createClassifier(workerData as Parameters<typeof createClassifier>[0]);

parentPort?.on("message", (chunk: { id: number; items: Array<{ seq: number; posting: Posting }> }) => {
  parentPort!.postMessage({ id: chunk.id, records: chunk.items.map(({ seq, posting }) => classifyRecord(classifier, posting, seq)) });
});
