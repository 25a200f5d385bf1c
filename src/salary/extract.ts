import {
  CLAUSE_BREAK,
  CURRENCY_CODE,
  CURRENCY_MARKS,
  CURRENCY_NAME,
  CURRENCY_NAMES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORD,
  CURRENCY_WORD_AT_DIGIT,
  HALF_RANGE_AFTER,
  HALF_RANGE_BEFORE,
  MONEY,
  HEADER_FIELD_AFTER,
  HEADER_FIELD_AFTER_REACH,
  HEADER_FIELD_BEFORE,
  MONEY_GLUED_BEFORE,
  MULTIPLIERS,
  NOT_PAY_AFTER,
  PAY_AFTER,
  PAY_CUE,
  PAY_PERIOD_AFTER,
  PAY_PERIOD_BEFORE,
  PERIOD_WORDS,
  type PayPeriod,
  QUALIFIER_BEFORE,
  RETIREMENT_PLAN,
  RUPEES,
  THOUSANDS_SEPARATORS,
  TRAILING_CODE,
} from "./patterns.js";
import { compiledNow } from "../literal-pattern.js";

export type { PayPeriod } from "./patterns.js";

/** A salary the posting states, normalized; offsets into the text it was extracted from. */
export interface StatedSalary {
  /** Lower end as stated, in `currency` per `period` (equals `max` for a single figure). */
  readonly min: number;
  /** Upper end as stated, in `currency` per `period` (≥ `min`). */
  readonly max: number;
  /** ISO 4217 code, as the posting marks it; never converted. */
  readonly currency: string;
  /** The period the figures are paid per. */
  readonly period: PayPeriod;
  /** `min` per year, with the constants in ANNUALIZE. */
  readonly annualMin: number;
  /** `max` per year, with the constants in ANNUALIZE. */
  readonly annualMax: number;
  /** The figures as written in the text. */
  readonly text: string;
  /** Offset of `text` in the text extracted from (UTF-16 code units, inclusive). */
  readonly start: number;
  /** End offset of `text` (exclusive). */
  readonly end: number;
}

/** Periods to a year: 2080 working hours (40 × 52), 260 working days, 52 weeks, 12 months. */
export const ANNUALIZE: Readonly<Record<PayPeriod, number>> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

/** How far before a figure a pay cue may stand ("The base pay range for this role in New York is …"). */
const CUE_BEFORE_REACH = 120;
/** How far after a figure its period, a cue or a not-pay word may stand: a short clause. */
const CONTEXT_AFTER_REACH = 80;
/** A pay cue after the figure counts only this close ("$150,000 base"), so the next item's cue does not. */
const CUE_AFTER_REACH = 40;
/** How far back in its clause the nearest qualifying word may stand ("Relocation assistance of up to $10,000"). */
const QUALIFIER_REACH = 40;
/**
 * A figure under this is a rate, never yearly pay: it needs a period to be read ("$85/hr"); with
 * one, a "k" on the upper bound carries to it ("$160-200k").
 */
const RATE_CEILING = 1000;
/** Yearly pay that is plausible, per unit of currency: above a price or a count, below funding. */
const PLAUSIBLE = { floor: 8_000, ceiling: 5_000_000, largeUnitFloor: 50_000, largeUnitCeiling: 500_000_000 } as const;
/** Currencies whose yearly pay runs into the millions of units. */
const LARGE_UNIT_CURRENCIES = new Set(["INR", "PKR", "LKR", "NPR", "JPY", "SEK", "NOK", "DKK", "MXN", "ZAR", "TWD", "CNY", "PHP", "KRW", "NGN"]);
const RUPEE_CURRENCIES: ReadonlySet<string> = new Set(RUPEES);

/** One end of a figure: its value in units, the codes its marks allow, and how it was written. */
interface Amount {
  readonly value: number;
  /** Codes allowed by the marks on this end (intersected), or undefined when it has no mark. */
  readonly codes: readonly string[] | undefined;
  readonly fallback: string | undefined;
  readonly multiplied: boolean;
  readonly factor: number;
  readonly large: boolean;
  /** Written in lakh, crore or Indian digit grouping: read only for a rupee. */
  readonly rupeeOnly: boolean;
  readonly lakhsPerYear: boolean;
}

