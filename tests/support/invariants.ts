import { describe, it } from "vitest";
import { type Api, classifyChecks, spansSliceBack } from "./checks.js";

/** `input[field].slice(start, end) === text` for every span a result reports. */
export const expectSpansSliceBack = spansSliceBack;

/**
 * The properties every build of role-lens must satisfy (tests/support/checks.ts), run against the
 * sources (tests/properties.test.ts, 1,000 runs each) and the built ESM and CJS bundles
 * (tests/dist.test.ts, fewer: they re-check the build, not the logic). FC_RUNS overrides the count.
 */
export function describeInvariants(name: string, api: Api, defaultRuns = 1000): void {
  const runs = Number(process.env["FC_RUNS"] ?? defaultRuns);
  describe(`invariants: ${name}`, () => {
    for (const check of classifyChecks) it(check.name, () => check.run(api, runs));
  });
}
