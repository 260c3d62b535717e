// `smarkets <command> [options]`: picks the command, runs it, and turns its
// outcome into the exit status. Everything it touches comes in through `io`,
// so it runs as well in a test as under main.ts.
import type { Command } from "./command.js";
import { cancelCommand } from "./commands/cancel.js";
import { demoCommand } from "./commands/demo.js";
import { exchangeCommand } from "./commands/exchange.js";
import { orderCommand } from "./commands/order.js";
import { ordersCommand } from "./commands/orders.js";
import { pingCommand } from "./commands/ping.js";
import { watchCommand } from "./commands/watch.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Io } from "./io.js";
import { reportError } from "./report-error.js";
import { packageVersion } from "./version.js";

export const COMMANDS: readonly Command[] = [demoCommand, exchangeCommand, pingCommand, watchCommand, orderCommand, cancelCommand, ordersCommand];

export const USAGE = `usage: smarkets <command> [options]
       smarkets --version

A command line for the Smarkets streaming API: against a simulator started for
the command (the default), a local one (--port), or an exchange (--host).

commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

"smarkets <command> --help" (or "smarkets help <command>") tells more.
"smarkets demo" shows a whole session against a simulator, start to finish.

For a simulator that outlives one command, run "smarkets exchange" (it listens
on 127.0.0.1:3701, plain TCP) and point the others at it:
  smarkets watch 1 --port 3701 --plain

exit status: 0 done; 1 failed (connection, login, timeout, session lost);
2 wrong arguments; 3 refused by the exchange; 130 interrupted.`;

const NAMES = COMMANDS.map((c) => c.name).join(", ");

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Runs `argv` (the arguments after `smarkets`) and resolves with the exit status. */
export async function dispatch(argv: readonly string[], io: Io): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`smarkets: missing command\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const command = findCommand(topic);
    if (topic !== undefined && command === undefined) {
      io.stderr.write(`smarkets help: no command ${JSON.stringify(topic)} (commands: ${NAMES})\n`);
      return EXIT.usage;
    }
    io.stdout.write(`${command?.help ?? USAGE}\n`);
    return EXIT.ok;
  }
  const command = findCommand(name);
  if (command === undefined) {
    io.stderr.write(`smarkets: unknown command ${JSON.stringify(name)} (commands: ${NAMES}; see "smarkets --help")\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportError(command.name, e, io.stderr, io.interrupted.aborted);
  }
}
