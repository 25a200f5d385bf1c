import * as z from "zod";
import { lexiconObject } from "./schema.js";

/** The JSON Schema of a lexicon document as written (defaults optional), for editors: `lexicons/lexicon.schema.json`. */
export function lexiconJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(lexiconObject, { io: "input", target: "draft-2020-12" }) as Record<string, unknown>;
}
