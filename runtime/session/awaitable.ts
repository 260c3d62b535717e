// A promise an API call hands out, wired to the caller's AbortSignal and
// timeout: it settles once, and settling removes the abort listener and the
// timer so nothing outlives the call.
import type { Clock } from "../clock.js";
import type { SmarketsError } from "../errors.js";
import { withDeadline } from "../streams/abortable.js";

/** What every awaitable call (`login`, `ping`, `logout`) takes: a signal to abandon it and a time limit. */
export interface CallOptions {
  /** Abandon the wait when this aborts (rejects with AbortedError). */
  signal?: AbortSignal;
  /** Abandon the wait after this many milliseconds (rejects with TimeoutError). */
  timeoutMs?: number;
}

export interface Awaitable<T> {
  readonly promise: Promise<T>;
  readonly settled: boolean;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Makes the promise for `what` (named in errors). `timeoutMs` defaults to
 * `defaultTimeoutMs` (none when undefined); `timeoutError` builds the error for
 * a timeout. `onAbandon` runs when the caller gives up (abort or timeout).
 */
export function awaitable<T>(
  clock: Clock,
  what: string,
  options: CallOptions | undefined,
  extra: {
    defaultTimeoutMs?: number;
    timeoutError?: (ms: number) => SmarketsError;
    onAbandon?: () => void;
  } = {},
): Awaitable<T> {
  let resolveFn!: (v: T) => void;
  let rejectFn!: (e: unknown) => void;
  const inner = new Promise<T>((res, rej) => {
    resolveFn = res;
    rejectFn = rej;
  });
  let settled = false;
  // The deadline (timeout, abort, a bad timeout) gives up synchronously, so
  // `settled` is already true when a caller checks it right after creation.
  const promise = withDeadline(inner, {
    what,
    clock,
    ...(options?.signal ? { signal: options.signal } : {}),
    ...(options?.timeoutMs ?? extra.defaultTimeoutMs) !== undefined ? { timeoutMs: (options?.timeoutMs ?? extra.defaultTimeoutMs)! } : {},
    ...(extra.timeoutError ? { timeoutError: extra.timeoutError } : {}),
    onCancel: () => {
      settled = true;
      extra.onAbandon?.();
    },
  });
  return {
    promise,
    get settled() {
      return settled;
    },
    resolve(value) {
      if (settled) return;
      settled = true;
      resolveFn(value);
    },
    reject(error) {
      if (settled) return;
      settled = true;
      rejectFn(error);
    },
  };
}
