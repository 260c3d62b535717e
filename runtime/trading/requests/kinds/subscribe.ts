// market-subscribe is answered by a market-quotes snapshot of that market;
// market-unsubscribe by nothing, so it settles once sent.
import type * as seto from "../../../../generated/seto.js";
import { key } from "../keys.js";
import type { RequestSpec } from "../request-spec.js";

export function subscribeSpec(marketId: number, onSent: (seq: bigint) => void): RequestSpec<seto.MarketQuotes> {
  return {
    what: `subscribe (market ${marketId})`,
    message: { name: "seto.market_subscribe", body: { marketId } },
    reference: undefined,
    keys: [key.market(marketId)],
    shared: true,
    onSent,
    replies: {
      "seto.market_quotes": (m) => (m.marketId === marketId ? { resolve: m } : undefined),
    },
  };
}

export function unsubscribeSpec(marketId: number, onSent: (seq: bigint) => void): RequestSpec<void> {
  return {
    onSent,
    what: `unsubscribe (market ${marketId})`,
    message: { name: "seto.market_unsubscribe", body: { marketId } },
    reference: undefined,
    keys: [],
    noReply: { value: undefined },
    replies: {},
  };
}
