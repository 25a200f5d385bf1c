import { Readable } from "node:stream";
import { runCli } from "../../src/cli/main.js";

export interface InProcessOptions {
  /** Stands for a terminal's stdin: the command's hint is printed. */
  readonly stdinIsTTY?: boolean;
  /** Stands for Ctrl-C: abort it to interrupt the command. */
  readonly interrupt?: AbortSignal;
}

/**
 * Runs one CLI invocation in-process with `stdin` (text, or a stream that may never end) as its
 * input; what it wrote to stdout and stderr, and its exit code.
 */
export async function runInProcess(args: string[], stdin: string | NodeJS.ReadableStream = "", options: InProcessOptions = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: typeof stdin === "string" ? Readable.from([stdin]) : stdin,
    stdinIsTTY: options.stdinIsTTY ?? false,
    color: false,
    interrupt: options.interrupt ?? new AbortController().signal,
  });
  return { code, stdout, stderr };
}
