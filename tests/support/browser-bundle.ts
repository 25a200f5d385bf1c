import { builtinModules } from "node:module";
import * as esbuild from "esbuild";

const BUILTIN = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The bundle esbuild makes of `entry` for the browser, and every Node built-in something in it imports (without the `node:` prefix). */
export async function bundleForBrowser(entry: string, redirect: Record<string, string> = {}): Promise<{ code: string; builtins: string[] }> {
  const builtins = new Set<string>();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "record-node-builtins",
        setup(build) {
          // A built-in is recorded and left out, so one test run names all of them at once.
          build.onResolve({ filter: /.*/ }, (args) => {
            const bare = args.path.startsWith("node:") ? args.path : args.path.split("/")[0]!;
            if (BUILTIN.has(args.path) || BUILTIN.has(bare)) {
              builtins.add(args.path.replace(/^node:/, ""));
              return { path: args.path, external: true };
            }
            const target = Object.entries(redirect).find(([suffix]) => args.path.endsWith(suffix));
            return target ? { path: target[1] } : undefined;
          });
        },
      },
    ],
  });
  return { code: result.outputFiles[0]!.text, builtins: [...builtins].sort() };
}
