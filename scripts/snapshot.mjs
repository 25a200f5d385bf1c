// `node scripts/snapshot.mjs OUT`: classifies every fixture posting and every posting of
// the shared eval set's dev.jsonl and train.jsonl (read here, never copied; the folder is EVAL_DIR, else
// ../shared/eval beside the repo, else ../../shared/eval beside a worktree) with the built dist/index.js and writes
// one JSON line per posting (id and full result) to OUT. Two snapshots taken before and after a
// refactor must be byte-identical (`cmp`). Each eval posting is classified twice: as given, and as
// one string (title line + text) so the leading-title path is exercised too.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { classify } from "../dist/index.js";

const out = process.argv[2];
if (!out) {
  console.error("usage: node scripts/snapshot.mjs OUT_FILE");
  process.exit(2);
}
const lines = [];
const record = (id, posting) => lines.push(JSON.stringify({ id, result: classify(posting) }));

const fixtures = new URL("../fixtures/postings/", import.meta.url);
for (const name of readdirSync(fixtures).sort()) {
  const content = readFileSync(new URL(name, fixtures), "utf8");
  record(`fixture:${name}`, content);
  record(`fixture-as-text:${name}`, { id: name, text: content });
}
const evalDir = [process.env.EVAL_DIR, "../../shared/eval/", "../../../shared/eval/"]
  .filter((d) => d !== undefined)
  .map((d) => new URL(d.endsWith("/") ? d : `${d}/`, import.meta.url))
  .find((d) => existsSync(d));
for (const set of ["dev", "train"]) {
  const file = evalDir && new URL(`${set}.jsonl`, evalDir);
  if (!file || !existsSync(file)) continue;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const p = JSON.parse(line);
    record(`${set}:${p.id}`, { id: p.id, title: p.title, text: p.text, html: p.html });
    record(`${set}-untitled:${p.id}`, `${p.title ?? ""}\n${p.text ?? p.html ?? ""}`);
  }
}
writeFileSync(out, `${lines.join("\n")}\n`);
console.log(`${lines.length} postings → ${out}`);
