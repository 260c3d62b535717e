// A token bucket that refills in whole ticks, as the exchange's does, on the
// caller's clock readings. Amounts are kept in thousandths of a request so
// that `averageRatePs × tickMs / 1000` per tick stays an exact integer.
import type { ThrottleLimits } from "./limits.js";

const COST = 1000;

export class TokenBucket {
  readonly limits: ThrottleLimits;
  readonly #capacity: number;
  readonly #perTick: number;
  #level: number;
  /** When the last whole tick was credited; ticks fall at lastTick + k × tickMs. */
  #lastTick: number;

  /** A bucket with `limits`, holding `level` thousandths (default full), ticking from `now`. */
  constructor(limits: ThrottleLimits, now: number, level?: number) {
    this.limits = limits;
    this.#capacity = limits.burstSize * COST;
    this.#perTick = limits.averageRatePs * limits.tickMs;
    this.#level = Math.min(level ?? this.#capacity, this.#capacity);
    this.#lastTick = now;
  }

  /** Thousandths of a request available at `now`. */
  level(now: number): number {
    this.#refill(now);
    return this.#level;
  }

  /** Takes one request's worth if there is one; returns whether it did. */
  tryTake(now: number): boolean {
    this.#refill(now);
    if (this.#level < COST) return false;
    this.#level -= COST;
    return true;
  }

  /** Empties the bucket (the exchange said we were too fast: our count is behind its). */
  drain(now: number): void {
    this.#refill(now);
    this.#level = 0;
  }

  /** Ms from `now` until one request's worth is available (0 if it is); undefined if never (no refill, not enough now). */
  msUntilAvailable(now: number): number | undefined {
    this.#refill(now);
    if (this.#level >= COST) return 0;
    if (this.#perTick === 0 || this.#capacity < COST) return undefined;
    const ticks = Math.ceil((COST - this.#level) / this.#perTick);
    return this.#lastTick + ticks * this.limits.tickMs - now;
  }

  #refill(now: number): void {
    const ticks = Math.floor((now - this.#lastTick) / this.limits.tickMs);
    if (ticks <= 0) return;
    this.#lastTick += ticks * this.limits.tickMs;
    // Exact below the cap (capacity < 2^53); above it precision does not matter.
    this.#level = Math.min(this.#capacity, this.#level + ticks * this.#perTick);
  }
}
