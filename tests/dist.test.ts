import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeInvariants } from "./support/invariants.js";

// Runs after `npm run build` (see the "test" script): the same invariants against what npm ships.
const esm = await import("../dist/index.js");
const cjs = createRequire(import.meta.url)("../dist/index.cjs");

describeInvariants("dist ESM", esm);
describeInvariants("dist CJS", cjs);

describe("dist builds", () => {
  it("ships type declarations for both entry points", () => {
    expect(existsSync(new URL("../dist/index.d.ts", import.meta.url))).toBe(true);
    expect(existsSync(new URL("../dist/index.d.cts", import.meta.url))).toBe(true);
  });

  it("ESM and CJS give byte-identical results", () => {
    const posting = { id: "x", title: "Senior ML Engineer", html: "<p>Train models with PyTorch &amp; serve them with Triton. 5+ years of experience.</p>" };
    expect(JSON.stringify(cjs.classify(posting))).toBe(JSON.stringify(esm.classify(posting)));
  });

  it("exposes the same public names from both builds", () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });
});
