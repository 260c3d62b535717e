// order-cancel-all: order-cancel-all-accepted, then order-cancelled
// (MEMBER_REQUESTED) for each of the account's live orders, oldest first,
// only in `marketId` when given. Naming a market the account has no orders
// in (or an unknown one) cancels nothing and is still accepted.
import { OrderCancelledReason } from "../../../generated/seto.js";
import { CommandContext } from "../context.js";
import type { CommandResult } from "../events.js";
import { cancel } from "../lifecycle.js";
import type { EngineState } from "../state.js";
import type { CancelAllCommand } from "./types.js";

export function cancelAll(state: EngineState, cmd: CancelAllCommand): CommandResult {
  const account = state.accounts.get(cmd.accountId);
  const ctx = new CommandContext(state, "order-cancel-all");
  ctx.tell(account.id, { kind: "order-cancel-all-accepted", reference: cmd.reference, marketId: cmd.marketId });
  const doomed = state.orders
    .live()
    .filter((o) => o.accountId === account.id && (cmd.marketId === undefined || o.marketId === cmd.marketId));
  for (const order of doomed) cancel(ctx, order, OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, cmd.reference);
  return ctx.finish();
}
