import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../src/classifier.js";
import { compileLexicon } from "../src/lexicon/compile.js";
import { tokensOf } from "../src/lexicon/forms.js";
import { plainField } from "../src/pipeline/01-normalize.js";
import { match, matchField, type NegationCues, type RawMatch } from "../src/pipeline/03-match.js";
import type { FieldValue, Part } from "../src/pipeline/field.js";
import { NEGATION_CONTRACTIONS, NEGATION_WORDS } from "../src/pipeline/patterns.js";

/** A field's forms as the definition reads them: each form's tokens, and the entry its key names in that field. */
interface ReferenceForm {
  readonly tokens: readonly string[];
  readonly entry: number;
}

function referenceForms(field: "title" | "body"): Map<string, ReferenceForm[]> {
  const entries = defaultLexicon().entries;
  const inField = (scope: string) => (field === "title" ? scope !== "body" : scope !== "title");
  const rank = (scope: string) => (field === "title" && scope === "title" ? 1 : 0);
  const entryOfKey = new Map<string, number>();
  const forms: Array<{ tokens: string[]; key: string }> = [];
  entries.forEach((e, index) => {
    if (!inField(e.scope)) return;
    for (const form of [...e.terms, ...e.verbs, ...e.variants]) {
      const tokens = tokensOf(form.toLowerCase()).map((t) => t.text);
      const key = tokens.join("");
      const previous = entryOfKey.get(key);
      if (previous === undefined || rank(e.scope) > rank(entries[previous]!.scope)) entryOfKey.set(key, index);
      forms.push({ tokens, key });
      if (tokens.length === 2) forms.push({ tokens: [key], key });
    }
  });
  // Grouped by first token, so the reference reads only the forms that can start at a token.
  const byFirst = new Map<string, ReferenceForm[]>();
  for (const f of forms) byFirst.set(f.tokens[0]!, [...(byFirst.get(f.tokens[0]!) ?? []), { tokens: f.tokens, entry: entryOfKey.get(f.key)! }]);
  return byFirst;
}

/**
 * The reference, straight from the definition: visit every token in order; at each, the longest form
 * whose tokens follow from there (with short gaps between them) matches, and the scan goes on after it.
 * The real matcher reads tokens with char-code loops and follows a trie; it must find exactly what this finds.
 */
function matchByDefinition(
  formsByFirst: ReadonlyMap<string, readonly ReferenceForm[]>,
  lower: string,
  from: number,
  to: number,
  withCues: boolean,
  part: Part,
): { matches: RawMatch[]; cues: NegationCues } {
  // The field is read on its own: a word cut by its end is cut there.
  const tokens = tokensOf(lower.slice(from, to)).map((t) => ({ text: t.text, start: from + t.start, end: from + t.end }));
  const matches: RawMatch[] = [];
  const cues: NegationCues = { starts: [], ends: [] };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    const contraction = NEGATION_CONTRACTIONS.includes(t.text) && /^['\u2019]t(?![a-z0-9_\u00c0-\u024f])/.test(lower.slice(t.end, to));
    if (withCues && (NEGATION_WORDS.includes(t.text) || contraction)) {
      cues.starts.push(t.start);
      cues.ends.push(NEGATION_WORDS.includes(t.text) ? t.end : t.end + 2);
    }
    let best: { entry: number; length: number } | undefined;
    for (const form of formsByFirst.get(t.text) ?? []) {
      const fits = form.tokens.every((token, k) => {
        const here = tokens[i + k];
        const gapOk = k === 0 || (here !== undefined && /^[\s\-/'\u2019&,]{1,3}$/.test(lower.slice(tokens[i + k - 1]!.end, here.start)));
        return here?.text === token && gapOk;
      });
      if (fits && (!best || form.tokens.length > best.length)) best = { entry: form.entry, length: form.tokens.length };
    }
    if (best) {
      matches.push({ part, entryIndex: best.entry, start: t.start, end: tokens[i + best.length - 1]!.end });
      i += best.length;
    } else i++;
  }
  return { matches, cues };
}

const compiled = compileLexicon(defaultLexicon());

/** Lowercased text as a field value covering [from, to). */
const fieldOf = (lower: string, part: Part = "body", from = 0, to = lower.length): FieldValue => ({ ...plainField(lower, part), from, to });
const bodyForms = referenceForms("body");
const titleForms = referenceForms("title");
const forms = defaultLexicon().entries.flatMap((e) => [...e.terms, ...e.verbs, ...e.variants]);
/** Lexicon forms cut apart and glued to each other with the characters that decide token boundaries. */
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...forms) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      " ",
      ".",
      "..",
      "&",
      "+",
      "#",
      "-",
      "/",
      "'",
      ",",
      "\n",
      "x",
      "é",
      "2",
      "c++",
      ".net",
      "node.",
      "(",
      ") ",
      "no ",
      "not",
      "don't",
      "can’t",
      "won'tx",
      "cannot",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...forms).map((f) => f.slice(0, Math.ceil(f.length / 2))) },
);
const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join("").toLowerCase());

