import type { FieldMatcher } from "../lexicon/compile.js";
import { formKey } from "../lexicon/forms.js";

/** Stage 3: one scan of a lowercased field with the compiled alternation. Offsets are in the normalized text. */
export interface RawMatch {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

export function matchField(matcher: FieldMatcher, lower: string, from: number, to: number, out: RawMatch[]): void {
  const regex = matcher.regex;
  if (!regex || to <= from) return;
  const slice = from === 0 && to === lower.length ? lower : lower.slice(from, to);
  regex.lastIndex = 0;
  for (let m = regex.exec(slice); m !== null; m = regex.exec(slice)) {
    const entry = matcher.entryOf.get(formKey(m[0]));
    if (entry !== undefined) out.push({ entry, start: from + m.index, end: from + m.index + m[0].length });
  }
}
