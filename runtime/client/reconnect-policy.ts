// When a dropped connection is worth reopening, and how long to wait first.
import * as eto from "../../generated/eto.js";
import { ArgumentError } from "../errors.js";
import { Backoff } from "../transport/backoff.js";

/** How a client reconnects after a drop: first and longest delay, growth, jitter and the number of attempts. */
export interface ReconnectOptions {
  /** First delay before reconnecting. Default 250 ms. */
  initialDelayMs?: number;
  /** Longest delay between attempts. Default 30 000 ms. */
  maxDelayMs?: number;
  /** Growth of the delay per failed attempt. Default 2. */
  multiplier?: number;
  /** Fraction of each delay that is randomised (0 = none, 1 = full jitter). Default 1. */
  jitter?: number;
  /** Attempts before giving up (each a connect plus login). Default unlimited. */
  maxAttempts?: number;
  /** Source of randomness for the jitter (tests pass a seeded one). */
  random?: () => number;
}

/**
 * Logout reasons after which reconnecting cannot help: the credentials are
 * wrong or unverified, the logout was our own and the exchange confirmed it,
 * or the exchange says our login broke the protocol.
 */
export const FATAL_LOGOUT_REASONS: ReadonlySet<eto.LogoutReason> = new Set([
  eto.LogoutReason.LOGOUT_UNAUTHORISED,
  eto.LogoutReason.LOGOUT_UNVERIFIED,
  eto.LogoutReason.LOGOUT_CONFIRMATION,
  eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ,
]);

export interface ResolvedReconnect {
  readonly backoff: Backoff;
  readonly maxAttempts: number;
}

/** Checks the options (ArgumentError naming the bad one) and builds the backoff; undefined when reconnecting is off. */
export function resolveReconnect(option: boolean | ReconnectOptions | undefined): ResolvedReconnect | undefined {
  if (option === undefined || option === false) return undefined;
  const o = option === true ? {} : option;
  const maxAttempts = o.maxAttempts ?? Number.POSITIVE_INFINITY;
  if (!(maxAttempts >= 1)) throw new ArgumentError(`reconnect.maxAttempts must be at least 1, got ${String(maxAttempts)}`);
  const backoff = new Backoff({
    initialMs: o.initialDelayMs ?? 250,
    maxMs: o.maxDelayMs ?? 30_000,
    multiplier: o.multiplier ?? 2,
    jitter: o.jitter ?? 1,
    ...(o.random ? { random: o.random } : {}),
  });
  return { backoff, maxAttempts };
}
