// The flags of `smarkets exchange` (also `npm run exchange`), turned into the
// simulator's options by the CLI's one argument parser. Files are read later,
// by the command, so parsing has no side effects; a flag holding a secret is
// never repeated in a message.
import type { ExchangeAccount } from "../exchange/server/accounts.js";
import { DEMO_ACCOUNTS } from "../exchange/server/accounts.js";
import { ArgumentError } from "../runtime/errors.js";
import { isLogLevel, type LogLevel } from "../runtime/logging/index.js";
import { integerArg, type FlagSpecs, type ParsedArgs } from "./args.js";

export const EXCHANGE_FLAGS = {
  "--port": "value",
  "--host": "value",
  "--account": "list",
  "--token": "list",
  "--balance": "value",
  "--tls-key": "value",
  "--tls-cert": "value",
  "--activity": "switch",
  "--seed": "value",
  "--interval": "value",
  "--log-level": "value",
} as const satisfies FlagSpecs;

export const EXCHANGE_HELP = `usage: smarkets exchange [options]

A simulated Smarkets exchange speaking the streaming protocol, for local use.
It starts with simulated traders' orders in every market (so the books have
depth), prints "listening on HOST:PORT" as its first line, then its accounts
and markets, and runs until Ctrl-C (SIGINT) or SIGTERM, when it logs every
client out and exits 0.

options:
  --port P                 port to listen on (default 3701; 0 for any free port)
  --host H                 address to listen on (default 127.0.0.1: this machine only)
  --account USER:PASSWORD  an account that may log in (repeatable); without any,
                           the demo accounts demo/demo and demo2/demo2 exist
  --token USER:TOKEN       let USER (an --account) also log in with TOKEN (repeatable)
  --balance AMOUNT         starting balance of each account, in currency units (default 10000)
  --tls-key FILE           serve TLS with this private key (PEM) ...
  --tls-cert FILE          ... and this certificate (PEM); plain TCP without both
  --activity               simulated traders keep placing and cancelling orders
  --seed N                 with --activity: seed of the simulated traders (default 1)
  --interval MS            with --activity: time between their rounds (default 1000)
  --log-level LEVEL        debug, info, warn, error or silent (default info; logs go to stderr)

Then, in another terminal, point the other commands at it, e.g.:
  smarkets watch 1 --port 3701 --plain`;

export interface ExchangeArgs {
  readonly port: number;
  readonly host: string;
  /** Undefined: the demo accounts. */
  readonly accounts: readonly ExchangeAccount[] | undefined;
  readonly tlsKeyFile: string | undefined;
  readonly tlsCertFile: string | undefined;
  /** Seed and interval of the simulated traders; they keep trading only when `live`. */
  readonly activity: { readonly live: boolean; readonly seed: number; readonly intervalMs: number };
  readonly logLevel: LogLevel;
}

/** The options of `smarkets exchange`; ArgumentError saying what is wrong. */
export function exchangeArgs(args: ParsedArgs): ExchangeArgs {
  const text = (flag: string): string | undefined => args.values.get(flag);
  const port = text("--port");
  const seed = text("--seed");
  const interval = text("--interval");
  const level = text("--log-level") ?? "info";
  if (!isLogLevel(level)) throw new ArgumentError(`--log-level must be debug, info, warn, error or silent, got ${JSON.stringify(level)}`);
  const tlsKeyFile = text("--tls-key");
  const tlsCertFile = text("--tls-cert");
  if ((tlsKeyFile === undefined) !== (tlsCertFile === undefined)) throw new ArgumentError("--tls-key and --tls-cert go together: give both or neither");
  return {
    port: port === undefined ? 3701 : integerArg("--port", port, 0, 65_535),
    host: text("--host") ?? "127.0.0.1",
    accounts: accountsFrom(args),
    tlsKeyFile,
    tlsCertFile,
    activity: {
      live: args.switches.has("--activity"),
      seed: seed === undefined ? 1 : integerArg("--seed", seed, 0, 0xffff_ffff),
      intervalMs: interval === undefined ? 1_000 : integerArg("--interval", interval, 1, 2 ** 31 - 1),
    },
    logLevel: level,
  };
}

function accountsFrom(args: ParsedArgs): readonly ExchangeAccount[] | undefined {
  const accounts = (args.lists.get("--account") ?? []).map((text) =>
    pair("--account", text, "USER:PASSWORD", (username, password): { username: string; password: string; token?: string } => ({ username, password })),
  );
  for (const text of args.lists.get("--token") ?? []) {
    const [user, token] = pair("--token", text, "USER:TOKEN", (u, t) => [u, t] as const);
    const account = accounts.find((a) => a.username === user);
    if (account === undefined) throw new ArgumentError(`--token names ${JSON.stringify(user)}, which no --account gives`);
    account.token = token;
  }
  const balanceText = args.values.get("--balance");
  const balance = balanceText === undefined ? undefined : Number(balanceText);
  if (balance !== undefined && (!/^\d+(\.\d+)?$/.test(balanceText!) || !Number.isFinite(balance))) {
    throw new ArgumentError(`--balance must be a non-negative amount, got ${JSON.stringify(balanceText)}`);
  }
  const withBalance = (a: ExchangeAccount): ExchangeAccount => (balance === undefined ? a : { ...a, balance });
  if (accounts.length > 0) return accounts.map(withBalance);
  return balance === undefined ? undefined : DEMO_ACCOUNTS.map(withBalance);
}

function pair<T>(flag: string, text: string, shape: string, make: (left: string, right: string) => T): T {
  const colon = text.indexOf(":");
  // The value holds a secret: say what is wrong with it without repeating it.
  if (colon <= 0 || colon === text.length - 1) throw new ArgumentError(`${flag} must be ${shape}, with both parts non-empty`);
  return make(text.slice(0, colon), text.slice(colon + 1));
}
