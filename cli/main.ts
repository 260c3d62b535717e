// Entry point of the `smarkets` command (bin/smarkets.mjs loads its compiled
// form; `npm start` and `npm run exchange` run it under tsx): wires the
// process — arguments, streams, environment, signals — into dispatch().
import { dispatch } from "./dispatch.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";

/**
 * SIGINT/SIGTERM abort the signal once, with the signal's name as its reason
 * (the command finishes cleanly: logs out, or closes the exchange); a second
 * one exits at once. A reader that goes away (`smarkets watch 1 | head`) ends
 * the command the same way instead of crashing it with EPIPE.
 */
function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    controller.abort("EPIPE");
  });
  return controller.signal;
}

const io: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  // A terminal that does not say its size is taken as the classic 80x24.
  terminal: () => (process.stdout.isTTY ? { rows: process.stdout.rows ?? 24, columns: process.stdout.columns ?? 80 } : undefined),
  env: process.env,
  interrupted: interruptSignal(),
};
process.exitCode = await dispatch(process.argv.slice(2), io);
