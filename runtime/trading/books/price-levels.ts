// One side of a contract's book: total quantity at each price, kept sorted
// best first (bids: highest price first; offers: lowest first).
/** One price level of a book: a price in bps and the quantity at it. */
export interface Level {
  readonly price: number;
  readonly quantity: bigint;
}

export class PriceLevels {
  // Two parallel arrays, best first: a book shows a handful of levels, and a
  // short array searched and spliced costs less than a Map beside an array.
  #prices: number[] = [];
  #quantities: bigint[] = [];
  /** -1 for bids (higher is better), 1 for offers (lower is better). */
  readonly #direction: 1 | -1;

  constructor(best: "highest" | "lowest") {
    this.#direction = best === "highest" ? -1 : 1;
  }

  get size(): number {
    return this.#prices.length;
  }

  get(price: number): bigint | undefined {
    const i = this.#search(price);
    return this.#prices[i] === price ? this.#quantities[i] : undefined;
  }

  /** The best level, if any. */
  best(): Level | undefined {
    return this.#prices.length === 0 ? undefined : { price: this.#prices[0]!, quantity: this.#quantities[0]! };
  }

  /** Levels best first; at most `depth` of them. */
  levels(depth = Infinity): Level[] {
    const n = Math.min(depth, this.#prices.length);
    const levels: Level[] = new Array(n);
    for (let i = 0; i < n; i++) levels[i] = { price: this.#prices[i]!, quantity: this.#quantities[i]! };
    return levels;
  }

  /** Sets the quantity at `price`; 0 removes the level. */
  set(price: number, quantity: bigint): void {
    const prices = this.#prices;
    const i = this.#search(price);
    if (prices[i] === price) {
      if (quantity === 0n) {
        prices.splice(i, 1);
        this.#quantities.splice(i, 1);
      } else {
        this.#quantities[i] = quantity;
      }
    } else if (quantity !== 0n) {
      if (i === prices.length) {
        // Levels usually come best first: appended, nothing moves.
        prices.push(price);
        this.#quantities.push(quantity);
      } else {
        prices.splice(i, 0, price);
        this.#quantities.splice(i, 0, quantity);
      }
    }
  }

  /** Keeps only the best `depth` levels. */
  trim(depth: number): void {
    if (this.#prices.length <= depth) return;
    this.#prices.length = depth;
    this.#quantities.length = depth;
  }

  clear(): void {
    this.#prices.length = 0;
    this.#quantities.length = 0;
  }

  /** Index of the first price not better than `price` (where it is, or would go). */
  #search(price: number): number {
    const prices = this.#prices;
    const key = price * this.#direction;
    let lo = 0;
    let hi = prices.length;
    // The usual update lands after the last level or at it: check there first.
    if (hi > 0 && prices[hi - 1]! * this.#direction < key) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (prices[mid]! * this.#direction < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
