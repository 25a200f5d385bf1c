import defaultBandsJson from "../lexicons/salary-bands.json";
import defaultLexiconJson from "../lexicons/default.json";
import { compileLexicon, type CompiledLexicon } from "./lexicon/compile.js";
import { loadLexicon, trustedLexicon } from "./lexicon/load.js";
import type { Lexicon, LexiconInput } from "./lexicon/schema.js";
import { looksLikeHtml, normalizeMarkup, normalizePlain, type NormalizedText } from "./pipeline/01-normalize.js";
import { leadingTitle, segment } from "./pipeline/02-segment.js";
import { matchField, type NegationCues, type RawMatch } from "./pipeline/03-match.js";
import { weigh } from "./pipeline/04-weigh.js";
import { decide } from "./pipeline/05-decide.js";
import { checkPosting, DEFAULT_MAX_INPUT_LENGTH, type InputFormat, type Posting } from "./posting.js";
import type { Classification, Evidence, Field, Span, StatedSalaryResult } from "./result.js";
import { bandFor, compareToBand, loadBandTable, type BandTable } from "./salary/band.js";
import { extractSalaries } from "./salary/extract.js";
import { detectSeniority } from "./seniority.js";

export interface ClassifierOptions {
  /** A lexicon document (validated here) or an already validated `Lexicon`. Defaults to the bundled one. */
  readonly lexicon?: unknown;
  /** A salary band table; defaults to the seed's table. */
  readonly bands?: unknown;
  /** Postings longer than this (title + body, UTF-16 code units) throw `InputError` INPUT_TOO_LARGE. */
  readonly maxInputLength?: number;
}

export interface ClassifyOptions {
  /** How to read a string body. `auto` (the default) reads it as HTML when it has HTML tags or entities. */
  readonly format?: InputFormat;
}

export interface Classifier {
  /** Classifies one posting. Pure and synchronous; throws only `InputError` for input it cannot read. */
  classify(posting: Posting, options?: ClassifyOptions): Classification;
  /** The validated lexicon this classifier compiled. */
  readonly lexicon: Lexicon;
}

