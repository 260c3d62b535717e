// What startExchange accepts, its defaults, and the checks that turn a bad
// value into an ArgumentError before any socket is opened.
import { systemClock, type Clock } from "../../runtime/clock.js";
import { ArgumentError } from "../../runtime/errors.js";
import { MAX_FRAME_SIZE_LIMIT } from "../../runtime/framing/index.js";
import { silentLogger, type Logger } from "../../runtime/logging/index.js";
import type { CatalogueSpec } from "../engine/index.js";
import { resolveAccounts, type ExchangeAccount, type ResolvedAccount } from "./accounts.js";
import { describeValue, durationOption, integerOption, orderIdOption } from "./option-checks.js";

/** The request limits the exchange enforces per session and announces after login (seto throttle-limits-changed). */
export interface ThrottleOptions {
  /** Requests per second a session may send on average. */
  readonly averageRatePs: number;
  /** Requests a session may send at once after a quiet spell. */
  readonly burstSize: number;
  /** Allowance is refilled in steps of this many milliseconds. */
  readonly tickMs: number;
}

/** Seeded simulated trading: the simulated traders' seed and the time between their rounds. */
export interface ActivityOptions {
  /** Seed of the simulated traders (same seed, same market: same orders). */
  readonly seed: number;
  /** Time between two steps of simulated trading. */
  readonly intervalMs: number;
}

/** A PEM private key and certificate: the exchange then serves TLS instead of plain TCP. */
export interface TlsOptions {
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
}

/** What {@link startExchange} accepts; every option has a default (loopback, an ephemeral port, plain TCP, the demo accounts, market 1). */
export interface ExchangeOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default "127.0.0.1": loopback only. */
  host?: string;
  /** Serve TLS with this key and certificate; plain TCP without. */
  tls?: TlsOptions;
  /** Who may log in; default DEMO_ACCOUNTS (demo/demo and demo2/demo2). */
  accounts?: readonly ExchangeAccount[];
  /** Events, markets, contracts; default market 1 (open) with contracts 1 and 2. */
  catalogue?: CatalogueSpec;
  /** Timers and timestamps; tests pass a FakeClock. */
  clock?: Clock;
  /** Send a heartbeat to a client we have sent nothing to for this long. Default 30 000. */
  heartbeatIntervalMs?: number;
  /** A logged-in client silent this long is logged out (LOGOUT_HEARTBEAT_TIMEOUT). Default 90 000. */
  deadAfterMs?: number;
  /** A connection that has not logged in this long is logged out (LOGOUT_LOGIN_TIMEOUT). Default 10 000. */
  loginTimeoutMs?: number;
  /** Ask again for a replay that made no progress for this long. Default 5 000. */
  replayTimeoutMs?: number;
  /** A session left without logout and not resumed within this long ends. Default 3 600 000. */
  sessionExpiryMs?: number;
  /** Per-session request limits, announced after login. Default 50/s, burst 100, tick 100 ms. */
  throttle?: ThrottleOptions;
  /** Seeded simulated trading in every open market; default off. */
  activity?: ActivityOptions | false;
  /** Sent payloads kept per session for replays. Default 10 000. */
  outgoingStoreSize?: number;
  /**
   * Bytes of sent payloads kept per session for replays (each counted with
   * its bookkeeping, see STORED_ENTRY_OVERHEAD); the oldest go first. Default 4 MiB.
   */
  outgoingStoreBytes?: number;
  /**
   * Sessions one account may have, connected or waiting to be resumed. A new
   * login beyond it ends the account's session that has waited longest; if
   * all are connected, the login is refused (LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE). Default 8.
   */
  maxSessionsPerAccount?: number;
  /** Sessions over all accounts, with the same policy. Default 64. */
  maxSessions?: number;
  /** Connections open at once, logged in or not; one more is refused (LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE). Default 1 000. */
  maxConnections?: number;
  /** Live orders one account may have; one more is rejected with CAPACITY_REACHED. Default 10 000. */
  maxLiveOrdersPerAccount?: number;
  /** Price levels per side that quotes show, as Smarkets does. Default 5. */
  quoteDepth?: number;
  /** The first order id handed out (then counting up). Default 1. */
  firstOrderId?: bigint;
  /** Largest frame accepted from a client, in bytes (client requests are small). Default 64 KiB. */
  maxFrameSize?: number;
  /** A client that leaves more than this many bytes unread is disconnected (its session waits). Default 4 MiB. */
  maxBufferedOutBytes?: number;
  logger?: Logger;
}

