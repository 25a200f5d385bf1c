/*
 * The regular expressions of stated pay, each built from the table its matches are looked up in,
 * so a mark, a multiplier or a period word cannot be read by the pattern and missed by the lookup
 * (or the reverse). Run on the original text; ISO codes are read in capitals ("USD 150,000"), as
 * postings write them. Every pattern is exported, so tests/regex-safety.test.ts checks it.
 */

import { escapeLiteral, literalAlternation } from "../literal-pattern.js";

/** The period a stated figure is paid per. */
export type PayPeriod = "year" | "month" | "week" | "day" | "hour";

/**
 * Pay-period words, lowercased, to the period they name. Read after an amount ("/hr", "per annum",
 * "p.a.", "pro Monat") or in an adjective before it ("hourly rate of").
 */
export const PERIOD_WORDS: Readonly<Record<string, PayPeriod>> = {
  year: "year",
  yr: "year",
  annum: "year",
  annually: "year",
  annual: "year",
  yearly: "year",
  "p.a.": "year",
  "p.a": "year",
  pa: "year",
  jaar: "year",
  jahr: "year",
  month: "month",
  mo: "month",
  monthly: "month",
  maand: "month",
  monat: "month",
  week: "week",
  wk: "week",
  weekly: "week",
  woche: "week",
  day: "day",
  daily: "day",
  dag: "day",
  tag: "day",
  hour: "hour",
  hr: "hour",
  hourly: "hour",
  uur: "hour",
  stunde: "hour",
};

/** The dollar currencies a bare "$" or "dollars" can mean; USD unless the posting names another. */
const DOLLARS = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN", "TWD"] as const;
/** The rupees "Rs." can mean: read only where the posting names one. */
export const RUPEES = ["INR", "PKR", "LKR", "NPR"] as const;

/**
 * A currency mark and what it becomes. `codes` holds one ISO 4217 code, or several for a mark that
 * currencies share ("$", "Rs.", "¥"); a shared mark is narrowed by the other marks of the figure
 * ("$160,000 — $200,000 CAD" is CAD), then by the currency the posting names, then falls to
 * `fallback`, and without one the figure is not read. `at`: where the mark stands around the number.
 */
export interface CurrencyMark {
  readonly codes: readonly string[];
  readonly fallback?: string;
  readonly at: "before" | "after" | "both";
}

const one = (code: string, at: CurrencyMark["at"] = "both"): CurrencyMark => ({ codes: [code], at });

/** Every currency mark read, exactly as written (codes in capitals; words also capitalized). The README's table lists these. */
export const CURRENCY_MARKS: Readonly<Record<string, CurrencyMark>> = {
  $: { codes: DOLLARS, fallback: "USD", at: "before" },
  US$: one("USD", "before"),
  CA$: one("CAD", "before"),
  C$: one("CAD", "before"),
  AU$: one("AUD", "before"),
  A$: one("AUD", "before"),
  NZ$: one("NZD", "before"),
  HK$: one("HKD", "before"),
  S$: one("SGD", "before"),
  SG$: one("SGD", "before"),
  MX$: one("MXN", "before"),
  NT$: one("TWD", "before"),
  CDN$: one("CAD", "before"),
  R$: one("BRL", "before"),
  "£": one("GBP"),
  "€": one("EUR"),
  "₹": one("INR", "before"),
  "₱": one("PHP", "before"),
  "₩": one("KRW", "before"),
  "₪": one("ILS"),
  "₦": one("NGN", "before"),
  "¥": { codes: ["JPY", "CNY"], at: "before" },
  "Rs.": { codes: RUPEES, at: "before" },
  Rs: { codes: RUPEES, at: "before" },
  "₨": { codes: RUPEES, at: "before" },
  USD: one("USD"),
  CAD: one("CAD"),
  AUD: one("AUD"),
  NZD: one("NZD"),
  HKD: one("HKD"),
  SGD: one("SGD"),
  MXN: one("MXN"),
  TWD: one("TWD"),
  BRL: one("BRL"),
  EUR: one("EUR"),
  GBP: one("GBP"),
  INR: one("INR"),
  PKR: one("PKR"),
  LKR: one("LKR"),
  NPR: one("NPR"),
  JPY: one("JPY"),
  CNY: one("CNY"),
  RMB: one("CNY"),
  CHF: one("CHF"),
  SEK: one("SEK"),
  NOK: one("NOK"),
  DKK: one("DKK"),
  PLN: one("PLN"),
  ZAR: one("ZAR"),
  PHP: one("PHP"),
  KRW: one("KRW"),
  ILS: one("ILS"),
  NGN: one("NGN"),
  AED: one("AED"),
  euro: one("EUR", "after"),
  euros: one("EUR", "after"),
  pounds: one("GBP", "after"),
  dollars: { codes: DOLLARS, fallback: "USD", at: "after" },
};

