// What the order tracker tells a durable store: which orders changed, and
// which it stopped keeping, since the client last saved. The client makes
// one when its store is durable and hands it to the tracker; the tracker
// notes each change, the client takes them at each commit. Without one,
// changes cost nothing.
import type { OrderRecord } from "./order-record.js";
import type { OrderChanges, SavedOrder } from "./saved-order.js";

const NO_CHANGES: OrderChanges = Object.freeze({ orders: Object.freeze([]) as readonly SavedOrder[], forgotten: Object.freeze([]) as readonly number[] });

/** Collects the order tracker's changes between two commits to a durable store. */
export class OrderJournal {
  #changed = new Set<OrderRecord>();
  #forgotten: number[] = [];

  /** An order changed (or was first seen). */
  changed(r: OrderRecord): void {
    this.#changed.add(r);
  }

  /** The tracker no longer keeps an order. */
  forgotten(r: OrderRecord): void {
    this.#changed.delete(r);
    this.#forgotten.push(r.key);
  }

  /** What changed since the last call, as the store saves it. */
  take(): OrderChanges {
    if (this.#changed.size === 0 && this.#forgotten.length === 0) return NO_CHANGES;
    const orders: SavedOrder[] = [];
    for (const r of this.#changed) {
      const { averagePrice: _derived, ...order } = r.view();
      orders.push({ key: r.key, order });
    }
    const changes: OrderChanges = { orders, forgotten: this.#forgotten };
    this.#changed = new Set();
    this.#forgotten = [];
    return changes;
  }
}
