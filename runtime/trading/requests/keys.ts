// Correlation keys: the wire's own identifiers that tie a reply to the request
// it answers. A request is filed under the keys it knows (its reference, the
// order id it names, and once sent its payload seq); a reply is looked up under
// the keys it carries (`replyKeys`, by kind of reply). The request then decides
// whether the reply is its own.
import type * as seto from "../../../generated/seto.js";

export type CorrelationKey = string;

export const key = {
  /** The payload seq of the request, echoed by order-accepted/-rejected/-invalid. */
  seq: (seq: bigint): CorrelationKey => `seq:${seq}`,
  /** The client's reference, echoed by every reply to a request that set it. */
  reference: (reference: bigint): CorrelationKey => `ref:${reference}`,
  order: (orderId: bigint): CorrelationKey => `order:${orderId}`,
  origOrder: (orderId: bigint): CorrelationKey => `orig:${orderId}`,
  market: (marketId: number): CorrelationKey => `market:${marketId}`,
  /** settings-accepted carries no key: requests are answered in the order sent. */
  settings: "settings" as CorrelationKey,
  /** For cancel-all replies without a reference (none are expected): oldest first. */
  cancelAll: "cancel-all" as CorrelationKey,
};

interface KeyFields {
  readonly seq?: bigint | undefined;
  readonly reference?: bigint | undefined;
  readonly orderId?: bigint | undefined;
  readonly origOrderId?: bigint | undefined;
}

function fieldKeys(m: KeyFields): CorrelationKey[] {
  const out: CorrelationKey[] = [];
  if (m.reference !== undefined) out.push(key.reference(m.reference));
  if (m.seq !== undefined) out.push(key.seq(m.seq));
  if (m.orderId !== undefined) out.push(key.order(m.orderId));
  if (m.origOrderId !== undefined) out.push(key.origOrder(m.origOrderId));
  return out;
}

/** The keys under which to look for the request a reply may answer, by kind of reply. */
export const replyKeys = {
  /** A reply about one order or order request: the identifiers it echoes. */
  order: (m: KeyFields): CorrelationKey[] => fieldKeys(m),
  /** A cancel-all reply: its identifiers, and the cancel-all line for one without a reference. */
  cancelAll: (m: KeyFields): CorrelationKey[] => [...fieldKeys(m), key.cancelAll],
  /** A market-quotes snapshot answers the subscribes to its market. */
  market: (m: seto.MarketQuotes): CorrelationKey[] => [key.market(m.marketId)],
  settings: (): CorrelationKey[] => [key.settings],
};
