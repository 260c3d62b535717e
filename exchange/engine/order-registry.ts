// Every order by id, and the id counter. Live orders stay until they end;
// ended orders are kept (so a late cancel hears NOT_LIVE rather than
// NOT_FOUND) up to a bound, oldest ended first out, so a long simulation
// does not grow without limit.
import type { Order } from "./order.js";

export class OrderRegistry {
  readonly #orders = new Map<bigint, Order>();
  /** Insertion order is id order, since ids only grow. */
  readonly #live = new Map<bigint, Order>();
  /** Live orders per account. */
  readonly #liveByAccount = new Map<number, number>();
  readonly #ended: bigint[] = [];
  #endedHead = 0;
  #nextId: bigint;

  constructor(
    firstId: bigint,
    /** How many ended orders to remember. */
    readonly endedLimit: number,
  ) {
    this.#nextId = firstId;
  }

  /** A fresh id, larger than every id handed out before. */
  nextId(): bigint {
    return this.#nextId++;
  }

  add(order: Order): void {
    this.#orders.set(order.id, order);
    if (order.status === "live") {
      this.#live.set(order.id, order);
      this.#liveByAccount.set(order.accountId, this.liveCount(order.accountId) + 1);
    }
  }

  /** How many live orders the account has. */
  liveCount(accountId: number): number {
    return this.#liveByAccount.get(accountId) ?? 0;
  }

  get(id: bigint): Order | undefined {
    return this.#orders.get(id);
  }

  /** Call once when an order leaves the live state. */
  ended(order: Order): void {
    if (this.#live.delete(order.id)) {
      const left = this.liveCount(order.accountId) - 1;
      if (left > 0) this.#liveByAccount.set(order.accountId, left);
      else this.#liveByAccount.delete(order.accountId);
    }
    this.#ended.push(order.id);
    while (this.#ended.length - this.#endedHead > this.endedLimit) {
      const oldest = this.#ended[this.#endedHead++] as bigint;
      this.#orders.delete(oldest);
    }
    // Compact now and then so the queue's dead prefix does not grow forever.
    if (this.#endedHead > 1024 && this.#endedHead * 2 > this.#ended.length) {
      this.#ended.splice(0, this.#endedHead);
      this.#endedHead = 0;
    }
  }

  /** Live orders, oldest first. */
  live(): Order[] {
    return [...this.#live.values()];
  }

  all(): Order[] {
    return [...this.#orders.values()];
  }
}
