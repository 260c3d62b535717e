// Opens the session a client command (the demo included) works in: starts
// the embedded simulator when no exchange was named, logs in, runs the
// command, and always leaves cleanly (logout, then the simulator closed),
// even after Ctrl-C.
//
// The client and the simulator are loaded when needed, not with the command:
// help and argument errors then answer at once, and a command pointed at an
// exchange does not load the simulator at all.
import type { ExchangeHandle } from "../exchange/index.js";
import type { StreamingAPIClient } from "../runtime/client/index.js";
import { consoleLogger } from "../runtime/logging/index.js";
import type { LoginInfo } from "../runtime/session/login.js";
import { describeEndpoint, type ConnectionArgs, type Endpoint } from "./connection-args.js";
import type { Io } from "./io.js";

export interface SessionOptions {
  /** Have the exchange resend the account's events from this account sequence on (seto login). */
  readonly accountSequence?: bigint;
  /** Called before the login, e.g. to add handlers that must see what comes straight after it. */
  readonly beforeLogin?: (client: StreamingAPIClient) => void;
  /**
   * Whether an embedded simulator's traders keep trading while the command
   * runs (default true); its books are filled at start either way.
   */
  readonly liveActivity?: boolean;
  /** Say nothing on stderr about starting an embedded simulator (the command says it itself). */
  readonly quiet?: boolean;
}

export interface CliSession {
  readonly client: StreamingAPIClient;
  /** Where we are connected, e.g. "127.0.0.1:3701 (plain TCP)". */
  readonly where: string;
  /** The account's user name; undefined when logged in with a token. */
  readonly username: string | undefined;
  /** The --timeout, for each request. */
  readonly timeoutMs: number;
  /** What the login answered. */
  readonly login: LoginInfo;
  /** The simulator started for this command, when no exchange was named. */
  readonly embedded: ExchangeHandle | undefined;
}

/** Where to connect. */
type Target = Pick<Extract<Endpoint, { kind: "remote" }>, "host" | "port" | "tls">;

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export async function withSession<T>(conn: ConnectionArgs, io: Io, options: SessionOptions, body: (session: CliSession) => Promise<T>): Promise<T> {
  const endpoint = conn.endpoint;
  const { target, exchange } = endpoint.kind === "remote" ? { target: endpoint, exchange: undefined } : await embeddedExchange(io, options);
  try {
    if (!exchange && conn.credentialSource === "demo" && !LOOPBACK.has(target.host)) {
      io.stderr.write(`note: no credentials given (--user/--password, SMARKETS_USERNAME/SMARKETS_PASSWORD or SMARKETS_TOKEN): trying the simulator's demo account\n`);
    }
    const { StreamingAPIClient } = await import("../runtime/client/index.js");
    const client = new StreamingAPIClient(
      {
        ...conn.credentials,
        host: target.host,
        port: target.port,
        tls: target.tls,
        connectTimeoutMs: conn.timeoutMs,
        loginTimeoutMs: conn.timeoutMs,
        ...(options.accountSequence === undefined ? {} : { accountSequence: options.accountSequence }),
      },
      // Errors only: what goes wrong with the command is reported by the command itself, once.
      { logger: consoleLogger({ level: "error", stream: io.stderr }), trading: { requestTimeoutMs: conn.timeoutMs } },
    );
    try {
      options.beforeLogin?.(client);
      const login = await client.login({ signal: io.interrupted, timeoutMs: conn.timeoutMs });
      const username = "username" in conn.credentials ? conn.credentials.username : undefined;
      const where = describeEndpoint(target.host, target.port, target.tls);
      return await body({ client, where, username, timeoutMs: conn.timeoutMs, login, embedded: exchange });
    } finally {
      // Logs out when logged in (the exchange then ends the session for good;
      // at most --timeout for its confirmation), otherwise just closes.
      await client[Symbol.asyncDispose]();
    }
  } finally {
    await exchange?.close();
  }
}

/** A simulator on an ephemeral loopback port, plain TCP, its books filled by simulated traders. */
async function embeddedExchange(io: Io, options: SessionOptions): Promise<{ target: Target; exchange: ExchangeHandle }> {
  const [{ startWarmExchange }, { silentLogger }] = await Promise.all([import("../exchange/index.js"), import("../runtime/logging/index.js")]);
  const live = options.liveActivity ?? true;
  const exchange = await startWarmExchange({ logger: silentLogger, activity: live ? { seed: 1, intervalMs: 1_000 } : false });
  if (options.quiet !== true) io.stderr.write(`note: no --host or --port: using a simulator started for this command only, at ${exchange.address}\n`);
  return { target: { host: exchange.host, port: exchange.port, tls: false }, exchange };
}