/**
 * How a posting names the currency of a shared mark outside the figure: "salary in INR", "(Pakistani
 * rupees)". Lowercased names; ISO codes are found by CURRENCY_CODE.
 */
export const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  "indian rupee": "INR",
  "pakistani rupee": "PKR",
  "sri lankan rupee": "LKR",
  "nepalese rupee": "NPR",
  "nepali rupee": "NPR",
  "japanese yen": "JPY",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
};

/**
 * Multipliers after a number, to their factor. `large` marks millions and billions (funding and
 * revenue, never a salary); `rupee` marks the Indian lakh (10⁵) and crore (10⁷), read only where the
 * currency is a rupee; "LPA" is lakhs per annum, so it also names the period.
 */
export interface Multiplier {
  readonly factor: number;
  readonly large?: true;
  readonly rupee?: true;
  readonly year?: true;
}
const THOUSAND = 1000;
const LAKH = 100_000;
const CRORE = 10_000_000;
export const MULTIPLIERS: Readonly<Record<string, Multiplier>> = {
  k: { factor: THOUSAND },
  K: { factor: THOUSAND },
  m: { factor: 1e6, large: true },
  M: { factor: 1e6, large: true },
  mm: { factor: 1e6, large: true },
  MM: { factor: 1e6, large: true },
  million: { factor: 1e6, large: true },
  Million: { factor: 1e6, large: true },
  b: { factor: 1e9, large: true },
  B: { factor: 1e9, large: true },
  bn: { factor: 1e9, large: true },
  BN: { factor: 1e9, large: true },
  billion: { factor: 1e9, large: true },
  Billion: { factor: 1e9, large: true },
  L: { factor: LAKH, rupee: true },
  lakh: { factor: LAKH, rupee: true },
  lakhs: { factor: LAKH, rupee: true },
  Lakh: { factor: LAKH, rupee: true },
  Lakhs: { factor: LAKH, rupee: true },
  lac: { factor: LAKH, rupee: true },
  lacs: { factor: LAKH, rupee: true },
  Lac: { factor: LAKH, rupee: true },
  Lacs: { factor: LAKH, rupee: true },
  LPA: { factor: LAKH, rupee: true, year: true },
  lpa: { factor: LAKH, rupee: true, year: true },
  crore: { factor: CRORE, rupee: true },
  crores: { factor: CRORE, rupee: true },
  Crore: { factor: CRORE, rupee: true },
  Crores: { factor: CRORE, rupee: true },
  cr: { factor: CRORE, rupee: true },
  Cr: { factor: CRORE, rupee: true },
};

/** A word as a pattern that ignores the case of its letters ("hr" → "[hH][rR]"). */
const anyCase = (word: string) => escapeLiteral(word).replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

const marksAt = (side: "before" | "after") => Object.keys(CURRENCY_MARKS).filter((m) => CURRENCY_MARKS[m]!.at !== (side === "before" ? "after" : "before"));
const isCode = (mark: string) => /^[A-Z]{3}$/.test(mark);
const startsWithLetter = (mark: string) => /^[A-Za-z]/.test(mark);
/** A word of a mark is capitalized too: "Euros", "Dollars". */
const wordForms = (mark: string) => (/^[a-z]/.test(mark) ? [mark, mark[0]!.toUpperCase() + mark.slice(1)] : [mark]);

