// `npx tsx scripts/exchange.ts`: the simulated exchange as a standalone
// process. Prints `listening on HOST:PORT` first, then the accounts and
// markets, and runs until SIGINT or SIGTERM. The demo accounts' credentials
// are printed because they are public (this is a local simulator holding no
// real money); credentials given with --account are never printed.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as seto from "../generated/seto.js";
import { ArgumentError } from "../runtime/errors.js";
import { consoleLogger } from "../runtime/logging/index.js";
import { DEMO_ACCOUNTS, startExchange, type ExchangeHandle } from "../exchange/index.js";
import { parseExchangeArgs, USAGE, type CliOptions } from "../exchange/server/cli-args.js";

function fail(message: string): never {
  process.stderr.write(`exchange: ${message}\n`);
  process.exit(2);
}

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    fail(`${flag} ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function describe(exchange: ExchangeHandle, options: CliOptions): string[] {
  const lines: string[] = [];
  for (const a of exchange.accounts) {
    const demo = options.accounts === undefined ? DEMO_ACCOUNTS.find((d) => d.username === a.username) : undefined;
    const login = demo ? `password ${demo.password}${demo.token ? `, token ${demo.token}` : ""}` : `password set${a.hasToken ? ", token set" : ""}`;
    lines.push(`account ${a.username} (${login})`);
  }
  for (const m of exchange.engine.markets()) {
    const contracts = m.contracts.map((c) => `${c.id} ${c.name}`).join(", ");
    lines.push(`market ${m.id} ${JSON.stringify(m.name)} ${seto.marketStateTypeToJSON(m.state)}: contracts ${contracts}`);
  }
  lines.push(`tls ${exchange.tls ? "on" : "off"}, simulated activity ${options.activity === false ? "off" : "on"}`);
  return lines;
}

/** Runs the standalone simulator with command-line `argv` (also `smarkets exchange`). */
export async function runExchange(argv: readonly string[]): Promise<void> {
  let options: CliOptions;
  try {
    const command = parseExchangeArgs([...argv]);
    if (command.kind === "help") {
      process.stdout.write(`${USAGE}\n`);
      return;
    }
    options = command.options;
  } catch (e) {
    if (e instanceof ArgumentError) fail(`${e.message}\n${USAGE}`);
    throw e;
  }
  const tls =
    options.tlsKeyFile !== undefined && options.tlsCertFile !== undefined
      ? { key: readPem("--tls-key", options.tlsKeyFile), cert: readPem("--tls-cert", options.tlsCertFile) }
      : undefined;
  let exchange: ExchangeHandle;
  try {
    exchange = await startExchange({
      port: options.port,
      host: options.host,
      ...(tls ? { tls } : {}),
      ...(options.accounts ? { accounts: options.accounts } : {}),
      activity: options.activity,
      logger: consoleLogger({ level: options.logLevel }),
    });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  // Handlers go in before the first line is printed: whoever reads it may signal at once.
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`exchange: ${signal}: closing\n`);
    exchange.close().then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`exchange: closing failed: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.stdout.write(`listening on ${exchange.address}\n${describe(exchange, options).join("\n")}\n`);
}

// Run as a script (not imported by the CLI).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runExchange(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`exchange: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
