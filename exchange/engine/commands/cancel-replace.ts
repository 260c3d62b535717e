// order-cancel-replace: cancels the unfilled rest of a live order and puts a
// new order (new id, new price and quantity, same account, market, contract,
// side and time in force) in its place.
//
// The replacement is a new order in every respect: it goes to the back of
// the queue at its price (it never keeps the original's time priority), may
// execute at once like any incoming order, and its quantity does not count
// what the original had executed. The original's executions stay with it,
// and it ends as "replaced".
//
// Replies, in order:
// - unknown id, or another account's order: order-cancel-rejected NOT_FOUND
//   (with origOrderId), nothing else;
// - bad price or quantity: order-invalid (as for order-create);
// - otherwise order-pending-replace with the replacement's id, then one of
//   - order-cancel-replace-rejected: marketId given and not the order's
//     (MARKET_NOT_FOUND), original already ended (TOO_LATE), market or
//     contract state (MARKET_NOT_OPEN, MARKET_HALTED, MARKET_SETTLED,
//     CONTRACT_SETTLED), would meet an own resting order (CROSSED_SELF);
//   - order-cancel-rejected INSUFFICIENT_FUNDS (orderId = replacement,
//     origOrderId = original) when the replacement's risk exceeds the
//     available balance plus what the original held: the replace-rejected
//     enum has no funds reason, order-cancel-rejected does;
//   - order-cancel-replace-accepted (quantityLeft = the original's rest that
//     was cancelled), then executions as for order-create.
// Any rejection leaves the original untouched.
import { OrderCancelReplaceRejectedReason, OrderCancelRejectedReason } from "../../../generated/seto.js";
import { invalidReasons, replaceRejectedReason, tradingBlock } from "../admission.js";
import { CommandContext } from "../context.js";
import type { CommandResult } from "../events.js";
import { admit, end, trade } from "../lifecycle.js";
import { orderRisk } from "../money.js";
import { remaining } from "../order.js";
import type { EngineState } from "../state.js";
import type { CancelReplaceCommand } from "./types.js";

export function cancelReplace(state: EngineState, cmd: CancelReplaceCommand): CommandResult {
  const account = state.accounts.get(cmd.accountId);
  const ctx = new CommandContext(state, "order-cancel-replace");
  const { price, quantity, reference, requestSeq: seq } = cmd;
  const orig = state.orders.get(cmd.origOrderId);
  if (orig === undefined || orig.accountId !== account.id) {
    ctx.tell(account.id, {
      kind: "order-cancel-rejected",
      reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND,
      reference,
      orderId: undefined,
      origOrderId: cmd.origOrderId,
      marketId: cmd.marketId,
      contractId: undefined,
      side: undefined,
      label: cmd.label,
    });
    return ctx.finish();
  }
  const reasons = invalidReasons(price, quantity, state.config.isTick, state.config.quantityUnit);
  if (reasons.length > 0) {
    ctx.tell(account.id, { kind: "order-invalid", seq, reasons, reference });
    return ctx.finish();
  }

  const label = cmd.label ?? orig.label;
  const { marketId, contractId, side } = orig;
  const where = { marketId, contractId, side, origOrderId: orig.id, reference, label };
  const orderId = state.orders.nextId();
  ctx.tell(account.id, { kind: "order-pending-replace", orderId, price, quantity, ...where });

  const block =
    cmd.marketId !== undefined && cmd.marketId !== marketId
      ? "market-not-found"
      : tradingBlock(state.catalogue, marketId, contractId) ??
        (state.book(contractId).wouldCrossOwn(account.id, side, price) ? "crossed-self" : undefined);
  const reason =
    orig.status !== "live" && block !== "market-not-found"
      ? OrderCancelReplaceRejectedReason.ORDER_CANCEL_REPLACE_REJECTED_TOO_LATE
      : block === undefined
        ? undefined
        : replaceRejectedReason[block];
  if (reason !== undefined) {
    ctx.tell(account.id, { kind: "order-cancel-replace-rejected", orderId, reason, ...where });
    return ctx.finish();
  }
  if (orderRisk(side, quantity, price) > account.available() + orig.reserved) {
    ctx.tell(account.id, {
      kind: "order-cancel-rejected",
      reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_INSUFFICIENT_FUNDS,
      orderId,
      ...where,
    });
    return ctx.finish();
  }

  const quantityLeft = remaining(orig);
  end(ctx, orig, "replaced");
  const order = admit(ctx, { id: orderId, accountId: account.id, marketId, contractId, side, price, quantity, tif: orig.tif, reference, label });
  ctx.tell(account.id, { kind: "order-cancel-replace-accepted", orderId, price, quantity, quantityLeft, ...where });
  trade(ctx, order, reference);
  return ctx.finish();
}
