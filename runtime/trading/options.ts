// What a Trading instance can be told at construction, with the defaults.
import { systemClock, type Clock } from "../clock.js";
import { ArgumentError } from "../errors.js";
import type { MarketBooksOptions } from "./books/market-books.js";
import type { OrderTrackerOptions } from "./orders/order-tracker.js";
import { randomReference, type ReferenceSource } from "./references.js";
import type { ThrottleLimits } from "./throttle/limits.js";

/** Options of `client.trading`: request time limit, throttle queue and initial limits, references, order and book options. */
export interface TradingOptions {
  /** Default systemClock; tests pass a FakeClock. */
  clock?: Clock;
  /** Time limit of a request that sets none, counted from the call (queue time included); default 30 000 ms; Infinity: none. */
  requestTimeoutMs?: number;
  /** Most requests waiting for the rate limit; default 10 000. A request beyond that is refused (ThrottleQueueFullError). */
  queueCapacity?: number;
  /** Limits to throttle by until the exchange announces its own (throttle-limits-changed); default none. */
  throttleLimits?: ThrottleLimits;
  /** Source of references for requests that set none; default random 53-bit values (exact as JavaScript numbers). */
  references?: ReferenceSource;
  orders?: OrderTrackerOptions;
  books?: MarketBooksOptions;
  /** After a session that could not be resumed, subscribe again to every market with a book; default true. */
  resubscribe?: boolean;
}

export interface ResolvedTradingOptions {
  readonly clock: Clock;
  readonly requestTimeoutMs: number;
  readonly queueCapacity: number;
  readonly throttleLimits: ThrottleLimits | undefined;
  readonly references: ReferenceSource;
  readonly orders: OrderTrackerOptions;
  readonly books: MarketBooksOptions;
  readonly resubscribe: boolean;
}

export function resolveTradingOptions(options: TradingOptions = {}): ResolvedTradingOptions {
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  if (typeof requestTimeoutMs !== "number" || Number.isNaN(requestTimeoutMs) || requestTimeoutMs <= 0) {
    throw new ArgumentError(`requestTimeoutMs must be a positive number of milliseconds or Infinity, got ${String(requestTimeoutMs)}`);
  }
  const queueCapacity = options.queueCapacity ?? 10_000;
  if (!Number.isSafeInteger(queueCapacity) || queueCapacity < 1) {
    throw new ArgumentError(`queueCapacity must be a whole number ≥ 1, got ${String(queueCapacity)}`);
  }
  return {
    clock: options.clock ?? systemClock,
    requestTimeoutMs,
    queueCapacity,
    throttleLimits: options.throttleLimits,
    references: options.references ?? randomReference,
    orders: options.orders ?? {},
    books: options.books ?? {},
    resubscribe: options.resubscribe ?? true,
  };
}
