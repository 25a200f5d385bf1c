/*
 * npm run bench:batch: the batch path against the library on the same real-sized postings.
 *
 * Postings are generated at run time (never stored in the repo): the real postings of
 * ../shared/eval/train.jsonl and dev.jsonl when present, else postings built from the fixtures
 * (bench/postings.ts), repeated with fresh ids; one in five is served as HTML. Reports, as medians
 * of ROUNDS runs: the library's per-posting costs (parse, classify, serialize) beside the one-regex
 * floor on the same postings (makeFloor in bench/postings.ts, as `npm run bench` defines it), the
 * library's parse + classify + serialize rate on this thread, and the CLI's
 * rate with --jobs 1 and --jobs 2 (default output, and --fields all), with each run's peak RSS and,
 * on Linux, the CPU time it used (all threads): on a shared machine CPU per posting moves far less
 * than the rate does, and --jobs 2's extra CPU is what keeps it from doubling --jobs 1's rate.
 *
 * BENCH_BATCH_COUNT (default 20000) and BENCH_BATCH_ROUNDS (default 3) change the size.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { DEFAULT_FIELDS_SPEC, jsonLine, parseFields } from "../src/cli/format.js";
import { createClassifier, defaultLexicon } from "../src/index.js";
import { makeFloor, makePostings, toHtml } from "./postings.js";

const COUNT = Number(process.env["BENCH_BATCH_COUNT"] ?? 20_000);
const ROUNDS = Number(process.env["BENCH_BATCH_ROUNDS"] ?? 3);
const dir = new URL("./out/", import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(`postings-${COUNT}.jsonl`, dir).pathname;

// ../shared/eval beside the repository (a checkout in /work/main), or two levels up (a worktree in /work/wt/x).
const EVAL_DIRS = ["../../shared/eval/", "../../../shared/eval/"].map((path) => new URL(path, import.meta.url));

function realPostings(): Array<{ title: string; text: string }> {
  const out: Array<{ title: string; text: string }> = [];
  const evalDir = EVAL_DIRS.find((d) => existsSync(new URL("dev.jsonl", d)));
  for (const name of evalDir === undefined ? [] : ["train.jsonl", "dev.jsonl"]) {
    const path = new URL(name, evalDir);
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const r = JSON.parse(line) as { title?: string; text?: string };
      if (typeof r.text === "string") out.push({ title: r.title ?? "", text: r.text });
    }
  }
  return out;
}

const real = realPostings();
const pool = real.length > 0 ? real : makePostings(500, 3400, 2048, 7);
const out = createWriteStream(file);
for (let i = 0; i < COUNT; i++) {
  const p = pool[i % pool.length]!;
  const record = i % 5 === 0 ? { id: `job-${i}`, title: p.title, html: toHtml(p.title, p.text) } : { id: `job-${i}`, title: p.title, text: p.text };
  if (!out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
const bytes = statSync(file).size;
console.log(
  `input: ${COUNT} postings from ${real.length > 0 ? `${real.length} real postings (../shared/eval)` : "the fixtures"}, ${(bytes / 1e6).toFixed(0)} MB, mean ${(bytes / COUNT / 1000).toFixed(1)} KB; ${availableParallelism()} cores; ${ROUNDS} rounds\n`,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The library on this thread: JSON.parse, classify, JSON.stringify of the full result.
const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
const classifier = createClassifier();
function libraryRate(): number {
  const started = performance.now();
  for (const line of lines) JSON.stringify(classifier.classify(JSON.parse(line)));
  return lines.length / ((performance.now() - started) / 1000);
}

// Where a posting's time goes, stage by stage (medians of the rounds, µs per posting): what the
// CLI adds on top of these is reading, transfer between threads, ordering and writing.
const stages: Record<string, number[]> = { "JSON.parse": [], floor: [], classify: [], "serialize (full)": [], "serialize (default --fields)": [] };
// The one-regex floor (lowercase + one scan of the lexicon's surface forms) over each posting's title and body.
const floor = makeFloor(defaultLexicon());
const floorRatios: number[] = [];
let sink = 0;
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  const parsed = lines.map((line) => JSON.parse(line));
  stages["JSON.parse"]!.push(performance.now() - t);
  t = performance.now();
  for (const p of parsed) sink += floor(`${p.title}\n${p.text ?? p.html}`);
  stages["floor"]!.push(performance.now() - t);
  t = performance.now();
  const results = parsed.map((p) => classifier.classify(p));
  stages["classify"]!.push(performance.now() - t);
  floorRatios.push(stages["classify"]!.at(-1)! / stages["floor"]!.at(-1)!);
  t = performance.now();
  for (const r of results) JSON.stringify(r);
  stages["serialize (full)"]!.push(performance.now() - t);
  const projection = parseFields(DEFAULT_FIELDS_SPEC);
  t = performance.now();
  for (const [i, r] of results.entries()) jsonLine({ id: String(i), index: i, result: r }, projection);
  stages["serialize (default --fields)"]!.push(performance.now() - t);
}
console.log(
  `per posting: ${Object.entries(stages)
    .map(([name, ms]) => `${name} ${((median(ms) * 1000) / lines.length).toFixed(0)} µs`)
    .join(", ")}`,
);
const floorMatches = (sink / ROUNDS / lines.length).toFixed(1);
console.log(
  `classify / floor: ${median(floorRatios).toFixed(2)}× (median of the rounds' ratios; target ≤ 5×; the floor finds ${floorMatches} matches a posting)\n`,
);

// CPU seconds of the children this process has waited for (all their threads), from /proc/self/stat;
// undefined where there is no /proc.
const TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString() ?? NaN);
function childCpu(): number | undefined {
  if (!existsSync("/proc/self/stat") || !(TICKS > 0)) return undefined;
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name, which ends at the last ")": cutime and cstime are the 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

const cli = new URL("../dist/cli.js", import.meta.url).pathname;
function runCli(jobs: number, extra: readonly string[]): { rate: number; cpu: number | undefined; rss: number; outBytes: number; timings: string } {
  const outFile = new URL(`out-${jobs}.jsonl`, dir).pathname;
  const cpuBefore = childCpu();
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, "classify", file, "--jobs", String(jobs), "--out", outFile, "--timings", ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = childCpu();
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  const stderr = run.stderr.toString();
  if (run.status !== 0) throw new Error(`classify exited ${run.status}: ${stderr}`);
  const timings = /per posting: (.*)/.exec(stderr)?.[1] ?? "";
  return { rate: COUNT / seconds, cpu, rss: Number(/peak RSS (\d+) MB/.exec(stderr)?.[1]), outBytes: statSync(outFile).size, timings };
}

// Each round measures the library and every CLI setting one after the other, so that on a shared
// machine a ratio compares runs made under the same load.
const OUTPUTS = [
  ["default output", []],
  ["--fields all", ["--fields", "all"]],
] as const;
const libraryRates: number[] = [];
const cliRuns = new Map<string, Array<ReturnType<typeof runCli>>>();
for (let round = 0; round < ROUNDS; round++) {
  libraryRates.push(libraryRate());
  for (const [name, extra] of OUTPUTS) {
    for (const jobs of [1, 2]) {
      const key = `${name}, --jobs ${jobs}`;
      cliRuns.set(key, [...(cliRuns.get(key) ?? []), runCli(jobs, extra)]);
    }
  }
}
const library = median(libraryRates);
console.log(`library parse + classify + serialize (full result): ${Math.round(library)} postings/s`);
for (const [name] of OUTPUTS) {
  const rates: number[] = [];
  for (const jobs of [1, 2]) {
    const runs = cliRuns.get(`${name}, --jobs ${jobs}`)!;
    const rate = median(runs.map((r) => r.rate));
    rates.push(rate);
    const cpus = runs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
    const cpu = cpus.length === 0 ? "" : `, CPU ${((median(cpus) * 1e6) / COUNT).toFixed(0)} µs per posting (all threads)`;
    console.log(
      `${name}, --jobs ${jobs}: ${Math.round(rate)} postings/s (${((rate / library) * 100).toFixed(0)}% of the library)${cpu}, peak RSS ${Math.max(...runs.map((r) => r.rss))} MB (the process, all threads), ${(runs[0]!.outBytes / COUNT).toFixed(0)} bytes of output per posting`,
    );
    console.log(`  last run, per posting: ${runs.at(-1)!.timings}`);
  }
  console.log(`${name}: --jobs 2 / --jobs 1 = ${(rates[1]! / rates[0]!).toFixed(2)}×`);
}
