// Waits (bounded) until one of our orders reaches a state, watching the
// trading layer's order changes rather than polling.
import type { StreamingAPIClient } from "../runtime/client/index.js";
import type { OrderView } from "../runtime/trading/index.js";

export async function waitForOrder(
  client: StreamingAPIClient,
  orderId: bigint,
  done: (order: OrderView) => boolean,
  timeoutMs: number,
): Promise<OrderView | undefined> {
  const now = client.trading.orders.get(orderId);
  if (now && done(now)) return now;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for await (const change of client.trading.orders.changes({ signal, overflow: "drop-oldest" })) {
      if (change.order.orderId === orderId && done(change.order)) return change.order;
    }
  } catch {
    // Timed out (AbortedError) or the stream closed: the caller reports it.
  }
  const last = client.trading.orders.get(orderId);
  return last && done(last) ? last : undefined;
}
