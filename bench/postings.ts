/*
 * Benchmark postings, built from the project's own fixtures: each starts from one fixture's title and
 * body and borrows lines from the others until it reaches its target size, so the lexicon density is
 * that of real postings. Deterministic (seeded), so every run measures the same texts.
 */
import { readdirSync, readFileSync } from "node:fs";

export interface BenchPosting {
  readonly title: string;
  readonly text: string;
  readonly html: string;
  readonly label: string;
}

const FIXTURES = new URL("../fixtures/postings/", import.meta.url);
const EXPECTED = JSON.parse(readFileSync(new URL("../fixtures/expected.json", import.meta.url), "utf8")) as Record<string, { label: string }>;

/** A small seeded PRNG (mulberry32), so the generated postings are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The fixture postings as plain text: title (first line) and body. */
export function fixturePostings(): Array<{ title: string; body: string; label: string }> {
  return readdirSync(FIXTURES)
    .sort()
    .map((file) => {
      const raw = readFileSync(new URL(file, FIXTURES), "utf8");
      const plain = file.endsWith(".html")
        ? raw
            .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
            .replace(/<[^>]+>/g, "\n")
            .replace(/&amp;/g, "&")
            .replace(/&[a-z#0-9]+;/g, " ")
        : raw;
      const lines = plain
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      return { title: lines[0]!.replace(/^#\s*/, ""), body: lines.slice(1).join("\n"), label: EXPECTED[file]?.label ?? "neither" };
    });
}

/** Turns plain posting text into the HTML a job board would serve. */
export function toHtml(title: string, text: string): string {
  const body = text
    .split("\n")
    .map((line) =>
      /^[-*•]/.test(line)
        ? `<ul><li>${escapeHtml(line.replace(/^[-*•]\s*/, ""))}</li></ul>`
        : line.length < 40
          ? `<h3>${escapeHtml(line)}</h3>`
          : `<p>${escapeHtml(line)}</p>`,
    )
    .join("\n");
  return `<div class="posting"><h1>${escapeHtml(title)}</h1>\n${body}</div>`;
}

/** `count` postings of about `size` characters each (±`spread`). */
export function makePostings(count: number, size: number, spread = 0, seed = 42): BenchPosting[] {
  const random = prng(seed);
  const fixtures = fixturePostings();
  const pool = fixtures.flatMap((f) => f.body.split("\n"));
  return Array.from({ length: count }, () => {
    const base = fixtures[Math.floor(random() * fixtures.length)]!;
    const target = size + Math.round((random() * 2 - 1) * spread);
    const lines = base.body.split("\n");
    let length = lines.reduce((n, l) => n + l.length + 1, 0);
    while (length < target) {
      const line = pool[Math.floor(random() * pool.length)]!;
      lines.push(line);
      length += line.length + 1;
    }
    const text = lines.join("\n").slice(0, target);
    return { title: base.title, text, html: toHtml(base.title, text), label: base.label };
  });
}

/**
 * The floor's regex: every surface form of a lexicon in one alternation, laid out as a character
 * trie (the fastest shape for V8's engine: no prefix is read twice), inside \b boundaries.
 */
function trieRegex(forms: readonly string[]): RegExp {
  type Node = { end: boolean; next: Map<string, Node> };
  const root: Node = { end: false, next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const ch of form.toLowerCase()) {
      if (!node.next.has(ch)) node.next.set(ch, { end: false, next: new Map() });
      node = node.next.get(ch)!;
    }
    node.end = true;
  }
  const source = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") + source(child));
    if (branches.length === 0) return "";
    const body = branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
    return node.end ? `(?:${body})?` : body;
  };
  return new RegExp(`\\b${source(root)}(?![a-z0-9])`, "g");
}

/**
 * The floor both benchmarks compare classify with: one lowercase and one scan with a precompiled
 * regex of the lexicon's surface forms, nothing else. Returns the number of matches.
 */
export function makeFloor(lexicon: {
  entries: ReadonlyArray<{ terms: readonly string[]; verbs: readonly string[]; variants: readonly string[] }>;
}): (text: string) => number {
  const regex = trieRegex(lexicon.entries.flatMap((e) => [...e.terms, ...e.verbs, ...e.variants]));
  return (text) => {
    const lower = text.toLowerCase();
    regex.lastIndex = 0;
    let n = 0;
    while (regex.exec(lower) !== null) n++;
    return n;
  };
}