export interface ResolvedExchangeOptions {
  readonly port: number;
  readonly host: string;
  readonly tls: TlsOptions | undefined;
  readonly accounts: readonly ResolvedAccount[];
  readonly catalogue: CatalogueSpec | undefined;
  readonly clock: Clock;
  readonly heartbeatIntervalMs: number;
  readonly deadAfterMs: number;
  readonly loginTimeoutMs: number;
  readonly replayTimeoutMs: number;
  readonly sessionExpiryMs: number;
  readonly throttle: ThrottleOptions;
  readonly activity: ActivityOptions | false;
  readonly outgoingStoreSize: number;
  readonly outgoingStoreBytes: number;
  readonly maxSessionsPerAccount: number;
  readonly maxSessions: number;
  readonly maxConnections: number;
  readonly maxLiveOrdersPerAccount: number;
  readonly quoteDepth: number;
  readonly firstOrderId: bigint;
  readonly maxFrameSize: number;
  readonly maxBufferedOutBytes: number;
  readonly logger: Logger;
}

/** The defaults {@link startExchange} fills in for options not given. */
export const EXCHANGE_DEFAULTS = {
  port: 0,
  host: "127.0.0.1",
  heartbeatIntervalMs: 30_000,
  deadAfterMs: 90_000,
  loginTimeoutMs: 10_000,
  replayTimeoutMs: 5_000,
  sessionExpiryMs: 3_600_000,
  throttle: { averageRatePs: 50, burstSize: 100, tickMs: 100 },
  outgoingStoreSize: 10_000,
  outgoingStoreBytes: 4 * 1024 * 1024,
  maxSessionsPerAccount: 8,
  maxSessions: 64,
  maxConnections: 1_000,
  maxLiveOrdersPerAccount: 10_000,
  quoteDepth: 5,
  firstOrderId: 1n,
  maxFrameSize: 64 * 1024,
  maxBufferedOutBytes: 4 * 1024 * 1024,
} as const;

