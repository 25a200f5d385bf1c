import { readFile } from "node:fs/promises";
import { LexiconError, RoleLensError } from "../errors.js";

/** Where the CLI reads and writes; injectable so tests drive it without a process. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly stdin: NodeJS.ReadableStream;
  /** Colours in `explain` only when the terminal is interactive. */
  readonly color: boolean;
  /** Where a progress bar may draw (stderr when it is a terminal), or undefined for none. */
  readonly progress?: NodeJS.WritableStream | undefined;
  /** True once the user asked to stop (Ctrl-C): commands stop reading and finish what they wrote. */
  readonly interrupted: () => boolean;
}

/** 0: every record classified; 1: some records failed; 2: usage, file or lexicon error; 130: interrupted. */
export type ExitCode = 0 | 1 | 2 | 130;

export class UsageError extends RoleLensError {
  constructor(message: string) {
    super("USAGE", message);
  }
}

/** Reads a JSON file, as a usage error when it cannot be read and a lexicon error when it is not JSON. */
export async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new LexiconError([{ path: "", message: `${path} is not valid JSON: ${(error as Error).message}` }]);
  }
}
