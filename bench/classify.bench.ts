/*
 * npm run bench: role-lens classify against a floor measured in the same run and against the
 * classifiers a user might pick instead, on postings built from the fixtures. Prints medians and
 * ratios, never absolute claims: the machines are noisy, the ratios are what to compare.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { createClassifier, defaultLexicon, extractSalaries } from "../dist/index.js";

import { fixturePostings, makeFloor, makePostings } from "./postings.js";

const require = createRequire(import.meta.url);
const TIME = Number(process.env["BENCH_TIME_MS"] ?? 3000);
const BATCH = 50;

const plain = makePostings(BATCH, 4096, 0, 1);
const varied = makePostings(BATCH, 4096, 2048, 2);
const large = makePostings(BATCH / 10, 40960, 0, 3);
const withPay = plain.map((p, i) => ({ ...p, text: `${p.text}\nSalary: $${150 + (i % 40)},000 - $${200 + (i % 40)},000 per year.` }));
const bytes = (ps: ReadonlyArray<{ text: string }>) => ps.reduce((n, p) => n + Buffer.byteLength(p.text), 0);

const classifier = createClassifier();
const floor = makeFloor(defaultLexicon());

// The alternatives, trained on the fixtures and run on the same postings.
const { BayesClassifier, LogisticRegressionClassifier } = require("natural/lib/natural/classifiers/index.js");
const bayes = new BayesClassifier();
const logistic = new LogisticRegressionClassifier();
const winkNb = require("wink-naive-bayes-text-classifier")();
const winkNlp = require("wink-nlp-utils");
winkNb.definePrepTasks([winkNlp.string.tokenize0, winkNlp.tokens.removeWords, winkNlp.tokens.stem]);
winkNb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
for (const f of fixturePostings()) {
  const doc = `${f.title}\n${f.body}`;
  bayes.addDocument(doc, f.label);
  logistic.addDocument(doc, f.label);
  winkNb.learn(doc, f.label);
}
bayes.train();
logistic.train();
winkNb.consolidate();

let sink = 0;
const tasks: Array<[string, number, () => void]> = [
  [
    "floor: lowercase + one regex scan (4 KB)",
    BATCH,
    () => {
      for (const p of plain) sink += floor(p.text);
    },
  ],
  [
    "role-lens classify (4 KB plain)",
    BATCH,
    () => {
      for (const p of plain) sink += classifier.classify({ title: p.title, text: p.text }).evidence.length;
    },
  ],
  [
    "role-lens classify (2–6 KB plain)",
    BATCH,
    () => {
      for (const p of varied) sink += classifier.classify({ title: p.title, text: p.text }).evidence.length;
    },
  ],
  [
    "role-lens classify (4 KB HTML)",
    BATCH,
    () => {
      for (const p of plain) sink += classifier.classify({ title: p.title, html: p.html }).evidence.length;
    },
  ],
  [
    "role-lens classify (4 KB plain, stated pay)",
    BATCH,
    () => {
      for (const p of withPay) sink += classifier.classify({ title: p.title, text: p.text }).evidence.length;
    },
  ],
  [
    "extractSalaries alone (4 KB, stated pay)",
    BATCH,
    () => {
      for (const p of withPay) sink += extractSalaries(p.text).length;
    },
  ],
  [
    "role-lens classify (40 KB plain)",
    large.length,
    () => {
      for (const p of large) sink += classifier.classify({ title: p.title, text: p.text }).evidence.length;
    },
  ],
  [
    "natural BayesClassifier (4 KB)",
    BATCH,
    () => {
      for (const p of plain) sink += String(bayes.classify(`${p.title}\n${p.text}`)).length;
    },
  ],
  [
    "natural LogisticRegressionClassifier (4 KB)",
    BATCH,
    () => {
      for (const p of plain) sink += String(logistic.classify(`${p.title}\n${p.text}`)).length;
    },
  ],
  [
    "wink-naive-bayes-text-classifier (4 KB)",
    BATCH,
    () => {
      for (const p of plain) sink += String(winkNb.predict(`${p.title}\n${p.text}`)).length;
    },
  ],
];

// Five rounds over all tasks, so a noisy spell hits one round of a task, not its result. Each task
// reports the median of its per-round medians; each ratio is taken within a round (both sides measured
// minutes apart at most) and the median of the per-round ratios is reported.
const ROUNDS = 5;
const rounds = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME / ROUNDS, warmupTime: 200 });
  // Each round starts at a different task, so no task always runs first (or last) in a round.
  const shift = (round * 3) % tasks.length;
  for (const [name, , fn] of [...tasks.slice(shift), ...tasks.slice(0, shift)]) bench.add(name, fn);
  await bench.run();
  for (const task of bench.tasks) {
    const p50 = (task.result as { latency?: { p50?: number } }).latency?.p50;
    const batch = tasks.find(([name]) => name === task.name)?.[1];
    if (p50 !== undefined && batch !== undefined) rounds.set(task.name, [...(rounds.get(task.name) ?? []), p50 / batch]);
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** Median milliseconds per posting of a task over the rounds. */
const get = (name: string) => median(rounds.get(name) ?? []);
/** The median over the rounds of one task's time divided by another's in the same round. */
const ratio = (numerator: string, denominator: string) => {
  const top = rounds.get(numerator) ?? [];
  const bottom = rounds.get(denominator) ?? [];
  return median(top.map((t, i) => t / (bottom[i] ?? NaN)));
};
const fmt = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "n/a");

