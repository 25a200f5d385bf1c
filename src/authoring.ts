/**
 * role-lens/authoring: tools for people who write lexicons (inflection, term suggestions, fitting a
 * lexicon's numbers on labelled postings). Kept apart from the main entry because
 * they carry compromise (inflection) and natural's tokenizer and stemmer, bundled into this entry,
 * which the classify path never needs.
 *
 * @module
 */
export { expandLexicon } from "./lexicon/expand.js";
export type { ExpandedLexicon } from "./lexicon/expand.js";
export { pluralOf, verbFormsOf } from "./lexicon/inflect.js";
export { lexiconJsonSchema } from "./lexicon/json-schema.js";
export { suggestTerms } from "./eval/gaps.js";
export type { TermSuggestion } from "./eval/gaps.js";
export { fitLexicon } from "./fit/fit.js";
export type { FitExample, FitOptions, FitReport } from "./fit/fit.js";
export { parseLabelled } from "./fit/labelled.js";