/** Before the number: a mark, a code with an optional "$" ("USD $", "CAD$"), then an optional space. Marks that start with a letter stand after a non-letter. */
const PREFIX_MARK = `(?<![A-Za-z])(?:${literalAlternation(marksAt("before").filter(isCode))})(?:\\s?\\$)?|(?<![A-Za-z])(?:${literalAlternation(marksAt("before").filter((m) => startsWithLetter(m) && !isCode(m)))})|${literalAlternation(marksAt("before").filter((m) => !startsWithLetter(m)))}`;
/** After the number: a code, possibly in brackets ("(CAD)"), or a currency word or symbol. */
const SUFFIX_MARK = `\\(?(?:${literalAlternation(marksAt("after").flatMap(wordForms))})(?![A-Za-z])\\)?`;
/** The characters that group thousands: comma, point, spaces (narrow and no-break), and the Swiss apostrophe ("120'000"). */
export const THOUSANDS_SEPARATORS = ",.\\u00a0\\u202f '’";
/** A number: Indian grouping first ("12,00,000", so the western form cannot read "12,00" from it), western grouping ("180,000", "70.000", "1 200", "120'000"), or plain digits. */
const AMOUNT_NUMBER = `\\d{1,2}(?:,\\d{2}){1,5},\\d{3}(?![\\d,])|\\d{1,3}(?:[${THOUSANDS_SEPARATORS}]\\d{3})+(?:[.,]\\d{1,2})?|\\d{1,7}(?:[.,]\\d{1,2})?`;
/** A multiplier word; a bare "L" only glued to the number ("12L"). */
const MULTIPLIER = `\\s?(?:${literalAlternation(Object.keys(MULTIPLIERS).filter((m) => m !== "L"))})(?![a-zA-Z])|L(?![a-zA-Z])`;
const PERIOD_ALTERNATION = literalAlternation(Object.keys(PERIOD_WORDS));
/** A period written after one bound of a range: "$117,000/yr - …", "$60 an hour to …", "£45,000 p.a. – …". */
const BOUND_PERIOD = `(?:\\s?\\/\\s?|\\s(?:(?:per|pro|an?)\\s)?)(?:${Object.keys(PERIOD_WORDS).map(anyCase).join("|")})(?![a-zA-Z])`;
const RANGE_JOIN = "\\s{0,3}(?:-|–|—|to|and|bis|tot|TO)\\s{0,3}|\\s{0,2}-\\s{0,2}\\n\\s{0,3}";

/**
 * What must follow a lower bound written without a mark before it, for it to start a figure: a mark
 * after it, a range joiner, a period, or a code ("150,000 USD", "70k-90k EUR", "25 LPA", "90,000/yr
 * CAD"). A bare number with none of these states no currency, so MONEY does not match it (nor
 * allocate a result for every number of a text).
 */
const BARE_START = `(?=(?:${AMOUNT_NUMBER})(?:(?:${MULTIPLIER})|\\s?(?:${SUFFIX_MARK})|${RANGE_JOIN}|${BOUND_PERIOD}))`;
/** One bound: a mark before the number (the lower bound may instead pass BARE_START), the number, a multiplier, a mark after. */
const amount = (n: 1 | 2) =>
  `(?:(?<pre${n}>${PREFIX_MARK})\\s?${n === 1 ? `|${BARE_START})` : ")?"}(?<num${n}>${AMOUNT_NUMBER})(?<mult${n}>${MULTIPLIER})?(?<suf${n}>\\s?(?:${SUFFIX_MARK}))?`;

/**
 * An amount, or a range of two. Named groups: `pre1`, `num1`, `mult1`, `suf1` (currency mark before,
 * number, multiplier, mark after), `per1` (a period written after the lower bound), `join`, then
 * `pre2`…`suf2` for the upper bound. The caller requires a currency mark somewhere on the figure.
 */
export const MONEY = new RegExp(`${amount(1)}(?<per1>${BOUND_PERIOD})?(?:(?<join>${RANGE_JOIN})${amount(2)})?`, "g");

/**
 * Where a text may state pay: a currency symbol (found with indexOf, see moneyWindows), a code, or a
 * currency word or multiplier beside a digit. V8 runs a character class holding non-Latin-1
 * characters ~100× slower than plain indexOf on one-byte strings.
 */
