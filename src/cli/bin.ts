import { runCli } from "./main.js";

// A closed pipe (`role-lens classify … | head`) is a normal way for a reader to stop.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

// Ctrl-C: stop reading, let the records in flight finish and be written whole, then exit 130.
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  color: process.stdout.isTTY === true && !process.env["NO_COLOR"],
  progress: process.stderr.isTTY ? process.stderr : undefined,
  interrupted: () => interrupted,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`role-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
