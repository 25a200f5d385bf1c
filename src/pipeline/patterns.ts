/*
 * The patterns of the core stages (normalize, segment, match, weigh) and of the lexicon's tokens.
 * Every RegExp is a named export, so tests/regex-safety.test.ts checks each one for catastrophic
 * backtracking.
 *
 * Rules they follow: no nested quantifiers over overlapping classes, bounded repetition where a
 * group repeats, and every alternation anchored by literal text. All run on lowercased text unless
 * noted. None uses the `u` flag on the hot path: V8 runs the ASCII forms faster.
 */
import { escapeLiteral, literalAlternation } from "../literal-pattern.js";

import type { SectionKind } from "../vocabulary.js";

/**
 * A token of text or of a lexicon phrase (see lexicon/forms.ts): letters and digits (Latin-1 and
 * Latin Extended letters included), with ".", "&", "+" or "#" inside, "+"/"#" at the end, or a
 * leading "." ("node.js", "w&b", "c++", ".net"). "models." at a sentence end is the token "models".
 */
export const TOKEN = /\.?[a-z0-9_\u00c0-\u024f]+(?:[.&+#][a-z0-9_\u00c0-\u024f]+)*[+#]*/g;
/** At most this many characters stand between two tokens of one phrase: PHRASE_GAP and the match stage's scan agree on it. */
export const PHRASE_GAP_MAX = 3;
/** What may stand between two tokens of one phrase: up to PHRASE_GAP_MAX spaces, hyphens, slashes, apostrophes, "&" or ",". */
export const PHRASE_GAP = new RegExp(`^[\\s\\-/'\\u2019&,]{1,${PHRASE_GAP_MAX}}$`);

/**
 * Negation cues in the few words before a match, in the same sentence: "no", "not", "without",
 * "never", "nor", "no prior", "don't", "won't", "isn't". Found as whole tokens by the match stage's
 * scan (no pattern of their own): the words as they are, the contractions when "'t" or "’t" follows.
 */
export const NEGATION_WORDS: readonly string[] = ["no", "nor", "not", "never", "neither", "without", "cannot"];
export const NEGATION_CONTRACTIONS: readonly string[] = ["can", "don", "doesn", "won", "isn", "aren"];
/**
 * Negation after a match, in the same sentence and clause: "LLM experience is not required", "… not
 * needed", "… is not part of this role", "… is not in scope", also after a list of the phrase and
 * others ("Model training, fine-tuning and PyTorch are not in scope"). A contrast word between ends
 * it: in "PyTorch, though LLM work is not required", PyTorch is not negated. Every match holds a
 * "not", "isn't" or "aren't", which the match stage reports as cues, so it is read only near one.
 */
export const NEGATION_AFTER =
  /^(?:(?!(?<![a-z])(?:but|however|though|although|whereas)(?![a-z]))[^.;!?\n]){0,60}?(?<![a-z])(?:not|isn[’']t|aren[’']t) (?:required|needed|necessary|expected|part of|a requirement|involved|in scope|within scope|in the scope)/;
/** A cue that ends the negation's reach: a contrast ("not X but Y", "rather than") or a clause break. */
export const NEGATION_STOP = /(?<![a-z])(?:but|however|instead|rather|although|though)(?![a-z])|[,:]/g;
/** The word that closes a list ("ML, LLM or data work"): commas before it separate the list's items, not clauses. */
export const NEGATION_LIST_CLOSER = /(?<![a-z])n?or(?![a-z])/g;
/** How far back (in words) a negation cue may stand from the phrase it negates. */
export const NEGATION_WINDOW = 6;
/** And never further than this many characters, however long its words: keeps the reach of every cue bounded. */
export const NEGATION_REACH_CHARS = 200;

/** The end of a sentence or list item: where negation scope and "same sentence" end. */
export const SENTENCE_END_CHARS = ".!?;\n•·▪●";

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
    "nice[ -]to[ -]haves?|bonus(?: points)?(?: for)?|preferred(?: qualifications| skills| experience| attributes)?|desirable(?: skills| qualifications| experience)?|the following (?:are|is) a plus[a-z ,]{0,30}|it would be nice if you have|pluses|plus points|it(?:'|’)?s a plus|good to have|desired(?: skills| qualifications)?|additional (?:skills|qualifications)|even better|extra credit|pluspunten|wünschenswert",
  requirements:
    "requirements|qualifications|what you(?:'|’)?ll (?:need|bring)|what you bring|(?:what |who )?we(?:'|’)?re looking for|(?:what |who )?we are looking for|what we need|(?:the )?ideal candidate|you should have|you are|your qualifications|who you are|about you|you have|you bring|must[ -]haves?|minimum qualifications|basic qualifications|required (?:skills|qualifications|experience)|required|(?:required |mandatory |technical |required technical )skills|key competencies|competencies|knowledge, skills (?:&|and) abilities|pre-?requisites|education(?: and experience)?|what you(?:'|’)?ve done|what makes you a (?:great|good) fit|you(?:'|’)?re a (?:great|good) fit if|you are a (?:great|good) fit if|you(?:'|’)?ll need to have|skills|experience|profile|your (?:profile|skills|experience|background)|wat (?:wij vragen|je meebrengt|breng je mee)|functie-?eisen|profiel|ihr profil|dein profil|anforderungen",
  role: "responsibilities(?: include)?|(?:duties|role)/responsibilities|what you(?:'|’)?ll do|what you will do|what you(?:'|’)?ll (?:be )?work(?:ing)? on|what you(?:'|’)?ll broadly do|what success looks like(?: in this role)?|what your day-to-day will look like|daily tasks(?: are for example)?|you will own|job summary|job description summary|role description|summary|role|the role|role overview|about the role|about this role|the job|job description|position summary|position overview|mission|impact|tasks|in this role,?(?: you will| you(?:'|’)ll)?|you will|day[ -]to[ -]day|duties|what you(?:'|’)?ll be doing|the opportunity|wat (?:ga je doen|je gaat doen)|taken|verantwoordelijkheden|deine aufgaben|ihre aufgaben|aufgaben",
  benefits:
    "benefits|perks|what we (?:can )?offer|we (?:can )?offer(?: you)?|what(?:'|’)?s in it for you|compensation|salary|pay range|offer|why join(?: us)?|why you(?:'|’)?ll love (?:it|us|working here)|wat (?:wij bieden|bieden wij)|arbeidsvoorwaarden|wir bieten|unser angebot",
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
 * Alternatives that each open with a literal letter, as one pattern that reads that letter first:
 * "[KR](?:(?<=K)(?:ey …)|(?<=R)(?:esponsibilities|equirements))". V8 scans for a leading character
 * class about three times faster than for an alternation of capitalized words. The alternatives of
 * one first letter keep their order, and no other can match where that letter stands, so the
 * pattern matches exactly what the plain alternation matches. Throws when an alternative opens with
 * anything but a letter.
 */
function firstLetterFirst(alternatives: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const alternative of alternatives) {
    const first = alternative[0];
    if (first === undefined || !/[A-Za-z]/.test(first)) throw new Error(`An alternative must open with a letter: ${alternative}`);
    const rests = byFirst.get(first) ?? [];
    byFirst.set(first, rests);
    rests.push(alternative.slice(1));
  }
  const branches = [...byFirst].map(([first, rests]) => `(?<=${first})(?:${rests.join("|")})`);
  return `[${[...byFirst.keys()].join("")}](?:${branches.join("|")})`;
}

/**
 * A heading glued into running text, as scraped postings often have it: "Key ResponsibilitiesDevelop …",
 * "About the Role:Treeswift is …". Capitalized as headings are (all-caps text cannot glue); the caller
 * checks that a colon or a capital letter follows, and that a sentence end, a line start or a double space comes before.
 */
export const INLINE_HEADING = new RegExp(
  firstLetterFirst(
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
    ].map((p) => titleCased(p).replace(/'/g, "['’]")),
  ),
  "g",
);
/**
 * Equal-opportunity and legal boilerplate inside any section: says nothing about the role. Matched per
 * sentence, wherever a phrase stands (inside a word too: "unequal opportunity"). Each phrase is split
 * at its rarest letter, which the pattern below reads first: [text up to and with that letter, the rest].
 */
export const LEGAL_PHRASES: ReadonlyArray<readonly [string, string]> = [
  ["eq", "ual (?:employment )?opportunit"],
  ["w", "ithout regard to (?:race|age|sex|religion|color)"],
  ["reasonab", "le accommodation"],
  ["e-", "verify"],
  ["protected v", "eteran"],
  ["sex", "ual orientation"],
  ["gender identity", ""],
];
/**
 * LEGAL_PHRASES as one pattern that opens with their rare letters ("[qwb…]", a few in a hundred
 * characters of a posting) and looks behind for the rest: V8 scans for a leading character class
 * about twice as fast as for the alternation of the phrases, whose first letters are common. A
 * match's index is its rare letter's, inside the phrase; no phrase holds a sentence end, so the
 * sentence around it is the phrase's.
 */
export const LEGAL_BOILERPLATE = new RegExp(
  `[${LEGAL_PHRASES.map(([before]) => before.at(-1)!.replace(/[^a-z]/, "\\$&")).join("")}](?:${LEGAL_PHRASES.map(([before, after]) => `(?<=${before})${after}`).join("|")})`,
  "g",
);

/* Stage 1, normalize. */

/** Markup that only HTML has: a known tag or an entity. Plain text with a stray "<" is not HTML. */
export const LOOKS_LIKE_HTML =
  /<(?:p|div|br|li|ul|ol|h[1-6]|span|strong|b|em|table|body|html|section|a)(?:\s[^<>]{0,200})?\/?>|&(?:amp|nbsp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i;
/** Markup left in text after one round of decoding: HTML that a feed escaped twice ("&lt;p&gt;"). */
export const ESCAPED_TAGS = /<(?:p|div|br|li|ul|ol|h[1-6]|strong|b|span|table|tr|td)(?:\s[^<>]{0,200})?\/?>/i;
/** Whitespace to fold into one space: any run of two or more, or one that is not a plain space. A lone space is copied as is. */
export const WHITESPACE_RUN = /[ \t\n\r\f\u00a0]{2,}|[\t\n\r\f\u00a0]/g;
/** A chunk of text that is only whitespace (a decoded entity such as "&nbsp;"). */
export const ALL_WHITESPACE = /^\s+$/;
/** One whitespace character. */
export const WHITESPACE = /\s/;
/** Any run of whitespace, to fold into one space. */
export const WHITESPACE_RUNS = /\s+/g;
/** Whitespace that folding changes: a run of two or more, or one that is not a plain space. */
export const UNFOLDED_WHITESPACE = /\s\s|[^\S ]/;

/** `text` with every run of whitespace one space: `text` itself, not a copy, when it has none to fold. */
export function foldWhitespace(text: string): string {
  return UNFOLDED_WHITESPACE.test(text) ? text.replace(WHITESPACE_RUNS, " ") : text;
}

/* Stage 2, segment. */

/** What may stand before a heading glued into running text: a sentence end, a double space, or a lowercase end. */
export const INLINE_HEADING_OPENS = /[.!?:;)\]]\s{0,2}$|\s{2}$|[a-z)]$/;
/** A line that ends like a sentence, and so is no title. */
export const SENTENCE_ENDING = /[.!?]$/;
/** The first character that is not whitespace. */
export const NON_SPACE = /\S/;

