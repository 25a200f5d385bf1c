/*
 * Reading titles the way the field reads them: the role noun decides, a qualifier names the team.
 * "Machine Learning Engineer, Marketing" is an ML engineer on the marketing team; "Technical
 * Recruiter, Machine Learning" is a recruiter. A title is cut into segments at " | " (job-board
 * and Hacker News titles: "Acme | Senior ML Engineer | Remote"), and each segment into parts at
 * commas, dashes, brackets and "at"/"for"/"on"/"in". A part that holds a role noun (engineer,
 * scientist, recruiter, manager, …) is a head; the other parts, and segments without a role noun
 * (a company name, a location), are qualifiers: their matches describe the context, not the role.
 *
 * The same role nouns find posts that list several roles: a title that names several role nouns
 * ("Software Engineers & Platform Engineer", "Multiple roles") or a body with several lines that are
 * role titles ("Senior Backend Engineer (Remote)").
 */
import { matchesAtStarts } from "../literal-pattern.js";
import {
  DUTY_OPENER,
  HIRING_LIST_CUE,
  HIRING_LIST_WORDS,
  JOINS_ROLES,
  LISTED_ROLE,
  MULTIPLE_ROLES,
  ROLE_LINE,
  ROLE_LINE_MAX,
  ROLE_NOUN,
  ROLE_NOUNS_ANYWHERE,
  SENTENCE_LEAD,
  TITLE_PART_SEPARATOR,
  TITLE_SEGMENT_SEPARATOR,
} from "./patterns.js";

/** The spans of `text` between the matches of a global `separator`, in order; empty spans included. */
export function splitAt(text: string, separator: RegExp): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let from = 0;
  separator.lastIndex = 0;
  for (let m = separator.exec(text); m !== null; m = separator.exec(text)) {
    spans.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  spans.push({ start: from, end: text.length });
  return spans;
}

/** The pieces of a title part that name a role each, where "&", "and" or a comma join several ("ML Engineers and Backend Engineers"). */
const splitJoined = (text: string) => splitAt(text, JOINS_ROLES).filter((p) => ROLE_NOUN.test(text.slice(p.start, p.end)));

/** A role's name without a plural "s", so "Engineers" and "Engineer" are one role. */
const singular = (name: string) => (name.endsWith("s") ? name.slice(0, -1) : name);

/** A part of a title, in offsets of the title text. */
export interface TitlePart {
  readonly start: number;
  readonly end: number;
  /** Whether it names the role itself (holds a role noun), rather than a team, company or place. */
  readonly head: boolean;
}

/** The parts of a (lowercased) title, in order; they cover every non-separator character once. */
export function titleParts(lower: string): TitlePart[] {
  const parts: Array<{ start: number; end: number; noun: boolean }> = [];
  for (const segment of splitAt(lower, TITLE_SEGMENT_SEPARATOR)) {
    for (const piece of splitAt(lower.slice(segment.start, segment.end), TITLE_PART_SEPARATOR)) {
      const start = segment.start + piece.start;
      const end = segment.start + piece.end;
      if (end > start) parts.push({ start, end, noun: ROLE_NOUN.test(lower.slice(start, end)) });
    }
  }
  // A title without any role noun ("Machine Learning", "AI/ML") is read whole as the role.
  const anyNoun = parts.some((p) => p.noun);
  // A loop, not `map`: a packed array of one kind keeps inHead's loop from deoptimizing on a holey one.
  const heads: TitlePart[] = [];
  for (const p of parts) heads.push({ start: p.start, end: p.end, head: anyNoun ? p.noun : true });
  return heads;
}

/** Whether offset `at` of the title falls in a head part. */
export function inHead(parts: readonly TitlePart[], at: number): boolean {
  for (const p of parts) if (at >= p.start && at < p.end) return p.head;
  return false;
}

/** Role titles a posting names: its title's heads when it names several roles, and role-title lines of its body. */
export interface RoleMention {
  readonly where: "title" | "body";
  /** Normalized offsets of the role title in the title or body text. */
  readonly start: number;
  readonly end: number;
}

/** Where a sentence of a list ends: ".", "!" or "?" before a space, or the line's end. */
const LIST_END = /[.!?](?=\s|$)|\n/g;

/**
 * The roles a sentence lists after a hiring cue, when every item of the list is a role title and
 * there are at least two: "Hiring: Senior Backend Engineer (Go), ML Engineer (perception), Technical
 * Program Manager". A list with any other item ("an ML Engineer to work with our designers") names none.
 */
