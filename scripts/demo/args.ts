// Command line of `npm start`: the embedded exchange by default, or a real
// endpoint with --host/--port, credentials from the environment.
import { ArgumentError } from "../../runtime/errors.js";

export interface DemoArgs {
  /** Undefined: start the embedded simulated exchange. */
  host: string | undefined;
  port: number;
  tls: boolean;
  marketId: number;
  credentials: { username: string; password: string } | { token: string } | undefined;
  help: boolean;
}

export const DEMO_USAGE = `usage: npm start -- [--host HOST] [--port PORT] [--plain] [--market ID]

Runs a short scripted session: login, ping, subscribe and show a book, place an
order, see it accepted and executed, cancel the rest, logout.

Without --host it starts the embedded simulated exchange on an ephemeral
loopback port and trades there. With --host it connects to that endpoint
(TLS unless --plain), with credentials from SMARKETS_USERNAME and
SMARKETS_PASSWORD, or SMARKETS_TOKEN.

  --host HOST    exchange to connect to (default: embedded simulator)
  --port PORT    its port (default 3701)
  --plain        plain TCP instead of TLS (only for endpoints without TLS)
  --market ID    market to subscribe to and trade in (default 1)
  --help         this text`;

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max) {
    throw new ArgumentError(`${flag} needs a whole number from ${min} to ${max}, got ${value === undefined ? "nothing" : JSON.stringify(value)}`);
  }
  return n;
}

export function parseDemoArgs(argv: readonly string[], env: NodeJS.ProcessEnv): DemoArgs {
  const args: DemoArgs = { host: undefined, port: 3701, tls: true, marketId: 1, credentials: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--plain") args.tls = false;
    else if (flag === "--host") {
      const v = argv[++i];
      if (!v || v.startsWith("--")) throw new ArgumentError("--host needs a host name or address");
      args.host = v;
    } else if (flag === "--port") args.port = integer(flag, argv[++i], 1, 65535);
    else if (flag === "--market") args.marketId = integer(flag, argv[++i], 1, 0xffff_ffff);
    else throw new ArgumentError(`unknown argument ${JSON.stringify(flag)} (try --help)`);
  }
  if (args.host !== undefined) {
    if (env.SMARKETS_TOKEN) args.credentials = { token: env.SMARKETS_TOKEN };
    else if (env.SMARKETS_USERNAME && env.SMARKETS_PASSWORD) {
      args.credentials = { username: env.SMARKETS_USERNAME, password: env.SMARKETS_PASSWORD };
    } else if (!args.help) {
      throw new ArgumentError("with --host, set SMARKETS_USERNAME and SMARKETS_PASSWORD, or SMARKETS_TOKEN");
    }
  }
  return args;
}
