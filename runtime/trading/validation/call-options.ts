// The per-call options every request takes: a cancel signal and a time limit.
import { OrderValidationError } from "../errors.js";
import { show } from "./fields.js";

/** What every trading request takes: a signal to abandon the wait and a time limit. */
export interface RequestOptions {
  /** Stop waiting when this aborts: AbortedError. A request still queued is then never sent. */
  signal?: AbortSignal;
  /**
   * Stop waiting after this many ms (TimeoutError), counted from the call, so
   * time spent in the throttle queue counts. Infinity: no limit. Default: the
   * trading layer's `requestTimeoutMs`.
   */
  timeoutMs?: number;
}

/** The time limit to use: the call's, else the default; positive ms or Infinity. */
export function checkTimeout(timeoutMs: unknown, fallback: number): number {
  const ms = timeoutMs === undefined ? fallback : timeoutMs;
  if (typeof ms !== "number" || Number.isNaN(ms) || ms <= 0) {
    throw new OrderValidationError(`timeoutMs must be a positive number of milliseconds or Infinity, got ${show(ms)}`, "timeoutMs", ms);
  }
  return ms;
}

export function checkSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  if (!(signal instanceof AbortSignal)) {
    throw new OrderValidationError(`signal must be an AbortSignal, got ${show(signal)}`, "signal", signal);
  }
  return signal;
}