function hiringList(bodyLower: string, from: number, to: number): RoleMention[] {
  const found: RoleMention[] = [];
  // A list read ends at a sentence's end, which no cue holds: the cues after it are the ones a scan from there finds.
  let listEnd = from;
  for (const [cueStart, start] of matchesAtStarts(bodyLower, HIRING_LIST_WORDS, HIRING_LIST_CUE, from, to)) {
    if (cueStart < listEnd) continue;
    LIST_END.lastIndex = start;
    const end = Math.min(to, LIST_END.exec(bodyLower)?.index ?? to);
    const list = bodyLower.slice(start, end);
    const items = splitAt(list, JOINS_ROLES).filter((item) => list.slice(item.start, item.end).trim() !== "");
    if (items.length < 2 || !items.every((item) => LISTED_ROLE.test(list.slice(item.start, item.end).trim()))) continue;
    for (const item of items) {
      // The role's span leaves out the spaces and an article before it ("an ML Engineer") and a bracket after it ("(Go)"), as a role line's does.
      const text = list.slice(item.start, item.end).replace(/\s*(?:\([^()]*\))?\s*$/, "");
      const lead = /^\s*(?:an?[ \t]+)?/.exec(text)![0].length;
      found.push({ where: "body", start: start + item.start + lead, end: start + item.start + text.length });
    }
    listEnd = end;
  }
  return found;
}

/**
 * The roles a post lists, when it lists several; empty for a post about one role. `titleLower` and
 * `bodyLower` are the lowercased title and body.
 */
export function listedRoles(titleLower: string | undefined, parts: readonly TitlePart[], bodyLower: string, bodyFrom: number, bodyTo: number): RoleMention[] {
  const titleRoles: RoleMention[] = [];
  const bodyRoles: RoleMention[] = [];
  // Each role once, by its singular name, wherever it is named first.
  const seen = new Set<string>();
  const add = (list: RoleMention[], mention: RoleMention, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    list.push(mention);
  };
  let titleSaysMany = false;
  if (titleLower !== undefined) {
    titleSaysMany = MULTIPLE_ROLES.test(titleLower);
    for (const p of parts) {
      const text = titleLower.slice(p.start, p.end);
      // A part without a role noun (a company, a place, "Multiple roles") names no role.
      if (!p.head || !ROLE_NOUN.test(text)) continue;
      // "Software Engineers & Platform Engineer": one part holding two role nouns joined names two roles.
      const nouns = text.match(ROLE_NOUNS_ANYWHERE)?.length ?? 0;
      const pieces = nouns >= 2 ? splitJoined(text) : [{ start: 0, end: text.length }];
      if (pieces.length >= 2) titleSaysMany = true;
      for (const piece of pieces) {
        const name = text.slice(piece.start, piece.end).trim();
        const lead = text.slice(piece.start, piece.end).length - text.slice(piece.start, piece.end).trimStart().length;
        add(titleRoles, { where: "title", start: p.start + piece.start + lead, end: p.start + piece.start + lead + name.length }, singular(name));
      }
    }
  }
  for (let line = bodyFrom; line < bodyTo; ) {
    let end = bodyLower.indexOf("\n", line);
    if (end < 0 || end > bodyTo) end = bodyTo;
    if (end - line <= ROLE_LINE_MAX) {
      // ROLE_LINE first: it fails sooner on most lines than SENTENCE_LEAD, which then reads only its few matches.
      ROLE_LINE.lastIndex = line;
      const m = ROLE_LINE.exec(bodyLower);
      const name = m?.groups?.["role"];
      if (m && name !== undefined && !SENTENCE_LEAD.test(bodyLower.slice(line, end)) && !DUTY_OPENER.test(m[0])) {
        const start = line + m[0].indexOf(name);
        add(bodyRoles, { where: "body", start, end: start + name.length }, singular(name));
      }
    }
    line = end + 1;
  }
  for (const mention of hiringList(bodyLower, bodyFrom, bodyTo)) add(bodyRoles, mention, singular(bodyLower.slice(mention.start, mention.end)));
  if (bodyRoles.length >= 2 || (titleSaysMany && titleRoles.length + bodyRoles.length >= 1)) return [...titleRoles, ...bodyRoles];
  if (titleSaysMany) return titleRoles;
  return [];
}
