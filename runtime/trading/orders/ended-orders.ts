// Ended orders kept for lookups, in the order they ended, so the oldest can
// be dropped once there are more than the tracker retains.
//
// A Set alone keeps that order, but reaching its oldest entry
// (`values().next()`) walks over the slots of entries already deleted until
// the table is next rebuilt: with thousands of orders ending and as many
// dropped, that cost ~8 µs per order ended (more than decoding the execution
// that ended it). A queue read from a moving head, beside the Set that says
// what is held, reaches it at once.

/** A first-in first-out set: `add` appends unless held, `shift` removes the oldest. */
export class EndedOrders<T> {
  readonly #held = new Set<T>();
  #queue: (T | undefined)[] = [];
  #head = 0;

  get size(): number {
    return this.#held.size;
  }

  /** Adds `item` as the newest, unless it is already held (it then keeps its place). */
  add(item: T): void {
    if (this.#held.has(item)) return;
    this.#held.add(item);
    this.#queue.push(item);
  }

  /** Removes and returns the oldest item; undefined when none is held. */
  shift(): T | undefined {
    if (this.#head === this.#queue.length) return undefined;
    const oldest = this.#queue[this.#head] as T;
    this.#queue[this.#head++] = undefined;
    // The slots before the head are dropped once they are half the queue:
    // amortised O(1), and the queue never holds more than twice what is kept (+ 1,024).
    if (this.#head >= 1024 && this.#head * 2 >= this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#held.delete(oldest);
    return oldest;
  }
}
