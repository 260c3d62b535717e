// A session's request allowance: a token bucket holding up to `burstSize`
// requests, refilled at `averageRatePs` per second in steps of `tickMs`
// (the three numbers throttle-limits-changed announces). Pure: time comes
// from the clock, and the bucket is only looked at when a request arrives.
import type { Clock } from "../../runtime/clock.js";
import type { ThrottleOptions } from "./options.js";

export class Throttle {
  #tokens: number;
  #lastTick: number;

  constructor(
    readonly limits: ThrottleOptions,
    readonly clock: Clock,
  ) {
    this.#tokens = limits.burstSize;
    this.#lastTick = clock.now();
  }

  /** Requests that could be sent right now. */
  get available(): number {
    this.#refill();
    return Math.floor(this.#tokens);
  }

  /** Spends one request's allowance; false (nothing spent) when the session is over its limit. */
  take(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(): void {
    const { averageRatePs, burstSize, tickMs } = this.limits;
    const ticks = Math.floor((this.clock.now() - this.#lastTick) / tickMs);
    if (ticks <= 0) return;
    this.#lastTick += ticks * tickMs;
    this.#tokens = Math.min(burstSize, this.#tokens + (ticks * tickMs * averageRatePs) / 1000);
  }
}
