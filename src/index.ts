/**
 * role-lens: the runtime-neutral entry. Everything here runs unchanged in Node, browsers, Deno, Bun
 * and edge workers: no Node built-in, no file, no worker thread (a test bundles it for the browser
 * and runs it in Chromium). The batch API, which needs worker threads and files, is `role-lens/node`;
 * lexicon-authoring tools are `role-lens/authoring`.
 *
 * @module
 */
export { classify, createClassifier, defaultLexicon } from "./classifier.js";
export type { Classifier, ClassifierOptions, ClassifyOptions } from "./classifier.js";
export type { Posting, InputFormat } from "./posting.js";
export { DEFAULT_MAX_INPUT_LENGTH } from "./posting.js";
export { loadLexicon, validateLexicon } from "./lexicon/load.js";
export type { LexiconValidation } from "./lexicon/load.js";
export { lexiconSchema, lexiconEntrySchema } from "./lexicon/schema.js";
export type {
  Lexicon,
  LexiconInput,
  LexiconEntry,
  LexiconEntryInput,
  EntryRole,
  EntryScope,
  SectionWeights,
  AttributionWeights,
  DecisionSettings,
  FitSummary,
} from "./lexicon/schema.js";
export { bandTableSchema, loadBandTable, compareToBand } from "./salary/band.js";
export { extractSalary, extractSalaries, ANNUALIZE } from "./salary/extract.js";
export type { StatedSalary, PayPeriod } from "./salary/extract.js";
export type { BandTable, BandLevels, BandRange, SalaryBand } from "./salary/band.js";
export { DEFAULT_LEVEL, levelForYears } from "./seniority.js";
export type { Level, LevelBasis } from "./seniority.js";
export { classificationSchema } from "./result.js";
export type {
  Validator,
  SafeParseResult,
  SafeParseSuccess,
  SafeParseFailure,
  ValidationIssue,
  StandardSchemaProps,
  StandardResult,
  StandardIssue,
  StandardPathSegment,
  StandardSuccess,
  StandardFailure,
  StandardTypes,
} from "./validator.js";
export type { Classification, Evidence, EvidenceMatch, Span, Field, SectionName, SeniorityResult, StatedSalaryResult } from "./result.js";
export type { Label } from "./vocabulary.js";
export { evaluate, calibration } from "./eval/evaluate.js";
export type { EvaluationReport, LabelMetrics, LabelledPosting, ClassMetrics, ReliabilityBin, EvaluatedPosting } from "./eval/evaluate.js";
export { RoleLensError, LexiconError, InputError } from "./errors.js";
export type { RoleLensErrorCode, DataIssue } from "./errors.js";
