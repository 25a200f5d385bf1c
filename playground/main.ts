import { createClassifier, type Classifier } from "../src/classifier.js";
import type { InputFormat } from "../src/posting.js";
import { validateLexicon } from "../src/lexicon/load.js";
import type { Classification } from "../src/result.js";
import { classesOf, segments, spansOf, tipOf } from "./highlight.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const posting = $<HTMLTextAreaElement>("posting");
const format = $<HTMLSelectElement>("format");
const summary = $<HTMLDListElement>("summary");
const highlighted = $<HTMLPreElement>("highlighted");
const errorLine = $<HTMLParagraphElement>("error");
const lexiconStatus = $<HTMLParagraphElement>("lexicon-status");
const lexiconIssues = $<HTMLUListElement>("lexicon-issues");
const lexiconReset = $<HTMLButtonElement>("lexicon-reset");
const dropzone = $<HTMLDivElement>("dropzone");
const hoverInfo = $<HTMLParagraphElement>("hover-info");

let classifier: Classifier = createClassifier();

const money = (n: number) => Math.round(n).toLocaleString("en-US");

function el(tag: string, text: string, attrs: Record<string, string> = {}): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function showSummary(r: Classification): void {
  const band = r.salary.band;
  const stated = r.salary.stated;
  const rows: Array<[string, string, string]> = [
    ["Label", `${r.label}${r.mixed ? " (mixed)" : ""}`, "label"],
    ["Reason", r.reason, "reason"],
    ["Confidence", r.confidence.toFixed(3), "confidence"],
    ["Level", `${r.seniority.level} (from ${r.seniority.basis})`, "level"],
    ["Band", band ? `${band.currency} ${money(band.min)}–${money(band.max)} per year (${band.source})` : "none (no band for neither)", "band"],
    [
      "Stated pay",
      stated
        ? `${stated.currency} ${money(stated.min)}–${money(stated.max)} per ${stated.period} (“${stated.text}”; ${money(stated.annualMin)}–${money(stated.annualMax)} a year)${r.salary.comparison ? `, ${r.salary.comparison} the band` : ""}`
        : "not stated",
      "pay",
    ],
  ];
  summary.replaceChildren(...rows.flatMap(([name, value, key]) => [el("dt", name), el("dd", value, { "data-field": key })]));
}

function showText(text: string, r: Classification): void {
  // A string posting puts every span in the one `input` field, so offsets index the pasted text.
  const spans = spansOf(r).filter((s) => s.field === "input");
  const nodes: Node[] = [];
  let at = 0;
  for (const seg of segments(spans)) {
    if (seg.start > at) nodes.push(document.createTextNode(text.slice(at, seg.start)));
    const first = spans[seg.spans[0]!]!;
    nodes.push(
      el("mark", text.slice(seg.start, seg.end), {
        class: classesOf(first),
        "data-start": String(seg.start),
        "data-end": String(seg.end),
        "data-spans": seg.spans.join(" "),
        "data-tip": seg.spans.map((i) => tipOf(spans[i]!)).join("\n"),
        tabindex: "0",
      }),
    );
    at = seg.end;
  }
  nodes.push(document.createTextNode(text.slice(at)));
  highlighted.replaceChildren(...nodes);
  highlighted.dataset["spans"] = String(spans.length);
}

function run(): void {
  const text = posting.value;
  delete document.body.dataset["ready"];
  errorLine.textContent = "";
  if (text.trim() === "") {
    summary.replaceChildren();
    highlighted.replaceChildren();
  } else {
    try {
      const result = classifier.classify(text, { format: format.value as InputFormat });
      showSummary(result);
      showText(text, result);
    } catch (error) {
      errorLine.textContent = error instanceof Error ? error.message : String(error);
    }
  }
  document.body.dataset["ready"] = "true";
}

function useLexicon(name: string, json: string): void {
  lexiconIssues.replaceChildren();
  let document_: unknown;
  try {
    document_ = JSON.parse(json);
  } catch (error) {
    lexiconIssues.append(el("li", `(root): not valid JSON: ${(error as Error).message}`));
    lexiconStatus.textContent = `Lexicon ${name} was not loaded; still using the previous one.`;
    return;
  }
  const checked = validateLexicon(document_);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const item = el("li", `: ${issue.message}`);
      item.prepend(el("code", issue.path || "(root)"));
      lexiconIssues.append(item);
    }
    lexiconStatus.textContent = `Lexicon ${name} has ${checked.issues.length} problem(s); still using the previous one.`;
    return;
  }
  classifier = createClassifier({ lexicon: checked.lexicon });
  lexiconStatus.textContent = `Lexicon: ${name} (${checked.lexicon.entries.length} entries).`;
  lexiconReset.hidden = false;
  run();
}

async function readLexicon(file: File | undefined): Promise<void> {
  if (file) useLexicon(file.name, await file.text());
}

// Hovering (or focusing) a span shows its lexicon entries, weights and sections above the text.
const showTip = (event: Event) => {
  const mark = (event.target as HTMLElement).closest("mark[data-tip]");
  if (mark) hoverInfo.textContent = mark.getAttribute("data-tip");
};
highlighted.addEventListener("mouseover", showTip);
highlighted.addEventListener("focusin", showTip);
posting.addEventListener("input", run);
format.addEventListener("change", run);
$<HTMLInputElement>("lexicon-file").addEventListener("change", (event) => void readLexicon((event.target as HTMLInputElement).files?.[0]));
dropzone.addEventListener("dragover", (event) => {
  event.preventDefault();
  dropzone.classList.add("over");
});
dropzone.addEventListener("dragleave", () => dropzone.classList.remove("over"));
dropzone.addEventListener("drop", (event) => {
  event.preventDefault();
  dropzone.classList.remove("over");
  void readLexicon(event.dataTransfer?.files[0]);
});
lexiconReset.addEventListener("click", () => {
  classifier = createClassifier();
  lexiconStatus.textContent = "Lexicon: the bundled default.";
  lexiconIssues.replaceChildren();
  lexiconReset.hidden = true;
  run();
});
run();
