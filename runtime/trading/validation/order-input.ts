// The arguments of the order requests as callers write them, checked and
// turned into their wire messages. The reference is settled by the caller of
// these (the user's, or a generated one) and passed in.
import type * as seto from "../../../generated/seto.js";
import type { IntegerLike } from "../../integers.js";
import { OrderValidationError } from "../errors.js";
import { checkSide, checkTimeInForce, type SideInput, type TimeInForceInput } from "./enums.js";
import { checkId32, checkLabel, checkOrderId, checkQuantity, checkReference, show } from "./fields.js";
import { checkOrderPrice } from "./price.js";

/** An order as `client.trading.placeOrder()` takes it; checked (price on the ladder, quantity, ids) before anything is sent. */
export interface PlaceOrderInput {
  marketId: number;
  contractId: number;
  side: SideInput;
  /** Basis points of probability (2500 = 25%), on the odds ladder. */
  price: number;
  /** Payoff in minor units × 100 (not stake; see the order-create docs). */
  quantity: IntegerLike;
  /** Default: good-til-cancelled (the exchange's default). */
  timeInForce?: TimeInForceInput;
  /** Echoed in the replies; generated (unique) when absent. Must not be in use by a request still awaiting its reply. */
  reference?: IntegerLike;
  label?: string;
}

/** The new price and quantity of `client.trading.replaceOrder()`. */
export interface ReplaceOrderInput {
  price: number;
  quantity: IntegerLike;
  reference?: IntegerLike;
  label?: string;
  /** When given, must be the original order's market (the exchange refuses it otherwise). */
  marketId?: number;
}

function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null) throw new OrderValidationError(`${field} must be an object, got ${show(value)}`, field, value);
  return value as Record<string, unknown>;
}

/** The user's reference, checked; undefined when a generated one is wanted. */
export function inputReference(input: { reference?: IntegerLike }): bigint | undefined {
  return input.reference === undefined ? undefined : checkReference(input.reference);
}

export function orderCreateMessage(input: PlaceOrderInput, reference: bigint): seto.OrderCreate & { reference: bigint } {
  const o = requireObject(input, "order");
  return {
    marketId: checkId32(o.marketId, "marketId"),
    contractId: checkId32(o.contractId, "contractId"),
    side: checkSide(o.side),
    price: checkOrderPrice(o.price),
    quantity: checkQuantity(o.quantity as IntegerLike),
    // Only put on the wire what was asked for (proto2: present iff defined).
    tif: o.timeInForce === undefined ? undefined : checkTimeInForce(o.timeInForce),
    label: o.label === undefined ? undefined : checkLabel(o.label),
    reference,
  };
}

export function orderCancelReplaceMessage(origOrderId: IntegerLike, input: ReplaceOrderInput, reference: bigint): seto.OrderCancelReplace & { reference: bigint } {
  const o = requireObject(input, "replacement");
  return {
    origOrderId: checkOrderId(origOrderId, "origOrderId"),
    price: checkOrderPrice(o.price),
    quantity: checkQuantity(o.quantity as IntegerLike),
    reference,
    label: o.label === undefined ? undefined : checkLabel(o.label),
    marketId: o.marketId === undefined ? undefined : checkId32(o.marketId, "marketId"),
  };
}
