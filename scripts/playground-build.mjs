// Bundles the playground (the classifier core included) into one static folder that opens from
// disk or any static host: a classic script, not a module, because Chromium refuses module
// scripts from file:// URLs. Usage: node scripts/playground-build.mjs [--out dir]
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { out: { type: "string", default: join(root, "playground", "dist") } } });
const out = resolve(values.out);

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, "playground", "main.ts")],
  outfile: join(out, "main.js"),
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  minify: true,
  sourcemap: true,
  loader: { ".json": "json" },
  logLevel: "warning",
});
for (const file of ["index.html", "style.css"]) copyFileSync(join(root, "playground", file), join(out, file));
console.log(`playground built in ${out}`);
