import defaultBandsJson from "../lexicons/salary-bands.json";
import defaultLexiconJson from "../lexicons/default.json";
import { compileLexicon, type CompiledLexicon } from "./lexicon/compile.js";
import { loadLexicon, trustedLexicon } from "./lexicon/load.js";
import type { Lexicon, LexiconInput } from "./lexicon/schema.js";
import { normalize } from "./pipeline/01-normalize.js";
import { segment } from "./pipeline/02-segment.js";
import { match } from "./pipeline/03-match.js";
import { attribute } from "./pipeline/04-attribute.js";
import { weigh, type WeighedEntry } from "./pipeline/05-weigh.js";
import { decide } from "./pipeline/06-decide.js";
import { seniority } from "./pipeline/07-seniority.js";
import { statedPay } from "./pipeline/08-stated-pay.js";
import { spanOf, valueFor, type PostingFields } from "./pipeline/field.js";
import { type CheckedPosting, checkPosting, DEFAULT_MAX_INPUT_LENGTH, type InputFormat, type Posting } from "./posting.js";
import type { Classification, Evidence, EvidenceMatch } from "./result.js";
import { bandFor, compareToBand, loadBandTable, type BandTable } from "./salary/band.js";
import { ROLE_OF_LABEL } from "./vocabulary.js";

/** Options of {@link createClassifier}. */
export interface ClassifierOptions {
  /** A lexicon document (validated here) or an already validated `Lexicon`. Defaults to the bundled one. */
  readonly lexicon?: unknown;
  /** A salary band table; defaults to the seed's table. */
  readonly bands?: unknown;
  /** Postings longer than this (title + body, UTF-16 code units) throw `InputError` INPUT_TOO_LARGE. */
  readonly maxInputLength?: number;
}

/** Options of one {@link Classifier.classify} call. */
export interface ClassifyOptions {
  /** How to read a string body. `auto` (the default) reads it as HTML when it has HTML tags or entities. */
  readonly format?: InputFormat;
}

/** A compiled lexicon and band table, ready to classify postings; made by {@link createClassifier}. */
export interface Classifier {
  /** Classifies one posting. Pure and synchronous; throws only `InputError` for input it cannot read. */
  classify(posting: Posting, options?: ClassifyOptions): Classification;
  /** The validated lexicon this classifier compiled. */
  readonly lexicon: Lexicon;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The weighed entries as evidence, strongest first (ties by id), each match a span of the original input. */
function evidenceOf(compiled: CompiledLexicon, fields: PostingFields, weighed: readonly WeighedEntry[]): Evidence[] {
  // Loops, not `map`: `map` makes holey arrays whose kind differs when empty, and the sort deoptimizes.
  const evidence: Evidence[] = [];
  for (const w of weighed) {
    const entry = compiled.entries[w.entryIndex]!;
    const matches: EvidenceMatch[] = [];
    for (const m of w.matches) {
      // Built field by field, not by spread, on the hot path (README, Performance).
      const span = spanOf(valueFor(fields, m.part), m.start, m.end);
      matches.push({
        field: span.field,
        start: span.start,
        end: span.end,
        text: span.text,
        section: m.section,
        negated: m.negated,
        about: m.about,
        weight: round(m.weight),
      });
    }
    evidence.push({
      id: entry.id,
      role: entry.role,
      category: entry.category,
      source: entry.source,
      weight: entry.weight,
      ambiguous: entry.ambiguous,
      unsupported: w.unsupported,
      contribution: round(w.contribution),
      matches,
    });
  }
  return evidence.sort((a, b) => b.contribution - a.contribution || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Stages 1–5 of a checked posting: the evidence the decision reads, with the fields, sections and
 * attribution the result is built from. The fitting tool (fit/) reads its features from here, so it
 * fits exactly what classify computes.
 */
export function analyze(compiled: CompiledLexicon, checked: CheckedPosting, format: InputFormat) {
  const fields = normalize(checked, format);
  const sections = segment(fields.body);
  const found = match(compiled, fields);
  const { matches, cues } = found;
  const attribution = attribute(compiled, fields, sections, found);
  const weighed = weigh({ lexicon: compiled, body: fields.body, matches, about: attribution.about, cues, sections, sentences: attribution.sentences });
  return { fields, sections, attribution, weighed };
}

function run(compiled: CompiledLexicon, table: BandTable, maxLength: number, posting: Posting, options: ClassifyOptions | undefined): Classification {
  const checked = checkPosting(posting, maxLength);
  const { fields, sections, attribution, weighed } = analyze(compiled, checked, options?.format ?? "auto");
  const decision = decide(
    { scores: weighed.scores, bodyScores: weighed.bodyScores, duties: weighed.duties, aboutOtherRoles: attribution.aboutOtherRoles },
    compiled.decision,
  );
  const level = seniority(fields, sections);
  const mentions = statedPay(fields);

  const role = ROLE_OF_LABEL[decision.label];
  const band = role ? bandFor(table, role, level.level) : null;
  const stated = mentions[0] ?? null;
  const result: Classification = {
    label: decision.label,
    confidence: decision.confidence,
    mixed: decision.mixed,
    reason: decision.reason,
    scores: { ml: round(weighed.scores.ml), ai: round(weighed.scores.ai), neither: round(weighed.scores.neither) },
    evidence: evidenceOf(compiled, fields, weighed.entries),
    multiRole: attribution.multiRole,
    roles: attribution.roles.map((r) => spanOf(valueFor(fields, r.part), r.start, r.end)),
    seniority: level,
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
