import {
  MONEY,
  MONEY_GLUED_BEFORE,
  NOT_PAY_AFTER,
  NOT_PAY_BEFORE,
  PAY_CUE,
  PAY_PERIOD_AFTER,
  PAY_PERIOD_BEFORE,
  RETIREMENT_PLAN,
  CURRENCY_CODE,
  CURRENCY_SYMBOLS,
  CURRENCY_WORD,
} from "../regex.js";

/** The period a stated figure is paid per. */
export type PayPeriod = "year" | "month" | "week" | "day" | "hour";

/** A salary the posting states, normalized; offsets into the text it was extracted from. */
export interface StatedSalary {
  readonly min: number;
  readonly max: number;
  /** ISO 4217 code, as the posting marks it; never converted. */
  readonly currency: string;
  readonly period: PayPeriod;
  /** `min` and `max` per year, with the constants in ANNUALIZE. */
  readonly annualMin: number;
  readonly annualMax: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Periods to a year: 2080 working hours (40 × 52), 260 working days, 52 weeks, 12 months. */
export const ANNUALIZE: Readonly<Record<PayPeriod, number>> = { year: 1, month: 12, week: 52, day: 260, hour: 2080 };

const PREFIX_CURRENCY: Readonly<Record<string, string>> = {
  $: "USD",
  us$: "USD",
  usd: "USD",
  usd$: "USD",
  ca$: "CAD",
  c$: "CAD",
  cad: "CAD",
  cad$: "CAD",
  au$: "AUD",
  a$: "AUD",
  aud: "AUD",
  aud$: "AUD",
  nz$: "NZD",
  hk$: "HKD",
  s$: "SGD",
  sgd: "SGD",
  sgd$: "SGD",
  "£": "GBP",
  "€": "EUR",
  "₹": "INR",
  "¥": "JPY",
  eur: "EUR",
  gbp: "GBP",
  inr: "INR",
  chf: "CHF",
  sek: "SEK",
  nok: "NOK",
  dkk: "DKK",
  pln: "PLN",
  jpy: "JPY",
  nzd: "NZD",
  mxn: "MXN",
  brl: "BRL",
  zar: "ZAR",
  rs: "INR",
  "rs.": "INR",
};
const SUFFIX_CURRENCY: Readonly<Record<string, string>> = {
  "€": "EUR",
  euro: "EUR",
  euros: "EUR",
  dollar: "USD",
  dollars: "USD",
  pound: "GBP",
  pounds: "GBP",
  lpa: "INR",
  lakh: "INR",
  lakhs: "INR",
};

const PERIOD_WORDS: Readonly<Record<string, PayPeriod>> = {
  year: "year",
  yr: "year",
  annum: "year",
  annually: "year",
  annual: "year",
  yearly: "year",
  pa: "year",
  hour: "hour",
  hr: "hour",
  hourly: "hour",
  month: "month",
  mo: "month",
  monthly: "month",
  week: "week",
  wk: "week",
  weekly: "week",
  day: "day",
  daily: "day",
  jaar: "year",
  jahr: "year",
  maand: "month",
  monat: "month",
  uur: "hour",
  stunde: "hour",
  woche: "week",
  dag: "day",
  tag: "day",
};

/** Currencies whose yearly pay runs into the millions of units. */
const LARGE_UNIT_CURRENCIES = new Set(["INR", "JPY", "SEK", "NOK", "DKK", "MXN", "ZAR"]);

function currencyOf(prefix: string | undefined, suffix: string | undefined): string | undefined {
  const p = prefix?.trim().replace(/\s+/g, "").toLowerCase();
  if (p) return PREFIX_CURRENCY[p] ?? PREFIX_CURRENCY[p.replace(/\$$/, "")];
  const s = suffix?.trim().toLowerCase();
  if (!s) return undefined;
  return SUFFIX_CURRENCY[s] ?? s.toUpperCase();
}

/** "180,000" → 180000, "70.000" → 70000, "72.5" → 72.5, "1 200" → 1200. */
function parseNumber(raw: string): number {
  const grouped = /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?:[.,]\d{1,2})?$/.test(raw);
  if (!grouped) return Number(raw.replace(",", "."));
  const decimal = /[.,]\d{1,2}$/.exec(raw);
  const whole = (decimal ? raw.slice(0, decimal.index) : raw).replace(/[,.\u00a0\u202f ]/g, "");
  return Number(whole) + (decimal ? Number(`0.${decimal[0].slice(1)}`) : 0);
}

interface Amount {
  readonly value: number;
  readonly currency: string | undefined;
  readonly large: boolean;
  readonly lakh: boolean;
  readonly k: boolean;
}

function amountOf(prefix?: string, number?: string, multiplier?: string, suffix?: string): Amount | undefined {
  if (number === undefined) return undefined;
  const m = multiplier?.trim().toLowerCase();
  const s = suffix?.trim().toLowerCase();
  const lakh = s === "lpa" || s === "lakh" || s === "lakhs";
  const base = parseNumber(number);
  const value = lakh ? base * 100_000 : m === "k" ? base * 1000 : base;
  return { value, currency: currencyOf(prefix, suffix), large: m !== undefined && m !== "k", lakh, k: m === "k" };
}

