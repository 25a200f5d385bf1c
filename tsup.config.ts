import { defineConfig } from "tsup";

// Bundled, not required at run time: one parsed file imports in about half the time of zod's and
// htmlparser2's module graphs (see README, Performance).
const bundled = ["zod", "htmlparser2", "entities", "domhandler", "domelementtype", "domutils", "dom-serializer"];

export default defineConfig([
  {
    // The library: ESM, CJS and type declarations.
    entry: { index: "src/index.ts", authoring: "src/authoring.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    // import.meta.url in the CJS build, to find the worker script next to it.
    shims: true,
    // The default lexicon and band table are bundled so the core reads no file at run time.
    loader: { ".json": "json" },
    noExternal: bundled,
  },
  {
    // The CLI and the batch worker thread: ESM only (a worker is started from either build by path).
    entry: { cli: "src/cli/bin.ts", worker: "src/batch/worker.ts" },
    format: ["esm"],
    clean: false,
    target: "node20",
    loader: { ".json": "json" },
    noExternal: bundled,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
