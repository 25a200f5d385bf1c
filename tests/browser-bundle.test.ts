import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleForBrowser } from "./support/browser-bundle.js";

// Runs after `npm run build`: what npm ships, bundled as a web app would bundle it.
const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

describe("the main entry in a browser bundle", () => {
  it("bundles for the browser platform with no Node built-in", async () => {
    const { code, builtins } = await bundleForBrowser(dist("index.js"));
    expect(builtins).toEqual([]);
    // No CommonJS left for a bundler to shim (entities reads Buffer only behind a typeof check).
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toContain("classify");
  });

  it("the check sees Node built-ins where they are: role-lens/node needs worker threads", async () => {
    const { builtins } = await bundleForBrowser(dist("node.js"));
    expect(builtins).toEqual(expect.arrayContaining(["worker_threads"]));
  });
});