/** One field of the input, normalized, with the part of it the stages read. */
interface FieldText {
  readonly field: Field;
  readonly source: string;
  readonly norm: NormalizedText;
  readonly from: number;
  readonly to: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function spanOf(f: FieldText, start: number, end: number): Span {
  const s = f.norm.toSource(start, end);
  return { field: f.field, start: s.start, end: s.end, text: f.source.slice(s.start, s.end) };
}

/** Salaries stated in the title, then the body, as spans of the original input. */
function statedSalaries(title: FieldText | undefined, body: FieldText): StatedSalaryResult[] {
  return [title, body].flatMap((f) => {
    if (!f) return [];
    const text = f.from === 0 && f.to === f.norm.text.length ? f.norm.text : f.norm.text.slice(f.from, f.to);
    return extractSalaries(text).map((pay) => ({
      ...spanOf(f, f.from + pay.start, f.from + pay.end),
      min: pay.min,
      max: pay.max,
      currency: pay.currency,
      period: pay.period,
      annualMin: pay.annualMin,
      annualMax: pay.annualMax,
    }));
  });
}

function readFields(posting: ReturnType<typeof checkPosting>, format: InputFormat): { title: FieldText | undefined; body: FieldText } {
  const html = format === "html" || (format === "auto" && (posting.html ?? looksLikeHtml(posting.body)));
  const norm = html ? normalizeMarkup(posting.body) : normalizePlain(posting.body);
  const bodyField: FieldText = { field: posting.bodyField, source: posting.body, norm, from: 0, to: norm.text.length };
  if (posting.title !== undefined) {
    const titleNorm = normalizePlain(posting.title);
    return { title: { field: "title", source: posting.title, norm: titleNorm, from: 0, to: titleNorm.text.length }, body: bodyField };
  }
  // Without a title field, a short first line is read as the title.
  const lead = leadingTitle(norm.text);
  if (!lead) return { title: undefined, body: bodyField };
  return { title: { ...bodyField, to: lead.end }, body: { ...bodyField, from: lead.end } };
}

function run(compiled: CompiledLexicon, table: BandTable, maxLength: number, posting: Posting, options: ClassifyOptions | undefined): Classification {
  const checked = checkPosting(posting, maxLength);
  const { title, body } = readFields(checked, options?.format ?? "auto");

  const sections = segment(body.norm.text, body.norm.lower, body.from);
  const titleMatches: RawMatch[] = [];
  const bodyMatches: RawMatch[] = [];
  const cues: NegationCues = { starts: [], ends: [] };
  if (title) matchField(compiled.title, title.norm.lower, title.from, title.to, titleMatches);
  matchField(compiled.body, body.norm.lower, body.from, body.to, bodyMatches, cues);

  const weighed = weigh(compiled, body.norm.lower, titleMatches, bodyMatches, cues, sections);
  const decision = decide(weighed.scores, compiled.decision);
  const seniority = detectSeniority(title && { lower: title.norm.lower, from: title.from, to: title.to }, {
    lower: body.norm.lower,
    from: body.from,
    to: body.to,
    sections,
  });

  const evidence: Evidence[] = weighed.entries.map((w) => {
    const entry = compiled.entries[w.entry]!;
    return {
      id: entry.id,
      role: entry.role,
      category: entry.category,
      source: entry.source,
      weight: entry.weight,
      ambiguous: entry.ambiguous,
      unsupported: w.unsupported,
      contribution: round(w.contribution),
      matches: w.matches.map((m) => {
        // Built field by field: object spread here cost more than the whole match stage.
        const f = m.section === "title" && title ? title : body;
        const s = f.norm.toSource(m.start, m.end);
        return {
          field: f.field,
          start: s.start,
          end: s.end,
          text: f.source.slice(s.start, s.end),
          section: m.section,
          negated: m.negated,
          weight: round(m.weight),
        };
      }),
    };
  });
  evidence.sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const role = decision.label === "ml-engineer" ? "ml" : decision.label === "ai-engineer" ? "ai" : undefined;
  const at = seniority.at;
  const band = role ? bandFor(table, role, seniority.level) : null;
  const mentions = statedSalaries(title, body);
  const stated = mentions[0] ?? null;
  const result: Classification = {
    label: decision.label,
    confidence: decision.confidence,
    mixed: decision.mixed,
    reason: decision.reason,
    scores: { ml: round(weighed.scores.ml), ai: round(weighed.scores.ai), neither: round(weighed.scores.neither) },
    evidence,
    seniority: {
      level: seniority.level,
      basis: seniority.basis,
      evidence: at ? spanOf(at.in === "title" && title ? title : body, at.start, at.end) : null,
      yearsRequired: seniority.yearsRequired,
    },
    salary: { band, stated, mentions, comparison: band && stated ? compareToBand(stated, band) : null },
  };
  return checked.id === undefined ? result : { id: checked.id, ...result };
}

/**
 * Compiles a lexicon once and returns a classifier that reuses it for every posting.
 * Throws `LexiconError` listing every problem when the lexicon or band table is invalid.
 */
export function createClassifier(options: ClassifierOptions = {}): Classifier {
  const lexicon = options.lexicon === undefined ? defaultLexicon() : loadLexicon(options.lexicon);
  const table = options.bands === undefined ? defaultBands() : loadBandTable(options.bands);
  const maxLength = options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  const compiled = compileLexicon(lexicon);
  return {
    lexicon,
    classify: (posting, classifyOptions) => run(compiled, table, maxLength, posting, classifyOptions),
  };
}

let defaultLexiconCache: Lexicon | undefined;
let defaultBandsCache: BandTable | undefined;

/** The bundled default lexicon (validated by the test suite, so not again at every start). */
export function defaultLexicon(): Lexicon {
  return (defaultLexiconCache ??= trustedLexicon(defaultLexiconJson as LexiconInput));
}

/** The bundled band table: validated by the test suite like the default lexicon, so not again at every start. */
export function defaultBands(): BandTable {
  return (defaultBandsCache ??= defaultBandsJson as BandTable);
}

let defaultClassifier: Classifier | undefined;

/** Classifies one posting with the default lexicon (compiled on first use). */
export function classify(posting: Posting, options?: ClassifyOptions): Classification {
  return (defaultClassifier ??= createClassifier()).classify(posting, options);
}
