import { createClassifier } from "../../classifier.js";
import { looksLikeHtml, normalizeMarkup } from "../../pipeline/01-normalize.js";
import { DEFAULT_MAX_INPUT_LENGTH } from "../../posting.js";
import type { Classification, Field } from "../../result.js";
import { type Command, FIELD_OPTIONS, fieldMapping, LEXICON_OPTION, stringOption } from "../command.js";
import { explainHeader, highlight, type MarkedSpan } from "../format.js";
import { firstPosting, stdinPosting } from "../inputs.js";
import { readJson, terminalHint, UsageError } from "../io.js";
import { describeOrigin } from "../records.js";

function spansIn(result: Classification, field: Field): MarkedSpan[] {
  return result.evidence.flatMap((e) =>
    e.matches.filter((m) => m.field === field).map((m) => ({ start: m.start, end: m.end, role: e.role, negated: m.negated, about: m.about })),
  );
}

/**
 * An HTML body as its readable text (what the stages read: no tags, no script or style, entities
 * decoded), with the evidence spans, which point into the HTML, moved onto that text.
 */
function readable(html: string, spans: readonly MarkedSpan[]): { text: string; spans: MarkedSpan[] } {
  const norm = normalizeMarkup(html);
  // Where each text character came from in the HTML: non-decreasing, so a span maps by search.
  const from = Array.from({ length: norm.text.length }, (_, t) => norm.toSource(t, t + 1).start);
  const firstAtOrAfter = (source: number) => {
    let lo = 0;
    let hi = from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]! < source) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return { text: norm.text, spans: spans.map((s) => ({ ...s, start: firstAtOrAfter(s.start), end: firstAtOrAfter(s.end) })) };
}

export const explainCommand: Command = {
  name: "explain",
  args: "<file>... [options]",
  summary: "postings with their evidence highlighted",
  description: `Classifies each posting file (.txt, .md, .html, or the first record of a .jsonl or .csv) and
prints its text with the evidence highlighted: ML evidence in blue, AI in magenta, other roles in
yellow, negated struck out, the company's context (not the role's own work) underlined. Without
colour, a match reads [text|role], [~text|role] when negated, [text|role, context] for context.
HTML is shown as its readable text. Several files are explained one after another. - reads one
posting from stdin: a JSON object as a record, else its text (HTML when it looks like HTML).`,
  options: {
    "no-color": { type: "boolean", help: "no ANSI colours, even on a terminal" },
    ...FIELD_OPTIONS,
    lexicon: LEXICON_OPTION,
  },
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError("explain needs a file");
    const lexiconPath = stringOption(values, "lexicon");
    const classifier = createClassifier(lexiconPath === undefined ? {} : { lexicon: await readJson(lexiconPath) });
    const color = io.color && values["no-color"] !== true;
    const fields = fieldMapping(values);
    for (const [i, file] of positionals.entries()) {
      if (file === "-") terminalHint(io, "one posting (text, HTML or a JSON object)", "explain");
      const found =
        file === "-"
          ? { read: await stdinPosting(io.stdin, fields, DEFAULT_MAX_INPUT_LENGTH, io.interrupt), more: false }
          : await firstPosting(file, fields, DEFAULT_MAX_INPUT_LENGTH, io.stdin);
      const read = found?.read;
      if (read === undefined) throw new UsageError(`${file} holds no posting`);
      if (found?.more) io.stderr.write(`role-lens: ${file} holds more than one record; explain shows its first (classify reads them all)\n`);
      if (read.kind === "failed") throw new UsageError(`${describeOrigin(read.origin)}: ${read.message}`);
      const { posting } = read;
      const result = classifier.classify(posting);
      const out = [...(positionals.length > 1 ? [`${i > 0 ? "\n" : ""}== ${file}`] : []), ...explainHeader(result), ""];
      if (posting.title !== undefined) out.push(highlight(posting.title, spansIn(result, "title"), color), "");
      const field = posting.html !== undefined ? "html" : "text";
      const source = posting.html ?? posting.text ?? "";
      // A text body that looks like HTML is read as HTML by the classifier, and shown so here.
      if (field === "html" || looksLikeHtml(source)) {
        const body = readable(source, spansIn(result, field));
        out.push(highlight(body.text, body.spans, color));
      } else out.push(highlight(source, spansIn(result, field), color));
      io.stdout.write(`${out.join("\n")}\n`);
    }
    return 0;
  },
};