describe("matching", () => {
  it("a phrase written as one word matches its spaced or hyphenated form, and only as a whole token", () => {
    const found = (text: string) => {
      return matchField(compiled.body, fieldOf(text)).matches.map((m) => compiled.entries[m.entryIndex]!.id);
    };
    const fineTuning = found("we do fine-tuning")[0];
    expect(fineTuning).toBeDefined();
    expect(found("we do finetuning")).toEqual([fineTuning]);
    expect(found("we do fine tuning")).toEqual([fineTuning]);
    expect(found("we do refinetuning")).toEqual([]);
  });

  it("the token scan through the trie finds exactly what the definition finds", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (lower, a, b) => {
        const from = lower.length === 0 ? 0 : a % lower.length;
        const to = from + (lower.length === from ? 0 : b % (lower.length - from + 1));
        const expected = matchByDefinition(bodyForms, lower, from, to, true, "body");
        const { matches, cues } = matchField(compiled.body, fieldOf(lower, "body", from, to), true);
        expect({ matches, cues }).toEqual(expected);
        const inTitle = matchField(compiled.title, fieldOf(lower, "title", from, to));
        expect(inTitle.matches).toEqual(matchByDefinition(titleForms, lower, from, to, false, "title").matches);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("stage 3 over a posting", () => {
  it("returns the title's matches, then the body's, each with its part; negation cues come from the body only", () => {
    const fields = {
      title: plainField("no-code machine learning engineer", "title", "title"),
      body: plainField("no pytorch needed. we fine-tune llms daily."),
    };
    const found = match(compiled, fields);
    const title = matchField(compiled.title, fields.title);
    const body = matchField(compiled.body, fields.body, true);
    expect(title.matches.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeGreaterThan(0);
    expect(found).toEqual({ ...body, matches: [...title.matches, ...body.matches] });
    expect(found.matches.map((m) => m.part)).toEqual([...title.matches.map(() => "title"), ...body.matches.map(() => "body")]);
    expect(found.cues).toEqual({ starts: [0], ends: [2] });
    expect(title.cues).toEqual({ starts: [], ends: [] });
    // "we" is a context cue the same scan reports, from the body only.
    expect(found.contextCues).toEqual([19]);
    expect(title.contextCues).toEqual([]);
  });

  it("reports where attribution cues start, one or several tokens long, and not inside a phrase it matched", () => {
    const text = "you will train models. we are a startup. experience with pytorch. looking for engineers.";
    const found = matchField(compiled.body, plainField(text), true);
    expect(found.roleCues.map((at) => text.slice(at, at + 4))).toEqual(["you ", "expe", "look"]);
    expect(found.contextCues.map((at) => text.slice(at, at + 3))).toEqual(["we ", "sta"]);
  });
});
