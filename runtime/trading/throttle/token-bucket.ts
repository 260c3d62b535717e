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

  /** Whole requests' worth available at `now`. */
  available(now: number): number {
    return Math.floor(this.level(now) / COST);
  }

  /** Takes one request's worth if there is one; returns whether it did. */
  tryTake(now: number): boolean {
    this.#refill(now);
    if (this.#level < COST) return false;
    this.#level -= COST;
    return true;
  }

  /**
   * Takes one request's worth, or what is left of it: for a request whose
   * token was held back while it was unanswered (see throttle.ts). Never
   * below empty, as the exchange's bucket: a request that finds it empty is
   * refused there, not counted.
   */
  charge(now: number): void {
    this.#refill(now);
    this.#level = Math.max(0, this.#level - COST);
  }

  /** Whether `requests` requests' worth is available at `now`. */
  holds(now: number, requests: number): boolean {
    return this.level(now) >= requests * COST;
  }

  /** Empties the bucket (the exchange said we were too fast: our count is behind its). */
  drain(now: number): void {
    this.#refill(now);
    this.#level = 0;
  }

  /** Ms from `now` until `requests` requests' worth (default 1) is available (0 if it is); undefined if never (no refill, or more than the bucket holds). */
  msUntilAvailable(now: number, requests = 1): number | undefined {
    this.#refill(now);
    const need = requests * COST;
    if (this.#level >= need) return 0;
    if (this.#perTick === 0 || this.#capacity < need) return undefined;
    const ticks = Math.ceil((need - this.#level) / this.#perTick);
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
