// Trading requests → engine commands. The engine answers each with events
// (accepted, rejected, executed, …) that the desk publishes; the request's
// eto seq goes along so replies that echo it (order-accepted/-rejected/
// -invalid) can. When a session is over its throttle, requests whose reply
// has a THROTTLE_EXCEEDED reason get that reply.
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { badEnum, type RequestHandlers } from "./request-handler.js";

const SIDES = [seto.Side.SIDE_BUY, seto.Side.SIDE_SELL];
const TIFS = [
  seto.TimeInForceType.GOOD_TIL_CANCELLED,
  seto.TimeInForceType.IMMEDIATE_OR_CANCEL,
  seto.TimeInForceType.KEEP_IN_PLAY,
  seto.TimeInForceType.GOOD_TILL_HALTED,
];
const first = (...checks: (string | undefined)[]): string | undefined => checks.find((c) => c !== undefined);

export const orderRequests: RequestHandlers = {
  "seto.order_create": {
    check: (b) =>
      first(
        badEnum("side", b.side, SIDES, false),
        badEnum("tif", b.tif, TIFS, true),
        badEnum("type", b.type, [seto.OrderCreateType.ORDER_CREATE_LIMIT], true),
        badEnum("quantity_type", b.quantityType, [seto.QuantityType.QUANTITY_PAYOFF_CURRENCY], true),
        badEnum("price_type", b.priceType, [seto.PriceType.PRICE_PERCENT_ODDS], true),
      ),
    throttled: (b, seq) =>
      setoPayload("seto.order_rejected", {
        seq,
        reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED,
        reference: b.reference,
        label: b.label,
      }),
    run: (desk, session, b, seq) =>
      desk.publish(
        desk.engine.createOrder({
          accountId: session.account.accountId,
          marketId: b.marketId,
          contractId: b.contractId,
          side: b.side,
          quantity: b.quantity,
          price: b.price,
          tif: b.tif,
          reference: b.reference,
          label: b.label,
          requestSeq: seq,
        }),
      ),
  },
  "seto.order_cancel": {
    throttled: (b) =>
      setoPayload("seto.order_cancel_rejected", {
        reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
        reference: b.reference,
        orderId: b.orderId,
      }),
    run: (desk, session, b) => desk.publish(desk.engine.cancelOrder({ accountId: session.account.accountId, orderId: b.orderId, reference: b.reference })),
  },
  "seto.order_cancel_all": {
    run: (desk, session, b) =>
      desk.publish(desk.engine.cancelAll({ accountId: session.account.accountId, marketId: b.marketId, reference: b.reference })),
  },
  "seto.order_quantity_reduce": {
    throttled: (b) =>
      setoPayload("seto.order_quantity_reduce_rejected", {
        orderId: b.orderId,
        reason: seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_THROTTLE_EXCEEDED,
        reference: b.reference,
        newQuantity: b.newQuantity,
      }),
    run: (desk, session, b) =>
      desk.publish(
        desk.engine.reduceOrder({ accountId: session.account.accountId, orderId: b.orderId, newQuantity: b.newQuantity, reference: b.reference }),
      ),
  },
  "seto.order_cancel_replace": {
    // order-cancel-replace-rejected has no throttle reason; order-cancel-rejected has, and already answers a
    // cancel-replace that lacks funds. Without a typed refusal the client cannot tell which request was refused.
    throttled: (b) =>
      setoPayload("seto.order_cancel_rejected", {
        reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
        reference: b.reference,
        origOrderId: b.origOrderId,
        marketId: b.marketId,
      }),
    check: (b) =>
      first(
        badEnum("quantity_type", b.quantityType, [seto.QuantityType.QUANTITY_PAYOFF_CURRENCY], true),
        badEnum("price_type", b.priceType, [seto.PriceType.PRICE_PERCENT_ODDS], true),
      ),
    run: (desk, session, b, seq) =>
      desk.publish(
        desk.engine.cancelReplace({
          accountId: session.account.accountId,
          origOrderId: b.origOrderId,
          price: b.price,
          quantity: b.quantity,
          marketId: b.marketId,
          reference: b.reference,
          label: b.label,
          requestSeq: seq,
        }),
      ),
  },
};