/** A number written with thousands grouped, and the grouping characters (MONEY reads the same ones). */
const GROUPED_NUMBER = new RegExp(`^\\d{1,3}(?:[${THOUSANDS_SEPARATORS}]\\d{3})+(?:[.,]\\d{1,2})?$`);
const GROUPING = new RegExp(`[${THOUSANDS_SEPARATORS}]`, "g");

/** "180,000" → 180000, "70.000" → 70000, "72.5" → 72.5, "1 200" → 1200, "120'000" → 120000, "12,00,000" → 1200000. */
function parseNumber(raw: string): { value: number; indian: boolean } {
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(raw)) return { value: Number(raw.replace(/,/g, "")), indian: true };
  const grouped = GROUPED_NUMBER.test(raw);
  if (!grouped) return { value: Number(raw.replace(",", ".")), indian: false };
  const decimal = /[.,]\d{1,2}$/.exec(raw);
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(GROUPING, "");
  return { value: Number(whole) + (decimal ? Number(`0.${decimal[0].slice(1)}`) : 0), indian: false };
}

/** The mark as the table spells it: no spaces, no brackets, a code's trailing "$" dropped ("USD $" → "USD"). */
function markOf(raw: string | undefined): string | undefined {
  const mark = raw?.replace(/[\s()]/g, "");
  if (!mark) return undefined;
  if (CURRENCY_MARKS[mark]) return mark;
  const bare = mark.replace(/\$$/, "");
  if (CURRENCY_MARKS[bare]) return bare;
  const lower = mark.toLowerCase();
  return CURRENCY_MARKS[lower] ? lower : undefined;
}

function amountOf(groups: Record<string, string | undefined>, n: 1 | 2): Amount | undefined {
  const number = groups[`num${n}`];
  if (number === undefined) return undefined;
  const multiplier = groups[`mult${n}`]?.trim();
  const mult = multiplier ? MULTIPLIERS[multiplier] : undefined;
  const parsed = parseNumber(number);
  let codes: readonly string[] | undefined;
  let fallback: string | undefined;
  for (const raw of [groups[`pre${n}`], groups[`suf${n}`]]) {
    const mark = markOf(raw);
    if (!mark) continue;
    const entry = CURRENCY_MARKS[mark]!;
    codes = codes ? codes.filter((c) => entry.codes.includes(c)) : entry.codes;
    fallback = codes.length === entry.codes.length ? entry.fallback : fallback;
  }
  return {
    value: parsed.value * (mult?.factor ?? 1),
    codes,
    fallback,
    multiplied: mult !== undefined,
    factor: mult?.factor ?? 1,
    large: mult?.large === true,
    rupeeOnly: parsed.indian || mult?.rupee === true,
    lakhsPerYear: mult?.year === true,
  };
}

/**
 * The one currency both ends allow. A shared mark ("$", "Rs.", "¥") is narrowed by the other end's
 * marks, then by the currencies the posting names, then falls to the mark's fallback ("$" → USD);
 * null when the ends disagree or nothing decides.
 */
function currencyOf(low: Amount, high: Amount | undefined, trailing: string | undefined, named: (code: string) => boolean): string | null {
  let codes = low.codes;
  if (high?.codes) codes = codes ? codes.filter((c) => high.codes!.includes(c)) : high.codes;
  if (trailing !== undefined) codes = codes ? codes.filter((c) => c === trailing) : [trailing];
  const fallback = low.codes && high?.codes ? (low.fallback === high.fallback ? low.fallback : undefined) : (low.fallback ?? high?.fallback);
  // Lakh, crore and "LPA" with no mark at all are Indian rupees, as the feeds write them.
  if (!codes) return low.lakhsPerYear || high?.lakhsPerYear || ((low.rupeeOnly || high?.rupeeOnly) && (low.multiplied || high?.multiplied)) ? "INR" : null;
  if (codes.length === 1) return codes[0]!;
  if (codes.length === 0) return null;
  const stated = codes.filter(named);
  if (stated.length === 1) return stated[0]!;
  // A bare "$" in a posting that names several dollars, USD among them, or none: USD, as the feeds write it.
  return fallback !== undefined && codes.includes(fallback) && (stated.length === 0 || stated.includes(fallback)) ? fallback : null;
}

