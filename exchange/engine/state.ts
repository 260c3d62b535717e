// Everything the engine knows, shared by the command handlers.
import { AccountLogs } from "./account-log.js";
import { Accounts } from "./accounts.js";
import { Catalogue } from "./catalogue.js";
import { resolveConfig, type EngineConfig, type ResolvedConfig } from "./config.js";
import { MarketData } from "./market-data.js";
import { OrderBook } from "./order-book.js";
import { OrderRegistry } from "./order-registry.js";

export class EngineState {
  readonly config: ResolvedConfig;
  readonly catalogue: Catalogue;
  readonly accounts = new Accounts();
  readonly orders: OrderRegistry;
  readonly logs: AccountLogs;
  readonly marketData: MarketData;
  readonly #books = new Map<number, OrderBook>();

  constructor(config: EngineConfig) {
    this.config = resolveConfig(config);
    this.catalogue = new Catalogue(config.catalogue);
    this.orders = new OrderRegistry(this.config.firstOrderId, this.config.endedOrderLimit);
    this.logs = new AccountLogs(this.config.replayLimit);
    this.marketData = new MarketData(this.config.publishedDepth);
    for (const spec of config.accounts ?? []) this.accounts.open(spec);
  }

  book(contractId: number): OrderBook {
    let book = this.#books.get(contractId);
    if (book === undefined) {
      book = new OrderBook(contractId);
      this.#books.set(contractId, book);
    }
    return book;
  }

  /** Now, in whole microseconds on the configured clock, for execution timestamps. */
  microseconds(): bigint {
    return BigInt(Math.floor(this.config.clock.now() * 1000));
  }
}
