import fc from "fast-check";

/** Words that are evidence in the default lexicon, mixed with filler, so generated postings fire real entries. */
export const EVIDENCE_PHRASES = [
  "model training",
  "PyTorch",
  "Kubeflow",
  "feature engineering",
  "MLflow",
  "distributed training",
  "quantization",
  "TorchServe",
  "RAG",
  "LangChain",
  "vector database",
  "prompt engineering",
  "OpenAI",
  "agents",
  "chatbot",
  "guardrails",
  "fine-tuning",
  "Python",
  "AWS",
  "dashboards",
  "Tableau",
  "sales",
  "training",
  "pipeline",
  "serving",
  "prompt",
  "no LLM experience required",
  "you will not train models",
  "C++",
  "Node.js",
  "W&B",
  "401(k)",
  "5+ years of experience",
  "Senior",
  "Staff",
  "Junior",
  "II",
  "machine learning",
  "LLMs",
];
const FILLER = [
  "we",
  "build",
  "the",
  "team",
  "and",
  "with",
  "for",
  "our",
  "customers",
  "data",
  "systems",
  "you",
  "will",
  "work",
  "on",
  "products",
  "about",
  "us",
  "benefits",
  "requirements",
  "responsibilities",
];
const HEADINGS = ["About us", "Responsibilities", "What you'll do", "Requirements", "Nice to have", "Benefits"];

const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FILLER) }, { weight: 2, arbitrary: fc.constantFrom(...EVIDENCE_PHRASES) });
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => `${w.join(" ")}.`);
const line = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 1, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
);

/** Posting-like plain text: lines of sentences, bullets and headings built from lexicon terms and filler. */
export const postingText = fc.array(line, { minLength: 1, maxLength: 25 }).map((lines) => lines.join("\n"));

/** A plausible job title. */
export const postingTitle = fc
  .tuple(
    fc.constantFrom("", "Senior ", "Staff ", "Junior ", "Lead "),
    fc.constantFrom("Machine Learning Engineer", "AI Engineer", "Data Analyst", "Software Engineer", "LLM Engineer", "Barista"),
    fc.constantFrom("", " II", " III", ", Platform"),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

/** Any string at all, including surrogates, control characters and markup fragments. */
export const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(
      fc.constantFrom(
        "<p>",
        "</p>",
        "<li>",
        "&amp;",
        "&nbsp;",
        "&#x1F600;",
        "<script>",
        "</script>",
        "\u0000",
        "\ud800",
        "\u200b",
        "\u202e",
        "İ",
        "LLM",
        "PyTorch",
        "\n",
      ),
      { maxLength: 60 },
    )
    .map((a) => a.join("")),
);

/** Escapes text for inclusion in HTML, the way a CMS would. */
export function toHtml(text: string): string {
  const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `<div>${text
    .split("\n")
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join("\n")}</div>`;
}
