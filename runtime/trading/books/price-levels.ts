// One side of a contract's book: total quantity at each price, kept sorted
// best first (bids: highest price first; offers: lowest first).
/** One price level of a book: a price in bps and the quantity at it. */
export interface Level {
  readonly price: number;
  readonly quantity: bigint;
}

export class PriceLevels {
  readonly #quantities = new Map<number, bigint>();
  /** Prices present, best first. */
  #prices: number[] = [];
  /** -1 for bids (higher is better), 1 for offers (lower is better). */
  readonly #direction: 1 | -1;

  constructor(best: "highest" | "lowest") {
    this.#direction = best === "highest" ? -1 : 1;
  }

  get size(): number {
    return this.#prices.length;
  }

  get(price: number): bigint | undefined {
    return this.#quantities.get(price);
  }

  /** The best level, if any. */
  best(): Level | undefined {
    const price = this.#prices[0];
    return price === undefined ? undefined : { price, quantity: this.#quantities.get(price)! };
  }

  /** Levels best first; at most `depth` of them. */
  levels(depth = Infinity): Level[] {
    const prices = depth >= this.#prices.length ? this.#prices : this.#prices.slice(0, depth);
    return prices.map((price) => ({ price, quantity: this.#quantities.get(price)! }));
  }

  /** Sets the quantity at `price`; 0 removes the level. */
  set(price: number, quantity: bigint): void {
    const i = this.#search(price);
    const present = this.#prices[i] === price;
    if (quantity === 0n) {
      if (present) {
        this.#prices.splice(i, 1);
        this.#quantities.delete(price);
      }
      return;
    }
    if (!present) this.#prices.splice(i, 0, price);
    this.#quantities.set(price, quantity);
  }

  /** Keeps only the best `depth` levels. */
  trim(depth: number): void {
    if (this.#prices.length <= depth) return;
    for (const price of this.#prices.slice(depth)) this.#quantities.delete(price);
    this.#prices.length = depth;
  }

  clear(): void {
    this.#prices = [];
    this.#quantities.clear();
  }

  /** Index of the first price not better than `price` (where it is, or would go). */
  #search(price: number): number {
    const key = price * this.#direction;
    let lo = 0;
    let hi = this.#prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#prices[mid]! * this.#direction < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
