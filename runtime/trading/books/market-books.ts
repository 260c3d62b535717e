// Live books for the markets this client subscribes to, fed by market-quotes
// snapshots and contract-quotes updates, with a stream of what changed.
// A market's book exists from its subscription until its unsubscription
// (release frees it); payloads for markets not tracked are ignored, so a
// late update after unsubscribing cannot bring a book back.
import type * as seto from "../../../generated/seto.js";
import { ArgumentError } from "../../errors.js";
import { Broadcaster, type BroadcasterOptions, type SubscribeOptions } from "../../streams/index.js";
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import type { ContractBookView } from "./contract-book.js";
import { MarketBook, type MarketBookView } from "./market-book.js";

/** A change to the books `client.trading.books` keeps: a snapshot replaced a market's, a contract's changed, or a market's went stale; narrow on `kind`. */
export type BookUpdate =
  /** A snapshot replaced the market's books. */
  | { readonly kind: "snapshot"; readonly marketId: number; readonly market: MarketBookView }
  /** A contract's book changed (or traded). */
  | {
      readonly kind: "update";
      readonly marketId: number;
      readonly contractId: number;
      readonly contract: ContractBookView;
      readonly executions: readonly seto.Execution[];
    }
  /** The session was lost: the book is out of date until a fresh snapshot. */
  | { readonly kind: "stale"; readonly marketId: number }
  /** Unsubscribed: the book is gone. */
  | { readonly kind: "released"; readonly marketId: number };

export interface MarketBooksOptions {
  /** Levels kept per side: as many as the exchange publishes (5 today). Infinity keeps all. */
  depthLimit?: number;
  /** Defaults for update subscriptions. */
  updates?: BroadcasterOptions;
}

export const DEFAULT_DEPTH_LIMIT = 5;

/** The live books of every subscribed market (`client.trading.books`), built from snapshots and contract-quotes updates. */
export class MarketBooks {
  readonly depthLimit: number;
  readonly #books = new Map<number, MarketBook>();
  readonly #updates: Broadcaster<BookUpdate>;

  constructor(options: MarketBooksOptions = {}) {
    const depth = options.depthLimit ?? DEFAULT_DEPTH_LIMIT;
    if (depth !== Infinity && (!Number.isSafeInteger(depth) || depth < 1)) {
      throw new ArgumentError(`depthLimit must be a whole number ≥ 1 or Infinity, got ${String(depth)}`);
    }
    this.depthLimit = depth;
    this.#updates = new Broadcaster(options.updates);
  }

  /** Markets with a book, ascending. */
  tracked(): number[] {
    return [...this.#books.keys()].sort((a, b) => a - b);
  }

  isTracked(marketId: number): boolean {
    return this.#books.has(marketId);
  }

  /** A subscription was sent: its snapshot will be accepted. */
  track(marketId: number): void {
    if (!this.#books.has(marketId)) this.#books.set(marketId, new MarketBook(marketId, this.depthLimit));
  }

  /** Unsubscribed: the book and its memory go. */
  release(marketId: number): void {
    if (this.#books.delete(marketId)) this.#publish({ kind: "released", marketId });
  }

  /** Every book is out of date (the session was lost) until its next snapshot. */
  markStale(): void {
    for (const book of this.#books.values()) {
      book.markStale();
      this.#publish({ kind: "stale", marketId: book.marketId });
    }
  }

  market(marketId: number): MarketBookView | undefined {
    return this.#books.get(marketId)?.view();
  }

  contract(marketId: number, contractId: number): ContractBookView | undefined {
    return this.#books.get(marketId)?.contract(contractId)?.view();
  }

  updates(options?: SubscribeOptions): AsyncIterable<BookUpdate> {
    return this.#updates.subscribe(options ?? {});
  }

  close(): void {
    this.#updates.close();
  }

  /** A market-quotes snapshot: replaces the market's books, if it is tracked; returns whether it did. */
  snapshot(q: seto.MarketQuotes): boolean {
    const book = this.#books.get(q.marketId);
    if (book === undefined) return false;
    book.snapshot(q);
    if (this.#updates.subscriberCount > 0) this.#publish({ kind: "snapshot", marketId: book.marketId, market: book.view() });
    return true;
  }

  /** A contract-quotes update: applied to its market's book, if tracked and current; returns whether it was. */
  update(q: seto.ContractQuotes): boolean {
    const book = this.#books.get(q.marketId);
    // Without a current snapshot, a delta has nothing sound to apply to.
    if (book === undefined || book.stale) return false;
    const contract = book.update(q);
    if (this.#updates.subscriberCount > 0) {
      this.#publish({ kind: "update", marketId: q.marketId, contractId: q.contractId, contract: contract.view(), executions: q.executions });
    }
    return true;
  }

  /** For feeding books by hand (e.g. from `payloads()`): a snapshot or an update is applied, anything else ignored; returns whether a book changed. */
  apply(event: IncomingEvent): boolean {
    if (event.name === "seto.market_quotes") return this.snapshot(event.message);
    if (event.name === "seto.contract_quotes") return this.update(event.message);
    return false;
  }

  #publish(update: BookUpdate): void {
    this.#updates.publish(update);
  }
}
