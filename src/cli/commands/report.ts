import { writeFile } from "node:fs/promises";
import { type Command, LEXICON_OPTION, stringOption } from "../command.js";
import { readJson, UsageError } from "../io.js";
import { DEFAULT_FIELDS } from "../records.js";

export const reportCommand: Command = {
  name: "report",
  args: "[postings or results...] --out FILE [options]",
  summary: "one self-contained HTML page of a scored job board: labels, levels, skills, pay against the band",
  description: `Reads postings (JSONL, CSV, .txt/.md/.html files, directories, or - for stdin; a JSONL posting's
"label" ml|ai|neither is read as its gold label) or results already produced by
\`role-lens classify --fields all\`, and writes one HTML file that opens from disk with no network:
counts by label and level, the share mixed, multi-role or too thin to call, the confidence
distribution, the skills each role asks for, stated pay against the seed's band by role and level,
and the records that could not be read; with gold labels, the confusion matrix and a reliability
diagram. Postings are classified on this thread: for a large board, classify with --jobs first.`,
  options: {
    out: { type: "string", value: "FILE", help: "where to write the HTML page (required)" },
    title: { type: "string", value: "TEXT", help: "the page's title" },
    lexicon: LEXICON_OPTION,
  },
  async run(values, positionals, io) {
    const out = stringOption(values, "out");
    if (out === undefined) throw new UsageError("report needs --out FILE");
    const lexiconPath = stringOption(values, "lexicon");
    const lexicon = lexiconPath === undefined ? undefined : await readJson(lexiconPath);
    // vega loads only for this command.
    const [{ buildReport }, { reportRecordsFromInputs }] = await Promise.all([import("../../report/build.js"), import("../../report/inputs.js")]);
    const notes = { skipped: [] as string[], empty: [] as string[], unreadable: [] as string[] };
    const title = stringOption(values, "title");
    const html = await buildReport(
      reportRecordsFromInputs(positionals, { fields: DEFAULT_FIELDS, stdin: io.stdin, notes, ...(lexicon === undefined ? {} : { lexicon }) }),
      { source: positionals.join(", ") || "<stdin>", ...(title === undefined ? {} : { title }) },
    );
    await writeFile(out, html);
    for (const file of notes.skipped) io.stderr.write(`role-lens: skipped ${file}\n`);
    for (const input of notes.empty) io.stderr.write(`role-lens: ${input} holds no postings\n`);
    io.stderr.write(`role-lens: report written to ${out}\n`);
    return 0;
  },
};
