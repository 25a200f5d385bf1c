/*
 * The regular expressions of seniority, each built from the table its matches are looked up in.
 * All run on lowercased text. Every pattern is exported, so tests/regex-safety.test.ts checks it.
 */

// Words that name a role in a title: the part that holds one is the role's own, the others qualify it.
// One table for the library: the attribution stage reads titles by the same nouns.
import { ROLE_NOUNS } from "../pipeline/patterns.js";
import { escapeLiteral, literalAlternation } from "../literal-pattern.js";

/** A seniority level, lowest first. */
import type { Level } from "../vocabulary.js";

export type { Level };

/**
 * Seniority markers, lowercased, to the level they name. Read as whole words in a title (see
 * TITLE_MARKER for where a title's marker counts) and, for BODY_MARKERS, where the body names the hire.
 */
export const SENIORITY_MARKERS: Readonly<Record<string, Level>> = {
  staff: "staff",
  principal: "staff",
  distinguished: "staff",
  fellow: "staff",
  architect: "staff",
  "head of": "staff",
  director: "staff",
  vp: "staff",
  "vice president": "staff",
  senior: "senior",
  sr: "senior",
  "sr.": "senior",
  snr: "senior",
  lead: "senior",
  expert: "senior",
  junior: "junior",
  jr: "junior",
  "jr.": "junior",
  intern: "junior",
  internship: "junior",
  trainee: "junior",
  graduate: "junior",
  "new grad": "junior",
  "entry level": "junior",
  "entry-level": "junior",
  apprentice: "junior",
  werkstudent: "junior",
  stagiair: "junior",
  "co-op": "junior",
  "mid-level": "mid",
  "mid level": "mid",
  medior: "mid",
  intermediate: "mid",
};
/** Roman numerals after a title's role, to level; `end`: read only as the last word of a title part ("Engineer I", not "I/O"). */
export const ROMAN_LEVELS: Readonly<Record<string, { level: Level; end: boolean }>> = {
  i: { level: "junior", end: true },
  ii: { level: "mid", end: false },
  iii: { level: "senior", end: false },
  iv: { level: "staff", end: true },
  v: { level: "staff", end: true },
};
/**
 * "No experience needed": the posting asks for none, which the codebook reads as 0 years (junior).
 * Only experience as such: "no Dart experience required" and "Dart experience is not required" waive a skill, not experience.
 */
export const NO_EXPERIENCE_REQUIRED =
  /(?<![a-z])no\s{1,3}(?:prior\s{1,3}|previous\s{1,3}|professional\s{1,3}|work\s{1,3}|industry\s{1,3})?experience\s{1,3}(?:is\s{1,3})?(?:needed|required|necessary)(?![a-z])/g;
/** The markers read where the body names the hire; the others ("architect", "graduate") name other things there too. */
export const BODY_MARKERS: readonly string[] = [
  "senior",
  "sr.",
  "sr",
  "junior",
  "jr.",
  "jr",
  "staff",
  "principal",
  "lead",
  "mid-level",
  "entry-level",
  "intern",
];

/** Words that make a title qualifier the name of a group, team or product: a marker before them is part of that name. */
export const GROUP_NOUNS: readonly string[] = [
  "group",
  "team",
  "platform",
  "support",
  "office",
  "division",
  "department",
  "organization",
  "organisation",
  "org",
  "unit",
  "lab",
  "labs",
  "program",
  "programme",
  "practice",
  "studio",
  "squad",
  "services",
  "solutions",
  "products",
  "generation",
  "living",
  "care",
  "management",
];

const romans = (end: boolean) => Object.keys(ROMAN_LEVELS).filter((r) => ROMAN_LEVELS[r]!.end === end);

/**
 * Where a title splits into parts: a comma, semicolon, bar, bracket, colon, a dash with a space
 * beside it, an en or em dash. Not a slash: "Principal / Senior Engineer" names alternatives of one role.
 */
