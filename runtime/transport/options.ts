// What `connect` accepts, its defaults, and the checks that turn a bad value
// into an ArgumentError before any socket is opened.
import type { ConnectionOptions as TlsConnectionOptions } from "node:tls";
import type { Clock } from "../clock.js";
import { MAX_TIMER_MS, systemClock } from "../clock.js";
import { ArgumentError } from "../errors.js";

/** How long opening a connection may take by default. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Inbound bytes buffered for a slow consumer before the socket is paused. */
export const DEFAULT_INBOUND_HIGH_WATER_MARK = 1024 * 1024;
/** Bytes waiting to be sent (queued or in the socket's buffer) above which the peer is given up as a slow consumer. */
export const DEFAULT_MAX_OUTBOUND_BYTES = 16 * 1024 * 1024;
/** Node's timers overflow above this (about 24.8 days). */
export const MAX_TIMEOUT_MS = MAX_TIMER_MS;

/** Where and how {@link connect} opens a connection: host, port, TLS, time limit, buffer limits. */
export interface TransportOptions {
  host: string;
  port: number;
  /**
   * TLS (the default, `true`) verifies the server's certificate and host name.
   * An object is passed through to `tls.connect` (e.g. `ca`, `servername`,
   * `rejectUnauthorized: false` to disable verification explicitly); `false` is
   * plain TCP.
   */
  tls?: boolean | TlsConnectionOptions;
  /** Limit for DNS + TCP connect + TLS handshake together; default 10 s. */
  connectTimeoutMs?: number;
  /** No inbound bytes for this long closes the connection with SocketDisconnected. Off when absent. */
  idleTimeoutMs?: number;
  /** Cancels the connect attempt (not an established connection: use `close`/`destroy`). */
  signal?: AbortSignal;
  /** TCP_NODELAY: send small writes at once instead of batching them (Nagle); default true. */
  noDelay?: boolean;
  /** Buffered, unconsumed inbound bytes above which reading pauses; default 1 MiB. */
  inboundHighWaterMark?: number;
  /**
   * Outbound bytes that may wait to be sent (queued, or written and not yet
   * taken by the kernel, each write also counting a small fixed cost); a
   * write past it drops the connection as a slow consumer (SlowConsumer).
   * Default 16 MiB.
   */
  maxOutboundBytes?: number;
  /** Timers for the connect and idle timeouts; tests inject a FakeClock. */
  clock?: Clock;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  tls: TlsConnectionOptions | undefined;
  connectTimeoutMs: number;
  idleTimeoutMs: number | undefined;
  signal: AbortSignal | undefined;
  noDelay: boolean;
  inboundHighWaterMark: number;
  maxOutboundBytes: number;
  clock: Clock;
}

/** Fills in defaults; throws ArgumentError naming the bad value and its limit. */
export function resolveOptions(options: TransportOptions): ResolvedOptions {
  const { host, port } = options;
  if (typeof host !== "string" || host.length === 0) {
    throw new ArgumentError(`host must be a non-empty string, got ${JSON.stringify(host)}`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ArgumentError(`port must be an integer in 1..65535, got ${String(port)}`);
  }
  const tls = options.tls ?? true;
  return {
    host,
    port,
    tls: tls === false ? undefined : tls === true ? {} : tls,
    connectTimeoutMs: checkTimeout("connectTimeoutMs", options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS),
    idleTimeoutMs: options.idleTimeoutMs === undefined ? undefined : checkTimeout("idleTimeoutMs", options.idleTimeoutMs),
    signal: options.signal,
    noDelay: options.noDelay ?? true,
    inboundHighWaterMark: checkBytes("inboundHighWaterMark", options.inboundHighWaterMark ?? DEFAULT_INBOUND_HIGH_WATER_MARK),
    maxOutboundBytes: checkBytes("maxOutboundBytes", options.maxOutboundBytes ?? DEFAULT_MAX_OUTBOUND_BYTES),
    clock: options.clock ?? systemClock,
  };
}

function checkTimeout(name: string, ms: number): number {
  if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0 || ms > MAX_TIMEOUT_MS) {
    throw new ArgumentError(`${name} must be a number of milliseconds in (0, ${MAX_TIMEOUT_MS}], got ${String(ms)}`);
  }
  return ms;
}

function checkBytes(name: string, bytes: number): number {
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new ArgumentError(`${name} must be a positive integer number of bytes, got ${String(bytes)}`);
  }
  return bytes;
}
