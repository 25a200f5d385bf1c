import { chmod, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

/*
 * Everything a user runs is bundled, so the package has no runtime dependencies (README, Design
 * notes): zod and htmlparser2 (one parsed file imports in about half the time of their module
 * graphs), natural's tokenizer and stemmer and compromise (authoring only), csv-parse and
 * csv-stringify (role-lens/node and the CLI). cli-progress stays a dependency: it is CommonJS that
 * requires Node built-ins, which an ESM bundle cannot do, and it installs in about 150 KB.
 */
const bundled = [
  "zod",
  "htmlparser2",
  "entities",
  "domhandler",
  "domelementtype",
  "domutils",
  "dom-serializer",
  /^natural\//,
  "underscore",
  "compromise",
  /^csv-(parse|stringify)/,
];

/**
 * Stage 1 uses htmlparser2's `Parser` alone. The package's entry also re-exports domutils and
 * dom-serializer (a second copy of the entity tables, ~95 KB), which esbuild keeps because their
 * modules have side effects; every import would parse and run them. The bundle takes the parser's
 * own module, found next to the entry wherever npm put the package.
 */
const htmlParserOnly = {
  name: "htmlparser2-parser-only",
  setup(build: { onResolve(options: { filter: RegExp }, callback: () => { path: string }): void }) {
    const entry = fileURLToPath(import.meta.resolve("htmlparser2"));
    build.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: join(dirname(entry), "Parser.js") }));
  },
};

const shared = {
  // Not minified and no source maps: the bundles read as the sources do, and stack traces point at
  // readable code; maps were 58% of the tarball.
  sourcemap: false,
  clean: false,
  splitting: true,
  target: "es2022",
  // The default lexicon and band table are bundled so the core reads no file at run time.
  loader: { ".json": "json" as const },
  noExternal: bundled,
  esbuildPlugins: [htmlParserOnly],
};

export default defineConfig([
  {
    ...shared,
    // ESM: the library entries, the CLI and the batch worker share one set of chunks (zod once).
    entry: { index: "src/index.ts", node: "src/node.ts", authoring: "src/authoring.ts", cli: "src/cli/bin.ts", worker: "src/batch/worker.ts" },
    format: ["esm"],
    dts: { entry: { index: "src/index.ts", node: "src/node.ts", authoring: "src/authoring.ts" } },
    async onSuccess() {
      // The shebang only on the CLI: a banner would put it on every chunk.
      const cli = "dist/cli.js";
      await writeFile(cli, `#!/usr/bin/env node\n${await readFile(cli, "utf8")}`);
      await chmod(cli, 0o755);
    },
  },
  {
    ...shared,
    // CJS for require(): the library entries only (the worker is started as ESM from either build).
    entry: { index: "src/index.ts", node: "src/node.ts", authoring: "src/authoring.ts" },
    format: ["cjs"],
    dts: { entry: { index: "src/index.ts", node: "src/node.ts", authoring: "src/authoring.ts" } },
    // import.meta.url in the CJS build, to find the worker script next to it.
    shims: true,
  },
]);
