import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Runs after `npm run build`: the files `npm pack` would publish. The install itself (size, attw,
// publint) is `npm run check:package`, which needs the registry.
const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" }));
const files: string[] = packed.files.map((f: { path: string }) => f.path);
const shipped = (pattern: RegExp) => files.filter((f) => pattern.test(f));
const read = (file: string) => readFileSync(new URL(file, root), "utf8");

describe("the published package", () => {
  it("runs no script on install, and builds before packing", () => {
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) expect(pkg.scripts).not.toHaveProperty(hook);
    expect(pkg.scripts.prepack).toMatch(/build/);
  });

  it("depends at run time only on cli-progress: what dist/ bundles is not installed again", () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(["cli-progress"]);
    for (const bundled of ["zod", "htmlparser2", "natural", "compromise", "csv-parse", "csv-stringify"]) {
      expect(pkg.devDependencies).toHaveProperty(bundled);
      expect(pkg.peerDependencies ?? {}).not.toHaveProperty(bundled);
    }
    // A bundled package is never imported by name from dist/.
    for (const file of shipped(/^dist\/.*\.c?js$/))
      expect(read(file), file).not.toMatch(/(?:from |require\()["'](?:zod|htmlparser2|natural|compromise|csv-parse|csv-stringify)[/"']/);
  });

  it.each([
    ["ESM", /^dist\/.*\.js$/],
    ["CJS", /^dist\/.*\.cjs$/],
  ])("%s: no bundled module is in two files (entries share chunks), and no source maps", (_, pattern) => {
    expect(shipped(/\.map$/)).toEqual([]);
    // esbuild heads each bundled module with its path: `// node_modules/zod/v4/core/core.js`.
    const where = new Map<string, string>();
    for (const file of shipped(pattern)) {
      for (const [module] of read(file).matchAll(/^\/\/ node_modules\/\S+$/gm)) {
        expect(where.get(module) ?? file, `${module} in ${where.get(module)} and ${file}`).toBe(file);
        where.set(module, file);
      }
    }
    expect([...where.keys()].filter((m) => m.startsWith("// node_modules/zod/")).length).toBeGreaterThan(10);
  });

  // Issue 15's bound is an install of at most 5 MB; the report command's charting libraries
  // (vega, vega-lite, bundled into the CLI) are most of the tarball.
  it("stays small: at most 5 MB unpacked, with LICENSE, CHANGELOG and README", () => {
    expect(packed.unpackedSize).toBeLessThan(5 * 1024 * 1024);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "CHANGELOG.md", "README.md", "package.json"]));
  });

  it("has the metadata a registry page needs", () => {
    for (const field of ["repository", "homepage", "bugs", "license"]) expect(pkg).toHaveProperty(field);
    expect(pkg.exports).toHaveProperty("./node");
  });
});
