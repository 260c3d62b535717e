// One side of a contract's book: total quantity at each price, kept sorted
// best first (bids: highest price first; offers: lowest first).
/** One price level of a book: a price in bps and the quantity at it. */
export interface Level {
  readonly price: number;
  readonly quantity: bigint;
}

export class PriceLevels {
  // Two parallel arrays, best first, of which the first `#count` entries are
  // the levels: a book shows a handful of levels, and a short array searched
  // and shifted costs less than a Map beside an array; the arrays keep their
  // room when levels go, so a snapshot refilling the book allocates nothing.
  readonly #prices: number[] = [];
  readonly #quantities: bigint[] = [];
  #count = 0;
  /** -1 for bids (higher is better), 1 for offers (lower is better). */
  readonly #direction: 1 | -1;

  constructor(best: "highest" | "lowest") {
    this.#direction = best === "highest" ? -1 : 1;
  }

  get size(): number {
    return this.#count;
  }

  get(price: number): bigint | undefined {
    const i = this.#search(price);
    return i < this.#count && this.#prices[i] === price ? this.#quantities[i] : undefined;
  }

  /** The best level, if any. */
  best(): Level | undefined {
    return this.#count === 0 ? undefined : { price: this.#prices[0]!, quantity: this.#quantities[0]! };
  }

  /** Levels best first; at most `depth` of them. */
  levels(depth = Infinity): Level[] {
    const n = Math.min(depth, this.#count);
    const levels: Level[] = new Array(n);
    for (let i = 0; i < n; i++) levels[i] = { price: this.#prices[i]!, quantity: this.#quantities[i]! };
    return levels;
  }

  /** Sets the quantity at `price`; 0 removes the level. */
  set(price: number, quantity: bigint): void {
    const prices = this.#prices;
    const quantities = this.#quantities;
    const n = this.#count;
    const i = this.#search(price);
    if (i < n && prices[i] === price) {
      if (quantity !== 0n) {
        quantities[i] = quantity;
        return;
      }
      for (let k = i + 1; k < n; k++) {
        prices[k - 1] = prices[k]!;
        quantities[k - 1] = quantities[k]!;
      }
      this.#count = n - 1;
    } else if (quantity !== 0n) {
      // Levels usually come best first, so i === n: appended, nothing moves.
      for (let k = n; k > i; k--) {
        prices[k] = prices[k - 1]!;
        quantities[k] = quantities[k - 1]!;
      }
      prices[i] = price;
      quantities[i] = quantity;
      this.#count = n + 1;
    }
  }

  /** Keeps only the best `depth` levels. */
  trim(depth: number): void {
    if (this.#count > depth) this.#count = depth;
  }

  clear(): void {
    this.#count = 0;
  }

  /** Index of the first price not better than `price` (where it is, or would go). */
  #search(price: number): number {
    const prices = this.#prices;
    const direction = this.#direction;
    const key = price * direction;
    let lo = 0;
    let hi = this.#count;
    // The usual level lands after the last one: check there first.
    if (hi > 0 && prices[hi - 1]! * direction < key) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (prices[mid]! * direction < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
