// What every subcommand provides to the dispatcher in main.ts.
import { parseArgs, type FlagSpecs, type ParsedArgs } from "./args.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

export interface Command {
  readonly name: string;
  /** One line for `smarkets --help`. */
  readonly summary: string;
  /** The whole `smarkets <name> --help` text. */
  readonly help: string;
  /**
   * Runs with the arguments after the command name and resolves with the exit
   * status; a command that runs until stopped (watch, exchange) ends when
   * `io.interrupted` aborts. Throws ArgumentError for a wrong argument (exit 2).
   */
  run(argv: readonly string[], io: Io): Promise<ExitCode>;
}

/** A command taking flags and up to `positionals` words; `--help` is answered before `run`. */
export interface FlagCommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly flags: FlagSpecs;
  readonly positionals: number;
  run(args: ParsedArgs, io: Io): Promise<ExitCode>;
}

export function flagCommand(spec: FlagCommandSpec): Command {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(argv, io) {
      const args = parseArgs(argv, spec.flags, spec.positionals);
      if (args.help) {
        io.stdout.write(`${spec.help}\n`);
        return EXIT.ok;
      }
      return spec.run(args, io);
    },
  };
}
