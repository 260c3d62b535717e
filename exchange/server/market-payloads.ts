// Engine market data → seto market-quotes (the snapshot a subscriber gets
// first), contract-quotes (each change after it) and market-state.
import type * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import type {
  ContractQuotesEvent,
  ContractQuotesSnapshot,
  ExecutionRecord,
  MarketQuotesSnapshot,
  MarketStateEvent,
  MarketView,
  QuoteLevel,
} from "../engine/index.js";

const quotes = (levels: readonly QuoteLevel[]): seto.Quote[] => levels.map((q) => ({ price: q.price, quantity: q.quantity }));
const execution = (x: ExecutionRecord): seto.Execution => ({
  price: x.price,
  quantity: x.quantity,
  liquidity: x.liquidity,
  microseconds: x.microseconds,
});

/** A contract's whole depth, for the market-quotes snapshot (no executions: they are history). */
function snapshotQuotes(c: ContractQuotesSnapshot): seto.ContractQuotes {
  return {
    bids: quotes(c.bids),
    offers: quotes(c.offers),
    executions: [],
    lastExecution: c.lastExecution === undefined ? undefined : execution(c.lastExecution),
    highPrice: c.highPrice,
    lowPrice: c.lowPrice,
    marketId: c.marketId,
    contractId: c.contractId,
  };
}

export function marketQuotesPayload(m: MarketQuotesSnapshot): seto.Payload {
  return setoPayload("seto.market_quotes", {
    contractQuotes: m.contracts.map(snapshotQuotes),
    executedVolume: m.executedVolume,
    marketId: m.marketId,
  });
}

/** A change to a contract's book: only the levels that changed (0 for an emptied one), and the trades that did it. */
export function contractQuotesPayload(e: ContractQuotesEvent): seto.Payload {
  return setoPayload("seto.contract_quotes", {
    bids: quotes(e.changedBids),
    offers: quotes(e.changedOffers),
    executions: e.executions.map(execution),
    lastExecution: e.lastExecution === undefined ? undefined : execution(e.lastExecution),
    highPrice: e.highPrice,
    lowPrice: e.lowPrice,
    marketId: e.marketId,
    contractId: e.contractId,
  });
}

export function marketStatePayload(e: MarketStateEvent): seto.Payload {
  return setoPayload("seto.market_state", {
    state: e.state,
    marketId: e.marketId,
    reason: e.reason,
    contracts: e.contracts.map((c) => ({ contractId: c.contractId, state: c.state })),
  });
}

/** A market's current state, as a market-state payload (what an event subscriber gets first). */
export function currentMarketStatePayload(m: MarketView): seto.Payload {
  return setoPayload("seto.market_state", {
    state: m.state,
    marketId: m.id,
    reason: undefined,
    contracts: m.contracts.map((c) => ({ contractId: c.id, state: c.state })),
  });
}
