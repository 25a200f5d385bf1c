import nlp from "compromise";

/*
 * Inflections of lexicon phrases, from compromise. Authoring-time only (`role-lens lexicon expand`):
 * compromise takes ~400 ms to load and ~3 ms a phrase, far too slow for the classify path, so the
 * forms it produces are written into the lexicon's `variants` and the matcher reads them from there.
 * The lexicon author says which phrases are verb phrases (`verbs`) and which entries have countable
 * nouns (`inflect`): compromise cannot tell "model pipelines" (noun) from "train models" (verb) in
 * a short phrase. Never call `nlp.plugin`/`nlp.addWords` here: compromise has one global model.
 */

/** `tag()` is typed as returning the base view; the document it returns has the full API. */
type Doc = ReturnType<typeof nlp>;

const WORD = /^[a-z][a-z'’]*$/;

/** The plural of a phrase's last word ("vector database" → "vector databases"), if it has one. */
export function pluralOf(phrase: string): string | undefined {
  const words = phrase.toLowerCase().split(" ");
  const last = words[words.length - 1] ?? "";
  if (!WORD.test(last) || last.length < 4 || /(?:s|ing)$/.test(last)) return undefined;
  const plural = (nlp(last).tag("Singular") as Doc).nouns().toPlural().text().toLowerCase();
  if (!plural || plural === last || !WORD.test(plural)) return undefined;
  return [...words.slice(0, -1), plural].join(" ");
}

/**
 * The past, third-person and gerund forms of a verb phrase ("train models" → "trained models",
 * "trains models", "training models"). Coordinated verbs inflect together ("train and evaluate" →
 * "trained and evaluated"); a hyphenated verb inflects its last part ("fine-tune" → "fine-tuned").
 */
export function verbFormsOf(phrase: string): string[] {
  const words = phrase.toLowerCase().split(" ");
  const slots = words.flatMap((_word, i) => (i === 0 || (i <= 3 && /^(?:and|or)$|,$/.test(words[i - 1] ?? "")) ? [i] : []));
  const forms = ["PastTense", "PresentTense", "Gerund"].map(() => [...words]);
  for (const i of slots) {
    const raw = words[i] ?? "";
    const comma = raw.endsWith(",") ? "," : "";
    const word = raw.slice(0, raw.length - comma.length);
    const hyphen = word.lastIndexOf("-");
    const head = hyphen > 0 ? word.slice(hyphen + 1) : word;
    const prefix = hyphen > 0 ? word.slice(0, hyphen + 1) : "";
    if (!WORD.test(head)) return [];
    const [conjugation] = (nlp(head).tag("Verb") as Doc).verbs().conjugate() as Array<Record<string, string>>;
    const inflected = ["PastTense", "PresentTense", "Gerund"].map((tense) => conjugation?.[tense]);
    // compromise drops a letter of some verbs ending in "ss" ("compress" → "compres"): no inflection is shorter than its verb.
    if (inflected.some((f) => typeof f !== "string" || !WORD.test(f) || f.length < head.length)) return [];
    inflected.forEach((f, k) => {
      forms[k]![i] = prefix + f + comma;
    });
  }
  return forms.map((f) => f.join(" ")).filter((f) => f !== phrase.toLowerCase());
}
