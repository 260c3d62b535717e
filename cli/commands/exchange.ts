// `smarkets exchange` (also `npm run exchange`): the simulated exchange as a
// process of its own. Prints `listening on HOST:PORT` first, then the
// accounts and markets, and runs until Ctrl-C or SIGTERM, when it logs every
// client out and exits 0. The demo accounts' credentials are printed because
// they are public (a local simulator holding no real money); credentials
// given with --account are never printed.
import { readFileSync } from "node:fs";
import { once } from "node:events";
import * as seto from "../../generated/seto.js";
import type { ExchangeHandle } from "../../exchange/index.js";
import { ArgumentError } from "../../runtime/errors.js";
import { flagCommand, type Command } from "../command.js";
import { EXCHANGE_FLAGS, EXCHANGE_HELP, exchangeArgs, type ExchangeArgs } from "../exchange-args.js";
import { EXIT } from "../exit-codes.js";

export const exchangeCommand: Command = flagCommand({
  name: "exchange",
  summary: "run the simulated exchange until Ctrl-C",
  help: EXCHANGE_HELP,
  flags: EXCHANGE_FLAGS,
  positionals: 0,
  async run(parsed, io) {
    const args = exchangeArgs(parsed);
    const tls = args.tlsKeyFile !== undefined && args.tlsCertFile !== undefined
      ? { key: readPem("--tls-key", args.tlsKeyFile), cert: readPem("--tls-cert", args.tlsCertFile) }
      : undefined;
    // Loaded only now: help and argument errors answer without it.
    const [{ startWarmExchange, DEMO_ACCOUNTS }, { consoleLogger }] = await Promise.all([
      import("../../exchange/index.js"),
      import("../../runtime/logging/index.js"),
    ]);
    const exchange = await startWarmExchange({
      port: args.port,
      host: args.host,
      ...(tls ? { tls } : {}),
      ...(args.accounts ? { accounts: args.accounts } : {}),
      activity: args.activity.live ? { seed: args.activity.seed, intervalMs: args.activity.intervalMs } : false,
      logger: consoleLogger({ level: args.logLevel, stream: io.stderr }),
    });
    const demo = args.accounts === undefined ? DEMO_ACCOUNTS : [];
    io.stdout.write(`listening on ${exchange.address}\n${describe(exchange, args, demo).join("\n")}\n`);
    if (!io.interrupted.aborted) await once(io.interrupted, "abort");
    const why: unknown = io.interrupted.reason;
    io.stderr.write(`smarkets exchange: ${typeof why === "string" ? why : "interrupted"}: closing\n`);
    await exchange.close();
    return EXIT.ok;
  },
});

function readPem(flag: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ArgumentError(`${flag} ${file} cannot be read (${why})`);
  }
}

function describe(exchange: ExchangeHandle, args: ExchangeArgs, demo: readonly { username: string; password: string; token?: string }[]): string[] {
  const lines: string[] = [];
  for (const a of exchange.accounts) {
    const known = demo.find((d) => d.username === a.username);
    const login = known ? `password ${known.password}${known.token ? `, token ${known.token}` : ""}` : `password set${a.hasToken ? ", token set" : ""}`;
    lines.push(`account ${a.username} (${login})`);
  }
  for (const m of exchange.engine.markets()) {
    const contracts = m.contracts.map((c) => `${c.id} ${c.name}`).join(", ");
    lines.push(`market ${m.id} ${JSON.stringify(m.name)} ${seto.marketStateTypeToJSON(m.state)}: contracts ${contracts}`);
  }
  const activity = args.activity.live ? `on (seed ${args.activity.seed}, every ${args.activity.intervalMs} ms)` : "off (the books were filled at start)";
  lines.push(`tls ${exchange.tls ? "on" : "off"}, simulated activity ${activity}`);
  return lines;
}
