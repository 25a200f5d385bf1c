// `npm run eval`: the evaluation report on ../shared/eval/dev.jsonl, then the cross-validated figures
// of the bundled lexicon's fitted numbers on ../shared/eval/train.jsonl and dev.jsonl (out of fold,
// folds grouped by company), when those files are present.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url).pathname;
const shared = new URL("../../shared/eval/", import.meta.url);
const dev = new URL("dev.jsonl", shared).pathname;
const train = new URL("train.jsonl", shared).pathname;
if (!existsSync(dev)) {
  console.error("role-lens: ../shared/eval/dev.jsonl is not here; nothing to evaluate");
  process.exit(0);
}
if (!existsSync(cli)) spawnSync("npx", ["tsup"], { stdio: "inherit" });
const run = (args) => spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" }).status ?? 1;
const status = run(["eval", dev, ...process.argv.slice(2)]);
if (status !== 0) process.exit(status);
console.log("\ncross-validation of the bundled lexicon's fitted numbers (role-lens lexicon fit --no-search):");
process.exit(
  run([
    "lexicon",
    "fit",
    ...(existsSync(train) ? [train] : []),
    dev,
    "--no-search",
    "--lexicon",
    new URL("../lexicons/default.json", import.meta.url).pathname,
  ]),
);