console.log(
  `\nrole-lens benchmark (median of ${ROUNDS} rounds of per-task medians; ratios: median of per-round ratios; ${BATCH} postings per iteration; Node ${process.version})\n`,
);
console.log("task                                            µs/posting   postings/s      MB/s");
for (const [name] of tasks) {
  const ms = get(name);
  const size = name.includes("40 KB") ? bytes(large) / large.length : name.includes("2–6") ? bytes(varied) / varied.length : bytes(plain) / plain.length;
  console.log(`${name.padEnd(46)} ${fmt(ms * 1000).padStart(11)} ${fmt(1000 / ms, 0).padStart(12)} ${fmt((size / 1e6) * (1000 / ms), 2).padStart(9)}`);
}

const CLASSIFY = "role-lens classify (4 KB plain)";
console.log("\nratios (same run)");
console.log(`  classify / floor:                           ${fmt(ratio(CLASSIFY, "floor: lowercase + one regex scan (4 KB)"), 2)}×   (target ≤ 3×)`);
console.log(`  natural Bayes / classify:                   ${fmt(ratio("natural BayesClassifier (4 KB)", CLASSIFY), 1)}×   (target ≥ 25×)`);
console.log(`  natural logistic regression / classify:     ${fmt(ratio("natural LogisticRegressionClassifier (4 KB)", CLASSIFY), 1)}×`);
console.log(`  wink naive Bayes / classify:                ${fmt(ratio("wink-naive-bayes-text-classifier (4 KB)", CLASSIFY), 1)}×`);
console.log(`  40 KB / 4 KB classify:                      ${fmt(ratio("role-lens classify (40 KB plain)", CLASSIFY), 1)}×   (linear ≈ 10×)`);
console.log(
  `  salary extraction share of classify:        ${fmt(100 * ratio("extractSalaries alone (4 KB, stated pay)", "role-lens classify (4 KB plain, stated pay)"), 1)}%   (target: costs < 15% of throughput)`,
);
console.log(`  classify throughput, plain 4 KB:            ${fmt(1000 / get(CLASSIFY), 0)} postings/s   (target ≥ 10,000)`);

// Cold start, in fresh processes (bench/cold-start.mjs): import, compile the default lexicon, the first
// classify, heap after a GC.
const COLD_RUNS = 9;
const runs = Array.from(
  { length: COLD_RUNS },
  () =>
    JSON.parse(execFileSync(process.execPath, ["--expose-gc", fileURLToPath(new URL("cold-start.mjs", import.meta.url))]).toString()) as {
      importMs: number;
      compileMs: number;
      firstClassifyMs: number;
      totalMs: number;
      heapMb: number;
    },
);
const coldMedian = (key: "importMs" | "compileMs" | "firstClassifyMs" | "totalMs" | "heapMb") => median(runs.map((r) => r[key]));
console.log(`\ncold start (median of ${COLD_RUNS} fresh processes)`);
console.log(`  import dist/index.js:                       ${fmt(coldMedian("importMs"))} ms`);
console.log(`  compile the default lexicon:                ${fmt(coldMedian("compileMs"))} ms`);
console.log(`  first classify:                             ${fmt(coldMedian("firstClassifyMs"))} ms`);
console.log(`  cold start (import + compile + classify):   ${fmt(coldMedian("totalMs"))} ms   (target < 100 ms)`);
console.log(`  heap after load, after GC:                  ${fmt(coldMedian("heapMb"))} MB   (target < 30 MB)`);
if (sink === -1) console.log("");
