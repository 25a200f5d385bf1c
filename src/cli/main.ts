import { LexiconError, RoleLensError } from "../errors.js";
import { type Command, commandHelp, parseCommandArgs } from "./command.js";
import { classifyCommand } from "./commands/classify.js";
import { evalCommand } from "./commands/eval.js";
import { explainCommand } from "./commands/explain.js";
import { lexiconCommand } from "./commands/lexicon.js";
import { reportCommand } from "./commands/report.js";
import type { CliIo, ExitCode } from "./io.js";
import { VERSION } from "./version.js";

const COMMANDS: readonly Command[] = [classifyCommand, explainCommand, evalCommand, reportCommand, lexiconCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join("\n");
  return `role-lens ${VERSION}: tell ML Engineer postings from AI Engineer postings

usage: role-lens <command> [options]    (role-lens <command> --help for its options)

commands:
${list}

options: --help, --version; --lexicon FILE on every command
exit codes: 0 all good, 1 some records failed (classify; an unreadable input included), 2 usage, I/O or lexicon error, 130 interrupted
`;
}

/**
 * Runs one CLI invocation and returns its exit code; the only place that decides it.
 * Results go to stdout, diagnostics to stderr.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === undefined) {
    io.stderr.write(mainHelp());
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(mainHelp());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`role-lens: unknown command "${name}"\n\n${mainHelp()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout.write(commandHelp(command));
    return 0;
  }
  try {
    const { values, positionals } = parseCommandArgs(command, args);
    return await command.run(values, positionals, io);
  } catch (error) {
    if (error instanceof LexiconError) {
      io.stderr.write(`role-lens: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RoleLensError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`role-lens: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
