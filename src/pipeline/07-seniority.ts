/**
 * Stage 7: the seniority level of the posting, read from its title and body by the domain rules in
 * `seniority.ts` (title marker, then a body marker naming the hire, then required years, then the
 * default), with the deciding marker as a span of the original input.
 */
import type { SeniorityResult } from "../result.js";
import { detectSeniority } from "../seniority.js";
import type { Section } from "./02-segment.js";
import { spanOf, valueFor, type PostingFields } from "./field.js";

/**
 * Stage 7: the level, how it was decided, its evidence span (null for the default) and the years the
 * posting requires. The body's sections say which stated years are requirements (see seniority.ts).
 */
export function seniority(fields: PostingFields, sections: readonly Section[]): SeniorityResult {
  const found = detectSeniority(fields.title, fields.body, sections);
  const at = found.at;
  return {
    level: found.level,
    basis: found.basis,
    evidence: at ? spanOf(valueFor(fields, at.in), at.start, at.end) : null,
    yearsRequired: found.yearsRequired,
  };
}
