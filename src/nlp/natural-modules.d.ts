// Types for the two natural modules imported one by one (natural types only its index modules).
declare module "natural/lib/natural/stemmers/porter_stemmer.js" {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
declare module "natural/lib/natural/tokenizers/regexp_tokenizer.js" {
  export class WordTokenizer {
    tokenize(text: string): string[] | null;
  }
}
