/**
 * role-lens/node: what needs Node (worker threads, files, CSV), kept out of the main entry so that
 * one runs unchanged in browsers, Deno, Bun and edge workers. Everything else is imported from
 * `role-lens`; both entries share one copy of the classes in each build.
 *
 * @module
 */
export { classifyMany } from "./batch/classify-many.js";
export type { BatchRecord, ClassifyManyOptions } from "./batch/classify-many.js";
export type { BatchError } from "./batch/record.js";