function periodOf(after: string, before: string): PayPeriod | undefined {
  const a = PAY_PERIOD_AFTER.exec(after);
  const b = a ? null : PAY_PERIOD_BEFORE.exec(before);
  const word = (a ?? b)?.[1]?.toLowerCase().replace(/\./g, "");
  return word ? PERIOD_WORDS[word] : undefined;
}

/** Is a yearly figure of this size plausible pay in this currency? Guards against prices, counts and ids. */
function plausible(annual: number, currency: string): boolean {
  const floor = LARGE_UNIT_CURRENCIES.has(currency) ? 50_000 : 8_000;
  const ceiling = LARGE_UNIT_CURRENCIES.has(currency) ? 500_000_000 : 5_000_000;
  return annual >= floor && annual <= ceiling;
}

/**
 * Every salary the text states, in order. Fails closed: a figure needs a currency mark, and either a
 * pay cue nearby (salary, compensation, pay, base, range, rate, OTE, a period such as "per hour") or
 * the shape of a pay range; amounts in millions, figures glued to other numbers ("401(k)"), and
 * figures that are stipends, bonuses, funding or revenue are not pay. Linear in the text's length.
 */
export function extractSalaries(text: string): StatedSalary[] {
  const found: StatedSalary[] = [];
  for (const [from, to] of moneyWindows(text)) {
    const window = text.slice(from, to);
    MONEY.lastIndex = 0;
    for (let m = MONEY.exec(window); m !== null; m = MONEY.exec(window)) {
      const pay = readMoney(text, from + m.index, m);
      if (pay) found.push(pay);
    }
  }
  return found;
}

/** How far around a currency mark its amounts can stand ("$150,000 - $190,000 per year", "70k-90k EUR"). */
const WINDOW_REACH = 64;

/**
 * The stretches of text worth reading for pay: around each currency mark, merged where they touch.
 * Most postings have none, and MONEY then never runs; a posting that states pay is read only near it.
 */
function moneyWindows(text: string): Array<[number, number]> {
  const marks: number[] = [];
  for (const symbol of CURRENCY_SYMBOLS) for (let i = text.indexOf(symbol); i >= 0; i = text.indexOf(symbol, i + 1)) marks.push(i);
  for (const re of [CURRENCY_CODE, CURRENCY_WORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) marks.push(m.index);
  }
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
  return widened;
}

/** Appends [from, to) to windows sorted by start, joining it to the last one when they touch. */
function appendMerged(windows: Array<[number, number]>, from: number, to: number): void {
  const last = windows.at(-1);
  if (last && from <= last[1]) last[1] = Math.max(last[1], to);
  else windows.push([from, to]);
}

/** How far a window's end may move to reach whitespace: longer than any amount or range of amounts. */
const WIDEN_LIMIT = 48;

/** One MONEY match read against its surroundings in the whole text; null when it is not pay. */
function readMoney(text: string, start: number, m: RegExpExecArray): StatedSalary | null {
  const end = start + m[0].length;
  const low = amountOf(m[1], m[2], m[3], m[4]);
  const high = amountOf(m[6], m[7], m[8], m[9]);
  if (!low) return null;
  const currency = low.currency ?? high?.currency;
  if (!currency) return null;
  if (low.large || high?.large) return null;
  const before = text.slice(Math.max(0, start - 120), start);
  const after = text.slice(end, end + 80);
  if (RETIREMENT_PLAN.test(m[2] ?? "") && (m[3] !== undefined || /^\s?\(/.test(text.slice(end, end + 2)))) return null;
  if (MONEY_GLUED_BEFORE.test(text.slice(Math.max(0, start - 1), start)) && m[1] === undefined) return null;
  if (NOT_PAY_BEFORE.test(before.slice(-28)) || NOT_PAY_AFTER.test(after)) return null;

  // "70k-90k EUR": a k on one end carries to the other ("70-90k").
  let lowValue = low.value;
  let highValue = high?.value ?? low.value;
  if (high?.k && !low.k && lowValue < 1000 && highValue >= 1000) lowValue *= 1000;
  if (high && low.lakh !== high.lakh && lowValue < 1000) lowValue *= 100_000;
  if (highValue < lowValue) [lowValue, highValue] = [highValue, lowValue];

  const explicit = periodOf(after, before);
  const lakh = low.lakh || high?.lakh === true;
  const period: PayPeriod = explicit ?? (lakh || highValue >= 1000 ? "year" : "hour");
  const cue = explicit !== undefined || PAY_CUE.test(before) || PAY_CUE.test(after.slice(0, 40)) || lakh;
  const rangeShape = high !== undefined && lowValue !== highValue;
  if (!cue && !rangeShape) return null;
  if (explicit === undefined && highValue < 1000 && !lakh) return null;
  const annualMin = lowValue * ANNUALIZE[period];
  const annualMax = highValue * ANNUALIZE[period];
  if (!plausible(annualMin, currency) || !plausible(annualMax, currency)) return null;

  const periodText = PAY_PERIOD_AFTER.exec(after);
  const spanEnd = periodText ? end + periodText[0].length : end;
  return {
    min: round2(lowValue),
    max: round2(highValue),
    currency,
    period,
    annualMin: round2(annualMin),
    annualMax: round2(annualMax),
    text: text.slice(start, spanEnd),
    start,
    end: spanEnd,
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
