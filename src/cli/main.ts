import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DEFAULT_FIELDS, readInputs } from "../batch/readers.js";
import { createClassifier, type Classifier } from "../classifier.js";
import { LexiconError, RoleLensError } from "../errors.js";
import { evaluate, type LabelledPosting } from "../eval/evaluate.js";
import { normalizeHtml } from "../pipeline/01-normalize.js";
import { validateLexicon } from "../lexicon/load.js";
import { commandClassify } from "./classify-command.js";
import { topTerms } from "../batch/output.js";
import { evaluationReport, highlight } from "./format.js";
import { readJson, UsageError, type CliIo, type ExitCode } from "./io.js";
import { VERSION } from "./version.js";

const HELP: Record<string, string> = {
  main: `role-lens ${VERSION}: tell ML Engineer postings from AI Engineer postings

usage: role-lens <command> [options]

commands:
  classify [inputs...]       classify postings (JSONL, CSV, .txt/.md/.html files, directories, or - for stdin)
  explain <file>             one posting with its evidence highlighted
  eval <file.jsonl>          accuracy, F1, calibration and seniority against gold labels
  lexicon validate <file>    check a custom lexicon and list every problem
  lexicon expand <file>      add inflections (plurals, verb forms) to a lexicon's variants

options: --help, --version; --lexicon FILE on every command
exit codes: 0 all good, 1 some records failed, 2 usage or lexicon error, 130 interrupted
`,
  classify: `usage: role-lens classify [inputs...] [options]

Reads .jsonl/.ndjson (one posting per line), .csv (a header row), .txt/.md/.html files (one posting
each), directories of those, and - or nothing for JSONL on stdin. Writes one record per input
posting, in order, with errors inline; a summary goes to stderr.

options:
  --format jsonl|csv|table  output format (default jsonl)
  --out FILE             write results to FILE instead of stdout
  --jobs N               worker threads (default: the available cores); same output for any N
  --id-field NAME        record field holding the id (default id)
  --title-field NAME     record field holding the title (default title)
  --text-field NAME      record field holding the body (default text, then description, then html)
  --lexicon FILE         use a custom lexicon
`,
  explain: `usage: role-lens explain <file> [--lexicon FILE] [--no-color]

Classifies one posting (.txt, .md, .html, or the first record of a .jsonl) and prints it with its
evidence highlighted: ML evidence in blue, AI in magenta, other roles in yellow, negated struck out.
`,
  eval: `usage: role-lens eval <file.jsonl> [--json] [--wrong N] [--lexicon FILE]

Reads labelled postings (id, title, text or html, label ml|ai|neither, mixed, level) and reports
accuracy, macro-F1, per-class precision/recall/F1, the confusion matrix, seniority accuracy, the
expected calibration error with its reliability table, and the postings it got wrong.
`,
  lexicon: `usage: role-lens lexicon validate <file.json>
       role-lens lexicon expand <file.json> [--write]

validate: checks the lexicon against the schema and for duplicate ids and surface forms.
expand:   fills each entry's variants with plurals (entries with "inflect": true) and the verb forms
          of its "verbs"; prints the lexicon, or rewrites the file with --write.
`,
};

async function classifierFor(lexiconPath: string | undefined): Promise<Classifier> {
  if (lexiconPath === undefined) return createClassifier();
  return createClassifier({ lexicon: await readJson(lexiconPath) });
}

