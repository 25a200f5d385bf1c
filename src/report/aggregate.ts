import defaultBandsJson from "../../lexicons/salary-bands.json";
import type { BatchRecord } from "../batch/classify-many.js";
import { LABELS, toLabel, type LabelledPosting } from "../eval/evaluate.js";
import type { Label } from "../vocabulary.js";
import type { Classification } from "../result.js";
import { type BandTable, compareToBand, loadBandTable } from "../salary/band.js";
import type { Level } from "../seniority.js";

/** A batch record, with the posting's gold label when the input carried one (as `role-lens eval` reads them). */
export type ReportRecord = BatchRecord & { readonly gold?: LabelledPosting["label"] | undefined };

export type PayRole = "ml" | "ai";

export const LEVELS: readonly Level[] = ["junior", "mid", "senior", "staff"];
export const PAY_ROLES: readonly PayRole[] = ["ml", "ai"];

/** Confidence histogram: CONFIDENCE_BINS equal-width bins over [0, 1]. */
export const CONFIDENCE_BINS = 20;
/** Reliability diagram: equal-width bins over [0, 1], the same binning as `calibration` in src/eval. */
export const RELIABILITY_BINS = 10;
/** USD pay histogram: bins of this many dollars a year, from 0; the last bin also holds everything above it. */
export const USD_BIN_WIDTH = 10_000;
export const USD_BIN_COUNT = 60;
/** Other currencies are binned on a log scale (their magnitudes differ by orders), this many bins per power of ten. */
export const LOG_BINS_PER_DECADE = 10;
/** Error records shown by id and message; the rest are only counted by code. */
export const ERROR_EXAMPLES = 25;

export interface Bin {
  /** Inclusive lower edge. */
  readonly from: number;
  /** Exclusive upper edge (the last bin of a histogram also holds values above it). */
  readonly to: number;
  readonly count: number;
}

export interface CategoryShare {
  /** The lexicon entry's role: the side of the seed's skill lists the category belongs to. */
  readonly role: "ml" | "ai" | "shared" | "neither";
  readonly category: string;
  /** Postings labelled ml-engineer / ai-engineer with at least one un-negated, non-context match in this category. */
  readonly ml: number;
  readonly ai: number;
}

export interface PayCell {
  readonly role: PayRole;
  readonly level: Level;
  /** Postings with this label and level. */
  readonly postings: number;
  /** Of those, the postings that state pay (in any currency). */
  readonly stating: number;
  /** Of those, the postings stating pay in USD. */
  readonly usd: number;
  /** The band table's range for the cell, in `bandCurrency` a year. */
  readonly band: { readonly min: number; readonly max: number };
  /** Of the USD postings, how many state a range below, within (overlapping) or above the band, as `compareToBand` reads it. */
  readonly usdAgainstBand: { readonly below: number; readonly within: number; readonly above: number };
  /** Histogram of the midpoint of the annualized stated USD range. */
  readonly usdBins: readonly Bin[];
}

export interface OtherCurrencyPay {
  readonly currency: string;
  readonly role: PayRole;
  readonly level: Level;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** Log-scale histogram of the midpoint of the annualized stated range, in the currency as stated. */
  readonly bins: readonly Bin[];
}

export interface ReliabilityRow extends Bin {
  readonly meanConfidence: number;
  readonly accuracy: number;
}

/** Everything the report shows: its size depends on the lexicon and the currencies seen, not on the number of postings. */
export interface ReportAggregates {
  readonly records: number;
  readonly classified: number;
  readonly errors: number;
  /** byLabelLevel[label][level]: postings classified so. */
  readonly byLabelLevel: Record<Label, Record<Level, number>>;
  readonly byLabel: Record<Label, number>;
  readonly mixed: number;
  /** Results with `multiRole === true` (a field newer results carry). */
  readonly multiRole: number;
  /** Results whose reason is `thin-evidence`: too little evidence to call. */
  readonly thin: number;
  readonly confidence: readonly Bin[];
  /** Sorted by the larger of the two shares, descending. */
  readonly categories: readonly CategoryShare[];
  readonly pay: { readonly currency: string; readonly source: string; readonly cells: readonly PayCell[]; readonly other: readonly OtherCurrencyPay[] };
  readonly errorCodes: Readonly<Record<string, number>>;
  /** The first ERROR_EXAMPLES error records, in input order. */
  readonly errorExamples: ReadonlyArray<{ readonly id: string; readonly code: string; readonly message: string }>;
  /** Present when at least one classified record carried a gold label. */
  readonly gold: {
    readonly count: number;
    readonly correct: number;
    /** confusion[gold][predicted] */
    readonly confusion: Record<Label, Record<Label, number>>;
    readonly reliability: readonly ReliabilityRow[];
    /** Expected calibration error over the reliability bins. */
    readonly ece: number;
  } | null;
}

export interface AggregateOptions {
  /** The band table drawn over the stated pay; defaults to the seed's table. Validated here. */
  readonly bands?: unknown;
}

