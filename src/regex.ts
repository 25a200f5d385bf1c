/*
 * Every regular expression that reads posting text lives here, so they can be reviewed together
 * and checked for catastrophic backtracking in one test (tests/regex-safety.test.ts), which runs
 * each one over adversarial input and bounds the time by a ratio.
 *
 * Rules they follow: no nested quantifiers over overlapping classes, bounded repetition where a
 * group repeats, and every alternation anchored by literal text. All run on lowercased text unless
 * noted. None uses the `u` flag on the hot path: V8 runs the ASCII forms faster.
 */
import type { SectionKind } from "./vocabulary.js";

/**
 * A token of text or of a lexicon phrase (see lexicon/forms.ts): letters and digits (Latin-1 and
 * Latin Extended letters included), with ".", "&", "+" or "#" inside, "+"/"#" at the end, or a
 * leading "." ("node.js", "w&b", "c++", ".net"). "models." at a sentence end is the token "models".
 */
export const TOKEN = /\.?[a-z0-9_\u00c0-\u024f]+(?:[.&+#][a-z0-9_\u00c0-\u024f]+)*[+#]*/g;
/** The letters and digits of TOKEN, as a character class body. */
const TOKEN_WORD = "a-z0-9_\\u00c0-\\u024f";

/**
 * Where a phrase of the lexicon may start: one alternation of the given tokens (a lexicon's first
 * tokens and cue words, see FieldMatcher.states), longest first. Built from escaped literal text only,
 * so it runs in linear time whatever the lexicon holds. It finds a superset of the places where such
 * a token stands as a whole token; the matcher confirms each with isTokenStart and tokenEnd. `\b` is the fastest
 * start test but needs an ASCII letter or digit first, so tokens that start with "." or a non-ASCII
 * letter are looked for after a lookbehind instead. (A character trie of the same tokens scans
 * about 8% faster but takes ten times as long to build, which a cold start feels more.)
 */
export function tokenStartPattern(tokens: ReadonlySet<string>): RegExp {
  let length = 0;
  for (const token of tokens) if ((length += token.length + 1) > MAX_PATTERN_LENGTH) return new RegExp(ANY_TOKEN_START.source, "g");
  const groups = { ascii: [] as string[], asciiTail: [] as string[], other: [] as string[], otherTail: [] as string[] };
  for (const token of [...tokens].sort((a, b) => b.length - a.length)) {
    const ascii = /^[a-z0-9_]/.test(token);
    // A token that ends in "+" or "#" may run straight into the next ("c++x"); any other is followed by a non-letter.
    const tail = /[+#]$/.test(token);
    groups[ascii ? (tail ? "asciiTail" : "ascii") : tail ? "otherTail" : "other"].push(token.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  }
  const close = `(?![${TOKEN_WORD}])`;
  const lookbehind = `(?<![${TOKEN_WORD}])`;
  const parts = [
    groups.ascii.length > 0 ? `\\b(?:${groups.ascii.join("|")})${close}` : "",
    groups.asciiTail.length > 0 ? `\\b(?:${groups.asciiTail.join("|")})` : "",
    groups.other.length > 0 ? `${lookbehind}(?:${groups.other.join("|")})${close}` : "",
    groups.otherTail.length > 0 ? `${lookbehind}(?:${groups.otherTail.join("|")})` : "",
  ].filter((part) => part !== "");
  const source = parts.join("|");
  if (source.length > MAX_PATTERN_LENGTH) return new RegExp(ANY_TOKEN_START.source, "g");
  // A pattern that never matches, for a field no entry applies to.
  return new RegExp(source === "" ? "(?!)" : source, "g");
}

/**
 * V8 stops optimizing a pattern longer than 20 KB (measured here: 3.5 times slower just past it) and
 * compiles long alternations slowly, so a lexicon whose pattern would be longer than this is scanned
 * from every token start instead: about twice the scan time of the default lexicon's pattern, same matches.
 */
const MAX_PATTERN_LENGTH = 19_000;
/** Every place a token can start: a letter or digit after a non-letter, or a ".". */
const ANY_TOKEN_START = new RegExp(`(?<![${TOKEN_WORD}])[${TOKEN_WORD}.]`, "g");

/** What may stand between two tokens of one phrase: up to three spaces, hyphens, slashes, apostrophes, "&" or ",". */
export const PHRASE_GAP = /^[\s\-/'\u2019&,]{1,3}$/;

/**
 * Negation cues in the few words before a match, in the same sentence: "no", "not", "without",
 * "never", "nor", "no prior", "don't", "won't", "isn't". Found as whole tokens by the match stage's
 * scan (no pattern of their own): the words as they are, the contractions when "'t" or "’t" follows.
 */
export const NEGATION_WORDS: readonly string[] = ["no", "nor", "not", "never", "neither", "without", "cannot"];
export const NEGATION_CONTRACTIONS: readonly string[] = ["can", "don", "doesn", "won", "isn", "aren"];
/**
 * Negation after a match, in the same sentence: "LLM experience is not required", "… not needed",
 * "… not necessary", "… is not part of this role".
 */
export const NEGATION_AFTER = /^[^.;!?\n]{0,40}?(?<![a-z])(?:not|isn[’']t|aren[’']t) (?:required|needed|necessary|expected|part of|a requirement|involved)/;
/** A cue that ends the negation's reach: a contrast ("not X but Y", "rather than") or a clause break. */
export const NEGATION_STOP = /(?<![a-z])(?:but|however|instead|rather|although|though)(?![a-z])|[,:]/g;
/** How far back (in words) a negation cue may stand from the phrase it negates. */
export const NEGATION_WINDOW = 6;
/** And never further than this many characters, however long its words: keeps the reach of every cue bounded. */
export const NEGATION_REACH_CHARS = 200;

/** The end of a sentence or list item: where negation scope and "same sentence" end. */
export const SENTENCE_END_CHARS = ".!?;\n•·▪●";
export const SENTENCE_END = new RegExp(`[${SENTENCE_END_CHARS}]`);

/** Words that may open a heading: "Your responsibilities", "Key qualifications", "What are the benefits". */
const HEADING_OPENER = "^(?:(?:your|our|the|key|main|core|job|role|additional|minimum|basic|general|primary|essential|what are the|a few)\\s){0,2}";
/** What may close one: "Requirements and qualifications", "Skills & experience", "About us!". */
const HEADING_CLOSER = "(?:\\s(?:and|&)\\s[a-z ]{1,30})?[!]?$";

/**
 * A heading line of a posting, read from its words: "About us", "Responsibilities:", "What you'll do",
 * "Requirements", "Nice to have", "Benefits", … (English, with the Dutch and German headings that
 * appear in the feeds). Tested on one trimmed, lowercased line (or the part before its colon) of at
 * most 80 characters; the whole candidate must be the heading, so a bullet that mentions "skills" is not one.
 */
const HEADING_KINDS = ["preferred", "requirements", "role", "benefits", "about", "legal"] as const satisfies readonly SectionKind[];
export type HeadingKind = (typeof HEADING_KINDS)[number];
const HEADING_WORDS: Readonly<Record<HeadingKind, string>> = {
  preferred:
    "nice[ -]to[ -]haves?|bonus(?: points)?|preferred(?: qualifications| skills| experience)?|pluses|plus points|it(?:'|’)?s a plus|good to have|desired(?: skills| qualifications)?|additional (?:skills|qualifications)|even better|extra credit|pluspunten|wünschenswert",
  requirements:
    "requirements|qualifications|what you(?:'|’)?ll (?:need|bring)|what you bring|(?:what |who )?we(?:'|’)?re looking for|(?:what |who )?we are looking for|what we need|(?:the )?ideal candidate|you should have|you are|your qualifications|who you are|about you|you have|you bring|must[ -]haves?|minimum qualifications|basic qualifications|required (?:skills|qualifications|experience)|skills|experience|profile|your (?:profile|skills|experience|background)|wat (?:wij vragen|je meebrengt|breng je mee)|functie-?eisen|profiel|ihr profil|dein profil|anforderungen",
  role: "responsibilities|what you(?:'|’)?ll do|what you will do|what you(?:'|’)?ll work on|role|the role|role overview|about the role|about this role|the job|job description|position summary|position overview|mission|impact|tasks|in this role(?: you will| you(?:'|’)ll)?|you will|day[ -]to[ -]day|duties|what you(?:'|’)?ll be doing|the opportunity|wat (?:ga je doen|je gaat doen)|taken|verantwoordelijkheden|deine aufgaben|ihre aufgaben|aufgaben",
  benefits:
    "benefits|perks|what we offer|we offer|what(?:'|’)?s in it for you|compensation|salary|pay range|offer|why join(?: us)?|why you(?:'|’)?ll love (?:it|us|working here)|wat (?:wij bieden|bieden wij)|arbeidsvoorwaarden|wir bieten|unser angebot",
  about:
    "about us|about the company|about the team|who we are|company|story|company overview|company description|about [a-z0-9&.' ]{2,30}|over ons|wie zijn wij|über uns",
  legal: "equal (?:employment )?opportunity(?: employer)?|eeo(?: statement)?|diversity(?: and| &) inclusion|privacy notice|disclaimer|accommodations?",
};

/**
 * A heading line of a posting, read from its words: "About us", "Responsibilities:", "What you'll do",
 * "Requirements", "Nice to have", "Benefits", … (English, with the Dutch and German headings that
 * appear in the feeds). One pattern with a group per kind, tested on one trimmed, lowercased line (or
 * the part before its colon) of at most 80 characters. The whole candidate must be the heading, so a
 * bullet that mentions "skills" is not one. Earlier kinds win ("preferred skills" is preferred).
 */
export const HEADING = new RegExp(`${HEADING_OPENER}(?:${HEADING_KINDS.map((k) => `(${HEADING_WORDS[k]})`).join("|")})${HEADING_CLOSER}`);
export function headingKindOf(match: RegExpExecArray): HeadingKind | undefined {
  const index = match.findIndex((group, i) => i > 0 && group !== undefined);
  return index > 0 ? HEADING_KINDS[index - 1] : undefined;
}

/** Title-case form of a heading phrase for glued headings: "key responsibilities" → "Key [Rr]esponsibilities". */
const titleCased = (phrase: string) =>
  phrase.replace(/(^|\s)([a-z])/g, (_, space: string, letter: string) => (space === "" ? letter.toUpperCase() : `${space}[${letter.toUpperCase()}${letter}]`));
/** A heading has no sentence punctuation. */
export const HEADING_PUNCTUATION = /[.!?]/;
/**
 * A heading glued into running text, as scraped postings often have it: "Key ResponsibilitiesDevelop …",
 * "About the Role:Treeswift is …". Capitalized as headings are (all-caps text cannot glue); the caller
 * checks that a colon or a capital letter follows, and that a sentence end, a line start or a double space comes before.
 */
export const INLINE_HEADING = new RegExp(
  [
    "key responsibilities",
    "responsibilities",
    "requirements",
    "required skills",
    "preferred skills",
    "preferred qualifications",
    "minimum qualifications",
    "basic qualifications",
    "qualifications",
    "benefits",
    "perks",
    "about the role",
    "about the job",
    "about the team",
    "about us",
    "about you",
    "what you'll do",
    "what you’ll do",
    "what you will do",
    "what we offer",
    "what you'll bring",
    "what you bring",
    "what we're looking for",
    "who we're looking for",
    "who you are",
    "nice to have",
    "bonus points",
    "your profile",
    "the role",
    "who we are",
  ]
    .map((p) => titleCased(p).replace(/'/g, "['’]"))
    .join("|"),
  "g",
);
/** Words every LEGAL_BOILERPLATE match contains: a cheap scan that decides whether to run it. */
export const LEGAL_HINT = /opportunit|regard to|accommodation|e-verify|veteran|orientation|gender identity/;
/** Equal-opportunity and legal boilerplate inside any section: says nothing about the role. Matched per sentence. */
export const LEGAL_BOILERPLATE =
  /equal (?:employment )?opportunit|without regard to (?:race|age|sex|religion|color)|reasonable accommodation|e-verify|protected veteran|sexual orientation|gender identity/g;

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
