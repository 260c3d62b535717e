// Connection and session settings: what a user passes, checked and completed
// with defaults in one place so every layer below sees sound values.
import type { ConnectionOptions } from "node:tls";
import { ArgumentError } from "../errors.js";
import { fromSeedNames } from "./seed-settings.js";

/** Where and how to connect and log in: credentials or token, host, port, TLS, timeouts, heartbeats, frame size, resume state. */
export interface SessionSettings {
  /** Account user name; needed with `password`. */
  username?: string;
  password?: string;
  /** Session token, sent as the seto login `cookie` (UTF-8), instead of username/password. */
  token?: string;
  /** Default "api.smarkets.com". */
  host?: string;
  /** Default 3701. */
  port?: number;
  /** TLS on (true, the default), off, or node `tls.connect` options to use. */
  tls?: boolean | ConnectionOptions;
  /** Give up connecting after this long. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Give up waiting for the login response after this long. Default 10 000 ms. */
  loginTimeoutMs?: number;
  /** ping() rejects with TimeoutError when no pong came within this long (unless the call sets `timeoutMs`). Default 10 000 ms. */
  pingTimeoutMs?: number;
  /** logout() rejects with TimeoutError when no confirmation came within this long (the connection is closed all the same). Default 10 000 ms. */
  logoutTimeoutMs?: number;
  /** Send a heartbeat after this long without sending anything. Default 30 000 ms. */
  heartbeatIntervalMs?: number;
  /** Declare the connection dead after this long without receiving anything; must exceed the heartbeat interval. Default 90 000 ms. */
  deadAfterMs?: number;
  /** Ask again for a replay that has made no progress for this long. Default 5 000 ms. */
  replayTimeoutMs?: number;
  /** Incoming payloads held while waiting for a gap to fill; beyond it the newest are dropped (a replay brings them again). Default 10 000. */
  maxHeldPayloads?: number;
  /** Bytes of incoming payloads held while waiting for a gap to fill; a payload that does not fit is dropped (the replay brings it again). Default 16 MiB. */
  maxHeldBytes?: number;
  /**
   * Payloads on one connection that do not decode or break the protocol
   * (each reported on `errors()`) before the client drops the connection
   * with a ProtocolError; the reconnect policy then applies. Default 100.
   */
  maxPeerFaults?: number;
  /** Sent payloads kept for serving the peer's replay requests. Default 10 000. */
  outgoingStoreSize?: number;
  /** Bytes of sent payloads kept for replays; beyond it (or `outgoingStoreSize`) the oldest are evicted. Default 16 MiB. */
  outgoingStoreBytes?: number;
  /** Most bytes written in answer to one replay request from the peer; it asks again for the rest. Default 8 MiB. */
  maxReplayBytes?: number;
  /** Most payloads (resent, or gapfills for seqs no longer held) written in answer to one replay request; it asks again for the rest. Default 100 000. */
  maxReplayPayloads?: number;
  /** Largest frame accepted from the peer, in bytes. Default 16 MiB. */
  maxFrameSize?: number;
  /** Bytes that may wait to be sent to a peer not reading them (queued or in the socket's buffer); beyond it the connection is dropped as a slow consumer (SlowConsumer). Default 16 MiB. */
  maxOutboundBytes?: number;
  /** Resume this earlier session instead of starting a new one. */
  sessionId?: string;
  /** With `sessionId`: the next incoming seq expected when the session was left. */
  inSeq?: bigint;
  /** With `sessionId`: the next outgoing seq when the session was left. */
  outSeq?: bigint;
  /** Ask the exchange to resend account events from this account sequence on (seto login `account_sequence_64`). */
  accountSequence?: bigint;
}

