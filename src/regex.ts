/*
 * The regular expressions of the seniority and salary domains. (The core stages' patterns are in
 * src/pipeline/patterns.ts.) All are checked for catastrophic backtracking in one test
 * (tests/regex-safety.test.ts), which runs each one over adversarial input and bounds the time by a ratio.
 *
 * Rules they follow: no nested quantifiers over overlapping classes, bounded repetition where a
 * group repeats, and every alternation anchored by literal text. All run on lowercased text unless
 * noted. None uses the `u` flag on the hot path: V8 runs the ASCII forms faster.
 */

/**
 * Years of experience: "5+ years", "3-5 years", "3 to 5 yrs", "at least 4 years", "minimum of 2 years",
 * "8 or more years", "one year". Group 1 is the lower bound (digits or a word up to ten), group 2 a
 * "+"/"plus" that makes it a requirement by itself, group 3 the upper bound when a range is given.
 * Anchored at its end: it is run on the few characters before each YEAR_WORD.
 */
export const YEARS_OF_EXPERIENCE =
  /((?<![\d.$])\d{1,2}|(?<![a-z])(?:one|two|three|four|five|six|seven|eight|nine|ten))(?:\.\d)?\s{0,2}(\+|plus)?\s{0,2}(?:(?:-|–|—|to)\s{0,2}(\d{1,2})\s{0,2}\+?\s{0,2})?(?:or more\s{1,2})?(?:years?|yrs?|jaar|jahre)$/;
/** The unit word of a years phrase; the cheap scan that finds where to look for YEARS_OF_EXPERIENCE. */
export const YEAR_WORD = /\b(?:y(?:ears?|rs?)|ja(?:ar|hre))\b/g;
/** Words after a "N years" that make it about experience rather than company age or a contract. */
export const EXPERIENCE_AFTER =
  /^[^.;\n]{0,60}?(?:experience|exp\b|ervaring|erfahrung|working|work|industry|professional|hands-on|relevant|development|developing|building|designing|applying|operationaliz|programming|as an? |in (?:ml|machine learning|software|data|ai|python|a |the |an? )|of (?:python|ml|ai|software|data|deep|machine))/;
/** Words before a "N years" that make it a requirement: "minimum of", "at least", "over". */
export const EXPERIENCE_BEFORE = /(?:experience|minimum|min\.?|at least|over|more than|requires?|with)[^.;\n]{0,20}$/;
/** Words after a "N years" that rule out experience: company age, contract length, warranties. */
export const NOT_EXPERIENCE_AFTER = /^\s{0,2}(?:ago|old|in business|of history|history|contract|warranty|anniversary|vesting)/;
export const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * A seniority word in the body where it names the hire: "we are seeking a Senior AI Developer", "as a
 * junior AI engineer you'll …", "this role is for a junior to mid-level engineer", "Position Title:
 * Senior AI Engineer". Group 1 is the marker. Not "work with senior engineers" (no hiring cue).
 */
export const BODY_SENIORITY =
  /(?:seeking|looking for|hiring|as|is for|position title:?|job title:?)\s{1,3}(?:an?\s{1,3})?(?:(?:highly |very )?(?:skilled|experienced|talented|motivated|passionate|driven|hands-on),?\s{1,3}(?:and\s{1,3})?){0,3}(senior|sr\.?|junior|jr\.?|staff|principal|lead|mid-level|entry-level|intern)\s{1,3}(?:[a-z/&-]{1,20}\s{1,3}){0,3}(?:engineer|developer|scientist|architect)/g;

/**
 * Seniority markers in a job title, strongest first. Tested on the lowercased title.
 * Roman numerals are read only as whole words at the end of a title part ("Engineer II", "Engineer III - Remote").
 */
