/*
 * The worker task behind `classifyMany`'s `concurrency`: a run of postings in, their batch records
 * out. The same function runs on the calling thread when a worker dies.
 */
import { createClassifier, type ClassifierOptions } from "../classifier.js";
import type { Posting } from "../posting.js";
import { type BatchRecord, classifyRecord, type ClassifyFn } from "./record.js";

/** A run of consecutive postings: the first one's index and the postings. */
export interface PostingRun {
  readonly first: number;
  readonly postings: readonly Posting[];
}

/** Classifies a run into its records, in order. */
export function classifyRun(classifier: ClassifyFn, run: PostingRun): BatchRecord[] {
  return run.postings.map((posting, i) => classifyRecord(classifier, posting, run.first + i));
}

/** The worker side: compile the lexicon once, then classify each run sent. */
export function classifyTask(options: ClassifierOptions): (run: PostingRun) => BatchRecord[] {
  const classifier = createClassifier(options);
  return (run) => classifyRun(classifier, run);
}
