import type { Field, Span } from "../result.js";
import type { NormalizedText } from "./01-normalize.js";

/** Which part of the posting a value or match belongs to: the job title or the body. */
export type Part = "title" | "body";

/**
 * One field of a posting as every stage reads it: made once by stage 1 and passed on as a value.
 * A title cut from the first line of a body shares the body's normalized text and differs only in
 * `part` and [from, to); a title given as its own field has its own text.
 */
export interface FieldValue {
  /** Which part of the posting this is: the job title or the body. */
  readonly part: Part;
  /** The input field that spans point into: `input[field].slice(start, end)`. */
  readonly field: Field;
  /** The original text of that input field. */
  readonly source: string;
  /** The normalized text (HTML read as text) and its lowercase of the same length, with the map back to `source`. */
  readonly norm: NormalizedText;
  /** The part of `norm.text` this field covers, in normalized offsets. */
  readonly from: number;
  readonly to: number;
}

/**
 * A field value. Every one is made here, with its properties in one order, so all share one hidden
 * class and the stages that read them stay monomorphic (a spread or a second literal makes another).
 */
export function fieldValue(part: Part, field: Field, source: string, norm: NormalizedText, from: number, to: number): FieldValue {
  return { part, field, source, norm, from, to };
}

/** The same field value narrowed to [from, to) as another part. */
export function withRange(value: FieldValue, part: Part, from: number, to: number): FieldValue {
  return fieldValue(part, value.field, value.source, value.norm, from, to);
}

/** What stage 1 makes of a posting: its title (given, or cut from the body's first line) and its body. */
export interface PostingFields {
  readonly title: FieldValue | undefined;
  readonly body: FieldValue;
}

/** The value a match or marker of `part` points into (a title part always has its value). */
export function valueFor(fields: PostingFields, part: Part): FieldValue {
  return part === "title" && fields.title ? fields.title : fields.body;
}

/** A span of the original input from normalized offsets [start, end) of a field. */
export function spanOf(value: FieldValue, start: number, end: number): Span {
  const s = value.norm.toSource(start, end);
  return { field: value.field, start: s.start, end: s.end, text: value.source.slice(s.start, s.end) };
}

/** The field's own part of the lowercased text, without copying when it is the whole text. */
export function lowerOf(value: FieldValue): string {
  const lower = value.norm.lower;
  return value.from === 0 && value.to === lower.length ? lower : lower.slice(value.from, value.to);
}

/** The field's own part of the normalized text, without copying when it is the whole text. */
export function textOf(value: FieldValue): string {
  const text = value.norm.text;
  return value.from === 0 && value.to === text.length ? text : text.slice(value.from, value.to);
}
