// Public market data per contract: traded volume, last/high/low execution,
// and the depth last published, from which each contract-quotes event's
// changed levels are worked out.
import { Side } from "../../generated/seto.js";
import type { ContractQuotesEvent, ExecutionRecord, QuoteLevel } from "./events.js";
import type { Depth, OrderBook } from "./order-book.js";

export interface ContractQuotesSnapshot {
  readonly marketId: number;
  readonly contractId: number;
  /** Highest price first. */
  readonly bids: readonly QuoteLevel[];
  /** Lowest price first. */
  readonly offers: readonly QuoteLevel[];
  readonly lastExecution: ExecutionRecord | undefined;
  readonly highPrice: number | undefined;
  readonly lowPrice: number | undefined;
  /** Total quantity executed in this contract. */
  readonly executedVolume: bigint;
}

/** What seto market-quotes carries: every contract's depth, plus the market's executed volume. */
export interface MarketQuotesSnapshot {
  readonly marketId: number;
  readonly executedVolume: bigint;
  readonly contracts: readonly ContractQuotesSnapshot[];
}

interface Stats {
  volume: bigint;
  last: ExecutionRecord | undefined;
  high: number | undefined;
  low: number | undefined;
  published: Depth;
}

/**
 * Levels of the view whose quantity differs between `before` and `after`
 * (one coming into view counts as changed), and 0 for a level gone from the
 * view, best first. A level that left the view but is still in the book
 * (`stillBooked`: pushed out by better ones) is not announced: as in the
 * docs' contract-quotes example, a client keeps only the published depth and
 * drops it itself; it is announced again when it comes back into view.
 */
export function changedLevels(
  side: Side,
  before: readonly QuoteLevel[],
  after: readonly QuoteLevel[],
  stillBooked: ReadonlySet<number> = new Set(),
): QuoteLevel[] {
  const old = new Map(before.map((l) => [l.price, l.quantity]));
  const changed: QuoteLevel[] = after.filter((l) => old.get(l.price) !== l.quantity);
  const now = new Set(after.map((l) => l.price));
  for (const l of before) if (!now.has(l.price) && !stillBooked.has(l.price)) changed.push({ price: l.price, quantity: 0n });
  return changed.sort((a, b) => (side === Side.SIDE_BUY ? b.price - a.price : a.price - b.price));
}

export class MarketData {
  readonly #stats = new Map<number, Stats>();

  /** `depth`: levels per side shown (see EngineConfig.publishedDepth). */
  constructor(readonly depth = Number.POSITIVE_INFINITY) {}

  /** The book's visible depth: its best `depth` levels per side. */
  #visible(all: Depth): Depth {
    if (this.depth === Number.POSITIVE_INFINITY) return all;
    return { bids: all.bids.slice(0, this.depth), offers: all.offers.slice(0, this.depth) };
  }

  #of(contractId: number): Stats {
    let s = this.#stats.get(contractId);
    if (s === undefined) {
      s = { volume: 0n, last: undefined, high: undefined, low: undefined, published: { bids: [], offers: [] } };
      this.#stats.set(contractId, s);
    }
    return s;
  }

  record(contractId: number, execution: ExecutionRecord): void {
    const s = this.#of(contractId);
    s.volume += execution.quantity;
    s.last = execution;
    s.high = s.high === undefined ? execution.price : Math.max(s.high, execution.price);
    s.low = s.low === undefined ? execution.price : Math.min(s.low, execution.price);
  }

  /** The contract-quotes event for what changed since the last one, or undefined if nothing did. */
  publish(marketId: number, book: OrderBook, executions: readonly ExecutionRecord[]): ContractQuotesEvent | undefined {
    const s = this.#of(book.contractId);
    const all = book.depth();
    const depth = this.#visible(all);
    const booked = (levels: readonly QuoteLevel[]): Set<number> => new Set(levels.map((l) => l.price));
    const changedBids = changedLevels(Side.SIDE_BUY, s.published.bids, depth.bids, booked(all.bids));
    const changedOffers = changedLevels(Side.SIDE_SELL, s.published.offers, depth.offers, booked(all.offers));
    s.published = depth;
    if (changedBids.length === 0 && changedOffers.length === 0 && executions.length === 0) return undefined;
    return {
      audience: "market",
      kind: "contract-quotes",
      marketId,
      contractId: book.contractId,
      bids: depth.bids,
      offers: depth.offers,
      changedBids,
      changedOffers,
      executions,
      lastExecution: s.last,
      highPrice: s.high,
      lowPrice: s.low,
    };
  }

  snapshot(marketId: number, book: OrderBook): ContractQuotesSnapshot {
    const s = this.#of(book.contractId);
    const depth = this.#visible(book.depth());
    return {
      marketId,
      contractId: book.contractId,
      bids: depth.bids,
      offers: depth.offers,
      lastExecution: s.last,
      highPrice: s.high,
      lowPrice: s.low,
      executedVolume: s.volume,
    };
  }
}
