/*
 * `npm run check:package`: what a user installs. Packs the built package (dist/ must be built: `npm
 * test` does it), checks its types with attw under the node16 profile (the package needs Node
 * 20.19+, so node10 resolution is out of scope), installs the tarball with `npm i --omit=dev` into
 * a fresh project and fails above 5 MB, and type-checks a consumer of every entry there under strict
 * TypeScript with skipLibCheck off (the declarations must need no package the install lacks).
 * Needs the npm registry for the one runtime dependency.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const LIMIT = 5 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "role-lens-pack-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });

function bytesUnder(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

try {
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir]));
  const tarball = join(dir, packed.filename);
  console.log(`tarball: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
  execFileSync("npx", ["attw", tarball, "--profile", "node16"], { stdio: "inherit" });
  const project = join(dir, "project");
  run("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "fresh", version: "1.0.0", private: true }));
  run("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", tarball], project);
  const size = bytesUnder(join(project, "node_modules"));
  const packages = readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith("."));
  console.log(`npm i --omit=dev: ${(size / 1024 / 1024).toFixed(2)} MB in node_modules (${packages.join(", ")})`);
  // A consumer in the fresh project: every entry, strict, declarations checked (skipLibCheck off).
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { strict: true, skipLibCheck: false, module: "nodenext", moduleResolution: "nodenext", noEmit: true, types: [] },
      files: ["check.ts"],
    }),
  );
  writeFileSync(
    join(project, "check.ts"),
    [
      'import { classify, classificationSchema, lexiconSchema, type Classification, type Label } from "role-lens";',
      'import { classifyMany } from "role-lens/node";',
      'import { fitLexicon } from "role-lens/authoring";',
      'const result: Classification = classificationSchema.parse(classify("AI Engineer. Build RAG with LangChain."));',
      "const label: Label = result.label;",
      "const checked = lexiconSchema.safeParse({});",
      "export const used = [label, checked.success, typeof classifyMany, typeof fitLexicon];",
      "// @ts-expect-error: the validator's output is typed, so an unknown field is an error",
      "classificationSchema.parse({}).notAField;",
    ].join("\n"),
  );
  const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
  execFileSync(process.execPath, [tsc, "-p", project], { stdio: "inherit" });
  console.log("a strict consumer of every entry type-checks with skipLibCheck off");
  if (size > LIMIT) {
    console.error(`install is ${size} bytes, above the ${LIMIT}-byte limit`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