export const TITLE_SEPARATOR = /[,;|()[\]:–—]|\s-|-\s/g;
/** " of " inside a title part: what follows names a group ("Office of the Director of AI"), unless the marker is "head of". */
export const TITLE_OF = /\sof\s/;
/**
 * A seniority marker in a lowercased title: the table's markers as whole words, roman numerals, and
 * "associate" before a role noun. Group `marker` holds the marker as written.
 */
export const TITLE_MARKER = new RegExp(
  `(?<![a-z])(?<marker>${literalAlternation(Object.keys(SENIORITY_MARKERS))}|${literalAlternation(romans(false))}|(?:${literalAlternation(romans(true))})(?=\\s{0,3}(?:$|[-–,(|/)])))(?![a-z])|(?<![a-z])(?<associate>associate)(?= (?:[a-z/&-]{1,20} ){0,3}(?:engineer|developer|scientist))`,
  "g",
);
/** Words after a qualifier's marker that keep it a level: "(Senior Level)", "Staff track". */
export const LEVEL_WORDS: readonly string[] = ["level", "role", "position", "grade", "track", "band"];
/**
 * The word right after a marker in a title qualifier (group `word`; none at the end of the part).
 * A qualifier's marker counts only when no word follows, or a role noun, another marker or a level
 * word does: "Lead Scoring", "Senior Living" and "Principal Investigator Lab" name things, not levels.
 */
