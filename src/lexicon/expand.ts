import { formKey } from "./forms.js";
import { pluralOf, verbFormsOf } from "./inflect.js";
import { loadLexicon } from "./load.js";

/** A lexicon document as written, after {@link expandLexicon}: every other field kept as it was. */
export interface ExpandedLexicon {
  /** The entries, in order, each with `variants` set to its new forms (or removed when it has none). */
  entries: Array<Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * Fills each entry's `variants` with the inflections of its terms (plurals where `inflect` is set,
 * verb forms of its `verbs`), skipping forms another entry already uses. Returns the document as it
 * was written, with only `variants` changed, ready to be written back to JSON
 * (`role-lens lexicon expand FILE --write`).
 *
 * @param document - a lexicon document, parsed or as JSON text.
 * @throws `LexiconError` (`LEXICON_INVALID`, from the main entry) when the document is not a valid lexicon.
 */
export function expandLexicon(document: unknown): ExpandedLexicon {
  const lexicon = loadLexicon(document);
  const owner = new Set<string>();
  const keyOf = (scope: string, form: string) => `${scope === "title"}:${formKey(form)}`;
  for (const entry of lexicon.entries) {
    for (const term of [...entry.terms, ...entry.verbs]) owner.add(keyOf(entry.scope, term));
  }
  const variants = lexicon.entries.map((entry) => {
    const forms: string[] = [];
    for (const form of [...(entry.inflect ? entry.terms.map(pluralOf) : []), ...entry.verbs.flatMap(verbFormsOf)]) {
      if (form === undefined || owner.has(keyOf(entry.scope, form))) continue;
      owner.add(keyOf(entry.scope, form));
      forms.push(form);
    }
    return forms;
  });
  const original = (typeof document === "string" ? JSON.parse(document) : document) as { entries: Array<Record<string, unknown>> };
  return {
    ...original,
    entries: original.entries.map((entry, i) => {
      const { variants: _previous, ...rest } = entry;
      return variants[i]!.length > 0 ? { ...rest, variants: variants[i] } : rest;
    }),
  };
}
