/*
 * The page script of tests/browser-chromium.test.ts: the property suite's classify checks, run in
 * the browser against the main entry (the test's bundler points this import at dist/index.js).
 */
import * as api from "../../src/index.js";
import { classifyChecks } from "./checks.js";

/** What the page reports for one check. */
export interface CheckOutcome {
  readonly name: string;
  readonly error: string | null;
}

function runClassifyChecks(runs: number): CheckOutcome[] {
  return classifyChecks.map((check) => {
    try {
      check.run(api, runs);
      return { name: check.name, error: null };
    } catch (error) {
      return { name: check.name, error: String(error instanceof Error ? error.message : error) };
    }
  });
}

(globalThis as { runClassifyChecks?: typeof runClassifyChecks }).runClassifyChecks = runClassifyChecks;
