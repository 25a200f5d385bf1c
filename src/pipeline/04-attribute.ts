/*
 * Stage 4, attribute: whose work a match describes. A posting talks about two things: the role (what the
 * hire will do and must know) and its context (the company, its product, customers and mission).
 * "We build AI agents for insurers" is context; "You will build the agent's retrieval layer" is the
 * role. Each match is read in its sentence (or list item):
 *  - a sentence addressed to the candidate or written as a duty or requirement is the role's
 *    ("you will", "you'll", "experience with", "looking for", a list item that opens with a verb);
 *  - otherwise a sentence about the company ("we", "our", "founded", "customers") is context;
 *  - otherwise the section decides: about-us and benefits are context, duties and requirements are
 *    the role's; in the unheaded lead of a posting, sentences before the first one about the role
 *    are the company's pitch (context), later ones the role's (and all of them, when no sentence
 *    speaks of the role in so many words).
 * In a title, the role noun phrase ("Machine Learning Engineer") is the role's and a qualifier after
 * it ("…, Marketing", "… - AI Platform") names the team, so it is context (see title.ts).
 */
import type { CompiledLexicon } from "../lexicon/compile.js";
import type { About, SectionKind } from "../vocabulary.js";
import type { Section } from "./02-segment.js";
import { type FieldMatches, matchField, type RawMatch } from "./03-match.js";
import { type FieldValue, lowerOf, type Part, type PostingFields, withRange } from "./field.js";
import { DUTY_OPENER_AT, MULTIPLE_ROLES, ROLE_NOUN, SENTENCE_BREAK } from "./patterns.js";
import { inHead, listedRoles, type TitlePart, titleParts } from "./title.js";

const SECTION_DEFAULT: Readonly<Record<SectionKind, About | "lead">> = {
  title: "role",
  intro: "lead",
  other: "lead",
  about: "context",
  role: "role",
  requirements: "role",
  preferred: "role",
  benefits: "context",
  legal: "context",
};

/** Whether lower[start, end) holds at least `words` runs of non-space characters; reads only as far as it needs. */
export function hasWords(lower: string, start: number, end: number, words: number): boolean {
  let found = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = lower.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
    if (!space && !inWord && ++found >= words) return true;
    inWord = !space;
  }
  return false;
}

/** Whether a sentence that starts after this character opens a line or list item: a line break, or a bullet that SENTENCE_BREAK cuts at ("● Develop …"). */
const opensItem = (c: number) => c === 10 || c === 0x2022 || c === 0x25aa || c === 0x25cf;

/** A sentence or list item of the body, with whose work it describes. Normalized offsets. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly about: About;
  readonly kind: SectionKind;
}

/**
 * Cuts the body into sentences (and list items) and attributes each to the role or its context, by
 * the role and context cues stage 3's scan found (offsets in order). `sections` cover the body in
 * order. Linear: the cut finds each sentence end once, and each sentence reads the cues inside it.
 */
export function attributeSentences(
  lower: string,
  from: number,
  to: number,
  sections: readonly Section[],
  roleCues: readonly number[],
  contextCues: readonly number[],
): Sentence[] {
  const sentences: Array<{ start: number; end: number; about: About; kind: SectionKind }> = [];
  // Sentences of the unheaded lead without a cue of their own, until one speaks of the role.
  const pitch: number[] = [];
  let roleSpoken = false;
  let section = 0;
  let r = 0;
  let c = 0;
  for (let start = from; start < to; ) {
    // Every break is one character, so `test` (no match array) tells where it is: just before lastIndex.
    SENTENCE_BREAK.lastIndex = start;
    const at = SENTENCE_BREAK.test(lower) ? SENTENCE_BREAK.lastIndex - 1 : -1;
    const end = at < 0 || at > to ? to : at;
    while (section < sections.length - 1 && sections[section]!.end <= start) section++;
    if (end > start) {
      while (r < roleCues.length && roleCues[r]! < start) r++;
      while (c < contextCues.length && contextCues[c]! < start) c++;
      const kind = sections[section]?.kind ?? "other";
      let about: About | undefined;
      if (r < roleCues.length && roleCues[r]! < end) about = "role";
      else {
        DUTY_OPENER_AT.lastIndex = start;
        if ((start === from || opensItem(lower.charCodeAt(start - 1))) && DUTY_OPENER_AT.test(lower)) about = "role";
        else if (c < contextCues.length && contextCues[c]! < end) about = "context";
      }
      if (about === "role") roleSpoken = true;
      const byDefault = SECTION_DEFAULT[kind];
      if (about === undefined && byDefault === "lead" && !roleSpoken) pitch.push(sentences.length);
      sentences.push({ start, end, kind, about: about ?? (byDefault === "lead" ? "role" : byDefault) });
    }
    start = end + 1;
  }
  // The unheaded lead is the company's pitch up to the first sentence about the role; a body that
  // never speaks of the role in those words is all the role's.
  if (roleSpoken) for (const i of pitch) sentences[i]!.about = "context";
  return sentences;
}

