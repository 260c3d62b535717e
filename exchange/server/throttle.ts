// A session's request allowance: the client's own token bucket (one
// implementation of the exchange's rule for both sides), holding up to
// `burstSize` requests and refilled at `averageRatePs` per second in steps of
// `tickMs` (the three numbers throttle-limits-changed announces), ticking
// from the session's start. Pure: time comes from the clock, and the bucket
// is only looked at when a request arrives.
import type { Clock } from "../../runtime/clock.js";
import { TokenBucket } from "../../runtime/trading/throttle/token-bucket.js";
import type { ThrottleOptions } from "./options.js";

export class Throttle {
  readonly #bucket: TokenBucket;

  constructor(
    readonly limits: ThrottleOptions,
    readonly clock: Clock,
  ) {
    this.#bucket = new TokenBucket(limits, clock.now());
  }

  /** Requests that could be sent right now. */
  get available(): number {
    return this.#bucket.available(this.clock.now());
  }

  /** Spends one request's allowance; false (nothing spent) when the session is over its limit. */
  take(): boolean {
    return this.#bucket.tryTake(this.clock.now());
  }
}
