import { InputError } from "./errors.js";

/** A posting: its text as one string, or a record with a title and a plain-text or HTML body. */
export type Posting =
  | string
  | {
      /** An id to carry to the result; a number is accepted at runtime and given back as a string. */
      readonly id?: string | undefined;
      /** The posting's title. */
      readonly title?: string | undefined;
      /** The body as plain text. */
      readonly text?: string | undefined;
      /** The body as HTML; read instead of `text` when both are given. */
      readonly html?: string | undefined;
    };

/** How to read a string body: detect HTML by its tags and entities (`auto`), or force one reading. */
export type InputFormat = "auto" | "text" | "html";

/** The default cap on a posting's total length, in UTF-16 code units (about 1 MB of text). */
export const DEFAULT_MAX_INPUT_LENGTH = 1_000_000;

export interface CheckedPosting {
  readonly id: string | undefined;
  readonly title: string | undefined;
  readonly body: string;
  readonly bodyField: "input" | "text" | "html";
  readonly html: boolean | undefined;
}

function stringField(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new InputError("INPUT_INVALID", name, `posting.${name} must be a string, got ${typeof value}`);
  return value;
}

/** Checks the shape and size of a posting and says which field holds the body. Throws `InputError`. */
export function checkPosting(posting: unknown, maxLength: number): CheckedPosting {
  let checked: CheckedPosting;
  if (typeof posting === "string") {
    checked = { id: undefined, title: undefined, body: posting, bodyField: "input", html: undefined };
  } else if (posting !== null && typeof posting === "object" && !Array.isArray(posting)) {
    const record = posting as Record<string, unknown>;
    const id = record["id"];
    if (id !== undefined && id !== null && typeof id !== "string" && typeof id !== "number") {
      throw new InputError("INPUT_INVALID", "id", `posting.id must be a string or a number, got ${typeof id}`);
    }
    const html = stringField(record, "html");
    const text = stringField(record, "text");
    const title = stringField(record, "title");
    if (html === undefined && text === undefined && title === undefined) {
      throw new InputError("INPUT_INVALID", "(posting)", "a posting needs at least one of text, html or title");
    }
    checked = {
      id: id === undefined || id === null ? undefined : String(id),
      title,
      body: html ?? text ?? "",
      bodyField: html !== undefined ? "html" : "text",
      html: html !== undefined ? true : undefined,
    };
  } else {
    throw new InputError(
      "INPUT_INVALID",
      "(posting)",
      `a posting must be a string or an object with text, html or title; got ${posting === null ? "null" : Array.isArray(posting) ? "an array" : typeof posting}`,
    );
  }
  const length = checked.body.length + (checked.title?.length ?? 0);
  if (length > maxLength) {
    throw new InputError(
      "INPUT_TOO_LARGE",
      checked.bodyField,
      `posting is ${length} characters, over the limit of ${maxLength} (raise it with createClassifier({ maxInputLength }))`,
    );
  }
  return checked;
}
