// One contract's visible depth, built from a snapshot (the contract-quotes in
// market-quotes: whole depth) and then contract-quotes updates, which carry
// only the levels that changed (quantity 0: the level is gone) and the
// executions behind them.
//
// Depth limit: the exchange publishes only the best few levels per side and
// does not announce a level that is pushed out of view (see the docs'
// contract-quotes example); such a level would go stale here, and could later
// resurface as if current. So the book keeps only as many levels as the
// exchange shows (`depthLimit`); a level that comes back into view is sent
// again by the exchange.
import type * as seto from "../../../generated/seto.js";
import { PriceLevels, type Level } from "./price-levels.js";

/** One contract's book: bids and offers best first, best bid and offer, last execution and traded volume. */
export interface ContractBookView {
  readonly marketId: number;
  readonly contractId: number;
  /** Buy quotes, highest price first. */
  readonly bids: readonly Level[];
  /** Sell quotes, lowest price first. */
  readonly offers: readonly Level[];
  readonly bestBid: Level | undefined;
  readonly bestOffer: Level | undefined;
  readonly lastExecution: seto.Execution | undefined;
  /** Quantity traded in the executions seen since the snapshot. */
  readonly tradedVolume: bigint;
  readonly highPrice: number | undefined;
  readonly lowPrice: number | undefined;
}

export class ContractBook {
  readonly #bids = new PriceLevels("highest");
  readonly #offers = new PriceLevels("lowest");
  #lastExecution: seto.Execution | undefined;
  #tradedVolume = 0n;
  #highPrice: number | undefined;
  #lowPrice: number | undefined;
  #view: ContractBookView | undefined;
  /** The market snapshot that last refilled this book (see MarketBook.snapshot). */
  generation = 0;

  constructor(
    readonly marketId: number,
    readonly contractId: number,
    readonly depthLimit: number,
  ) {}

  /** Replaces everything with a snapshot's whole depth. */
  snapshot(q: seto.ContractQuotes): void {
    this.#bids.clear();
    this.#offers.clear();
    this.#tradedVolume = 0n;
    this.#lastExecution = q.lastExecution;
    this.#highPrice = q.highPrice;
    this.#lowPrice = q.lowPrice;
    this.#setLevels(q);
  }

  /** Applies an update: changed levels, then its executions. Returns the quantity they traded. */
  update(q: seto.ContractQuotes): bigint {
    this.#setLevels(q);
    let traded = 0n;
    for (const e of q.executions) {
      traded += e.quantity;
      this.#lastExecution = e;
    }
    this.#tradedVolume += traded;
    if (q.lastExecution !== undefined) this.#lastExecution = q.lastExecution;
    if (q.highPrice !== undefined) this.#highPrice = q.highPrice;
    if (q.lowPrice !== undefined) this.#lowPrice = q.lowPrice;
    return traded;
  }

  view(): ContractBookView {
    return (this.#view ??= Object.freeze({
      marketId: this.marketId,
      contractId: this.contractId,
      bids: Object.freeze(this.#bids.levels()),
      offers: Object.freeze(this.#offers.levels()),
      bestBid: this.#bids.best(),
      bestOffer: this.#offers.best(),
      lastExecution: this.#lastExecution,
      tradedVolume: this.#tradedVolume,
      highPrice: this.#highPrice,
      lowPrice: this.#lowPrice,
    }));
  }

  #setLevels(q: seto.ContractQuotes): void {
    for (const level of q.bids) this.#bids.set(level.price, level.quantity);
    for (const level of q.offers) this.#offers.set(level.price, level.quantity);
    this.#bids.trim(this.depthLimit);
    this.#offers.trim(this.depthLimit);
    this.#view = undefined;
  }
}