function periodWord(word: string | undefined): PayPeriod | undefined {
  return word === undefined ? undefined : PERIOD_WORDS[word.toLowerCase().trim()];
}

/** Is a yearly figure of this size plausible pay in this currency? Guards against prices, counts and ids. */
function plausible(annual: number, currency: string): boolean {
  const large = LARGE_UNIT_CURRENCIES.has(currency);
  return annual >= (large ? PLAUSIBLE.largeUnitFloor : PLAUSIBLE.floor) && annual <= (large ? PLAUSIBLE.largeUnitCeiling : PLAUSIBLE.ceiling);
}

/**
 * Every salary the text states, in order. Fails closed: a figure needs a currency mark that decides
 * one currency, and either a pay cue nearby (salary, compensation, pay, base, range, rate, OTE, a
 * period such as "per hour") or the shape of a pay range; amounts in millions, figures glued to other
 * numbers ("401(k)"), half of a range, and figures named as something other than pay (relocation,
 * signing or joining bonus, stipends, allowances, funding, revenue) are not pay. Linear in the
 * text's length. See the README's "Salary" section for the rules and the table of marks.
 */
export function extractSalaries(text: string): StatedSalary[] {
  const found: StatedSalary[] = [];
  const { windows, codes } = moneyWindows(text);
  // Read once, and only when a figure's mark leaves several currencies open; the names are scanned
  // for only when asked about a currency a name can stand for (never for "$").
  let byCode: Set<string> | undefined;
  let byName: Set<string> | undefined;
  const namedCurrencies = (code: string) =>
    (byCode ??= new Set(codes.map((c) => CURRENCY_MARKS[c]?.codes[0] ?? c))).has(code) || (NAMEABLE.has(code) && (byName ??= namedIn(text)).has(code));
  // Windows are short, so MONEY would first run interpreted; compiled at once, it starts ~4× sooner.
  if (windows.length > 0) compiledNow(MONEY);
  for (const [from, to] of windows) {
    const window = text.slice(from, to);
    MONEY.lastIndex = 0;
    for (let m = MONEY.exec(window); m !== null; m = MONEY.exec(window)) {
      const read = readMoney(text, from + m.index, m, namedCurrencies);
      if (read.resumeAt !== undefined) MONEY.lastIndex = read.resumeAt - from;
      if (read.pay) found.push(read.pay);
    }
  }
  return found;
}

/** The currencies CURRENCY_NAMES can name. */
const NAMEABLE: ReadonlySet<string> = new Set(Object.values(CURRENCY_NAMES));

/** The currencies a posting names in words (CURRENCY_NAMES); the ISO codes it writes are read by moneyWindows. */
function namedIn(text: string): Set<string> {
  const named = new Set<string>();
  CURRENCY_NAME.lastIndex = 0;
  for (let m = CURRENCY_NAME.exec(text); m !== null; m = CURRENCY_NAME.exec(text)) named.add(CURRENCY_NAMES[m[0].toLowerCase()]!);
  return named;
}

/** How far around a currency mark its amounts can stand ("$150,000 - $190,000 per year", "70k-90k EUR"). */
const WINDOW_REACH = 64;

/**
 * The stretches of text worth reading for pay: around each currency mark, merged where they touch,
 * and the ISO codes seen. Most postings have none, and MONEY then never runs; a posting that states
 * pay is read only near it.
 */
