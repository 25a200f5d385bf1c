// `npm run eval`: the evaluation report on ../shared/eval/dev.jsonl, when that file is present.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

const dev = new URL("../../shared/eval/dev.jsonl", import.meta.url);
if (!existsSync(dev)) {
  console.error("role-lens: ../shared/eval/dev.jsonl is not here; nothing to evaluate");
  process.exit(0);
}
if (!existsSync(new URL("../dist/cli.js", import.meta.url))) {
  spawnSync("npx", ["tsup"], { stdio: "inherit" });
}
const result = spawnSync(process.execPath, [new URL("../dist/cli.js", import.meta.url).pathname, "eval", dev.pathname, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
