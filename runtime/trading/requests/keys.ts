// Correlation keys: the wire's own identifiers that tie a reply to the request
// it answers. A request is filed under the keys it knows (its reference, the
// order id it names, and once sent its payload seq); a reply is looked up under
// the keys it carries (`replyKeys`, by kind of reply). The request then decides
// whether the reply is its own.
//
// A key is its kind and its value, the value a number where the id is exact
// as one (bigint-key.ts): every order and every reply looks keys up, and
// neither hashing a bigint nor spelling one out in a string is cheap.
import type * as seto from "../../../generated/seto.js";
import { bigintKey } from "../../bigint-key.js";

export type KeyKind = "seq" | "reference" | "order" | "origOrder" | "market" | "settings" | "cancelAll";

/** One identifier of one kind; two keys are the same key when kind and value are equal. */
export interface CorrelationKey {
  readonly kind: KeyKind;
  readonly value: number | bigint;
}

const id = (kind: KeyKind, value: bigint): CorrelationKey => ({ kind, value: bigintKey(value) });

export const key = {
  /** The payload seq of the request, echoed by order-accepted/-rejected/-invalid. */
  seq: (seq: bigint): CorrelationKey => id("seq", seq),
  /** The client's reference, echoed by every reply to a request that set it. */
  reference: (reference: bigint): CorrelationKey => id("reference", reference),
  order: (orderId: bigint): CorrelationKey => id("order", orderId),
  origOrder: (orderId: bigint): CorrelationKey => id("origOrder", orderId),
  market: (marketId: number): CorrelationKey => ({ kind: "market", value: marketId }),
  /** settings-accepted carries no key: requests are answered in the order sent. */
  settings: { kind: "settings", value: 0 } as CorrelationKey,
  /** For cancel-all replies without a reference (none are expected): oldest first. */
  cancelAll: { kind: "cancelAll", value: 0 } as CorrelationKey,
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
