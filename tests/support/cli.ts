import { Readable } from "node:stream";
import { runCli } from "../../src/cli/main.js";

/** Runs one CLI invocation in-process with `stdin` as its input; what it wrote to stdout and stderr, and its exit code. */
export async function runInProcess(args: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([stdin]),
    color: false,
    interrupted: () => false,
  });
  return { code, stdout, stderr };
}
