/*
 * A command is data: its name, what it does, its options (each with its help line), and `run`.
 * The parser and the help text are both generated from the options, so they cannot disagree.
 */
import { parseArgs } from "node:util";
import { type CliIo, type ExitCode, UsageError } from "./io.js";
import { DEFAULT_FIELDS, type FieldMapping } from "./records.js";

export interface OptionSpec {
  readonly type: "string" | "boolean";
  /** The value's placeholder in the help, e.g. `FILE` or `N`. */
  readonly value?: string;
  /** Shown in the help and applied when the option is absent. */
  readonly default?: string;
  readonly help: string;
}

/** Parsed option values, by option name. */
export type OptionValues = Readonly<Record<string, string | boolean | undefined>>;

export interface Command {
  readonly name: string;
  /** The command's arguments after its name, for the usage line, e.g. `<file> [options]`. */
  readonly args: string;
  /** One line for the main help. */
  readonly summary: string;
  /** A paragraph for the command's own help. */
  readonly description: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  run(values: OptionValues, positionals: string[], io: CliIo): Promise<ExitCode>;
}

/** `--lexicon FILE`, accepted by every command. */
export const LEXICON_OPTION: OptionSpec = { type: "string", value: "FILE", help: "use a custom lexicon instead of the bundled one" };

/** `--id-field`, `--title-field`, `--text-field`: which record fields hold a posting, for every command that reads records. */
export const FIELD_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "id-field": { type: "string", value: "NAME", help: `record field holding the id (default the first of ${DEFAULT_FIELDS.id.join(", ")})` },
  "title-field": { type: "string", value: "NAME", help: `record field holding the title (default the first of ${DEFAULT_FIELDS.title.join(", ")})` },
  "text-field": {
    type: "string",
    value: "NAME",
    help: `record field holding the body, read as HTML when its name holds "html" (default the first of ${DEFAULT_FIELDS.text.join(", ")})`,
  },
};

/** The field mapping the FIELD_OPTIONS give: each named field alone, else the default names. */
export function fieldMapping(values: OptionValues): FieldMapping {
  const pick = (option: string, defaults: readonly string[]) => {
    const name = stringOption(values, option);
    return name === undefined ? defaults : [name];
  };
  return { id: pick("id-field", DEFAULT_FIELDS.id), title: pick("title-field", DEFAULT_FIELDS.title), text: pick("text-field", DEFAULT_FIELDS.text) };
}

/** Edit distance between two short strings (insertions, deletions, substitutions). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Parses `args` against the command's options. Throws UsageError for an unknown option (naming the
 * nearest known one, "did you mean --format?"), and node's other ERR_PARSE_ARGS_* errors as they are.
 */
export function parseCommandArgs(command: Command, args: string[]): { values: OptionValues; positionals: string[] } {
  const known = [...Object.keys(command.options), "help"];
  for (const arg of args) {
    if (arg === "--") break;
    const name = /^--([^=]+)/.exec(arg)?.[1];
    if (name === undefined || known.includes(name)) continue;
    const nearest = known.map((k) => ({ k, d: editDistance(name, k) })).sort((x, y) => x.d - y.d)[0];
    const hint = nearest !== undefined && nearest.d <= 2 ? ` (did you mean --${nearest.k}?)` : "";
    throw new UsageError(`unknown option --${name} for ${command.name}${hint}; see role-lens ${command.name} --help`);
  }
  const options = Object.fromEntries(
    Object.entries(command.options).map(([name, spec]) => [
      name,
      spec.default === undefined ? { type: spec.type } : { type: spec.type, default: spec.default },
    ]),
  ) as Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options, strict: true });
  return { values: values as OptionValues, positionals };
}

/** The command's help: usage, description and one line per option. */
export function commandHelp(command: Command): string {
  const flags = Object.entries(command.options).map(([name, spec]) => [`--${name}${spec.value ? ` ${spec.value}` : ""}`, spec] as const);
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 2;
  const lines = flags.map(([flag, spec]) => `  ${flag.padEnd(width)}${spec.help}${spec.default === undefined ? "" : ` (default ${spec.default})`}`);
  return `usage: role-lens ${command.name} ${command.args}\n\n${command.description}\n\noptions:\n${lines.join("\n")}\n  --help${" ".repeat(width - 6)}this help\n`;
}

/** A string option's value (parseArgs guarantees the type from the spec). */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}
