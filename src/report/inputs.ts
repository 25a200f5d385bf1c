import { type BatchRecord, classifyMany, type ClassifyManyOptions } from "../batch/classify-many.js";
import { type ClassifyFn, classifyRecord } from "../batch/record.js";
import { createClassifier, type ClassifierOptions } from "../classifier.js";
import { type PlanNotes, planUnits } from "../cli/inputs.js";
import { LineSplitter } from "../cli/lines.js";
import {
  DEFAULT_FIELDS,
  describeOrigin,
  emptyFieldNote,
  type FieldMapping,
  addToNote,
  type ReadRecord,
  type RecordOrigin,
  recordFromObject,
  type FieldNote,
  tooLarge,
} from "../cli/records.js";
import { readRange, readUnit, type Unit } from "../cli/units.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../posting.js";
import type { LabelledPosting } from "../eval/evaluate.js";
import type { Posting } from "../posting.js";
import type { ReportRecord } from "./aggregate.js";
import { isBatchRecord, parseRecord } from "./records.js";

export interface ReportInputOptions extends Omit<ClassifierOptions, "maxInputLength"> {
  /** Which record fields hold the id, title and body (as `role-lens classify --id-field …`). */
  readonly fields?: FieldMapping;
  /** Read for the input `-` (and when there are no inputs); defaults to process.stdin. */
  readonly stdin?: NodeJS.ReadableStream;
  /** The largest record read, in bytes (as `role-lens classify --max-length`). */
  readonly maxLength?: number;
  /** Where files skipped, inputs that held nothing, unreadable inputs and what the records' fields told are kept, for the caller to say. */
  readonly notes?: ReportNotes;
  /** Aborted to stop reading (Ctrl-C): no record is read after it. */
  readonly signal?: AbortSignal;
}

/** What reading the inputs told, besides the records: the planner's notes and what the records' fields held. */
export interface ReportNotes extends PlanNotes {
  /** Records yielded. */
  records: number;
  /** Of those, the ones with a result: postings classified here, or classify results passed through. */
  classified: number;
  /** Records with neither a title nor a body field (error records in the report), with the fields they had. */
  readonly fieldless: FieldNote;
  /** Of those, the ones that carry classify's own fields (`label`, `confidence`): classify output written without `--fields all`. */
  results: number;
  /** Records read on their title alone although they had other fields. */
  readonly titleOnly: FieldNote;
}

export function emptyReportNotes(): ReportNotes {
  return { skipped: [], empty: [], unreadable: [], records: 0, classified: 0, fieldless: emptyFieldNote(), results: 0, titleOnly: emptyFieldNote() };
}

/** Notes what a record's fields held: none of the posting fields, or a title alone. */
function noteFields(notes: ReportNotes, read: ReadRecord): void {
  if (read.kind === "posting") {
    if (read.titleOnly) addToNote(notes.titleOnly, read.titleOnly);
  } else if (read.fieldsFound !== undefined) {
    addToNote(notes.fieldless, read.fieldsFound);
    if (read.fieldsFound.includes("label") && read.fieldsFound.includes("confidence")) notes.results++;
  }
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

/** A batch error record for a line or file that could not be read. */
const errorOf = (id: string, index: number, message: string, code = "RECORD_INVALID"): ReportRecord => ({ id, index, error: { code, message } });

/** One JSON line: a result passed through (renumbered), or a posting classified with its `label` as gold, or an error record. */
function lineRecord(classifier: ClassifyFn, text: string, origin: RecordOrigin, index: number, fields: FieldMapping, notes: ReportNotes): ReportRecord {
  const where = describeOrigin(origin);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return errorOf(where, index, `${where}: malformed JSON: ${(error as Error).message}`);
  }
  if (isBatchRecord(value)) {
    try {
      return { ...parseRecord(value, where), index };
    } catch (error) {
      return errorOf(where, index, (error as Error).message);
    }
  }
  const read = recordFromObject(value, fields, origin);
  noteFields(notes, read);
  if (read.kind !== "posting") return errorOf(read.id ?? where, index, `${where}: ${read.message}`, read.code);
  const record = classifyRecord(classifier, read.posting, index);
  const label = (value as { label?: unknown }).label;
  return GOLD.has(label) ? { ...record, gold: label as Gold } : record;
}

/** The raw lines of a JSON-lines unit (a byte range of a file, or lines of stdin), or undefined for other units. */
function* rawLines(unit: Unit, maxLength: number): Generator<{ text: string; origin: RecordOrigin } | { oversized: number; origin: RecordOrigin }> {
  if (unit.kind === "lines") {
    for (const line of unit.lines) yield { text: line.text, origin: { file: unit.file, line: line.number } };
    return;
  }
  if (unit.kind !== "range") return;
  const splitter = new LineSplitter(maxLength, unit.firstLine);
  const lines = splitter.end(splitter.push(readRange(unit.file, unit.start, unit.end)));
  for (const line of lines) {
    const origin = { file: unit.file, line: line.number };
    yield "oversized" in line ? { oversized: line.oversized, origin } : { text: line.text, origin };
  }
}

/**
 * The records a report reads from files, directories or `-` (stdin), in input order, chosen as
 * `role-lens classify` chooses them: JSONL lines that are classification records (`role-lens
 * classify --fields all` output, optionally with `gold`) pass through; postings (JSONL, CSV,
 * .txt/.md/.html) are classified on this thread, a JSONL posting's `label` (ml | ai | neither, as in
 * `role-lens eval`) becoming its gold label; unreadable input becomes an error record. For a large
 * job board, classify with `--jobs` first and report on its results. Memory stays bounded.
 * Throws `LexiconError` for a bad lexicon.
 */
export async function* reportRecordsFromInputs(inputs: readonly string[], options: ReportInputOptions = {}): AsyncGenerator<ReportRecord> {
  const {
    fields = DEFAULT_FIELDS,
    stdin = process.stdin,
    maxLength = DEFAULT_MAX_INPUT_LENGTH,
    notes = emptyReportNotes(),
    signal,
    ...classifierOptions
  } = options;
  const classifier = createClassifier({ ...classifierOptions, maxInputLength: maxLength });
  const record = (r: ReportRecord) => {
    notes.records++;
    if ("result" in r) notes.classified++;
    return r;
  };
  let index = 0;
  for await (const unit of planUnits(inputs, { fields, maxLength, stdin, notes, ...(signal === undefined ? {} : { signal }) })) {
    if (unit.kind === "lines" || unit.kind === "range") {
      for (const line of rawLines(unit, maxLength)) {
        const where = describeOrigin(line.origin);
        yield record(
          "oversized" in line
            ? errorOf(where, index++, `${where}: ${tooLarge(line.oversized, maxLength)}`, "INPUT_TOO_LARGE")
            : lineRecord(classifier, line.text, line.origin, index++, fields, notes),
        );
      }
      continue;
    }
    for (const read of readUnit({ fields, maxLength }, unit)) {
      const where = describeOrigin(read.origin);
      noteFields(notes, read);
      yield record(
        read.kind === "posting"
          ? classifyRecord(classifier, read.posting, index++)
          : errorOf(read.id ?? where, index++, `${where}: ${read.message}`, read.code),
      );
    }
  }
}
