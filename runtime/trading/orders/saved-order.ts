// An order as a durable session store keeps it, so that a process started
// after a crash knows every order the dead one knew: those it sent and had
// no answer for yet (pending: their replies settle them when they come) and
// those it followed.
import type { OrderView } from "./order-view.js";

/** One of our orders as a store keeps it: the order tracker's view of it (without the derived average), and its key in the store. */
export interface SavedOrder {
  /** Stable within the store: later saves of the same order replace earlier ones. */
  readonly key: number;
  readonly order: Omit<OrderView, "averagePrice">;
}

/** What changed in the order tracker since it was last asked: orders to save again, keys of orders it no longer keeps. */
export interface OrderChanges {
  readonly orders: readonly SavedOrder[];
  readonly forgotten: readonly number[];
}
