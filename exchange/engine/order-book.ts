// One contract's resting orders: bids (buys) and offers (sells), each a list
// of price levels best first, each level a FIFO queue (time priority).
// Only live orders with an unfilled remainder rest here; a level's total is
// always the sum of its orders' remainders.
import { Side } from "../../generated/seto.js";
import type { QuoteLevel } from "./events.js";
import { remaining, type Order } from "./order.js";

interface Level {
  readonly price: number;
  readonly orders: Order[];
  total: bigint;
}

class BookSide {
  readonly #levels = new Map<number, Level>();
  /** Prices with a level, best first. */
  readonly #prices: number[] = [];

  constructor(readonly side: Side) {}

  /** Whether `a` is a better price than `b` on this side (higher bid, lower offer). */
  better(a: number, b: number): boolean {
    return this.side === Side.SIDE_BUY ? a > b : a < b;
  }

  add(order: Order): void {
    let level = this.#levels.get(order.price);
    if (level === undefined) {
      level = { price: order.price, orders: [], total: 0n };
      this.#levels.set(order.price, level);
      let i = 0;
      while (i < this.#prices.length && this.better(this.#prices[i] as number, order.price)) i++;
      this.#prices.splice(i, 0, order.price);
    }
    level.orders.push(order);
    level.total += remaining(order);
  }

  /** Takes `order` (which must rest here) out of its queue. */
  remove(order: Order): void {
    const level = this.#levels.get(order.price);
    const at = level?.orders.indexOf(order) ?? -1;
    if (level === undefined || at < 0) return;
    level.orders.splice(at, 1);
    level.total -= remaining(order);
    if (level.orders.length === 0) this.#dropLevel(level.price);
  }

  /** Lowers the level total after `order`'s remainder shrank by `by`; the order keeps its place. */
  shrink(order: Order, by: bigint): void {
    const level = this.#levels.get(order.price);
    if (level !== undefined) level.total -= by;
  }

  #dropLevel(price: number): void {
    this.#levels.delete(price);
    this.#prices.splice(this.#prices.indexOf(price), 1);
  }

  /** The first order in time at the best price. */
  first(): Order | undefined {
    const price = this.#prices[0];
    return price === undefined ? undefined : this.#levels.get(price)?.orders[0];
  }

  bestPrice(): number | undefined {
    return this.#prices[0];
  }

  levels(): QuoteLevel[] {
    return this.#prices.map((price) => ({ price, quantity: (this.#levels.get(price) as Level).total }));
  }

  /** All resting orders in priority order. */
  orders(): Order[] {
    return this.#prices.flatMap((price) => (this.#levels.get(price) as Level).orders);
  }
}

export interface Depth {
  /** Highest price first. */
  readonly bids: readonly QuoteLevel[];
  /** Lowest price first. */
  readonly offers: readonly QuoteLevel[];
}

export class OrderBook {
  readonly bids = new BookSide(Side.SIDE_BUY);
  readonly offers = new BookSide(Side.SIDE_SELL);

  constructor(readonly contractId: number) {}

  sideOf(side: Side): BookSide {
    return side === Side.SIDE_BUY ? this.bids : this.offers;
  }

  /** The side an incoming order of `side` trades against. */
  against(side: Side): BookSide {
    return side === Side.SIDE_BUY ? this.offers : this.bids;
  }

  add(order: Order): void {
    this.sideOf(order.side).add(order);
  }

  remove(order: Order): void {
    this.sideOf(order.side).remove(order);
  }

  /** Executes `quantity` of resting `order`; it leaves the book when nothing remains. */
  fill(order: Order, quantity: bigint): void {
    const side = this.sideOf(order.side);
    side.shrink(order, quantity);
    order.filled += quantity;
    if (remaining(order) === 0n) {
      // Its remainder is now zero, so removing it takes nothing more off the total.
      side.remove(order);
    }
  }

  /** Lowers resting `order`'s size to `quantity` (not below what has executed), keeping its time priority. */
  reduce(order: Order, quantity: bigint): void {
    const side = this.sideOf(order.side);
    side.shrink(order, order.quantity - quantity);
    order.quantity = quantity;
    if (remaining(order) === 0n) side.remove(order);
  }

  /** Whether an order of `side` at `price` would meet a resting order of `accountId`. */
  wouldCrossOwn(accountId: number, side: Side, price: number): boolean {
    const opposite = this.against(side);
    return opposite.orders().some((o) => o.accountId === accountId && !opposite.better(price, o.price));
  }

  depth(): Depth {
    return { bids: this.bids.levels(), offers: this.offers.levels() };
  }

  /** Every resting order, bids then offers, each in priority order. */
  orders(): Order[] {
    return [...this.bids.orders(), ...this.offers.orders()];
  }
}
