// Command-line arguments of scripts/exchange.ts, parsed without side effects
// (files are read by the script), so every mistake is reported the same way.
import { ArgumentError } from "../../runtime/errors.js";
import { isLogLevel, type LogLevel } from "../../runtime/logging/index.js";
import { DEMO_ACCOUNTS, type ExchangeAccount } from "./accounts.js";

export const USAGE = `usage: npx tsx scripts/exchange.ts [options]

A simulated Smarkets exchange speaking the streaming protocol, for local use.

options:
  --port P                 port to listen on (default 3701; 0 for any free port)
  --host H                 address to listen on (default 127.0.0.1: this machine only)
  --account USER:PASSWORD  an account that may log in (repeatable); without any,
                           the demo accounts demo/demo and demo2/demo2 exist
  --token USER:TOKEN       let USER (an --account) also log in with TOKEN
  --balance AMOUNT         starting balance of each account, in currency units (default 10000)
  --tls-key FILE           serve TLS with this private key (PEM) ...
  --tls-cert FILE          ... and this certificate (PEM); plain TCP without both
  --activity               simulated traders place and cancel orders in every market
  --seed N                 seed of the simulated traders (default 1)
  --interval MS            time between rounds of simulated trading (default 1000)
  --log-level LEVEL        debug, info, warn, error or silent (default info; logs go to stderr)
  --help                   show this and exit

The first line on stdout is "listening on HOST:PORT".`;

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  /** Undefined: the demo accounts. */
  readonly accounts: readonly ExchangeAccount[] | undefined;
  readonly tlsKeyFile: string | undefined;
  readonly tlsCertFile: string | undefined;
  readonly activity: { readonly seed: number; readonly intervalMs: number } | false;
  readonly logLevel: LogLevel;
}

export type CliCommand = { readonly kind: "help" } | { readonly kind: "run"; readonly options: CliOptions };

/** Parses `argv` (without node and the script); throws ArgumentError saying what is wrong. */
export function parseExchangeArgs(argv: readonly string[]): CliCommand {
  let port = 3701;
  let host = "127.0.0.1";
  const accounts: { username: string; password: string; token?: string }[] = [];
  const tokens: [string, string][] = [];
  let balance: number | undefined;
  let tlsKeyFile: string | undefined;
  let tlsCertFile: string | undefined;
  let activity = false;
  let seed = 1;
  let intervalMs = 1_000;
  let logLevel: LogLevel = "info";

  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new ArgumentError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--help":
      case "-h":
        return { kind: "help" };
      case "--port":
        port = integer(flag, value(), 0, 65_535);
        break;
      case "--host":
        host = value();
        break;
      case "--account":
        accounts.push(pair(flag, value(), "USER:PASSWORD", (username, password) => ({ username, password })));
        break;
      case "--token":
        tokens.push(pair(flag, value(), "USER:TOKEN", (user, token) => [user, token] as [string, string]));
        break;
      case "--balance":
        balance = Number(value());
        if (!Number.isFinite(balance) || balance < 0) throw new ArgumentError(`--balance must be a non-negative amount, got ${argv[i]}`);
        break;
      case "--tls-key":
        tlsKeyFile = value();
        break;
      case "--tls-cert":
        tlsCertFile = value();
        break;
      case "--activity":
        activity = true;
        break;
      case "--seed":
        seed = integer(flag, value(), 0, 0xffff_ffff);
        break;
      case "--interval":
        intervalMs = integer(flag, value(), 1, 2 ** 31 - 1);
        break;
      case "--log-level": {
        const level = value();
        if (!isLogLevel(level)) throw new ArgumentError(`--log-level must be debug, info, warn, error or silent, got ${level}`);
        logLevel = level;
        break;
      }
      default:
        throw new ArgumentError(`unknown argument ${JSON.stringify(flag)} (see --help)`);
    }
  }
  if ((tlsKeyFile === undefined) !== (tlsCertFile === undefined)) throw new ArgumentError("--tls-key and --tls-cert go together: give both or neither");
  for (const [user, token] of tokens) {
    const account = accounts.find((a) => a.username === user);
    if (account === undefined) throw new ArgumentError(`--token names ${JSON.stringify(user)}, which no --account gives`);
    account.token = token;
  }
  const withBalance = (a: ExchangeAccount): ExchangeAccount => (balance === undefined ? a : { ...a, balance });
  return {
    kind: "run",
    options: {
      port,
      host,
      accounts: accounts.length > 0 ? accounts.map(withBalance) : balance === undefined ? undefined : DEMO_ACCOUNTS.map(withBalance),
      tlsKeyFile,
      tlsCertFile,
      activity: activity ? { seed, intervalMs } : false,
      logLevel,
    },
  };
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new ArgumentError(`${flag} must be an integer in ${min}..${max}, got ${text}`);
  return n;
}

function pair<T>(flag: string, text: string, shape: string, make: (left: string, right: string) => T): T {
  const colon = text.indexOf(":");
  // The value holds a secret: say what is wrong with it without repeating it.
  if (colon <= 0 || colon === text.length - 1) throw new ArgumentError(`${flag} must be ${shape}, with both parts non-empty`);
  return make(text.slice(0, colon), text.slice(colon + 1));
}
