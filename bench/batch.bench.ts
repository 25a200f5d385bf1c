/*
 * npm run bench:batch: the CLI on a generated JSONL of 100,000 postings built from the fixtures,
 * with --jobs 1 and --jobs 2, reporting postings/s and the peak RSS the CLI itself measures.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync, statSync } from "node:fs";
import { makePostings } from "./postings.js";

const COUNT = Number(process.env["BENCH_BATCH_COUNT"] ?? 100_000);
const dir = new URL("./out/", import.meta.url);
mkdirSync(dir, { recursive: true });
const file = new URL(`postings-${COUNT}.jsonl`, dir).pathname;

// 500 distinct postings of 2–6 KB, repeated with fresh ids: the size and density of real ones.
const pool = makePostings(500, 4096, 2048, 7);
const out = createWriteStream(file);
for (let i = 0; i < COUNT; i++) {
  const p = pool[i % pool.length]!;
  const line = JSON.stringify(i % 5 === 0 ? { id: `job-${i}`, title: p.title, html: p.html } : { id: `job-${i}`, title: p.title, text: p.text }) + "\n";
  if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
}
await new Promise<void>((resolve) => out.end(() => resolve()));
console.log(`input: ${COUNT} postings, ${(statSync(file).size / 1e6).toFixed(0)} MB (one in five as HTML)\n`);

const cli = new URL("../dist/cli.js", import.meta.url).pathname;
for (const jobs of [1, 2]) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, "classify", file, "--jobs", String(jobs), "--out", "/dev/null"], { stdio: ["ignore", "ignore", "pipe"] });
  const stderr = run.stderr.toString();
  if (run.status !== 0) throw new Error(`classify exited ${run.status}: ${stderr}`);
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak RSS (\d+) MB/.exec(stderr)?.[1];
  console.log(`--jobs ${jobs}: ${Math.round(COUNT / seconds)} postings/s (${seconds.toFixed(1)} s wall), peak RSS ${peak} MB (limit 300 MB)`);
  process.stderr.write(`  ${stderr}`);
}
