import type { FieldMatcher } from "../lexicon/compile.js";
import { formKey } from "../lexicon/forms.js";

/** Stage 3: one scan of a lowercased field with the compiled alternation. Offsets are in the normalized text. */
export interface RawMatch {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

/** Matched spellings seen before, straight to their entry; capped so hostile input cannot grow it without bound. */
const SPELLING_CACHE_LIMIT = 20_000;

function entryFor(matcher: FieldMatcher, spelling: string): number | undefined {
  const cached = matcher.bySpelling.get(spelling);
  if (cached !== undefined || matcher.bySpelling.has(spelling)) return cached;
  const entry = matcher.entryOf.get(formKey(spelling));
  if (matcher.bySpelling.size < SPELLING_CACHE_LIMIT) matcher.bySpelling.set(spelling, entry);
  return entry;
}

export function matchField(matcher: FieldMatcher, lower: string, from: number, to: number, out: RawMatch[]): void {
  const regex = matcher.regex;
  if (!regex || to <= from) return;
  regex.lastIndex = from;
  for (let m = regex.exec(lower); m !== null && m.index < to; m = regex.exec(lower)) {
    const end = m.index + m[0].length;
    if (end > to) break;
    const entry = entryFor(matcher, m[0]);
    if (entry !== undefined) out.push({ entry, start: m.index, end });
  }
}
