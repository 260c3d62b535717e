// order-quantity-reduce: lowers a live order's size without touching its
// price or its place in the queue.
//
// `newQuantity` is the order's new total size, the executed part included
// (the same meaning as order-create's quantity), so the unfilled rest becomes
// newQuantity - executed. It must be a multiple of the quantity unit,
// above 0, below the current size and not below what has executed; otherwise
// INVALID_NEW_QUANTITY. Reducing to exactly the executed quantity leaves
// nothing open: the order ends as filled. (A reduce to 0 of an order with no
// executions would be a cancel, and is refused as INVALID_NEW_QUANTITY: use
// order-cancel.) Unknown or another account's order: NOT_FOUND; ended: NOT_LIVE.
import { OrderQuantityReducedReason, OrderQuantityReduceRejectedReason as Rejected } from "../../../generated/seto.js";
import { CommandContext } from "../context.js";
import type { CommandResult } from "../events.js";
import { holdRemainder } from "../ledger.js";
import { end } from "../lifecycle.js";
import { executedAvgPrice, remaining } from "../order.js";
import type { EngineState } from "../state.js";
import type { ReduceOrderCommand } from "./types.js";

export function reduceOrder(state: EngineState, cmd: ReduceOrderCommand): CommandResult {
  const account = state.accounts.get(cmd.accountId);
  const ctx = new CommandContext(state, "order-quantity-reduce");
  const { newQuantity, reference } = cmd;
  const order = state.orders.get(cmd.orderId);
  const mine = order !== undefined && order.accountId === account.id ? order : undefined;
  const reason =
    mine === undefined
      ? Rejected.ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND
      : mine.status !== "live"
        ? Rejected.ORDER_QUANTITY_REDUCE_REJECTED_NOT_LIVE
        : newQuantity <= 0n || newQuantity >= mine.quantity || newQuantity < mine.filled || newQuantity % state.config.quantityUnit !== 0n
          ? Rejected.ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY
          : undefined;
  if (mine === undefined || reason !== undefined) {
    ctx.tell(account.id, {
      kind: "order-quantity-reduce-rejected",
      orderId: cmd.orderId,
      reason: reason ?? Rejected.ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND,
      reference,
      newQuantity,
      label: mine?.label,
    });
    return ctx.finish();
  }

  state.book(mine.contractId).reduce(mine, newQuantity);
  ctx.touch(mine.contractId);
  if (remaining(mine) === 0n) end(ctx, mine, "filled");
  else holdRemainder(state.accounts, mine);
  ctx.tell(account.id, {
    kind: "order-quantity-reduced",
    orderId: mine.id,
    reason: OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
    reference,
    newQuantity,
    marketId: mine.marketId,
    contractId: mine.contractId,
    side: mine.side,
    origPrice: mine.price,
    executedQuantity: mine.filled,
    executedAvgPrice: executedAvgPrice(mine),
    label: mine.label,
  });
  return ctx.finish();
}
