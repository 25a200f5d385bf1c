import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { defaultLexicon } from "../../classifier.js";
import type { FitExample } from "../../fit/fit.js";
import { parseLabelled } from "../../fit/labelled.js";
import { validateLexicon } from "../../lexicon/load.js";
import { type Command, type OptionValues, stringOption } from "../command.js";
import { fitReport } from "../format.js";
import { type CliIo, type ExitCode, readJson, UsageError } from "../io.js";

export const lexiconCommand: Command = {
  name: "lexicon",
  args: "validate <file.json> | expand <file.json> [--write] | fit <labelled.jsonl...> [--lexicon FILE] [--write]",
  summary: "validate a custom lexicon, add inflections to its variants, or fit its numbers on labelled postings",
  description: `validate: checks the lexicon against the schema and for duplicate ids and surface forms.
expand:   fills each entry's variants with plurals (entries with "inflect": true) and the verb forms
          of its "verbs"; prints the lexicon, or rewrites the file with --write.
fit:      learns the lexicon's numbers (entry weights, attribution weights, the neither bias, breadth
          weights, confidence calibration) from labelled postings (JSONL: label ml|ai|neither,
          title, text or html, and company, which keeps a company's postings in one fold). Prints
          k-fold cross-validated figures (folds grouped by company), overall, by file, by source and by
          the labellers' confidence (a record's "confidence"),
          then with --write rewrites the --lexicon file. Terms, roles and sources never change.`,
  options: {
    write: { type: "boolean", help: "expand, fit: rewrite the file instead of printing" },
    lexicon: { type: "string", value: "FILE", help: "fit: the lexicon to fit (default: the bundled one; --write needs a file)" },
    "no-search": { type: "boolean", help: "fit: no grid search; cross-validate the lexicon's own settings" },
    folds: { type: "string", value: "N", default: "5", help: "fit: cross-validation folds" },
  },
  async run(values, positionals, io) {
    const [action, file] = positionals;
    if (action === "fit") return fitLabelled(values, positionals.slice(1), io);
    if ((action !== "validate" && action !== "expand") || file === undefined) {
      throw new UsageError(`lexicon needs validate, expand or fit and a file: role-lens lexicon ${lexiconCommand.args}`);
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

/** Below this many labelled postings, fitting warns that its numbers will be noisy. */
const FEW_POSTINGS = 100;

/** `lexicon fit`: cross-validated figures of fitting the lexicon on labelled files, and with --write the fitted lexicon. */
async function fitLabelled(values: OptionValues, files: readonly string[], io: CliIo): Promise<ExitCode> {
  if (files.length === 0) throw new UsageError("lexicon fit needs one or more labelled .jsonl files");
  const lexiconPath = stringOption(values, "lexicon");
  if (values["write"] === true && lexiconPath === undefined) throw new UsageError("lexicon fit --write needs --lexicon FILE: the file to rewrite");
  const folds = Number(stringOption(values, "folds"));
  if (!Number.isInteger(folds) || folds < 2) throw new UsageError(`--folds must be a whole number ≥ 2, not ${stringOption(values, "folds")}`);
  const lexicon = lexiconPath === undefined ? defaultLexicon() : await readJson(lexiconPath);
  const data: FitExample[] = [];
  const fileOf: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
    for (const example of parseLabelled(text, file)) {
      data.push(example);
      fileOf.push(file);
    }
  }
  if (data.length < folds)
    throw new UsageError(
      `lexicon fit needs at least ${folds} labelled postings (one per fold); ${files.join(", ")} ${files.length === 1 ? "holds" : "hold"} ${data.length}`,
    );
  if (data.length < FEW_POSTINGS) {
    io.stderr.write(
      `role-lens: only ${data.length} labelled postings: the fitted numbers and their cross-validated figures will be noisy (a few hundred, from many companies, fit well)\n`,
    );
  }
  const { fitLexicon } = await import("../../fit/fit.js");
  const { lexicon: fitted, report } = fitLexicon(lexicon, data, { folds, search: values["no-search"] !== true });
  const groups = (key: (i: number) => string | undefined) => {
    const byKey = new Map<string, number[]>();
    data.forEach((_, i) => {
      const k = key(i);
      if (k !== undefined) byKey.set(k, [...(byKey.get(k) ?? []), i]);
    });
    return [...byKey].map(([name, indices]) => ({ name, items: indices.map((i) => report.outOfFold[i]!) }));
  };
  io.stdout.write(
    fitReport(report, [
      ...groups((i) => basename(fileOf[i]!)),
      ...(data.some((d) => d.source) ? groups((i) => (data[i]!.source ? `source ${data[i]!.source}` : undefined)) : []),
      // Where the labellers were unsure, a miss is often a judgment call rather than a reading error.
      ...groups((i) => (data[i]!.labelConfidence ? `labeller ${data[i]!.labelConfidence}` : undefined)),
    ]),
  );
  if (values["write"] === true && lexiconPath !== undefined) {
    await writeFile(lexiconPath, `${JSON.stringify(fitted, null, 2)}\n`);
    io.stderr.write(`${lexiconPath}: fitted numbers written\n`);
  } else io.stderr.write("role-lens: not written (--write --lexicon FILE writes the fitted lexicon)\n");
  return 0;
}