function moneyWindows(text: string): { windows: Array<[number, number]>; codes: string[] } {
  const marks: number[] = [];
  const codes: string[] = [];
  for (const symbol of CURRENCY_SYMBOLS) for (let i = text.indexOf(symbol); i >= 0; i = text.indexOf(symbol, i + 1)) marks.push(i);
  CURRENCY_CODE.lastIndex = 0;
  for (let m = CURRENCY_CODE.exec(text); m !== null; m = CURRENCY_CODE.exec(text)) {
    marks.push(m.index);
    codes.push(m[0]);
  }
  marks.push(...currencyWordMarks(text));
  marks.sort((a, b) => a - b);
  const windows: Array<[number, number]> = [];
  for (const at of marks) appendMerged(windows, Math.max(0, at - WINDOW_REACH), Math.min(text.length, at + WINDOW_REACH));
  // A window must not cut an amount in two: widen each end to the nearest whitespace, but no further
  // than any amount is long, so text without spaces cannot stretch every window over all of it.
  const widened: Array<[number, number]> = [];
  for (let [from, to] of windows) {
    const floor = Math.max(0, from - WIDEN_LIMIT);
    const ceiling = Math.min(text.length, to + WIDEN_LIMIT);
    while (from > floor && !/\s/.test(text[from - 1]!)) from--;
    while (to < ceiling && !/\s/.test(text[to]!)) to++;
    appendMerged(widened, from, to);
  }
  return { windows: widened, codes };
}

/**
 * Where CURRENCY_WORD matches in the text (the starts of its matches, in order), by one scan over
 * the digits (CURRENCY_WORD_AT_DIGIT); CURRENCY_WORD itself runs only where a word-first match exists.
 */
export function currencyWordMarks(text: string): number[] {
  const marks: number[] = [];
  CURRENCY_WORD_AT_DIGIT.lastIndex = 0;
  for (let m = CURRENCY_WORD_AT_DIGIT.exec(text); m !== null; m = CURRENCY_WORD_AT_DIGIT.exec(text)) {
    if (m[0].length === 1) return [...text.matchAll(CURRENCY_WORD)].map((w) => w.index);
    marks.push(m.index);
  }
  return marks;
}

/** Appends [from, to) to windows sorted by start, joining it to the last one when they touch. */
function appendMerged(windows: Array<[number, number]>, from: number, to: number): void {
  const last = windows.at(-1);
  if (last && from <= last[1]) last[1] = Math.max(last[1], to);
  else windows.push([from, to]);
}

/** How far a window's end may move to reach whitespace: longer than any amount or range of amounts. */
const WIDEN_LIMIT = 48;

/** The clause before an amount: from the last line break or sentence end, at most QUALIFIER_REACH characters. */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - QUALIFIER_REACH), start);
  let cut = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m !== null; m = CLAUSE_BREAK.exec(before)) cut = m.index + m[0].length;
  return before.slice(cut).toLowerCase();
}

/** Is the nearest qualifying word before the amount, in its clause, one that names something other than pay? */
function namedNotPay(clause: string): boolean {
  let last: RegExpExecArray | null = null;
  QUALIFIER_BEFORE.lastIndex = 0;
  for (let m = QUALIFIER_BEFORE.exec(clause); m !== null; m = QUALIFIER_BEFORE.exec(clause)) last = m;
  return last?.groups?.not !== undefined;
}

/**
 * One MONEY match read against its surroundings in the whole text: the pay, or null when it is not
 * pay; `resumeAt` when only the lower bound was taken and the scan must go on after it.
 */