export const NEXT_WORD = /^[\s+/]{0,3}(?<word>[a-z][a-z0-9.&'-]{0,30})?/;
/** A role noun as a whole word, singular or plural. */
export const ROLE_NOUN = new RegExp(`(?<![a-z])(?:${literalAlternation(ROLE_NOUNS)})s?(?![a-z])`);
/** A group noun as a whole word. */
export const GROUP_NOUN = new RegExp(`(?<![a-z])(?:${literalAlternation(GROUP_NOUNS)})(?![a-z])`, "g");

/** Numbers written as words in a years phrase. */
export const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** The unit words of a years phrase: where to look for YEARS_OF_EXPERIENCE. */
export const YEAR_WORDS = ["years", "year", "yrs", "yr", "jaar", "jahre"] as const;

/**
 * Years of experience: "5+ years", "3-5 years", "3 to 5 yrs", "at least 4 years", "8 or more years",
 * "one year". Groups: `low` (digits, or a word from NUMBER_WORDS), `plus` (a "+"/"plus" that makes it a
 * requirement by itself), `high` (the upper bound of a range). Anchored at its end: it is run on the
 * few characters before each of YEAR_WORDS.
 */
export const YEARS_OF_EXPERIENCE = new RegExp(
  `(?<low>(?<![\\d.$])\\d{1,2}|(?<![a-z])(?:${literalAlternation(Object.keys(NUMBER_WORDS))}))(?:\\.\\d)?\\s{0,2}(?<plus>\\+|plus)?\\s{0,2}(?:(?:-|–|—|to)\\s{0,2}(?<high>\\d{1,2})\\s{0,2}\\+?\\s{0,2})?(?:or more\\s{1,2})?(?:${literalAlternation(YEAR_WORDS)})$`,
);
/**
 * One of YEAR_WORDS as a whole word at one place (sticky), and the characters the words start with.
 * A scan for one character with indexOf costs a fraction of a regex's scan for a class, and "y" and
 * "j" are rare enough that testing this at each finds the words in about half the work of a global
 * scan (tests/seniority-fast-paths.test.ts checks the two agree).
 */
export const YEAR_WORD_AT = new RegExp(`\\b(?:${literalAlternation(YEAR_WORDS)})\\b`, "y");
export const YEAR_WORD_FIRSTS: readonly string[] = [...new Set(YEAR_WORDS.map((w) => w[0]!))];
/** Words after a "N years", in its clause, that make it about experience rather than company age or a contract. */
export const EXPERIENCE_AFTER =
  /^[^.;,\n]{0,60}?(?:experience|exp\b|ervaring|erfahrung|working|work|industry|professional|hands-on|relevant|development|developing|building|designing|applying|operationaliz|programming|as an? |in (?:ml|machine learning|software|data|ai|python|a |the |an? )|of (?:python|ml|ai|software|data|deep|machine))/;
/** Words before a "N years" that make it a requirement: "minimum of", "at least", "over". */
export const EXPERIENCE_BEFORE = /(?:experience|minimum|min\.?|at least|over|more than|requires?|with)[^.;\n]{0,20}$/;
/** Words after a "N years" that rule out experience: company age, a history, a contract, a warranty, a company as the subject. */
export const NOT_EXPERIENCE_AFTER =
  /^[\s-]{0,2}(?:ago|old|young|in business|in operation|(?:in|on) the market|of (?:history|service|operations?|innovation|excellence|growth|success|serving|partnership|leadership|trust)|history|track record|running|strong|and counting|contract|warranty|anniversary|vesting|,\s{1,2}(?:[a-z0-9&.'-]{1,30}\s{1,2}){0,2}(?:has|have|had|is|are|was|were)\s)/;
/** Words right before a "N years" that make it a span of time, not a requirement: "for over 20 years", "in the past 10 years", "since". */
export const DURATION_BEFORE =
  /(?<![a-z])(?:for|since|past|last|celebrating|spanning|within|after|in)\s{1,2}(?:the\s{1,2})?(?:(?:over|more than|nearly|almost|about|around|close to|past|last)\s{1,2})?$/;
/**
 * Who has the years, when the text says someone "has" them: "Acme has 20 years", "we have 10+
 * years", "our team brings 15 years". Group `subject` is the word before the verb; it is a
 * requirement only for the subjects in REQUIREMENT_SUBJECTS ("you have", "the ideal candidate has").
 */
export const HAS_YEARS_BEFORE =
  /(?<![a-z'])(?<subject>[a-z']{1,20})\s{1,2}(?:has|have|brings?|boasts?)\s{1,2}(?:(?:over|more than|nearly|almost|about)\s{1,2})?$/;
/** The subjects of "has N years" that make it a requirement: the candidate, or a modal ("must have"). */
export const REQUIREMENT_SUBJECTS: readonly string[] = [
  "you",
  "candidate",
  "candidates",
  "applicant",
  "applicants",
  "who",
  "ideally",
  "also",
  "should",
  "must",
  "will",
  "to",
  "you'll",
  "you’ll",
  "engineer",
  "person",
  "hire",
];
/(?<![a-z])(?:we|we've|we have|our (?:team|company|founders)|the company)\s{1,2}(?:ha(?:ve|s)|bring|brings|boasts?)?\s{0,2}(?:over\s{1,2}|more than\s{1,2}|nearly\s{1,2}|almost\s{1,2})?$/;

/**
 * A seniority word in the body where it names the hire: "we are seeking a Senior AI Developer", "as a
 * junior AI engineer you'll …", "this role is for a junior to mid-level engineer", "Position Title:
 * Senior AI Engineer". Group `marker`, one of BODY_MARKERS. Not "work with senior engineers" (no hiring cue).
 */
export const BODY_SENIORITY = new RegExp(
  `(?:seeking|looking for|hiring|as|is for|position title:?|job title:?)\\s{1,3}(?:an?\\s{1,3})?(?:(?:highly |very )?(?:skilled|experienced|talented|motivated|passionate|driven|hands-on),?\\s{1,3}(?:and\\s{1,3})?){0,3}(?<marker>${BODY_MARKERS.map(escapeLiteral).join("|")})\\s{1,3}(?:[a-z/&-]{1,20}\\s{1,3}){0,3}(?:engineer|developer|scientist|architect)`,
  "g",
);
