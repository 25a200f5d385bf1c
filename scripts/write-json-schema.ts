// `npm run schema`: regenerates lexicons/lexicon.schema.json from the zod schema (tests check it is current).
import { writeFileSync } from "node:fs";
import { lexiconJsonSchema } from "../src/lexicon/json-schema.js";

writeFileSync(new URL("../lexicons/lexicon.schema.json", import.meta.url), JSON.stringify(lexiconJsonSchema(), null, 2) + "\n");
