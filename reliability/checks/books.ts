// Whether a client's book of a market is the exchange's: every level of
// every contract (the client must keep full depth: the exchange publishes
// it), the last execution, high and low, and the market's executed volume.
import type { ExchangeHandle } from "../../exchange/index.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";

/** Price and quantity of each level, for comparing books. */
export function levels(list: readonly { price: number; quantity: bigint }[]): [number, bigint][] {
  return list.map((l) => [l.price, l.quantity]);
}

/** Where the client's book of `marketId` differs from the exchange's (empty when it does not). */
export function bookMismatches(client: StreamingAPIClient, ex: ExchangeHandle, marketId: number): string[] {
  const truth = ex.engine.marketQuotes(marketId);
  const market = client.trading.books.market(marketId);
  if (truth === undefined || market === undefined) {
    return [`market ${marketId}: exchange ${truth === undefined ? "has no such market" : "ok"}, client ${market === undefined ? "has no book" : "ok"}`];
  }
  const out: string[] = [];
  const differ = (what: string, mine: unknown, theirs: unknown): void => {
    const [a, b] = [show(mine), show(theirs)];
    if (a !== b) out.push(`${what}: client ${a}, exchange ${b}`);
  };
  if (market.stale) out.push(`market ${marketId}: the client's book is stale`);
  differ(`market ${marketId} executed volume`, market.executedVolume, truth.executedVolume);
  for (const c of truth.contracts) {
    const book = client.trading.books.contract(marketId, c.contractId);
    differ(`contract ${c.contractId} bids`, levels(book?.bids ?? []), levels(c.bids));
    differ(`contract ${c.contractId} offers`, levels(book?.offers ?? []), levels(c.offers));
    differ(
      `contract ${c.contractId} last execution`,
      book?.lastExecution && { price: book.lastExecution.price, quantity: book.lastExecution.quantity },
      c.lastExecution && { price: c.lastExecution.price, quantity: c.lastExecution.quantity },
    );
    differ(`contract ${c.contractId} high`, book?.highPrice, c.highPrice);
    differ(`contract ${c.contractId} low`, book?.lowPrice, c.lowPrice);
  }
  return out;
}

const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x)) ?? "undefined";
