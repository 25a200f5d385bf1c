import { writeFile } from "node:fs/promises";
import { validateLexicon } from "../../lexicon/load.js";
import type { Command } from "../command.js";
import { readJson, UsageError } from "../io.js";

export const lexiconCommand: Command = {
  name: "lexicon",
  args: "validate <file.json> | expand <file.json> [--write]",
  summary: "validate a custom lexicon, or add inflections (plurals, verb forms) to its variants",
  description: `validate: checks the lexicon against the schema and for duplicate ids and surface forms.
expand:   fills each entry's variants with plurals (entries with "inflect": true) and the verb forms
          of its "verbs"; prints the lexicon, or rewrites the file with --write.`,
  options: {
    write: { type: "boolean", help: "expand: rewrite the file instead of printing" },
  },
  async run(values, positionals, io) {
    const [action, file] = positionals;
    if ((action !== "validate" && action !== "expand") || file === undefined) {
      throw new UsageError(`lexicon needs validate or expand and a file: role-lens lexicon ${lexiconCommand.args}`);
    }
    const document = await readJson(file);
    if (action === "validate") {
      const result = validateLexicon(document);
      if (result.ok) {
        io.stdout.write(`${file}: valid (${result.lexicon.entries.length} entries)\n`);
        return 0;
      }
      for (const issue of result.issues) io.stdout.write(`${file}: ${issue.path || "(root)"}: ${issue.message}\n`);
      io.stderr.write(`${file}: ${result.issues.length} problem(s)\n`);
      return 2;
    }
    // compromise (~400 ms, tens of MB) loads only for this command.
    const { expandLexicon } = await import("../../lexicon/expand.js");
    const expanded = `${JSON.stringify(expandLexicon(document), null, 2)}\n`;
    if (values["write"] === true) {
      await writeFile(file, expanded);
      io.stderr.write(`${file}: variants written\n`);
    } else io.stdout.write(expanded);
    return 0;
  },
};