function readMoney(text: string, start: number, m: RegExpExecArray, named: (code: string) => boolean): { pay: StatedSalary | null; resumeAt?: number } {
  const g = m.groups!;
  let end = start + m[0].length;
  const low = amountOf(g, 1)!;
  let high = amountOf(g, 2);
  let boundPeriod = periodWord(g.per1?.replace(/^\s?(?:\/\s?|(?:per|pro|an?)\s)?/i, ""));
  let after = text.slice(end, end + CONTEXT_AFTER_REACH);
  let afterPeriod = compiledNow(PAY_PERIOD_AFTER).exec(after);
  let resumeAt: number | undefined;
  if (boundPeriod !== undefined && high !== undefined && afterPeriod === null) {
    // "$100k per year and $20k …": a period after the first figure only; the second is its own.
    high = undefined;
    end = start + m[0].indexOf(g.num1!) + [g.num1, g.mult1, g.suf1, g.per1].reduce((n, part) => n + (part?.length ?? 0), 0);
    after = text.slice(end, end + CONTEXT_AFTER_REACH);
    afterPeriod = PAY_PERIOD_AFTER.exec(after);
    resumeAt = end;
  }
  const none = { pay: null, ...(resumeAt === undefined ? {} : { resumeAt }) };
  if (high === undefined && (HALF_RANGE_AFTER.test(after) || HALF_RANGE_BEFORE.test(text.slice(Math.max(0, start - 16), start)))) return none;
  // "$100,000/yr CAD": a code after the period, when the last amount has no mark after it.
  const trailing = (high ? g.suf2 : g.suf1) === undefined ? TRAILING_CODE.exec(afterPeriod ? after.slice(afterPeriod[0].length) : after)?.[1] : undefined;
  const currency = currencyOf(low, high, trailing === undefined ? undefined : CURRENCY_MARKS[trailing]!.codes[0], named);
  if (currency === null) return none;
  if (low.large || high?.large) return none;
  if ((low.rupeeOnly || high?.rupeeOnly) && !RUPEE_CURRENCIES.has(currency)) return none;
  const before = text.slice(Math.max(0, start - CUE_BEFORE_REACH), start);
  if (RETIREMENT_PLAN.test(g.num1 ?? "") && (g.mult1 !== undefined || /^\s?\(/.test(text.slice(end, end + 2)))) return none;
  if (MONEY_GLUED_BEFORE.test(text.slice(Math.max(0, start - 1), start)) && g.pre1 === undefined) return none;
  if (compiledNow(NOT_PAY_AFTER).test(after) || (!PAY_AFTER.test(after) && namedNotPay(clauseBefore(text, start)))) return none;

  // "70k-90k EUR", "₹18 - 25 LPA": a multiplier on the upper end carries to a bare lower end.
  let lowValue = low.value;
  let highValue = high?.value ?? low.value;
  if (high?.multiplied && !low.multiplied && lowValue < RATE_CEILING && lowValue * high.factor <= highValue) lowValue *= high.factor;
  if (highValue < lowValue) [lowValue, highValue] = [highValue, lowValue];

  const afterWord = periodWord(afterPeriod?.[1] ?? afterPeriod?.[2]);
  if (boundPeriod !== undefined && afterWord !== undefined && boundPeriod !== afterWord) return none;
  boundPeriod ??= afterWord;
  const periodBefore = boundPeriod === undefined ? PAY_PERIOD_BEFORE.exec(before) : null;
  const beforePeriod = periodWord(periodBefore?.[1] ?? periodBefore?.[2] ?? periodBefore?.[3]);
  const explicit = boundPeriod ?? beforePeriod;
  const lakhs = low.lakhsPerYear || high?.lakhsPerYear === true || low.rupeeOnly || high?.rupeeOnly === true;
  const period: PayPeriod = explicit ?? (lakhs || highValue >= RATE_CEILING ? "year" : "hour");
  const cue = explicit !== undefined || PAY_CUE.test(before) || PAY_CUE.test(after.slice(0, CUE_AFTER_REACH)) || lakhs;
  const rangeShape = high !== undefined && lowValue !== highValue;
  const spanEnd = afterPeriod ? end + afterPeriod[0].length : end;
  // A lone figure with no cue is pay as a header field of its own; read only as far as such a field can end.
  const headerField =
    !cue && !rangeShape && HEADER_FIELD_BEFORE.test(before) && HEADER_FIELD_AFTER.test(text.slice(spanEnd, spanEnd + HEADER_FIELD_AFTER_REACH));
  if (!cue && !rangeShape && !headerField) return none;
  if (explicit === undefined && highValue < RATE_CEILING && !lakhs) return none;
  const annualMin = lowValue * ANNUALIZE[period];
  const annualMax = highValue * ANNUALIZE[period];
  if (!plausible(annualMin, currency) || !plausible(annualMax, currency)) return none;

  return {
    pay: {
      min: round2(lowValue),
      max: round2(highValue),
      currency,
      period,
      annualMin: round2(annualMin),
      annualMax: round2(annualMax),
      text: text.slice(start, spanEnd),
      start,
      end: spanEnd,
    },
    ...(resumeAt === undefined ? {} : { resumeAt }),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The salary a posting states, or null. When it states several (one per location, say), the
 * primary is the first one in the text; `extractSalaries` returns them all.
 */
export function extractSalary(text: string): StatedSalary | null {
  return extractSalaries(text)[0] ?? null;
}
