// Waiting for a promise with a time limit and a cancel signal. Whatever
// happens first wins; the timer and the abort listener are released in every
// outcome, so a long-lived signal does not collect listeners.
import { systemClock, type Clock, type TimerHandle } from "../clock.js";
import { AbortedError, ArgumentError, TimeoutError } from "../errors.js";

/** What bounds a wait ({@link withDeadline}): its name in errors, a signal, a time limit, and what to stop when it is given up. */
export interface DeadlineOptions {
  /** Names the operation in error messages, e.g. "login" or "order 17 acknowledgement". */
  what: string;
  /** Aborting rejects with AbortedError (its cause is the signal's reason). */
  signal?: AbortSignal;
  /** Rejects with TimeoutError after this many milliseconds; none when undefined or Infinity. */
  timeoutMs?: number;
  /**
   * Called once when the wait is given up (timeout, abort, bad option) before
   * `promise` settles, to stop the underlying work. Must not throw: an error
   * it throws is ignored so the caller sees why the wait ended.
   */
  onCancel?: () => void;
  /** Default systemClock; tests pass a FakeClock. */
  clock?: Clock;
  /** Builds the error for a timeout (e.g. LoginTimeout); default a TimeoutError naming `what` and the limit. */
  timeoutError?: (timeoutMs: number) => Error;
}

/** `promise`'s outcome, unless the signal aborts or `timeoutMs` passes first. */
export function withDeadline<T>(promise: PromiseLike<T>, options: DeadlineOptions): Promise<T> {
  const { what, signal, timeoutMs, onCancel, clock = systemClock } = options;
  const timeoutError = options.timeoutError ?? ((ms: number) => new TimeoutError(`${what} did not complete within ${ms} ms`, ms));
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let timer: TimerHandle | undefined;
    const onAbort = (): void => giveUp(new AbortedError(`${what} was aborted`, { cause: signal?.reason }));
    const release = (): void => {
      done = true;
      timer?.cancel();
      signal?.removeEventListener("abort", onAbort);
    };
    function giveUp(error: Error): void {
      if (done) return;
      release();
      try {
        onCancel?.();
      } catch {
        // Documented: the deadline's own error is the one to report.
      }
      reject(error);
    }
    // Observed from the start, so a rejection after we gave up is never "unhandled".
    Promise.resolve(promise).then(
      (value) => {
        if (done) return;
        release();
        resolve(value);
      },
      (error: unknown) => {
        if (done) return;
        release();
        reject(error);
      },
    );
    if (timeoutMs !== undefined && !(typeof timeoutMs === "number" && timeoutMs >= 0)) {
      giveUp(new ArgumentError(`timeoutMs for ${what} must be a number of milliseconds ≥ 0 (or undefined); got ${String(timeoutMs)}`));
      return;
    }
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    if (timeoutMs !== undefined && timeoutMs !== Infinity) {
      timer = clock.setTimer(timeoutMs, () => giveUp(timeoutError(timeoutMs)));
    }
  });
}
