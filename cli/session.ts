// Opens the session a client command works in: starts the embedded simulator
// when no exchange was named, logs in, runs the command, and always leaves
// cleanly (logout, then the simulator closed), even after Ctrl-C.
//
// The client and the simulator are loaded when needed, not with the command:
// help and argument errors then answer at once, and a command pointed at an
// exchange does not load the simulator at all.
import type { ExchangeHandle } from "../exchange/index.js";
import type { StreamingAPIClient } from "../runtime/client/index.js";
import { consoleLogger } from "../runtime/logging/index.js";
import { describeEndpoint, type ConnectionArgs, type Endpoint } from "./connection-args.js";
import type { Io } from "./io.js";

export interface SessionOptions {
  /** Have the exchange resend the account's events from this account sequence on (seto login). */
  readonly accountSequence?: bigint;
  /** Called before the login, e.g. to add handlers that must see what comes straight after it. */
  readonly beforeLogin?: (client: StreamingAPIClient) => void;
}

export interface CliSession {
  readonly client: StreamingAPIClient;
  /** Where we are connected, e.g. "127.0.0.1:3701 (plain TCP)". */
  readonly where: string;
  /** The account's user name; undefined when logged in with a token. */
  readonly username: string | undefined;
  /** The --timeout, for each request. */
  readonly timeoutMs: number;
}

/** Where to connect. */
type Target = Pick<Extract<Endpoint, { kind: "remote" }>, "host" | "port" | "tls">;

/** Rounds of simulated trading run before an embedded simulator is used, so its books have depth. */
const WARM_UP_ROUNDS = 40;
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export async function withSession<T>(conn: ConnectionArgs, io: Io, options: SessionOptions, body: (session: CliSession) => Promise<T>): Promise<T> {
  const endpoint = conn.endpoint;
  const { target, exchange } = endpoint.kind === "remote" ? { target: endpoint, exchange: undefined } : await embeddedExchange(io);
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
      await client.login({ signal: io.interrupted, timeoutMs: conn.timeoutMs });
      const username = "username" in conn.credentials ? conn.credentials.username : undefined;
      return await body({ client, where: describeEndpoint(target.host, target.port, target.tls), username, timeoutMs: conn.timeoutMs });
    } finally {
      await leave(client, conn.timeoutMs);
    }
  } finally {
    await exchange?.close();
  }
}

/** Logs out when logged in (the exchange then ends the session for good); otherwise just closes. */
async function leave(client: StreamingAPIClient, timeoutMs: number): Promise<void> {
  if (client.state !== "logged-in") {
    await client.close();
    return;
  }
  try {
    await client.logout({ timeoutMs });
  } catch {
    // No confirmation in time, or the connection went: close without one.
    await client.close();
  }
}

/** A simulator on an ephemeral loopback port, plain TCP, with simulated traders. */
async function embeddedExchange(io: Io): Promise<{ target: Target; exchange: ExchangeHandle }> {
  const [{ startExchange }, { silentLogger }] = await Promise.all([import("../exchange/index.js"), import("../runtime/logging/index.js")]);
  const exchange = await startExchange({ logger: silentLogger, activity: { seed: 1, intervalMs: 1_000 } });
  for (let i = 0; i < WARM_UP_ROUNDS; i++) exchange.stepActivity();
  io.stderr.write(`note: no --host or --port: using a simulator started for this command only, at ${exchange.address}\n`);
  return { target: { host: exchange.host, port: exchange.port, tls: false }, exchange };
}