/** The attribution of each match, by the sentence it starts in; `starts` in text order. */
export function attributeMatches(sentences: readonly Sentence[], starts: readonly number[]): About[] {
  // A loop, not `map`: `map` makes a holey array whose kind differs when empty, and readers then deoptimize.
  const about: About[] = [];
  let i = 0;
  for (const at of starts) {
    while (i < sentences.length - 1 && sentences[i]!.end < at) i++;
    about.push(sentences[i]?.about ?? "role");
  }
  return about;
}

/** A role title a multi-role post names, in normalized offsets of its part. */
export interface RoleTitle {
  readonly part: Part;
  readonly start: number;
  readonly end: number;
}

/** What stage 4 finds: whose work each match describes, the body's sentences, and the roles a multi-role post lists. */
export interface Attribution {
  /** Index for index with the matches of stage 3. */
  readonly about: readonly About[];
  readonly sentences: readonly Sentence[];
  /** Whether the post lists several roles. */
  readonly multiRole: boolean;
  readonly roles: readonly RoleTitle[];
  /** A multi-role post whose main subject is not an ML/AI role: fewer than half its roles are. */
  readonly aboutOtherRoles: boolean;
}

/** Whether a role title names an ML or AI role: some ML/AI title entry matches it, and no entry for another kind of role. */
function namesMlAiRole(lexicon: CompiledLexicon, value: FieldValue, start: number, end: number): boolean {
  let mlAi = false;
  for (const m of matchField(lexicon.title, withRange(value, value.part, start, end)).matches) {
    const role = lexicon.entries[m.entryIndex]!.role;
    if (role === "neither") return false;
    if (role === "ml" || role === "ai") mlAi = true;
  }
  return mlAi;
}

/**
 * The title matches (indices into `matches`) that modify another kind of role's noun: in a head part
 * whose last match names another kind of role ("AI Platform Security Engineer", "Machine Learning
 * Recruiter"), the ML/AI matches before it that hold no role noun of their own name the team the
 * role serves, as a qualifier after a comma does. English puts the head noun last, so "ML Platform
 * Engineer" (no other-role noun) keeps its ML reading, and "AI Engineer / Product Manager" keeps its AI role.
 */
function titleModifiers(
  lexicon: CompiledLexicon,
  matches: readonly RawMatch[],
  parts: readonly TitlePart[],
  titleLower: string | undefined,
  titleFrom: number,
): Set<number> {
  const modifiers = new Set<number>();
  if (titleLower === undefined) return modifiers;
  let first = 0;
  while (first < matches.length && matches[first]!.part === "title") {
    // The title's matches of one part run from `first` to `last` (matches are in text order).
    const part = parts.find((p) => matches[first]!.start - titleFrom >= p.start && matches[first]!.start - titleFrom < p.end);
    let last = first;
    while (last + 1 < matches.length && matches[last + 1]!.part === "title" && part !== undefined && matches[last + 1]!.start - titleFrom < part.end) last++;
    if (part?.head && lexicon.entries[matches[last]!.entryIndex]!.role === "neither") {
      for (let i = first; i < last; i++) {
        const m = matches[i]!;
        const role = lexicon.entries[m.entryIndex]!.role;
        if ((role === "ml" || role === "ai") && !ROLE_NOUN.test(titleLower.slice(m.start - titleFrom, m.end - titleFrom))) modifiers.add(i);
      }
    }
    first = last + 1;
  }
  return modifiers;
}

/** Stage 4: attributes stage 3's matches (title first, then body) by the cues the same scan found, and reads the roles a post lists. */
export function attribute(lexicon: CompiledLexicon, fields: PostingFields, sections: readonly Section[], found: FieldMatches): Attribution {
  const { title, body } = fields;
  const { matches } = found;
  const titleLower = title ? lowerOf(title) : undefined;
  const parts = titleLower === undefined ? [] : titleParts(titleLower);
  const sentences = attributeSentences(body.norm.lower, body.from, body.to, sections, found.roleCues, found.contextCues);
  const bodyStarts: number[] = [];
  for (const m of matches) if (m.part === "body") bodyStarts.push(m.start);
  const bodyAbout = attributeMatches(sentences, bodyStarts);
  const modifiers = titleModifiers(lexicon, matches, parts, titleLower, title?.from ?? 0);
  const about: About[] = [];
  let b = 0;
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i]!;
    about.push(m.part === "title" ? (inHead(parts, m.start - title!.from) && !modifiers.has(i) ? "role" : "context") : bodyAbout[b++]!);
  }

  const listed = listedRoles(titleLower, parts, body.norm.lower, body.from, body.to);
  const roles: RoleTitle[] = [];
  let mlAi = 0;
  for (const r of listed) {
    const inTitle = r.where === "title" && title !== undefined;
    const role: RoleTitle = inTitle ? { part: "title", start: title.from + r.start, end: title.from + r.end } : { part: "body", start: r.start, end: r.end };
    roles.push(role);
    if (namesMlAiRole(lexicon, inTitle ? title : body, role.start, role.end)) mlAi++;
  }
  const multiRole = roles.length > 0 || (titleLower !== undefined && MULTIPLE_ROLES.test(titleLower));
  return { about, sentences, multiRole, roles, aboutOtherRoles: multiRole && mlAi * 2 < Math.max(1, roles.length) };
}
