import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { createClassifier } from "../../classifier.js";
import { evaluate, type LabelledPosting } from "../../eval/evaluate.js";
import { normalizeHtml } from "../../pipeline/01-normalize.js";
import { type Command, LEXICON_OPTION, stringOption } from "../command.js";
import { evaluationReport, topTerms } from "../format.js";
import { fsReason, readJson, UsageError } from "../io.js";

const GOLD_LABELS = ["ml", "ai", "neither", "ml-engineer", "ai-engineer"];
const GOLD_LEVELS = ["junior", "mid", "senior", "staff", "unstated"];
/** The gold labels eval accepts, as a message lists them. */
const EXPECTED_LABELS = `${GOLD_LABELS.slice(0, -1).join(", ")} or ${GOLD_LABELS.at(-1)}`;
const JSON_LINES = [".jsonl", ".ndjson"];

/** Why a labelled record cannot be evaluated, naming the field; undefined when it can. */
function problem(value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "a record must be a JSON object";
  const r = value as Record<string, unknown>;
  if (r["label"] === undefined || r["label"] === null) return `field "label" is missing (expected ${EXPECTED_LABELS})`;
  if (typeof r["label"] !== "string" || !GOLD_LABELS.includes(r["label"])) return `field "label" is ${JSON.stringify(r["label"])}; expected ${EXPECTED_LABELS}`;
  for (const name of ["id", "title", "text", "html"]) {
    const v = r[name];
    if (v !== undefined && v !== null && typeof v !== "string" && !(name === "id" && typeof v === "number")) return `field "${name}" must be a string`;
  }
  if (typeof r["title"] !== "string" && typeof r["text"] !== "string" && typeof r["html"] !== "string") return `no "title", "text" or "html" field with text`;
  if (r["mixed"] !== undefined && r["mixed"] !== null && typeof r["mixed"] !== "boolean") return `field "mixed" must be true, false or null`;
  const level = r["level"];
  if (level !== undefined && level !== null && (typeof level !== "string" || !GOLD_LEVELS.includes(level))) {
    return `field "level" is ${JSON.stringify(level)}; expected ${GOLD_LEVELS.join(", ")} or null`;
  }
  return undefined;
}

export const evalCommand: Command = {
  name: "eval",
  args: "<file.jsonl> [options]",
  summary: "accuracy, F1, calibration and seniority against gold labels",
  description: `Reads labelled postings, JSONL (.jsonl/.ndjson: id, title, text or html, label
ml|ai|neither|ml-engineer|ai-engineer, mixed, level), and reports accuracy, macro-F1 (over the labels
present in the gold or predicted labels), per-class precision/recall/F1, the confusion matrix,
seniority accuracy, the expected calibration error with its reliability table, and the postings it
got wrong. A record without a valid label is a usage error naming its line and field; a file
without records is too.`,
  options: {
    json: { type: "boolean", help: "the report as JSON" },
    wrong: { type: "string", value: "N", default: "20", help: "how many wrongly labelled postings to list" },
    lexicon: LEXICON_OPTION,
  },
  async run(values, positionals, io) {
    const [file] = positionals;
    if (file === undefined) throw new UsageError("eval needs a labelled .jsonl file");
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${fsReason(error)}`);
    }
    const postings: LabelledPosting[] = [];
    for (const [i, line] of text.split("\n").entries()) {
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        // A file of another kind (a CSV export) is named as such, not as a broken line of JSON.
        if (!JSON_LINES.includes(extname(file).toLowerCase()))
          throw new UsageError(`${file} is not labelled JSONL: eval reads .jsonl/.ndjson files, one JSON object per line (line ${i + 1} is not JSON)`);
        throw new UsageError(`${file}:${i + 1}: malformed JSON: ${(error as Error).message}`);
      }
      const wrong = problem(value);
      if (wrong !== undefined) throw new UsageError(`${file}:${i + 1}: ${wrong}`);
      postings.push(value as LabelledPosting);
    }
    if (postings.length === 0) throw new UsageError(`${file} holds no labelled postings; there is nothing to evaluate`);
    const lexiconPath = stringOption(values, "lexicon");
    const classifier = createClassifier(lexiconPath === undefined ? {} : { lexicon: await readJson(lexiconPath) });
    const report = evaluate(classifier, postings);
    const texts = new Map(postings.map((p, i) => [p.id ?? `#${i}`, `${p.title ?? ""}\n${p.html !== undefined ? normalizeHtml(p.html).text : (p.text ?? "")}`]));
    // natural loads only for this report, not for every command.
    const { suggestTerms } = await import("../../eval/gaps.js");
    const gaps = suggestTerms(report, texts, classifier.lexicon);
    if (values["json"] === true) {
      const { postings: evaluated, ...summary } = report;
      const wrong = evaluated
        .filter((p) => !p.correct)
        .map((p) => ({ id: p.id, gold: p.gold, predicted: p.result.label, confidence: p.result.confidence, top: topTerms(p.result, 5) }));
      io.stdout.write(`${JSON.stringify({ ...summary, wrong, lexiconGaps: gaps }, null, 2)}\n`);
    } else io.stdout.write(evaluationReport(report, Number(stringOption(values, "wrong")), gaps));
    return 0;
  },
};
