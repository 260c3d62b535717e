// Whether a client's view of one account's orders is the exchange's: the
// orders resting, and for every order the client knows by id its status,
// size, executed quantity and average price, and what is left open. Used by
// the soak and by the integration tests.
import type { ExchangeHandle } from "../../exchange/index.js";
import { averagePrice, type OrderView as EngineOrderView } from "../../exchange/engine/index.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";
import type { OrderStatus, OrderView } from "../../runtime/trading/index.js";

/** The exchange's order statuses each client status corresponds to. */
const engineStatusOf: Readonly<Record<OrderStatus, EngineOrderView["status"] | undefined>> = {
  pending: undefined,
  "outcome-unknown": undefined,
  expired: undefined,
  live: "live",
  "partially-executed": "live",
  executed: "filled",
  reduced: "filled",
  cancelled: "cancelled",
  replaced: "replaced",
  voided: undefined,
  rejected: undefined,
  invalid: undefined,
};

/** Where the client's view of `accountId`'s orders differs from the exchange's (empty when it does not). */
export function orderMismatches(client: StreamingAPIClient, ex: ExchangeHandle, accountId: number): string[] {
  const out: string[] = [];
  const ids = (list: bigint[]) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(",");
  const clientLive = ids(client.trading.orders.live().map((o) => o.orderId!));
  const engineLive = ids(ex.engine.liveOrders({ accountId }).map((o) => o.id));
  if (clientLive !== engineLive) out.push(`resting orders: client [${clientLive}], exchange [${engineLive}]`);
  for (const o of client.trading.orders.all()) {
    if (o.orderId === undefined || o.status === "rejected" || o.status === "invalid") {
      // Refused before it began (a refused replacement has an id the exchange never opened).
      if (o.status !== "rejected" && o.status !== "invalid") out.push(`order with reference ${o.reference} has no id but status ${o.status}`);
      else if (o.orderId !== undefined && ex.engine.order(o.orderId) !== undefined) out.push(`refused order ${o.orderId} is open at the exchange`);
      continue;
    }
    const e = ex.engine.order(o.orderId);
    if (e === undefined) {
      out.push(`order ${o.orderId} (${o.status}) is unknown to the exchange`);
      continue;
    }
    const mine = JSON.stringify(orderFacts(o), showBigint);
    const theirs = JSON.stringify(engineFacts(e), showBigint);
    if (mine !== theirs) out.push(`order ${o.orderId}: client ${mine}, exchange ${theirs}`);
  }
  return out;
}

const showBigint = (_key: string, value: unknown): unknown => (typeof value === "bigint" ? `${value}n` : value);

function orderFacts(o: OrderView) {
  return {
    status: engineStatusOf[o.status] ?? o.status,
    marketId: o.marketId,
    contractId: o.contractId,
    side: o.side,
    price: o.price,
    quantity: o.quantity,
    executed: o.executedQuantity,
    remaining: o.remainingQuantity,
    // The client's exact average, rounded as the exchange rounds its own.
    averagePrice: averagePrice(o.executedValue, o.executedQuantity),
  };
}

function engineFacts(e: EngineOrderView) {
  return {
    status: e.status,
    marketId: e.marketId,
    contractId: e.contractId,
    side: e.side,
    price: e.price,
    quantity: e.quantity,
    executed: e.filled,
    // An ended order has nothing open, whatever its size says.
    remaining: e.status === "live" ? e.remaining : 0n,
    averagePrice: e.executedAvgPrice,
  };
}
