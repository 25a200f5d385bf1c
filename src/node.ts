/*
 * role-lens/node: the main entry plus what needs Node (worker threads, files, CSV). Re-exports the
 * main entry so a Node program can import everything from one place; the classes are the same
 * objects as the main entry's (one shared chunk per build).
 */
export * from "./index.js";
export { classifyMany } from "./batch/classify-many.js";
export type { BatchRecord, ClassifyManyOptions } from "./batch/classify-many.js";
