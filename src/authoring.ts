/*
 * role-lens/authoring: tools for people who write lexicons. Kept apart from the main entry because
 * they load compromise (inflection) and natural (tokenizing, stemming), which the classify path never needs.
 */
export { expandLexicon } from "./lexicon/expand.js";
export { pluralOf, verbFormsOf } from "./lexicon/inflect.js";
export { lexiconJsonSchema } from "./lexicon/json-schema.js";
export { suggestTerms } from "./eval/gaps.js";
export type { TermSuggestion } from "./eval/gaps.js";