export const CURRENCY_SYMBOLS: readonly string[] = Object.keys(CURRENCY_MARKS).filter((m) => !/[A-Za-z]/.test(m));
export const CURRENCY_CODE = new RegExp(`${literalAlternation(Object.keys(CURRENCY_MARKS).filter(isCode))}|LPA`, "g");
/** Currency words written before a figure ("Rs. 50,000", "dollars 5"): marks that start with a letter and are no ISO code. */
export const CURRENCY_WORDS_BEFORE: readonly string[] = Object.keys(CURRENCY_MARKS).filter((m) => startsWithLetter(m) && !isCode(m) && !m.includes("$"));
/** After the figure: a currency word or a rupee multiplier ("5 lakh", "70 euros"). */
const figureThenWordRest = `\\s?(?:${literalAlternation(
  [...Object.keys(CURRENCY_MARKS).filter((m) => /^[a-z]/.test(m)), ...Object.keys(MULTIPLIERS).filter((m) => MULTIPLIERS[m]!.rupee && m.length > 2)].flatMap(
    wordForms,
  ),
)})`;
const wordThenFigure = `\\b(?:${literalAlternation(CURRENCY_WORDS_BEFORE)})\\s?\\d`;
/** A currency word or multiplier beside a digit: after it ("5 lakh", "70 euros") or before it ("Rs 50,000"). */
export const CURRENCY_WORD = new RegExp(`\\d${figureThenWordRest}|${wordThenFigure}`, "g");
/**
 * CURRENCY_WORD's two halves in one scan over the digits. At a digit where a word-first match ends
 * it matches that digit alone; else it matches the figure-first half there. The word-first half is
 * rare and scans several times slower than the figure-first one (its words start with common
 * letters): where this finds no digit alone, CURRENCY_WORD's matches are exactly these.
 */
export const CURRENCY_WORD_AT_DIGIT = new RegExp(`\\d(?:(?<=${wordThenFigure})|${figureThenWordRest})`, "g");
/** A currency named in words anywhere in the posting ("paid in Indian rupees"). */
// `\\b`, not a lookbehind, opens both: V8 scans for a word boundary far faster (every mark and name starts with a letter).
export const CURRENCY_NAME = new RegExp(`\\b(?:${literalAlternation(Object.keys(CURRENCY_NAMES))})`, "gi");

