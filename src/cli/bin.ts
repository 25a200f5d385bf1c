import { runCli } from "./main.js";

// A closed pipe (`role-lens classify … | head`) is a normal way for a reader to stop.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C: stop reading (a wait for a terminal's next line included), let the records in flight
// finish and be written whole, then exit 130. A second Ctrl-C exits at once.
const interrupt = new AbortController();
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) {
    process.stderr.write("role-lens: interrupted again; exiting now\n");
    process.exit(130);
  }
  interrupt.abort();
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  stdinIsTTY: process.stdin.isTTY === true,
  color: process.stdout.isTTY === true && !process.env["NO_COLOR"],
  progress: process.stderr.isTTY ? process.stderr : undefined,
  interrupt: interrupt.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`role-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
