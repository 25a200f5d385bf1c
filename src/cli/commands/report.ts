import { type Command, FIELD_OPTIONS, fieldMapping, LEXICON_OPTION, stringOption } from "../command.js";
import { checkWritable, readJson, readsStdin, terminalHint, UsageError, writeOutput } from "../io.js";
import { titleOnlyLine } from "../records.js";

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
diagram. Postings are classified on this thread: for a large board, classify with --jobs first.
Records with neither a title nor a body field are counted on stderr; when no record has one (say,
classify's default output), no page is written and the exit code is 2.`,
  options: {
    out: { type: "string", value: "FILE", help: "where to write the HTML page (required)" },
    title: { type: "string", value: "TEXT", help: "the page's title" },
    ...FIELD_OPTIONS,
    lexicon: LEXICON_OPTION,
  },
  async run(values, positionals, io) {
    const out = stringOption(values, "out");
    if (out === undefined) throw new UsageError("report needs --out FILE");
    const lexiconPath = stringOption(values, "lexicon");
    const lexicon = lexiconPath === undefined ? undefined : await readJson(lexiconPath);
    // Checked before any posting is read: an unwritable --out fails at once, naming the path.
    await checkWritable(out);
    // vega loads only for this command.
    const [{ buildReport }, { emptyReportNotes, reportRecordsFromInputs }] = await Promise.all([
      import("../../report/build.js"),
      import("../../report/inputs.js"),
    ]);
    const notes = emptyReportNotes();
    const title = stringOption(values, "title");
    const source = positionals.join(", ") || "<stdin>";
    if (readsStdin(positionals)) terminalHint(io, "JSONL postings or results (one JSON object per line)", "report");
    const records = reportRecordsFromInputs(positionals, {
      fields: fieldMapping(values),
      stdin: io.stdin,
      notes,
      signal: io.interrupt,
      ...(lexicon === undefined ? {} : { lexicon }),
    });
    const html = await buildReport(records, { source, ...(title === undefined ? {} : { title }) });
    for (const skipped of notes.skipped) io.stderr.write(`role-lens: skipped ${skipped}\n`);
    for (const input of notes.empty) io.stderr.write(`role-lens: ${input} holds no postings\n`);
    io.stderr.write(titleOnlyLine(notes.titleOnly));
    if (io.interrupt.aborted) {
      io.stderr.write("role-lens: interrupted; no report written\n");
      return 130;
    }
    const { fieldless } = notes;
    const found = `fields found: ${fieldless.fields.join(", ")}`;
    // A page of error records alone helps nobody: classify's default output (whose own error records
    // pass through), inputs that could not be read, or postings under other field names.
    if (notes.records > 0 && notes.classified === 0) {
      const why =
        fieldless.count === 0
          ? notes.unreadable.length > 0
            ? `cannot read ${notes.unreadable.join(", ")}`
            : "every record is an error record"
          : notes.results > 0
            ? `${found}; they look like classify's default output, which leaves the posting out: run classify with --fields all, or report on the postings themselves`
            : `${found}; --title-field/--text-field NAME name a posting's fields`;
      throw new UsageError(
        `report reads postings (a title or body field) or \`role-lens classify --fields all\` output, and none of the ${notes.records} records of ${source} is either (${why}). No report written`,
      );
    }
    if (fieldless.count > 0) {
      io.stderr.write(
        `role-lens: ${fieldless.count} of ${notes.records} records have no title or body field (${found}); they are error records in the report\n`,
      );
    }
    await writeOutput(out, html);
    io.stderr.write(`role-lens: report written to ${out}\n`);
    return 0;
  },
};
