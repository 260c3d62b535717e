import type { Clock, TimerHandle, TimerOptions } from "./clock.js";

interface Pending {
  at: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A deterministic clock for tests and simulations: time moves only when
 * `advance` is called, and due timers fire in time order (ties in the order
 * they were set), including timers set by timers that fire within the advance.
 */
export class FakeClock implements Clock {
  #now: number;
  #order = 0;
  #pending: Pending[] = [];

  constructor(start = 0) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  // Fake time holds no process open, so TimerOptions change nothing here.
  setTimer(ms: number, fn: () => void, _options?: TimerOptions): TimerHandle {
    // As the system clock: a negative or NaN delay counts as 0.
    const delay = Number.isNaN(ms) || ms < 0 ? 0 : ms;
    const p: Pending = { at: this.#now + delay, order: this.#order++, fn, cancelled: false };
    this.#pending.push(p);
    return {
      cancel: () => {
        p.cancelled = true;
      },
    };
  }

  /** Number of timers that are set and not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#pending.filter((p) => !p.cancelled).length;
  }

  /**
   * When the earliest timer set falls due, or undefined when none is set:
   * a simulation driving this clock can skip straight to it.
   */
  nextTimerAt(): number | undefined {
    let at: number | undefined;
    for (const p of this.#pending) if (!p.cancelled && (at === undefined || p.at < at)) at = p.at;
    return at;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.#now + ms;
    for (;;) {
      this.#pending = this.#pending.filter((p) => !p.cancelled);
      let next: Pending | undefined;
      for (const p of this.#pending) {
        if (p.at <= target && (!next || p.at < next.at || (p.at === next.at && p.order < next.order))) next = p;
      }
      if (!next) break;
      this.#now = next.at;
      next.cancelled = true;
      next.fn();
    }
    this.#now = target;
  }
}