/** A currency code right after a figure and its period: "$100,000/yr CAD", "… per year (AUD)". */
export const TRAILING_CODE = new RegExp(`^\\s{0,2}\\(?(${literalAlternation(Object.keys(CURRENCY_MARKS).filter(isCode))})\\)?(?![A-Za-z])`);
/** Before an amount: what is not a salary figure right next to it (a 401(k), a phone number, a version). */
export const MONEY_GLUED_BEFORE = /[\d.,/(#+:]$|[a-z]$/i;
/** The pay period, right after the amount or range: "per year", "/hr", "an hour", "annually", "p.a.", "per maand", "pro Monat", "(hourly)". Group 1 (in brackets) or 2 is the unit word. */
export const PAY_PERIOD_AFTER = new RegExp(
  `^\\s{0,2}(?:\\((?:per\\s|an?\\s)?(${PERIOD_ALTERNATION})(?![a-z])\\)?|(?:\\/\\s?|per\\s|pro\\s|an?\\s|each\\s)?(${PERIOD_ALTERNATION})(?![a-z]))`,
  "i",
);
/**
 * A period named just before the amount, up to two words and a colon or bracket away: "hourly rate
 * of $60", "annual salary: $150k", "Monthly: $8,000", "Salary (per month): $9,000", "Day rate: £500".
 * Group 1 is the unit word.
 */
export const PAY_PERIOD_BEFORE = new RegExp(
  `(?:(${literalAlternation(Object.keys(PERIOD_WORDS).filter((w) => /(?:ly|annual)$/.test(w)))})|(?<![a-z])per\\s(${literalAlternation(["year", "annum", "month", "week", "day", "hour"])})|(?<![a-z])(day)(?=\\srate))\\)?:?\\s(?:[a-z]{1,12}\\)?:?\\s){0,2}(?:of\\s|is\\s|from\\s|between\\s)?$`,
  "i",
);
/** Words that make a nearby figure pay. */
export const PAY_CUE =
  /salary|salaries|compensation|\bpay\b|\bpaid\b|base|\brange\b|\bwages?\b|\bote\b|on[- ]target|\bearn|remuneration|\brate\b|package|\bctc\b|\blpa\b|salaris|gehalt|verg[üu]tung|per (?:year|annum|hour|month)|annual|hourly|starting at|up to/i;

/**
 * Words that name an amount as something other than pay: one-off or earmarked payments (relocation,
 * signing or joining bonus, stipends, allowances, referral bonuses), and money that is not the
 * hire's (funding, revenue, budgets). Lowercased forms.
 */
const NOT_PAY_WORDS = [
  "relocation",
  "relocate",
  "signing",
  "sign-on",
  "joining",
  "referral",
  "retention",
  "stipend",
  "allowance",
  "reimbursement",
  "reimbursed",
  "per diem",
  "bonus",
  "credit",
  "budget",
  "gift",
  "discount",
  "raised",
  "funding",
  "revenue",
  "valuation",
  "arr",
  "invested",
  "investment",
  "grant",
  "fund",
  "worth",
  "sales",
] as const;
/** Words that name the amount beside them as pay, and so outweigh a not-pay word further away. */
const PAY_WORDS = ["salary", "base", "compensation", "pay", "wage", "wages", "ote", "ctc", "remuneration", "earnings"] as const;
/**
 * The nearest qualifying word in the clause before an amount: group `not` when it names something
 * other than pay, `pay` when it names pay. Run on the lowercased clause; the last match is the nearest.
 */
export const QUALIFIER_BEFORE = new RegExp(
  `(?<![a-z])(?:(?<not>${literalAlternation(NOT_PAY_WORDS)}|series [a-e])|(?<pay>${literalAlternation(PAY_WORDS)}))(?![a-z])`,
  "g",
);
/** A not-pay word in the few words after an amount, on its own line: "$10,000 signing bonus", "up to $15k in relocation support". */
export const NOT_PAY_AFTER = new RegExp(
  `^[ \\t\\-–:]{0,3}(?:(?!plus\\s|and\\s|with\\s|or\\s)[a-z-]{1,14}[ \\t]){0,2}(?:${literalAlternation(NOT_PAY_WORDS.filter((w) => w !== "worth" && w !== "sales"))}|in (?:funding|revenue|sales|arr)|series|raise|round|users|customers|market|fertility|wellness|learning|education|tuition|home[- ]office|equipment|towards?|for (?:education|learning|wellness|equipment|your)|per employee|life insurance|contribution|match|equity|rsus?|stock)(?![a-z])`,
  "i",
);
/** A pay word in the words right after an amount, on its line: "$150,000 base salary". It outweighs a not-pay word before. */
export const PAY_AFTER = new RegExp(`^[ \\t]{0,2}(?:[a-z-]{1,14}[ \\t]){0,1}(?:${literalAlternation(PAY_WORDS)})(?![a-z])`, "i");
/** Where the clause before an amount starts: a line break, a sentence end, a bullet. */
export const CLAUSE_BREAK = /[\n;!?•·▪●]|\.\s/g;
/**
 * A range joiner and another amount right after a lone figure: the rest of a range MONEY could not
 * read, so the figure alone would be half of it.
 */
export const HALF_RANGE_AFTER = /^\s{0,3}(?:-|–|—|to)\s{0,3}(?:[$€£₹¥]|[A-Z]{2,3}\$?\s?\d)/;
/** The same before a lone figure: "… $60/hr - " leaves the figure as the upper half of a range. */
export const HALF_RANGE_BEFORE = /\d(?:[kK]|\s?\/\s?[a-zA-Z]{1,6})?\s{0,3}(?:-|–|—)\s{0,3}$/;
/**
 * A figure that is a whole field of a "|"-separated header line ("Acme | ML Engineer | $180k | Remote"),
 * the way "Who is hiring" posts state pay: the field before it ends at a bar, and after it come only
 * an equity or bonus note, then a bar or the end of the line.
 */
export const HEADER_FIELD_BEFORE = /\|[ \t]{0,8}$/;
export const HEADER_FIELD_AFTER = /^[ \t]{0,8}(?:\+[ \t]{0,8}(?:equity|stock|options|bonus)\b[^|\n]{0,40})?(?:\||\n|$)/i;
/** Longer than any HEADER_FIELD_AFTER match (at most 66 characters), so it reads a slice of this length. */
export const HEADER_FIELD_AFTER_REACH = 80;
/** Retirement plans named by their tax-code section: "401(k)", "401K", "403(b)". */
export const RETIREMENT_PLAN = /^(?:401|403|457)$/;
