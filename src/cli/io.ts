import { constants } from "node:fs";
import { access, type FileHandle, open, readFile, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { LexiconError, RoleLensError } from "../errors.js";

/** Where the CLI reads and writes; injectable so tests drive it without a process. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly stdin: NodeJS.ReadableStream;
  /** Whether stdin is a terminal: a command about to read it says so, or a user would see nothing happen. */
  readonly stdinIsTTY?: boolean;
  /** Colours in `explain` only when the terminal is interactive. */
  readonly color: boolean;
  /** Where a progress bar may draw (stderr when it is a terminal), or undefined for none. */
  readonly progress?: NodeJS.WritableStream | undefined;
  /** Aborted once the user asks to stop (the first Ctrl-C): commands stop reading, even mid-wait, and finish what they wrote. */
  readonly interrupt: AbortSignal;
}

/** 0: every record classified; 1: some records failed; 2: usage, file or lexicon error; 130: interrupted. */
export type ExitCode = 0 | 1 | 2 | 130;

export class UsageError extends RoleLensError {
  constructor(message: string) {
    super("USAGE", message);
  }
}

/** The reason a file operation failed, without node's code and call ("no such file or directory"). */
export function fsReason(error: unknown): string {
  // Node words EISDIR as "illegal operation on a directory"; the plain words are the ones every command uses.
  if ((error as NodeJS.ErrnoException | undefined)?.code === "EISDIR") return "it is a directory";
  const message = error instanceof Error ? error.message : String(error);
  return /^E[A-Z]+: ([^,]+),/.exec(message)?.[1] ?? message;
}

/** Reads a JSON file, as a usage error when it cannot be read and a lexicon error when it is not JSON. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${fsReason(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LexiconError([{ path: "", message: `${path} is not valid JSON: ${(error as Error).message}` }]);
  }
}

/** A file a command writes its output to; a failed write or close is a UsageError naming the file. */
export interface OutputFile {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

/** A UsageError saying that `path` cannot be written, and why. */
function cannotWrite(path: string, error: unknown): never {
  throw new UsageError(`cannot write ${path}: ${fsReason(error)}`);
}

/**
 * Throws a UsageError naming `path` and why when it cannot be written (a missing or read-only
 * directory, a directory in its place), without touching it: for a command that writes its output
 * whole at the end, so that a bad path fails before the work and an existing file stays until then.
 */
export async function checkWritable(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) cannotWrite(path, new Error("it is a directory"));
  await access(info === undefined ? dirname(path) : path, constants.W_OK).catch((error: unknown) => cannotWrite(path, error));
}

/** Writes `text` to `path` whole; a failure is a UsageError naming the path. */
export async function writeOutput(path: string, text: string): Promise<void> {
  await writeFile(path, text).catch((error: unknown) => cannotWrite(path, error));
}

/**
 * Opens (creates or truncates) `path` for writing. Commands open their output before any work, so
 * an unwritable path is a UsageError naming it and why, not a crash after the work is done.
 */
export async function openOutput(path: string): Promise<OutputFile> {
  const cannot = (error: unknown) => cannotWrite(path, error);
  let handle: FileHandle;
  try {
    handle = await open(path, "w");
  } catch (error) {
    return cannot(error);
  }
  return {
    write: (chunk) => handle.writeFile(chunk).catch(cannot),
    close: () => handle.close().catch(cannot),
  };
}

/** Whether a command given these inputs reads stdin: `-`, or no input at all. */
export function readsStdin(inputs: readonly string[]): boolean {
  return inputs.length === 0 || inputs.includes("-");
}

/** Tells a user at a terminal that the command waits for them to type (or paste) its input. */
export function terminalHint(io: CliIo, what: string, command: string): void {
  if (io.stdinIsTTY === true) {
    io.stderr.write(`role-lens: reading ${what} from the terminal; end with Ctrl-D (or name files: role-lens ${command} FILE...)\n`);
  }
}
