import { type BatchRecord, classifyItems, classifyMany, type ClassifyManyOptions } from "../batch/classify-many.js";
import type { BatchItem } from "../batch/pool.js";
import { DEFAULT_FIELDS, describeOrigin, type FieldMapping, type InputRecord, readInputs, recordFromObject } from "../batch/readers.js";
import { createClassifier } from "../classifier.js";
import { RoleLensError } from "../errors.js";
import type { LabelledPosting } from "../eval/evaluate.js";
import type { Posting } from "../posting.js";
import type { ReportRecord } from "./aggregate.js";
import { isBatchRecord, parseRecord } from "./records.js";

export interface ReportInputOptions extends ClassifyManyOptions {
  /** Which record fields hold the id, title and body (as `role-lens classify --id-field …`). */
  readonly fields?: FieldMapping;
  /** Read for the input `-` (and when there are no inputs); defaults to process.stdin. */
  readonly stdin?: NodeJS.ReadableStream;
}

type Gold = LabelledPosting["label"];
const GOLD = new Set<unknown>(["ml", "ai", "neither", "ml-engineer", "ai-engineer"]);

/** Gives each record the gold label its posting carried, dropping the label once used: the map holds only postings in flight. */
async function* withGold(records: AsyncIterable<BatchRecord>, gold: Map<number, Gold>): AsyncGenerator<ReportRecord> {
  for await (const record of records) {
    const label = gold.get(record.index);
    gold.delete(record.index);
    yield label === undefined ? record : { ...record, gold: label };
  }
}

/** A posting to classify for the report; a `label` (as in `role-lens eval`) is read as its gold label. */
export type ReportPosting = Posting | LabelledPosting;

/** Classifies postings with `classifyMany`, each record carrying its posting's `label`, when it has one, as `gold`. */
export function classifyForReport(
  postings: Iterable<ReportPosting> | AsyncIterable<ReportPosting>,
  options: ClassifyManyOptions = {},
): AsyncGenerator<ReportRecord> {
  const gold = new Map<number, Gold>();
  async function* remember(): AsyncGenerator<Posting> {
    let index = 0;
    for await (const posting of postings) {
      if (typeof posting === "object" && posting !== null && "label" in posting && GOLD.has(posting.label)) gold.set(index, posting.label);
      index++;
      yield posting as Posting;
    }
  }
  return withGold(classifyMany(remember(), options), gold);
}

const failed = (id: string, message: string): BatchItem => ({ failed: { id, index: 0, error: { code: "RECORD_INVALID", message } } });

/** One input record as a batch item: a posting to classify, or a record that is already final (a result read back, or an error). */
function itemFor(input: InputRecord, index: number, gold: Map<number, Gold>, fields: FieldMapping): BatchItem {
  const where = describeOrigin(input.origin);
  if (input.ok === true) return { posting: input.posting };
  if (input.ok === false) return failed(input.id ?? where, `${where}: ${input.message}`);
  let value: unknown;
  try {
    value = JSON.parse(input.line);
  } catch (error) {
    return failed(where, `${where}: malformed JSON: ${(error as Error).message}`);
  }
  if (isBatchRecord(value)) {
    try {
      // A result read back passes through untouched (its gold label with it); only its index is renumbered.
      return { failed: parseRecord(value, where) };
    } catch (error) {
      return failed(where, (error as Error).message);
    }
  }
  const read = recordFromObject(value, fields, input.origin);
  if (!read.ok) return failed(read.id ?? where, `${where}: ${read.message}`);
  const label = (value as { label?: unknown }).label;
  if (GOLD.has(label)) gold.set(index, label as Gold);
  return { posting: read.posting };
}

/**
 * The records a report reads from files, directories or `-` (stdin), in input order: JSONL lines
 * that are classification records (`role-lens classify` output, optionally with `gold`) pass
 * through; postings (JSONL, CSV, .txt/.md/.html) are classified, a JSONL posting's `label`
 * (ml | ai | neither, as in `role-lens eval`) becoming its gold label; unreadable input becomes an
 * error record. Memory stays bounded: gold labels wait only while their posting is in flight.
 * Throws `RoleLensError` USAGE for a bad `concurrency`, `LexiconError` for a bad lexicon.
 */
export async function* reportRecordsFromInputs(inputs: readonly string[], options: ReportInputOptions = {}): AsyncGenerator<ReportRecord> {
  const { fields = DEFAULT_FIELDS, stdin = process.stdin, concurrency = 1, workerHeapMb, ...classifierOptions } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RoleLensError("USAGE", `concurrency must be a whole number ≥ 1, got ${concurrency}`);
  const gold = new Map<number, Gold>();
  async function* items(): AsyncGenerator<BatchItem> {
    let index = 0;
    for await (const input of readInputs(inputs, fields, stdin, false)) yield itemFor(input, index++, gold, fields);
  }
  const records =
    concurrency === 1
      ? classifyItems(items(), createClassifier(classifierOptions), fields)
      : (await import("../batch/pool.js")).classifyOnWorkers(items(), concurrency, classifierOptions, fields, workerHeapMb);
  yield* withGold(records, gold);
}