/* Stage 4, attribute: whose work a sentence describes (see 04-attribute.ts). Run on one lowercased sentence. */

/** Literal alternatives, an apostrophe matching either form and a space a run of up to eight spaces (spacing does not change a reading). */
const alternation = (words: readonly string[]) => words.map((w) => escapeLiteral(w).replace(/'/g, "['’]").replace(/ /g, "\\s{1,8}")).join("|");

/** Words addressed to the candidate, or that state a duty or a requirement of the role. */
export const ROLE_CUE_WORDS: readonly string[] = [
  "you",
  "your",
  "you'll",
  "you're",
  "you've",
  "you'd",
  "yourself",
  "candidate",
  "candidates",
  "applicant",
  "applicants",
  "the role",
  "this role",
  "the position",
  "this position",
  "responsibilities",
  "responsible for",
  "looking for",
  "seeking",
  "hiring",
  "we need",
  "must have",
  "must-have",
  "required",
  "requirements",
  "qualifications",
  "experience with",
  "experience in",
  "experience building",
  "experience designing",
  "experience developing",
  "experience deploying",
  "years of",
  "proficiency",
  "proficient",
  "familiarity",
  "familiar with",
  "knowledge of",
  "expertise in",
  "hands-on",
  "ability to",
  "nice to have",
  "bonus points",
  "tech stack",
  "our stack",
  "will be",
  "day-to-day",
];

/** Words about the company, its product, customers or mission. */
export const CONTEXT_CUE_WORDS: readonly string[] = [
  "we",
  "we're",
  "we've",
  "we'll",
  "company",
  "startup",
  "founded",
  "backed by",
  "raised",
  "investors",
  "funding",
  "customers",
  "clients",
  "mission",
  "headquartered",
  "leading provider",
  "helps companies",
  "helps businesses",
  "helps teams",
  "trusted by",
  "used by",
];

/** Verbs that open a duty written as a list item: "Build …", "Design and ship …", "Trains …". */
export const DUTY_VERBS: readonly string[] = [
  "build",
  "design",
  "develop",
  "implement",
  "create",
  "own",
  "lead",
  "architect",
  "deploy",
  "ship",
  "train",
  "fine-tune",
  "optimize",
  "optimise",
  "maintain",
  "write",
  "collaborate",
  "work",
  "partner",
  "drive",
  "integrate",
  "evaluate",
  "research",
  "prototype",
  "scale",
  "improve",
  "define",
  "establish",
  "manage",
  "support",
  "mentor",
  "contribute",
  "help",
  "monitor",
  "debug",
  "conduct",
  "apply",
  "analyze",
  "analyse",
  "ensure",
  "deliver",
  "translate",
  "automate",
  "benchmark",
  "productionize",
  "operate",
  "run",
  "tune",
  "experiment",
  "curate",
  "label",
  "document",
  "test",
  "review",
  "investigate",
  "explore",
  "identify",
  "set up",
  "stay",
];

/** A duty verb's third person ("builds") and gerund ("building", "shipping", "creating"): list items are written in all three. */
function dutyVerbForms(verb: string): string[] {
  const [word = verb, ...rest] = verb.split(" ");
  const tail = rest.length > 0 ? ` ${rest.join(" ")}` : "";
  const third = /(?:sh|ch|s|x|z)$/.test(word) ? `${word}es` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`;
  // One syllable ending in one vowel and one consonant doubles it ("ship", "run", "set"), as does "debug".
  const doubles = /^[^aeiou]*[aeiou][bdgmnpt]$/.test(word) || word === "debug";
  const gerund = doubles ? `${word}${word.at(-1)}ing` : /[^e]e$/.test(word) ? `${word.slice(0, -1)}ing` : `${word}ing`;
  return [verb, `${third}${tail}`, `${gerund}${tail}`];
}

const verbForms = DUTY_VERBS.flatMap(dutyVerbForms);

// Up to 16 marks and spaces before the verb: list items are often indented ("     * Build …").
const dutyOpener = `[\\s\\-+*•·▪●>–—\\d.)]{0,16}(?:${alternation(verbForms)})(?![a-z])`;
/** A list item or line that opens with a duty verb, after any bullet marks. */
export const DUTY_OPENER = new RegExp(`^${dutyOpener}`);
/** The same, tested where a line starts (sticky: the caller sets lastIndex to the line's start). */
export const DUTY_OPENER_AT = new RegExp(dutyOpener, "y");
/** Where a sentence or list item ends: a line break, ";", a bullet, or ".", "!", "?" before a space or the end ("node.js" goes on). Every match is one character, so a caller may read its place from lastIndex. */
export const SENTENCE_BREAK = /[\n;•▪●]|[.!?](?=\s|$)/g;

/* Stage 4, attribute: role nouns and title separators (see title.ts). */

/** Nouns that name a job: the head of a title ("… Engineer", "… Recruiter", "Head of …"). Plurals are added. */
export const ROLE_NOUNS: readonly string[] = [
  "engineer",
  "developer",
  "scientist",
  "researcher",
  "architect",
  "manager",
  "analyst",
  "designer",
  "recruiter",
  "consultant",
  "specialist",
  "director",
  "head",
  "head of",
  "vp",
  "vice president",
  "intern",
  "internship",
  "trainee",
  "apprentice",
  "administrator",
  "technician",
  "officer",
  "representative",
  "executive",
  "advocate",
  "partner",
  "writer",
  "strategist",
  "coordinator",
  "programmer",
  "expert",
  "tech lead",
  "team lead",
  "technical lead",
  "member of technical staff",
  "mle",
  "swe",
  "sde",
  "fde",
  "cto",
  "owner",
  "scrum master",
  "tutor",
  "trainer",
  "rater",
  "annotator",
  "labeler",
  "labeller",
  "associate",
  "teacher",
  "nurse",
  "barista",
  "accountant",
  "editor",
  "copywriter",
  "sre",
  "devops",
  "founding engineer",
];

/**
 * The role nouns and their plurals as one alternation, factored into a trie (ROLE_LINE runs ~30% faster
 * than with a flat list). Where two of them match at one place, one is a prefix of the other followed by a
 * letter ("engineers") or " of" ("head of"), so the whole-word tests after it let at most one succeed:
 * the order of the alternatives does not change what the patterns below match.
 */
const nouns = literalAlternation(ROLE_NOUNS.flatMap((n) => (/\s(?:of)$/.test(n) ? [n] : [n, `${n}s`])));

/** A role noun as a whole word, on lowercased text. */
export const ROLE_NOUN = new RegExp(`(?<![a-z])(?:${nouns})(?![a-z])`);

/** Between the segments of a job-board title: "Acme | ML Engineer | Remote". */
export const TITLE_SEGMENT_SEPARATOR = /\s\|\s?|\s?\|\s|\s[•·]\s|\t/g;

/** Between the parts of a segment: commas, dashes, brackets, a colon, and "at"/"for"/"on"/"in"/"with". */
export const TITLE_PART_SEPARATOR = /\s?[,;]\s?|:\s|\s[-–—]\s|\s?[([]|[)\]]\s?|\s(?:at|for|on|in|with|@)\s/g;

/** A title that says it stands for several roles. */
export const MULTIPLE_ROLES =
  /(?<![a-z])(?:multiple|several|various|many|numerous|all) (?:open )?(?:roles|positions|openings)(?![a-z])|(?<![a-z])(?:hiring|roles):? (?:engineers|developers)(?![a-z])/;

/**
 * A line of a body that is a role title: after any bullet mark, up to five words, none of them a
 * function word of a sentence ("with", "the", "our", …), ending in a role noun ("senior backend
 * engineer", "founding ml engineer (remote)"), then at most a short tail after a bracket, dash,
 * colon or bar. Sticky: tried at the start of each short line of the lowercased text; the caller
 * also rejects lines that open with a duty verb ("collaborate with product managers").
 */
const FUNCTION_WORDS = [
  "with",
  "to",
  "the",
  "our",
  "your",
  "you",
  "we",
  "a",
  "an",
  "for",
  "in",
  "on",
  "at",
  "as",
  "is",
  "are",
  "will",
  "and",
  "or",
  "who",
  "this",
];
const titleWord = `(?!(?:${FUNCTION_WORDS.join("|")})[ \\t])[a-z0-9][\\w+#./&'’-]{0,30}`;
export const ROLE_LINE = new RegExp(
  `[ \\t\\-*•·▪●>#\\d.)]{0,8}(?<role>(?:${titleWord}[ \\t]{1,4}){0,5}(?:${nouns}))(?![\\w])[ \\t]{0,6}(?:[-–—:|(\\[,][^\\n]{0,160})?(?=[ \\t\\r]{0,8}(?:\\n|$))`,
  "y",
);
/**
 * A function word of a sentence in a line's lead (before any bracket, dash, colon or bar): such a
 * line is no role title, and ROLE_LINE, which refuses the same words, need not be tried on it.
 */
export const SENTENCE_LEAD = new RegExp(`^[ \\t\\-*•·▪●>#\\d.)]{0,8}[^([\\-–—:|]{0,240}?\\b(?:${FUNCTION_WORDS.join("|")})[ \\t]`);
/** Longer lines are sentences, never a role title with its short tail: ROLE_LINE is not tried on them. */
export const ROLE_LINE_MAX = 240;
/** Every role noun of a title part (global). */
export const ROLE_NOUNS_ANYWHERE = new RegExp(ROLE_NOUN.source, "g");
/** "&", "and" or a comma between two role nouns joins two roles ("Software Engineers & Platform Engineer"); "/" names one role twice. */
export const JOINS_ROLES = /,?\s(?:&|and)\s|,\s/g;
/**
 * Where a sentence starts naming the roles a post is hiring for: "Hiring: …", "We're hiring a …",
 * "Open roles – …". Sticky: every match opens with one of HIRING_LIST_WORDS, so the caller tries it
 * only where one starts (matchesAtStarts), and reads the list from the match's end to the sentence's end.
 */
export const HIRING_LIST_CUE = /\b(?:hiring(?:[ \t]for)?|open[ \t](?:roles|positions)|openings)(?:[ \t]?[:–—-])?[ \t]{1,4}/y;
/** The words a HIRING_LIST_CUE match opens with. */
export const HIRING_LIST_WORDS: readonly string[] = ["hiring", "open"];
/** One item of such a list that is a role title and nothing more: "Senior Backend Engineer (Go)", "an ML Engineer". */
export const LISTED_ROLE = new RegExp(`^(?:(?:a|an)[ \\t])?(?:${titleWord}[ \\t]{1,4}){0,5}(?:${nouns})(?![\\w])(?:[ \\t]{0,4}\\([^()\\n]{0,60}\\))?$`);