export const TITLE_SENIORITY: ReadonlyArray<readonly [level: "junior" | "mid" | "senior" | "staff", pattern: RegExp]> = [
  ["staff", /(?<![a-z])(?:staff|principal|distinguished|fellow|architect|head of|director)(?![a-z])|(?<![a-z])(?:iv|v)(?=\s*(?:$|[-–,(|/]))/],
  ["senior", /(?<![a-z])(?:senior|sr|snr|lead|iii|expert)(?![a-z])/],
  [
    "junior",
    /(?<![a-z])(?:junior|jr|intern|internship|trainee|graduate|new grad|entry[ -]level|apprentice|werkstudent|stagiair|co-op)(?![a-z])|(?<![a-z])i(?=\s*(?:$|[-–,(|/]))|(?<![a-z])associate (?=[a-z]* ?(?:engineer|developer|scientist))/,
  ],
  ["mid", /(?<![a-z])(?:ii|mid[ -]level|medior|mid-senior|intermediate)(?![a-z])/],
];

/*
 * Stated pay. One expression finds an amount or a range of amounts with their currency marks;
 * the cues around it decide whether it is pay. On the original text; ISO codes are read in capitals
 * ("USD 150,000"), as postings write them.
 */
const CURRENCY_PREFIX =
  "(US\\$|USD\\s?\\$?|CA\\$|C\\$|CAD\\s?\\$?|AU\\$|A\\$|AUD\\s?\\$?|NZ\\$|HK\\$|S\\$|SGD\\s?\\$?|(?:\\$|£|€|₹|¥)\\s?|(?:EUR|GBP|INR|CHF|SEK|NOK|DKK|PLN|JPY|NZD|MXN|BRL|ZAR|Rs\\.?)\\s?)";
const AMOUNT_NUMBER = "(\\d{1,3}(?:[,.\\u00a0\\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d{1,7}(?:[.,]\\d{1,2})?)";
const AMOUNT_MULTIPLIER = "(\\s?[kK](?![a-zA-Z])|\\s?(?:[mM][mM]?|[mM]illion|[bB][nN]?|[bB]illion)(?![a-zA-Z]))?";
const CURRENCY_SUFFIX =
  "(\\s?(?:USD|EUR|GBP|CAD|AUD|INR|CHF|SEK|NOK|DKK|PLN|JPY|SGD|NZD|MXN|BRL|ZAR|[eE]uros?|[dD]ollars?|[pP]ounds?)(?![a-zA-Z])|\\s?€|\\s?(?:LPA|lpa|[lL]akhs?)(?![a-zA-Z]))?";
const RANGE_JOIN = "(\\s{0,3}(?:-|–|—|to|and|bis|tot|TO)\\s{0,3}|\\s{0,2}-\\s{0,2}\\n\\s{0,3})";
/**
 * An amount, or a range of two. Groups: 1 prefix, 2 number, 3 multiplier, 4 suffix; 5 the join;
 * 6–9 the same for the upper end. The caller requires a currency mark on at least one end.
 */
export const MONEY = new RegExp(
  `${CURRENCY_PREFIX}?${AMOUNT_NUMBER}${AMOUNT_MULTIPLIER}${CURRENCY_SUFFIX}(?:${RANGE_JOIN}${CURRENCY_PREFIX}?${AMOUNT_NUMBER}${AMOUNT_MULTIPLIER}${CURRENCY_SUFFIX})?`,
  "g",
);
/**
 * Any currency mark MONEY can use; without one, a text states no pay. Symbols are looked for with
 * indexOf (CURRENCY_SYMBOLS): V8 runs a character class holding non-Latin-1 characters ~100× slower
 * than plain indexOf on one-byte strings.
 */
export const CURRENCY_SYMBOLS = ["$", "€", "£", "₹", "¥"] as const;
export const CURRENCY_CODE = /USD|EUR|GBP|CAD|AUD|INR|CHF|SEK|NOK|DKK|PLN|JPY|SGD|NZD|MXN|BRL|ZAR|LPA/g;
export const CURRENCY_WORD = /\d\s?(?:[Ee]uros?|[Dd]ollars?|[Pp]ounds?|[Ll]akhs?|lpa)|Rs\.?\s?\d/g;
/** Before an amount: what is not a salary figure right next to it (a 401(k), a phone number, a version). */
export const MONEY_GLUED_BEFORE = /[\d.,/(#+:]$|[a-z]$/i;
/** The pay period, right after the amount or range: "per year", "/hr", "an hour", "annually", "p.a.", "per maand", "pro Monat". Group 1 is the unit word. */
export const PAY_PERIOD_AFTER =
  /^\s{0,2}(?:\/\s?|per\s|pro\s|an?\s|each\s)?(year|yr|annum|annually|annual|yearly|p\.?a\.?|hour|hr|hourly|month|mo|monthly|week|wk|weekly|day|daily|jaar|jahr|maand|monat|uur|stunde|week|woche|dag|tag)(?![a-z])/i;
/** A period named just before the amount: "hourly rate of $60", "annual salary: $150k". Group 1 is the unit word. */
export const PAY_PERIOD_BEFORE = /(hourly|annual|yearly|monthly|weekly|daily)\s(?:[a-z]{1,12}\s){0,2}(?:of\s|is\s|:\s?|from\s|between\s)?$/i;
/** Words that make a nearby figure pay. */
export const PAY_CUE =
  /salary|salaries|compensation|\bpay\b|\bpaid\b|base|\brange\b|\bwages?\b|\bote\b|on[- ]target|\bearn|remuneration|\brate\b|package|\bctc\b|\blpa\b|salaris|gehalt|verg[üu]tung|per (?:year|annum|hour|month)|annual|hourly|starting at|up to/i;
/** Words that make a figure something other than pay when they stand right beside it. */
export const NOT_PAY_BEFORE =
  /(?:stipend|allowance|reimburs\w*|bonus|credit|budget|gift|discount|raised|funding|revenue|valuation|arr|invested|investment|series [a-e]|grant|fund|worth|sales of)[^.\n]{0,12}$/i;
export const NOT_PAY_AFTER =
  /^[\s\-–:]{0,3}(?:(?!plus\s|and\s|with\s|or\s)[a-z-]{1,14}\s){0,2}(?:stipend|allowance|reimbursement|bonus|credit|budget|gift|discount|in (?:funding|revenue|sales|arr)|series|valuation|raise|round|fund|grant|users|customers|market|fertility|wellness|learning|education|tuition|relocation|referral|home[- ]office|equipment|towards?|for (?:education|learning|wellness|equipment|your)|per employee|life insurance|contribution|match)/i;
/** Retirement plans named by their tax-code section: "401(k)", "401K", "403(b)". */
export const RETIREMENT_PLAN = /^(?:401|403|457)$/;
