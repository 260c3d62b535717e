// What every subcommand provides to the dispatcher in main.ts.
import type { ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";

export interface Command {
  readonly name: string;
  /** One line for `smarkets --help`. */
  readonly summary: string;
  /** The whole `smarkets <name> --help` text. */
  readonly help: string;
  /**
   * True when the command takes over the process (signals and exit), as
   * `exchange` does; main.ts then installs no signal handlers of its own.
   */
  readonly ownsProcess?: boolean;
  /**
   * Runs with the arguments after the command name. Resolves with the exit
   * status, or undefined when the command keeps running and exits by itself.
   * Throws ArgumentError for a wrong argument (exit 2).
   */
  run(argv: readonly string[], io: Io): Promise<ExitCode | undefined>;
}
