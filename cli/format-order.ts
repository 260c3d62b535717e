// How the CLI shows our orders: a one-line state, and a table of several.
// Prices and pounds are shown as the demo shows them (amounts.ts).
import * as seto from "../generated/seto.js";
import { formatRational } from "../runtime/odds/index.js";
import type { OrderView } from "../runtime/trading/index.js";
import { pounds, price } from "./amounts.js";
import { table } from "./table.js";

export function sideName(side: seto.Side | undefined): string {
  if (side === seto.Side.SIDE_BUY) return "buy";
  if (side === seto.Side.SIDE_SELL) return "sell";
  return "?";
}

/** "50.00%": an exact average price in bps, as a percent to 2 places. */
export function averagePercent(order: OrderView): string | undefined {
  const avg = order.averagePrice;
  return avg === undefined ? undefined : `${formatRational({ num: avg.num, den: avg.den * 100n }, 2)}%`;
}

/** "partially-executed: £3.00 of £8.00 executed at an average 50.00%, £5.00 open". */
export function orderState(order: OrderView): string {
  const avg = averagePercent(order);
  const executed = `${pounds(order.executedQuantity)} of ${pounds(order.quantity)} executed${avg ? ` at an average ${avg}` : ""}`;
  const open = order.remainingQuantity > 0n ? `, ${pounds(order.remainingQuantity)} open` : "";
  const reason = order.reason ? ` (${order.reason})` : "";
  return `${order.status}${reason}: ${executed}${open}`;
}

const HEADERS = ["order", "market", "contract", "side", "price", "quantity", "executed", "open", "status", "label"];
const AMOUNTS = new Set([5, 6, 7]);

/** Our orders as a table, one per row, quantities as pounds of payoff. */
export function ordersTable(orders: readonly OrderView[]): string[] {
  const rows = orders.map((o) => [
    String(o.orderId ?? "-"),
    String(o.marketId ?? "?"),
    String(o.contractId ?? "?"),
    sideName(o.side),
    o.price === undefined ? "?" : price(o.price),
    pounds(o.quantity),
    pounds(o.executedQuantity),
    pounds(o.remainingQuantity),
    o.status,
    o.label ?? "",
  ]);
  return table(HEADERS, rows, AMOUNTS);
}
