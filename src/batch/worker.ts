/*
 * A batch worker thread: compiles the lexicon it is given once, then classifies chunks of postings.
 * It sends back either the records themselves or, for the CLI, each record already written as an
 * output line with a small summary, so the main thread only writes strings.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createClassifier } from "../classifier.js";
import { recordFor } from "./classify-many.js";
import { formatLine, summarize } from "./output.js";
import type { BatchItem, WorkerSettings } from "./pool.js";

const { classifierOptions, output, fields } = workerData as WorkerSettings;
const classifier = createClassifier(classifierOptions);

parentPort?.on("message", (chunk: { id: number; items: Array<{ seq: number; item: BatchItem }> }) => {
  const records = chunk.items.map(({ seq, item }) => recordFor(classifier, item, seq, fields));
  parentPort!.postMessage({
    id: chunk.id,
    results: output === "records" ? records : records.map((record) => ({ ...summarize(record), line: formatLine(record, output) })),
  });
});
