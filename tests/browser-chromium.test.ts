import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, CHROMIUM, hasChromium, launchChromium } from "../playground/chromium.js";
import type { CheckOutcome } from "./support/browser-entry.js";
import { bundleForBrowser } from "./support/browser-bundle.js";
import { classifyChecks } from "./support/checks.js";

/*
 * The property suite's classify checks, run inside headless Chromium (Debian's `chromium`
 * package, which .ci/run installs) against the built main entry. The page is served from
 * 127.0.0.1 and the browser is kept off the network: this machine has none.
 */
const RUNS = Number(process.env["FC_RUNS_BROWSER"] ?? 100);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

let server: Server;
let browser: Browser | undefined;
let origin: string;

beforeAll(async () => {
  if (!hasChromium()) throw new Error(`${CHROMIUM} not found: install Debian's chromium package (.ci/run does)`);
  const { code, builtins } = await bundleForBrowser(here("./support/browser-entry.ts"), { "/src/index.js": here("../dist/index.js") });
  expect(builtins).toEqual([]);
  const page = `<!doctype html><meta charset="utf-8"><title>role-lens</title><script type="module" src="/checks.js"></script>`;
  server = createServer((request, response) => {
    const [type, body] = request.url === "/checks.js" ? ["text/javascript", code] : request.url === "/" ? ["text/html", page] : ["text/plain", ""];
    response.writeHead(body === "" ? 404 : 200, { "content-type": `${type}; charset=utf-8` });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("headless Chromium", () => {
  it("passes every classify check of the property suite, against the built main entry", async () => {
    const page = await browser!.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => "runClassifyChecks" in globalThis);
    const outcomes = await page.evaluate(
      (runs) => (globalThis as unknown as { runClassifyChecks(runs: number): CheckOutcome[] }).runClassifyChecks(runs),
      RUNS,
    );
    expect(errors).toEqual([]);
    expect(outcomes.map((o) => o.name)).toEqual(classifyChecks.map((c) => c.name));
    expect(outcomes.filter((o) => o.error !== null)).toEqual([]);
    expect(await page.evaluate(() => (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent)).toMatch(/HeadlessChrome|Chrome/);
  }, 120_000);
});
