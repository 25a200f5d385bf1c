import * as z from "zod";
import { LexiconError, type DataIssue } from "../errors.js";
import { lexiconEntryObject, lexiconObject, type Lexicon, type LexiconEntry, type LexiconInput } from "./schema.js";
import { formKey } from "./forms.js";

/** Turns zod issues into `path: message` pairs, e.g. `entries[3].weight: expected number`. */
export function toDataIssues(error: z.ZodError): DataIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join(""),
    message: issue.message,
  }));
}

/** Problems zod cannot see: duplicate ids, and one surface form claimed by two entries that match the same text. */
function crossEntryIssues(entries: ReadonlyArray<{ readonly index: number; readonly entry: LexiconEntry }>): DataIssue[] {
  const issues: DataIssue[] = [];
  const ids = new Map<string, number>();
  for (const { index, entry } of entries) {
    const first = ids.get(entry.id);
    if (first !== undefined) issues.push({ path: `entries[${index}].id`, message: `duplicate id "${entry.id}" (first at entries[${first}])` });
    else ids.set(entry.id, index);
  }
  // Title-scoped entries take precedence over "any" entries in titles, so only equal scopes conflict.
  const owners = new Map<string, { index: number; id: string; form: string }>();
  for (const { index, entry } of entries) {
    const seen = new Set<string>();
    const located = (["terms", "verbs", "variants"] as const).flatMap((field) => entry[field].map((form, j) => ({ form, where: `${field}[${j}]` })));
    for (const { form, where } of located) {
      const key = `${entry.scope === "title" ? "title" : "body"}:${formKey(form)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const owner = owners.get(key);
      if (owner) {
        issues.push({
          path: `entries[${index}].${where}`,
          message: `surface form "${form}" is also "${owner.form}" in entries[${owner.index}] (${owner.id})`,
        });
      } else owners.set(key, { index, id: entry.id, form });
    }
  }
  return issues;
}

/** What {@link validateLexicon} returns: the validated lexicon, or every problem found. */
export type LexiconValidation =
  | {
      /** The document is a valid lexicon. */
      readonly ok: true;
      /** The validated lexicon, defaults filled in. */
      readonly lexicon: Lexicon;
    }
  | {
      /** The document is not a valid lexicon. */
      readonly ok: false;
      /** Every problem found, each with the path of the field it concerns. */
      readonly issues: readonly DataIssue[];
    };

/** Validates an untrusted lexicon document and reports every problem, without throwing. */
export function validateLexicon(input: unknown): LexiconValidation {
  const parsed = lexiconObject.safeParse(input);
  if (!parsed.success) {
    // The entries that are valid on their own are still checked against each other, so one run reports every problem.
    const raw = (input as { entries?: unknown } | null)?.entries;
    const valid = Array.isArray(raw)
      ? raw.flatMap((value, index) => {
          const entry = lexiconEntryObject.safeParse(value);
          return entry.success ? [{ index, entry: entry.data }] : [];
        })
      : [];
    return { ok: false, issues: [...toDataIssues(parsed.error), ...crossEntryIssues(valid)] };
  }
  const issues = crossEntryIssues(parsed.data.entries.map((entry, index) => ({ index, entry })));
  return issues.length > 0 ? { ok: false, issues } : { ok: true, lexicon: parsed.data };
}

/** Validates a lexicon document (an object, or its JSON text) and throws a `LexiconError` naming every problem. */
export function loadLexicon(input: unknown): Lexicon {
  let document = input;
  if (typeof input === "string") {
    try {
      document = JSON.parse(input);
    } catch (error) {
      throw new LexiconError([{ path: "", message: `not valid JSON: ${(error as Error).message}` }]);
    }
  }
  const result = validateLexicon(document);
  if (!result.ok) throw new LexiconError(result.issues);
  return result.lexicon;
}

/** The entry fields the schema fills when absent, each with its schema: the one place defaults are written. */
const ENTRY_DEFAULTS = Object.entries(lexiconEntryObject.shape).filter(([, schema]) => schema instanceof z.ZodDefault);

/**
 * The bundled default lexicon with the schema's defaults filled in, without validating it: it is
 * validated by the test suite (which checks this equals `loadLexicon` of the same file). The
 * defaults come from the schema itself, so the two cannot drift apart.
 */
export function trustedLexicon(document: LexiconInput): Lexicon {
  return {
    ...document,
    entries: document.entries.map((e) => {
      const entry: Record<string, unknown> = { ...e };
      for (const [key, schema] of ENTRY_DEFAULTS) if (entry[key] === undefined) entry[key] = schema.parse(undefined);
      // A record of unknowns is not comparable to an interface, hence through unknown; the test suite checks the result.
      return entry as unknown as LexiconEntry;
    }),
  };
}
