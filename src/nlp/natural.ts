/*
 * The one place role-lens touches `natural` (pinned in package.json). Only deep imports: the package
 * root loads database drivers (~750 ms), runs dotenv (prints to stdout, reads .env) and its named
 * ESM exports fail. These two modules load in tens of milliseconds with no side effects.
 */
import { PorterStemmer } from "natural/lib/natural/stemmers/index.js";
import { WordTokenizer } from "natural/lib/natural/tokenizers/index.js";

const tokenizer = new WordTokenizer();

/** Words of a text, lowercased: letters and digits only (natural's WordTokenizer). */
export function words(text: string): string[] {
  return tokenizer.tokenize(text.toLowerCase()) ?? [];
}

/** The Porter stem of a lowercased word ("training" → "train"). */
export function stem(word: string): string {
  return PorterStemmer.stem(word);
}
