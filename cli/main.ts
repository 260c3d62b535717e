// Entry point of the `smarkets` command (bin/smarkets.mjs loads it): wires
// the process — arguments, streams, environment, signals — into dispatch().
import { findCommand, dispatch } from "./dispatch.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";

/**
 * SIGINT/SIGTERM abort the signal once (the command finishes cleanly, logging
 * out); a second one exits at once. A reader that goes away (`smarkets watch 1
 * | head`) ends the command the same way instead of crashing it with EPIPE.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    controller.abort();
  });
  return controller.signal;
}

const argv = process.argv.slice(2);
// A command that owns the process (the exchange) handles signals itself.
const owns = findCommand(argv[0])?.ownsProcess === true;
const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // A terminal that does not say its size is taken as the classic 80x24.
  terminal: () => (process.stdout.isTTY ? { rows: process.stdout.rows ?? 24, columns: process.stdout.columns ?? 80 } : undefined),
  env: process.env,
  interrupted: owns ? new AbortController().signal : interruptSignal(),
};
const code = await dispatch(argv, io);
if (code !== undefined) process.exitCode = code;
