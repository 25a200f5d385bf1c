import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The CLI and dist suites read the built output: `npm test` builds first.
    testTimeout: 30_000,
  },
});
