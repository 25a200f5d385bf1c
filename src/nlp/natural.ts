/*
 * The one place role-lens touches `natural` (pinned in package.json, a build-time dependency). Only
 * the two modules used are imported, and the build bundles them (and underscore, which the
 * tokenizer needs) into role-lens/authoring: natural's package root pulls in database drivers and a
 * 34 MB wordnet, which the install would otherwise carry (see README, Design notes).
 */
import PorterStemmer from "natural/lib/natural/stemmers/porter_stemmer.js";
import { WordTokenizer } from "natural/lib/natural/tokenizers/regexp_tokenizer.js";

const tokenizer = new WordTokenizer();

/** Words of a text, lowercased: letters and digits only (natural's WordTokenizer). */
export function words(text: string): string[] {
  return tokenizer.tokenize(text.toLowerCase()) ?? [];
}

/** The Porter stem of a lowercased word ("training" → "train"). */
export function stem(word: string): string {
  return PorterStemmer.stem(word);
}
