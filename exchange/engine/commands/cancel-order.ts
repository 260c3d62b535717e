// order-cancel: order-cancelled (MEMBER_REQUESTED) for the unfilled rest of
// a live order; order-cancel-rejected NOT_FOUND for an id the account does
// not own (or that is no longer remembered), NOT_LIVE for an order that has
// already ended. Cancelling is allowed in any market state.
import { OrderCancelledReason, OrderCancelRejectedReason } from "../../../generated/seto.js";
import { CommandContext } from "../context.js";
import type { CommandResult } from "../events.js";
import { cancel } from "../lifecycle.js";
import type { EngineState } from "../state.js";
import type { CancelOrderCommand } from "./types.js";

export function cancelOrder(state: EngineState, cmd: CancelOrderCommand): CommandResult {
  const account = state.accounts.get(cmd.accountId);
  const ctx = new CommandContext(state, "order-cancel");
  const order = state.orders.get(cmd.orderId);
  if (order === undefined || order.accountId !== account.id) {
    ctx.tell(account.id, {
      kind: "order-cancel-rejected",
      reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND,
      reference: cmd.reference,
      orderId: cmd.orderId,
      origOrderId: undefined,
      marketId: undefined,
      contractId: undefined,
      side: undefined,
      label: undefined,
    });
  } else if (order.status !== "live") {
    ctx.tell(account.id, {
      kind: "order-cancel-rejected",
      reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE,
      reference: cmd.reference,
      orderId: order.id,
      origOrderId: undefined,
      marketId: order.marketId,
      contractId: order.contractId,
      side: order.side,
      label: order.label,
    });
  } else {
    cancel(ctx, order, OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, cmd.reference);
  }
  return ctx.finish();
}
