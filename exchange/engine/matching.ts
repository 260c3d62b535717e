// Price-time matching of one incoming order against a contract's book.
// An incoming BUY at p takes resting SELLs priced <= p, lowest first; an
// incoming SELL at p takes resting BUYs priced >= p, highest first; within a
// price, oldest first. Every execution is at the resting order's price.
// Money is not touched here: fills are yielded one at a time, each right after
// it happened, so the caller settles and reports it before the next one.
import type { OrderBook } from "./order-book.js";
import { remaining, type Order } from "./order.js";

export interface Fill {
  /** The resting order (it provided the liquidity). */
  readonly maker: Order;
  /** The incoming order. */
  readonly taker: Order;
  readonly price: number;
  readonly quantity: bigint;
}

/** Executes `taker` against `book` as far as its limit allows; `taker` itself is not added to the book. */
export function* matchIncoming(book: OrderBook, taker: Order): Generator<Fill, void, void> {
  const opposite = book.against(taker.side);
  for (;;) {
    const left = remaining(taker);
    const maker = opposite.first();
    // Stop when the best resting price is worse for the taker than its limit.
    if (left === 0n || maker === undefined || opposite.better(taker.price, maker.price)) break;
    const quantity = left < remaining(maker) ? left : remaining(maker);
    const price = maker.price;
    book.fill(maker, quantity);
    maker.executedValue += quantity * BigInt(price);
    taker.filled += quantity;
    taker.executedValue += quantity * BigInt(price);
    yield { maker, taker, price, quantity };
  }
}