/** Checks `o` and fills in defaults. Throws ArgumentError naming the first bad option. */
export function resolveExchangeOptions(o: ExchangeOptions = {}): ResolvedExchangeOptions {
  if (o === null || typeof o !== "object") throw new ArgumentError(`exchange options must be an object, got ${describeValue(o)}`);
  const d = EXCHANGE_DEFAULTS;
  const host = o.host ?? d.host;
  if (typeof host !== "string" || host === "") throw new ArgumentError(`host must be a non-empty string, got ${describeValue(host)}`);
  const heartbeatIntervalMs = durationOption("heartbeatIntervalMs", o.heartbeatIntervalMs, d.heartbeatIntervalMs);
  const deadAfterMs = durationOption("deadAfterMs", o.deadAfterMs, d.deadAfterMs);
  if (deadAfterMs <= heartbeatIntervalMs) {
    // Our heartbeat draws the client's answer; silence shorter than one interval is normal.
    throw new ArgumentError(`deadAfterMs (${deadAfterMs}) must exceed heartbeatIntervalMs (${heartbeatIntervalMs})`);
  }
  return {
    port: integerOption("port", o.port, d.port, 0, 65_535),
    host,
    tls: resolveTls(o.tls),
    accounts: resolveAccounts(o.accounts),
    catalogue: o.catalogue,
    clock: o.clock ?? systemClock,
    heartbeatIntervalMs,
    deadAfterMs,
    loginTimeoutMs: durationOption("loginTimeoutMs", o.loginTimeoutMs, d.loginTimeoutMs),
    replayTimeoutMs: durationOption("replayTimeoutMs", o.replayTimeoutMs, d.replayTimeoutMs),
    sessionExpiryMs: durationOption("sessionExpiryMs", o.sessionExpiryMs, d.sessionExpiryMs),
    throttle: resolveThrottle(o.throttle ?? d.throttle),
    activity: resolveActivity(o.activity ?? false),
    outgoingStoreSize: integerOption("outgoingStoreSize", o.outgoingStoreSize, d.outgoingStoreSize, 1, 100_000_000),
    outgoingStoreBytes: integerOption("outgoingStoreBytes", o.outgoingStoreBytes, d.outgoingStoreBytes, 1024, Number.MAX_SAFE_INTEGER),
    maxSessionsPerAccount: integerOption("maxSessionsPerAccount", o.maxSessionsPerAccount, d.maxSessionsPerAccount, 1, 1_000_000),
    maxSessions: integerOption("maxSessions", o.maxSessions, d.maxSessions, 1, 1_000_000),
    maxConnections: integerOption("maxConnections", o.maxConnections, d.maxConnections, 1, 1_000_000),
    maxLiveOrdersPerAccount: integerOption("maxLiveOrdersPerAccount", o.maxLiveOrdersPerAccount, d.maxLiveOrdersPerAccount, 1, 100_000_000),
    quoteDepth: integerOption("quoteDepth", o.quoteDepth, d.quoteDepth, 1, 1_000),
    firstOrderId: orderIdOption("firstOrderId", o.firstOrderId, d.firstOrderId),
    maxFrameSize: integerOption("maxFrameSize", o.maxFrameSize, d.maxFrameSize, 16, MAX_FRAME_SIZE_LIMIT),
    maxBufferedOutBytes: integerOption("maxBufferedOutBytes", o.maxBufferedOutBytes, d.maxBufferedOutBytes, 1024, Number.MAX_SAFE_INTEGER),
    logger: o.logger ?? silentLogger,
  };
}

function resolveTls(tls: TlsOptions | undefined): TlsOptions | undefined {
  if (tls === undefined) return undefined;
  const pem = (v: unknown): boolean => (typeof v === "string" && v !== "") || (Buffer.isBuffer(v) && v.length > 0);
  if (tls === null || typeof tls !== "object" || !pem(tls.key) || !pem(tls.cert)) {
    throw new ArgumentError("tls must be { key, cert } with both a non-empty PEM string or Buffer");
  }
  return { key: tls.key, cert: tls.cert };
}

function resolveThrottle(t: ThrottleOptions): ThrottleOptions {
  if (t === null || typeof t !== "object") throw new ArgumentError(`throttle must be an object, got ${describeValue(t)}`);
  // The limits travel as uint32 in throttle-limits-changed.
  const max = 0xffff_ffff;
  return {
    averageRatePs: integerOption("throttle.averageRatePs", t.averageRatePs, undefined, 1, max),
    burstSize: integerOption("throttle.burstSize", t.burstSize, undefined, 1, max),
    tickMs: integerOption("throttle.tickMs", t.tickMs, undefined, 1, 2 ** 31 - 1),
  };
}

function resolveActivity(a: ActivityOptions | false): ActivityOptions | false {
  if (a === false) return false;
  if (a === null || typeof a !== "object") throw new ArgumentError(`activity must be { seed, intervalMs } or false, got ${describeValue(a)}`);
  return {
    seed: integerOption("activity.seed", a.seed, undefined, 0, 0xffff_ffff),
    intervalMs: durationOption("activity.intervalMs", a.intervalMs, undefined),
  };
}