/** Settings with every default filled in. */
export interface ResolvedSessionSettings {
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly token: string | undefined;
  readonly host: string;
  readonly port: number;
  readonly tls: boolean | ConnectionOptions;
  readonly connectTimeoutMs: number;
  readonly loginTimeoutMs: number;
  readonly pingTimeoutMs: number;
  readonly logoutTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly deadAfterMs: number;
  readonly replayTimeoutMs: number;
  readonly maxHeldPayloads: number;
  readonly maxHeldBytes: number;
  readonly maxPeerFaults: number;
  readonly outgoingStoreSize: number;
  readonly outgoingStoreBytes: number;
  readonly maxReplayBytes: number;
  readonly maxReplayPayloads: number;
  readonly maxFrameSize: number;
  readonly maxOutboundBytes: number;
  readonly sessionId: string | undefined;
  /** 1 for a new session. */
  readonly inSeq: bigint;
  /** 1 for a new session. */
  readonly outSeq: bigint;
  readonly accountSequence: bigint | undefined;
}

/** The defaults of the {@link SessionSettings} not given. */
export const SESSION_DEFAULTS = {
  host: "api.smarkets.com",
  port: 3701,
  tls: true,
  connectTimeoutMs: 10_000,
  loginTimeoutMs: 10_000,
  pingTimeoutMs: 10_000,
  logoutTimeoutMs: 10_000,
  heartbeatIntervalMs: 30_000,
  deadAfterMs: 90_000,
  replayTimeoutMs: 5_000,
  maxHeldPayloads: 10_000,
  maxHeldBytes: 16 * 1024 * 1024,
  maxPeerFaults: 100,
  outgoingStoreSize: 10_000,
  outgoingStoreBytes: 16 * 1024 * 1024,
  maxReplayBytes: 8 * 1024 * 1024,
  maxReplayPayloads: 100_000,
  maxFrameSize: 16 * 1024 * 1024,
  maxOutboundBytes: 16 * 1024 * 1024,
} as const;

/**
 * Checks `s` and fills in defaults (resolved settings resolve to themselves).
 * The seed's names are taken or refused (seed-settings.ts); any other unknown
 * key is refused. Throws ArgumentError naming the first bad setting.
 */
