// Turns what a command threw into a message on stderr and an exit status:
// wrong arguments 2, anything the session or the network did 1, an
// interruption 130. Only the typed error's message is printed: the library's
// messages name the offending value and never hold credentials.
import { AbortedError, ArgumentError, ConnectionError, SmarketsError } from "../runtime/errors.js";
import { OrderValidationError } from "../runtime/trading/errors.js";
import { EXIT, type ExitCode } from "./exit-codes.js";
import type { Out } from "./io.js";

export function reportError(command: string, error: unknown, stderr: Out, interrupted: boolean): ExitCode {
  const prefix = `smarkets ${command}`;
  if (error instanceof ArgumentError || error instanceof OrderValidationError) {
    const see = error.message.includes("--help") ? "" : `\n(see "smarkets ${command} --help")`;
    stderr.write(`${prefix}: ${error.message}${see}\n`);
    return EXIT.usage;
  }
  if (error instanceof AbortedError && interrupted) {
    stderr.write(`${prefix}: interrupted\n`);
    return EXIT.interrupted;
  }
  if (error instanceof SmarketsError) {
    stderr.write(`${prefix}: ${error.message}${hint(error)}\n`);
    return EXIT.failure;
  }
  stderr.write(`${prefix}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}

function hint(error: SmarketsError): string {
  if (error instanceof ConnectionError && /TLS|SSL|socket hang up|ECONNRESET/i.test(error.message)) {
    return '\n(if the exchange speaks plain TCP, as "smarkets exchange" does by default, add --plain)';
  }
  return "";
}