async function commandExplain(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { lexicon: { type: "string" }, "no-color": { type: "boolean" } } });
  const [file] = positionals;
  if (file === undefined) throw new UsageError("explain needs a file");
  const classifier = await classifierFor(values.lexicon);
  for await (const input of readInputs([file], DEFAULT_FIELDS, io.stdin)) {
    if (input.ok !== true) throw new UsageError(`${file}: ${input.ok === false ? input.message : "unreadable"}`);
    const result = classifier.classify(input.posting);
    const color = io.color && values["no-color"] !== true;
    const out = [
      `label: ${result.label}  confidence ${result.confidence}${result.mixed ? "  (mixed)" : ""}  [${result.reason}]`,
      `scores: ml ${result.scores.ml}, ai ${result.scores.ai}, neither ${result.scores.neither}`,
      `seniority: ${result.seniority.level} (${result.seniority.basis}${result.seniority.evidence ? `: "${result.seniority.evidence.text}"` : ""})`,
      `band: ${result.salary.band ? `${result.salary.band.min}-${result.salary.band.max} ${result.salary.band.currency}/year (${result.salary.band.source})` : "none"}`,
      `stated pay: ${result.salary.stated ? `${result.salary.stated.min}-${result.salary.stated.max} ${result.salary.stated.currency}/${result.salary.stated.period} ("${result.salary.stated.text}")${result.salary.comparison ? `, ${result.salary.comparison} the band` : ""}` : "none"}`,
      `top evidence: ${topTerms(result, 6).join(", ") || "none"}`,
      "",
    ];
    if (input.posting.title !== undefined) out.push(highlight(input.posting.title, result, "title", color), "");
    const body = input.posting.html ?? input.posting.text ?? "";
    out.push(highlight(body, result, input.posting.html !== undefined ? "html" : "text", color));
    io.stdout.write(out.join("\n") + "\n");
    return 0;
  }
  throw new UsageError(`${file} holds no posting`);
}

async function commandEval(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lexicon: { type: "string" }, json: { type: "boolean" }, wrong: { type: "string", default: "20" } },
  });
  const [file] = positionals;
  if (file === undefined) throw new UsageError("eval needs a labelled .jsonl file");
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const postings: LabelledPosting[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      postings.push(JSON.parse(line) as LabelledPosting);
    } catch (error) {
      throw new UsageError(`${file}:${i + 1}: malformed JSON: ${(error as Error).message}`);
    }
  });
  const classifier = await classifierFor(values.lexicon);
  const report = evaluate(classifier, postings);
  const texts = new Map(postings.map((p, i) => [p.id ?? `#${i}`, `${p.title ?? ""}\n${p.html !== undefined ? normalizeHtml(p.html).text : (p.text ?? "")}`]));
  // natural loads only for this report, not for every command.
  const { suggestTerms } = await import("../eval/gaps.js");
  const gaps = suggestTerms(report, texts, classifier.lexicon);
  if (values.json) {
    const { postings: evaluated, ...summary } = report;
    const wrong = evaluated
      .filter((p) => !p.correct)
      .map((p) => ({ id: p.id, gold: p.gold, predicted: p.result.label, confidence: p.result.confidence, top: topTerms(p.result, 5) }));
    io.stdout.write(JSON.stringify({ ...summary, wrong, lexiconGaps: gaps }, null, 2) + "\n");
  } else {
    io.stdout.write(evaluationReport(report, Number(values.wrong), gaps));
  }
  return 0;
}

async function commandLexicon(args: string[], io: CliIo): Promise<ExitCode> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { write: { type: "boolean" } } });
  const [file] = positionals;
  if ((action !== "validate" && action !== "expand") || file === undefined) throw new UsageError(HELP["lexicon"]!);
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
  const { expandLexicon } = await import("../lexicon/expand.js");
  const expanded = JSON.stringify(expandLexicon(document), null, 2) + "\n";
  if (values.write) {
    await writeFile(file, expanded);
    io.stderr.write(`${file}: variants written\n`);
  } else io.stdout.write(expanded);
  return 0;
}

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<ExitCode>> = {
  classify: commandClassify,
  explain: commandExplain,
  eval: commandEval,
  lexicon: commandLexicon,
};

/**
 * Runs one CLI invocation and returns its exit code; the only place that decides it.
 * Results go to stdout, diagnostics to stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [command, ...args] = argv;
  if (command === "--version" || command === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === undefined) {
    io.stderr.write(HELP["main"]!);
    return 2;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    io.stdout.write(HELP["main"]!);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`role-lens: unknown command "${command}"\n\n${HELP["main"]}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(HELP[command] ?? HELP["main"]!);
    return 0;
  }
  try {
    return await run(args, io);
  } catch (error) {
    if (error instanceof LexiconError) {
      io.stderr.write(`role-lens: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RoleLensError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`role-lens: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
