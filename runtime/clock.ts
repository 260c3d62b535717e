// Time behind a tiny interface, so session logic runs on an injected clock:
// tests drive a fake one, the client uses the system's.

/** A timer a {@link Clock} started; `cancel()` stops it. */
export interface TimerHandle {
  /** Cancels the timer; calling it twice is harmless. */
  cancel(): void;
}

/** Time and timers behind one small interface, so the session runs on an injected clock (a FakeClock in tests). */
export interface Clock {
  /** Milliseconds on a monotonic scale (only differences are meaningful). */
  now(): number;
  /** Runs `fn` once after `ms` milliseconds unless cancelled first. */
  setTimer(ms: number, fn: () => void): TimerHandle;
}

/** The real clock: `performance.now()` and `setTimeout`, unref'd so it never holds the process open. */
export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return { cancel: () => clearTimeout(t) };
  },
};
