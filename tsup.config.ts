import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts", authoring: "src/authoring.ts", worker: "src/batch/worker.ts" },
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "node20",
    // import.meta.url in the CJS build, to find the worker script next to it.
    shims: true,
    // The default lexicon and band table are bundled so the core reads no file at run time.
    loader: { ".json": "json" },
    // Bundled, not required at run time: one parsed file imports several times faster than zod's
    // and htmlparser2's module graphs (see README, Performance).
    noExternal: ["zod", "htmlparser2", "entities", "domhandler", "domelementtype", "domutils", "dom-serializer"],
  },
  {
    entry: { cli: "src/cli/bin.ts" },
    format: ["esm"],
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
