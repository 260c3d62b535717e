// Time behind a tiny interface, so session logic runs on an injected clock:
// tests drive a fake one, the client uses the system's.

/** A timer a {@link Clock} started; `cancel()` stops it. */
export interface TimerHandle {
  /** Cancels the timer; calling it twice is harmless. */
  cancel(): void;
}

/** How a timer started by {@link Clock.setTimer} treats the process. */
export interface TimerOptions {
  /**
   * Keep the process running until the timer fires or is cancelled. Off by
   * default: an open socket is what keeps a client's process alive, so timers
   * beside one need not. A wait with no socket open (the delay before a
   * reconnect) sets it, or a bot would exit silently during the backoff.
   */
  keepAlive?: boolean;
}

/** Time and timers behind one small interface, so the session runs on an injected clock (a FakeClock in tests). */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences are meaningful). */
  now(): number;
  /**
   * Runs `fn` once after `ms` milliseconds unless cancelled first. A negative
   * or NaN `ms` counts as 0; any length is honoured, however long.
   */
  setTimer(ms: number, fn: () => void, options?: TimerOptions): TimerHandle;
}

/** The longest delay `setTimeout` holds (about 24.8 days); above it Node fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What `hostClock` builds on: Node's timers and `performance.now()`, or a test's stand-ins. */
export interface TimerHost {
  now(): number;
  /** `keepAlive`: the timer holds the process open (see {@link TimerOptions}). */
  setTimeout(fn: () => void, ms: number, keepAlive: boolean): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * A clock on `host`'s timers that never hands them a delay they cannot hold:
 * negative and NaN delays become 0, and a delay above MAX_TIMER_MS is chained
 * in steps of at most that — so no caller, and no number a peer sent, can turn
 * a long timer into a 1 ms timer loop.
 */
export function hostClock(host: TimerHost): Clock {
  return {
    now: () => host.now(),
    setTimer(ms, fn, options) {
      const keepAlive = options?.keepAlive === true;
      let remaining = Number.isNaN(ms) || ms < 0 ? 0 : ms;
      let handle: unknown;
      const arm = (): void => {
        const step = Math.min(remaining, MAX_TIMER_MS);
        remaining -= step;
        handle = host.setTimeout(() => (remaining > 0 ? arm() : fn()), step, keepAlive);
      };
      arm();
      return { cancel: () => host.clearTimeout(handle) };
    },
  };
}

/** The real clock: `performance.now()` and `setTimeout`, unref'd unless asked to keep the process alive. */
export const systemClock: Clock = hostClock({
  now: () => performance.now(),
  setTimeout(fn, ms, keepAlive) {
    const t = setTimeout(fn, ms);
    if (!keepAlive) t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});
