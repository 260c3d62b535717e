// startExchange: a simulated Smarkets exchange listening on a real socket,
// speaking the real protocol. Loopback and an ephemeral port by default.
import type { CommandResult, ExchangeEngine, MarketStateCommand } from "../engine/index.js";
import { formatAddress } from "../../runtime/transport/tls-config.js";
import { Exchange } from "./exchange.js";
import type { FaultInjector } from "./faults.js";
import { listen } from "./listener.js";
import { resolveExchangeOptions, type ExchangeOptions } from "./options.js";
import { sessionsView, type SessionsView } from "./sessions-view.js";

/** How long close() lets clients read their logout before their connections are cut. */
const SHUTDOWN_GRACE_MS = 1_000;

/** An account of a running exchange, without its secrets. */
export interface ExchangeAccountInfo {
  readonly username: string;
  readonly accountId: number;
  /** Whether the account can also log in with a token. */
  readonly hasToken: boolean;
}

/** A running simulated exchange, as {@link startExchange} returns it: where it listens, its engine, sessions and fault injection, and `close()`. */
export interface ExchangeHandle {
  readonly host: string;
  readonly port: number;
  /** `host:port` (IPv6 hosts bracketed). */
  readonly address: string;
  readonly tls: boolean;
  readonly engine: ExchangeEngine;
  readonly accounts: readonly ExchangeAccountInfo[];
  readonly sessions: SessionsView;
  readonly faults: FaultInjector;
  /** Starts or stops simulated trading. */
  setActivity(on: boolean): void;
  /** One round of simulated trading now, whether or not it is on. */
  stepActivity(): void;
  /** Publishes the events of a command run directly on `engine`, as if a client had caused them. */
  publish(result: CommandResult): void;
  /** Changes a market's state and tells subscribers (orders it ends are cancelled and announced). */
  setMarketState(cmd: MarketStateCommand): CommandResult;
  /** Logs every client out (LOGOUT_DOWNTIME), closes every connection and stops listening. */
  close(): Promise<void>;
  /** `await using exchange = await startExchange()`: closes it at the end of the scope, as `close()`. */
  [Symbol.asyncDispose](): Promise<void>;
}

/** Starts listening. Rejects with ArgumentError for bad options, ConnectionError if it cannot listen. */
export async function startExchange(options?: ExchangeOptions): Promise<ExchangeHandle> {
  const o = resolveExchangeOptions(options);
  const exchange = new Exchange(o);
  const listening = await listen(o, (socket) => exchange.accept(socket), o.logger);
  if (o.activity !== false) exchange.activity.start();
  o.logger.info({ address: formatAddress(listening.host, listening.port), tls: o.tls !== undefined }, "exchange listening");
  let closing: Promise<void> | undefined;

  const close = async (): Promise<void> => {
    exchange.shutdown();
    const serverClosed = new Promise<void>((resolve) => listening.server.close(() => resolve()));
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      exchange.whenNoConnections(),
      new Promise<void>((resolve) => {
        grace = setTimeout(resolve, SHUTDOWN_GRACE_MS);
        grace.unref();
      }),
    ]);
    clearTimeout(grace);
    for (const link of exchange.links) link.drop("the exchange closed");
    await serverClosed;
    o.logger.info("exchange closed");
  };

  return {
    host: listening.host,
    port: listening.port,
    address: formatAddress(listening.host, listening.port),
    tls: o.tls !== undefined,
    engine: exchange.engine,
    accounts: o.accounts.map((a, i) => ({ username: a.username, accountId: exchange.accountIds[i] as number, hasToken: a.token !== undefined })),
    sessions: sessionsView(exchange.sessions, () => exchange.links.size, (s) => s.dropConnection("disconnected by the operator"), () => exchange.stats()),
    faults: exchange.faults,
    setActivity: (on) => (on ? exchange.activity.start() : exchange.activity.stop()),
    stepActivity: () => exchange.activity.step(),
    publish: (result) => exchange.publisher.publish(result.events),
    setMarketState: (cmd) => {
      const result = exchange.engine.setMarketState(cmd);
      exchange.publisher.publish(result.events);
      return result;
    },
    close: () => (closing ??= close()),
    [Symbol.asyncDispose]: () => (closing ??= close()),
  };
}

/** Rounds of simulated trading a warmed-up exchange has had: enough for books several levels deep. */
export const WARM_UP_ROUNDS = 40;

/**
 * Starts an exchange (as {@link startExchange}) and runs {@link WARM_UP_ROUNDS}
 * rounds of simulated trading at once, so every open market has depth on both
 * sides from the first subscribe, whether or not `options.activity` keeps the
 * simulated traders at work afterwards. This is the exchange the `smarkets`
 * commands, the demo and `smarkets exchange` run.
 */
export async function startWarmExchange(options?: ExchangeOptions): Promise<ExchangeHandle> {
  const exchange = await startExchange(options);
  for (let i = 0; i < WARM_UP_ROUNDS; i++) exchange.stepActivity();
  return exchange;
}
