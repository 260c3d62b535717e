// A promise an API call hands out, wired to the caller's AbortSignal and
// timeout: it settles once, and settling removes the abort listener and the
// timer so nothing outlives the call.
import type { Clock, TimerHandle } from "../clock.js";
import { AbortedError, ArgumentError, TimeoutError, type SmarketsError } from "../errors.js";

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
  const promise = new Promise<T>((res, rej) => {
    resolveFn = res;
    rejectFn = rej;
  });
  let settled = false;
  let timer: TimerHandle | undefined;
  const signal = options?.signal;
  const onAbort = (): void => {
    abandon(new AbortedError(`${what} aborted`, { cause: signal?.reason }));
  };
  const cleanup = (): void => {
    settled = true;
    timer?.cancel();
    signal?.removeEventListener("abort", onAbort);
  };
  const self: Awaitable<T> = {
    promise,
    get settled() {
      return settled;
    },
    resolve(value) {
      if (settled) return;
      cleanup();
      resolveFn(value);
    },
    reject(error) {
      if (settled) return;
      cleanup();
      rejectFn(error);
    },
  };
  function abandon(error: SmarketsError): void {
    if (settled) return;
    self.reject(error);
    extra.onAbandon?.();
  }

  const timeoutMs = options?.timeoutMs ?? extra.defaultTimeoutMs;
  if (timeoutMs !== undefined && (typeof timeoutMs !== "number" || !Number.isFinite(timeoutMs) || timeoutMs <= 0)) {
    self.reject(new ArgumentError(`${what}: timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`));
    return self;
  }
  if (signal?.aborted) {
    self.reject(new AbortedError(`${what} aborted before it started`, { cause: signal.reason }));
    return self;
  }
  signal?.addEventListener("abort", onAbort, { once: true });
  if (timeoutMs !== undefined) {
    const makeError = extra.timeoutError ?? ((ms: number) => new TimeoutError(`${what} timed out after ${ms} ms`, ms));
    timer = clock.setTimer(timeoutMs, () => abandon(makeError(timeoutMs)));
  }
  return self;
}