function grid<R extends string, C extends string>(rows: readonly R[], cols: readonly C[]): Record<R, Record<C, number>> {
  return Object.fromEntries(rows.map((r) => [r, Object.fromEntries(cols.map((c) => [c, 0]))])) as Record<R, Record<C, number>>;
}

const payRole = (label: Label): PayRole | null => (label === "ml-engineer" ? "ml" : label === "ai-engineer" ? "ai" : null);

/** The log-scale bin index of a positive amount. */
const logBin = (value: number) => Math.floor(Math.log10(value) * LOG_BINS_PER_DECADE);
const logEdge = (index: number) => Math.round(10 ** (index / LOG_BINS_PER_DECADE));

/** Evidence matches carry `about` once the pipeline tells role mentions from context mentions; read it when present. */
type MaybeAbout = { readonly about?: "role" | "context" };

/** Whether an evidence entry says what the posting asks for: some match is neither negated nor context. */
function asks(evidence: Classification["evidence"][number]): boolean {
  return evidence.matches.some((m) => !m.negated && (m as MaybeAbout).about !== "context");
}

/**
 * A streaming aggregator: `add` each record once, `result` at any time. Memory and work per record
 * are bounded by the record's own size (its evidence list), never by the number of records seen.
 */
export class ReportAggregator {
  #records = 0;
  #errors = 0;
  readonly #byLabelLevel = grid(LABELS, LEVELS);
  #mixed = 0;
  #multiRole = 0;
  #thin = 0;
  readonly #confidence = new Array<number>(CONFIDENCE_BINS).fill(0);
  /** key `${role}\u0000${category}` → [ml postings, ai postings] */
  readonly #categories = new Map<string, [number, number]>();
  readonly #stating = grid(PAY_ROLES, LEVELS);
  readonly #usd = grid(PAY_ROLES, LEVELS);
  readonly #against = grid(
    PAY_ROLES.flatMap((r) => LEVELS.map((l) => `${r}.${l}`)),
    ["below", "within", "above"] as const,
  );
  readonly #usdBins = new Map<string, number[]>();
  /** key `${currency}\u0000${role}\u0000${level}` */
  readonly #other = new Map<string, { count: number; min: number; max: number; bins: Map<number, number> }>();
  readonly #errorCodes: Record<string, number> = {};
  readonly #errorExamples: Array<{ id: string; code: string; message: string }> = [];
  #goldCount = 0;
  #goldCorrect = 0;
  readonly #confusion = grid(LABELS, LABELS);
  readonly #reliability = Array.from({ length: RELIABILITY_BINS }, () => ({ count: 0, sumConfidence: 0, correct: 0 }));
  readonly #bands: BandTable;
  readonly #askedKeys = new Set<string>();

  constructor(options: AggregateOptions = {}) {
    this.#bands = loadBandTable(options.bands ?? defaultBandsJson);
  }

  /** Adds one record. Throws nothing; a record is either a result or an error. */
  add(record: ReportRecord): void {
    this.#records++;
    if ("error" in record) {
      this.#errors++;
      this.#errorCodes[record.error.code] = (this.#errorCodes[record.error.code] ?? 0) + 1;
      if (this.#errorExamples.length < ERROR_EXAMPLES) this.#errorExamples.push({ id: record.id, code: record.error.code, message: record.error.message });
      return;
    }
    const r = record.result;
    const level = r.seniority.level;
    this.#byLabelLevel[r.label][level]++;
    if (r.mixed) this.#mixed++;
    if ((r as { multiRole?: unknown }).multiRole === true) this.#multiRole++;
    if (r.reason === "thin-evidence") this.#thin++;
    this.#confidence[Math.min(CONFIDENCE_BINS - 1, Math.floor(r.confidence * CONFIDENCE_BINS))]!++;

    const role = payRole(r.label);
    if (role) {
      this.#addCategories(r, role);
      this.#addPay(r, role, level);
    }
    if (record.gold !== undefined) this.#addGold(toLabel(record.gold), r);
  }

  #addCategories(r: Classification, role: PayRole): void {
    const keys = this.#askedKeys;
    keys.clear();
    for (const e of r.evidence) if (asks(e)) keys.add(`${e.role}\u0000${e.category}`);
    for (const key of keys) {
      let counts = this.#categories.get(key);
      if (!counts) this.#categories.set(key, (counts = [0, 0]));
      counts[role === "ml" ? 0 : 1]++;
    }
  }

  #addPay(r: Classification, role: PayRole, level: Level): void {
    const stated = r.salary.stated;
    if (!stated) return;
    this.#stating[role][level]++;
    const mid = (stated.annualMin + stated.annualMax) / 2;
    if (stated.currency === this.#bands.currency) {
      this.#usd[role][level]++;
      const key = `${role}\u0000${level}`;
      let bins = this.#usdBins.get(key);
      if (!bins) this.#usdBins.set(key, (bins = new Array<number>(USD_BIN_COUNT).fill(0)));
      bins[Math.max(0, Math.min(USD_BIN_COUNT - 1, Math.floor(mid / USD_BIN_WIDTH)))]!++;
      const band = this.#bands.bands[role][level];
      // The one rule results use (overlap is within), so the report and each result agree.
      this.#against[`${role}.${level}`]![compareToBand(stated, { ...band, currency: this.#bands.currency })!]++;
      return;
    }
    if (!(mid > 0)) return;
    const key = `${stated.currency}\u0000${role}\u0000${level}`;
    let cell = this.#other.get(key);
    if (!cell) this.#other.set(key, (cell = { count: 0, min: mid, max: mid, bins: new Map() }));
    cell.count++;
    cell.min = Math.min(cell.min, mid);
    cell.max = Math.max(cell.max, mid);
    const bin = logBin(mid);
    cell.bins.set(bin, (cell.bins.get(bin) ?? 0) + 1);
  }

  #addGold(gold: Label, r: Classification): void {
    const correct = gold === r.label;
    this.#goldCount++;
    if (correct) this.#goldCorrect++;
    this.#confusion[gold][r.label]++;
    const bin = this.#reliability[Math.min(RELIABILITY_BINS - 1, Math.floor(r.confidence * RELIABILITY_BINS))]!;
    bin.count++;
    bin.sumConfidence += r.confidence;
    if (correct) bin.correct++;
  }

  /** The aggregates so far (a snapshot; adding more records afterwards does not change it). */
  result(): ReportAggregates {
    const classified = this.#records - this.#errors;
    const byLabel = Object.fromEntries(LABELS.map((l) => [l, LEVELS.reduce((n, v) => n + this.#byLabelLevel[l][v], 0)])) as Record<Label, number>;
    const categories = [...this.#categories]
      .map(([key, [ml, ai]]) => {
        const [role, category] = key.split("\u0000") as [CategoryShare["role"], string];
        return { role, category, ml, ai };
      })
      .sort((a, b) => {
        const share = (c: CategoryShare) => Math.max(c.ml / Math.max(1, byLabel["ml-engineer"]), c.ai / Math.max(1, byLabel["ai-engineer"]));
        return share(b) - share(a) || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0);
      });
    const cells: PayCell[] = PAY_ROLES.flatMap((role) =>
      LEVELS.map((level) => {
        const bins = this.#usdBins.get(`${role}\u0000${level}`);
        return {
          role,
          level,
          postings: this.#byLabelLevel[role === "ml" ? "ml-engineer" : "ai-engineer"][level],
          stating: this.#stating[role][level],
          usd: this.#usd[role][level],
          band: { min: this.#bands.bands[role][level].min, max: this.#bands.bands[role][level].max },
          usdAgainstBand: { ...this.#against[`${role}.${level}`]! },
          usdBins: bins ? bins.flatMap((count, i) => (count > 0 ? [{ from: i * USD_BIN_WIDTH, to: (i + 1) * USD_BIN_WIDTH, count }] : [])) : [],
        };
      }),
    );
    const other = [...this.#other]
      .map(([key, cell]) => {
        const [currency, role, level] = key.split("\u0000") as [string, PayRole, Level];
        const bins = [...cell.bins].sort((a, b) => a[0] - b[0]).map(([i, count]) => ({ from: logEdge(i), to: logEdge(i + 1), count }));
        return { currency, role, level, count: cell.count, min: cell.min, max: cell.max, bins };
      })
      .sort(
        (a, b) =>
          (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0) ||
          PAY_ROLES.indexOf(a.role) - PAY_ROLES.indexOf(b.role) ||
          LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level),
      );
    const reliability = this.#reliability.map((b, i) => ({
      from: i / RELIABILITY_BINS,
      to: (i + 1) / RELIABILITY_BINS,
      count: b.count,
      meanConfidence: b.count === 0 ? 0 : b.sumConfidence / b.count,
      accuracy: b.count === 0 ? 0 : b.correct / b.count,
    }));
    return {
      records: this.#records,
      classified,
      errors: this.#errors,
      byLabelLevel: structuredClone(this.#byLabelLevel),
      byLabel,
      mixed: this.#mixed,
      multiRole: this.#multiRole,
      thin: this.#thin,
      confidence: this.#confidence.map((count, i) => ({ from: i / CONFIDENCE_BINS, to: (i + 1) / CONFIDENCE_BINS, count })),
      categories,
      pay: { currency: this.#bands.currency, source: this.#bands.source, cells, other },
      errorCodes: { ...this.#errorCodes },
      errorExamples: this.#errorExamples.map((e) => ({ ...e })),
      gold:
        this.#goldCount === 0
          ? null
          : {
              count: this.#goldCount,
              correct: this.#goldCorrect,
              confusion: structuredClone(this.#confusion),
              reliability,
              ece: reliability.reduce((s, b) => s + (b.count / this.#goldCount) * Math.abs(b.meanConfidence - b.accuracy), 0),
            },
    };
  }
}

/** Aggregates a stream of records in one pass. */
export async function aggregateRecords(
  records: Iterable<ReportRecord> | AsyncIterable<ReportRecord>,
  options: AggregateOptions = {},
): Promise<ReportAggregates> {
  const aggregator = new ReportAggregator(options);
  for await (const record of records) aggregator.add(record);
  return aggregator.result();
}