export function resolveSessionSettings(given: SessionSettings): ResolvedSessionSettings {
  if (given === null || typeof given !== "object") throw new ArgumentError(`session settings must be an object, got ${describe(given)}`);
  const s = fromSeedNames(given);
  const d = SESSION_DEFAULTS;
  const username = optionalString(s, "username");
  const password = optionalString(s, "password");
  const token = optionalString(s, "token");
  if (token === undefined && (username === undefined || password === undefined)) {
    throw new ArgumentError("credentials missing: give username and password, or token");
  }
  if (token !== undefined && password !== undefined) {
    throw new ArgumentError("ambiguous credentials: give either password or token, not both");
  }
  if (token !== undefined && token === "") throw new ArgumentError("token must not be empty");

  const host = optionalString(s, "host") ?? d.host;
  if (host === "") throw new ArgumentError("host must not be empty");
  const port = integer(s, "port", d.port, 1, 65_535);
  const tls = s.tls ?? d.tls;
  if (typeof tls !== "boolean" && (tls === null || typeof tls !== "object")) {
    throw new ArgumentError(`tls must be a boolean or tls.ConnectionOptions, got ${describe(tls)}`);
  }

  const heartbeatIntervalMs = duration(s, "heartbeatIntervalMs", d.heartbeatIntervalMs);
  const deadAfterMs = duration(s, "deadAfterMs", d.deadAfterMs);
  if (deadAfterMs <= heartbeatIntervalMs) {
    // Our heartbeat draws the peer's answer; silence shorter than one interval is normal.
    throw new ArgumentError(`deadAfterMs (${deadAfterMs}) must exceed heartbeatIntervalMs (${heartbeatIntervalMs})`);
  }

  const sessionId = optionalString(s, "sessionId");
  if (sessionId === "") throw new ArgumentError("sessionId must not be empty");
  const inSeq = seq(s, "inSeq");
  const outSeq = seq(s, "outSeq");
  if (sessionId === undefined && ((inSeq ?? 1n) !== 1n || (outSeq ?? 1n) !== 1n)) {
    // (1 is allowed: it is what a new session uses, and what resolved settings hold.)
    throw new ArgumentError(`inSeq/outSeq resume a session: they need sessionId (a new session starts at 1), got inSeq ${inSeq}, outSeq ${outSeq}`);
  }
  const accountSequence = s.accountSequence;
  if (accountSequence !== undefined && (typeof accountSequence !== "bigint" || accountSequence < 0n || accountSequence >= 2n ** 64n)) {
    throw new ArgumentError(`accountSequence must be a bigint in 0..2^64-1, got ${describe(accountSequence)}`);
  }

  return {
    username,
    password,
    token,
    host,
    port,
    tls,
    connectTimeoutMs: duration(s, "connectTimeoutMs", d.connectTimeoutMs),
    loginTimeoutMs: duration(s, "loginTimeoutMs", d.loginTimeoutMs),
    pingTimeoutMs: duration(s, "pingTimeoutMs", d.pingTimeoutMs),
    logoutTimeoutMs: duration(s, "logoutTimeoutMs", d.logoutTimeoutMs),
    heartbeatIntervalMs,
    deadAfterMs,
    replayTimeoutMs: duration(s, "replayTimeoutMs", d.replayTimeoutMs),
    maxHeldPayloads: integer(s, "maxHeldPayloads", d.maxHeldPayloads, 0, 10_000_000),
    maxHeldBytes: integer(s, "maxHeldBytes", d.maxHeldBytes, 0, Number.MAX_SAFE_INTEGER),
    maxPeerFaults: integer(s, "maxPeerFaults", d.maxPeerFaults, 0, Number.MAX_SAFE_INTEGER),
    outgoingStoreSize: integer(s, "outgoingStoreSize", d.outgoingStoreSize, 1, 100_000_000),
    outgoingStoreBytes: integer(s, "outgoingStoreBytes", d.outgoingStoreBytes, 1, Number.MAX_SAFE_INTEGER),
    maxReplayBytes: integer(s, "maxReplayBytes", d.maxReplayBytes, 1, Number.MAX_SAFE_INTEGER),
    maxReplayPayloads: integer(s, "maxReplayPayloads", d.maxReplayPayloads, 1, 100_000_000),
    maxFrameSize: integer(s, "maxFrameSize", d.maxFrameSize, 16, 2 ** 31 - 1),
    maxOutboundBytes: integer(s, "maxOutboundBytes", d.maxOutboundBytes, 1, Number.MAX_SAFE_INTEGER),
    sessionId,
    inSeq: inSeq ?? 1n,
    outSeq: outSeq ?? 1n,
    accountSequence,
  };
}

type Key = keyof SessionSettings;

function describe(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v);
  return typeof v === "object" && v !== null ? "an object" : String(v);
}

function optionalString(s: SessionSettings, key: Key): string | undefined {
  const v = s[key];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new ArgumentError(`${key} must be a string, got ${describe(v)}`);
  return v;
}

function duration(s: SessionSettings, key: Key, fallback: number): number {
  const v = s[key] ?? fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0 || v > 2 ** 31 - 1) {
    throw new ArgumentError(`${key} must be a number of milliseconds in (0, ${2 ** 31 - 1}], got ${describe(v)}`);
  }
  return v;
}

function integer(s: SessionSettings, key: Key, fallback: number, min: number, max: number): number {
  const v = s[key] ?? fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
    throw new ArgumentError(`${key} must be an integer in ${min}..${max}, got ${describe(v)}`);
  }
  return v;
}

function seq(s: SessionSettings, key: Key): bigint | undefined {
  const v = s[key];
  if (v === undefined) return undefined;
  if (typeof v !== "bigint" || v < 1n || v >= 2n ** 64n) {
    throw new ArgumentError(`${key} must be a bigint seq in 1..2^64-1, got ${describe(v)}`);
  }
  return v;
}
