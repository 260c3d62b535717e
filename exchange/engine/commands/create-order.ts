// order-create: answered by exactly one of order-invalid, order-rejected or
// order-accepted; an accepted order may then execute at once (order-executed
// to both sides), rest, or (IMMEDIATE_OR_CANCEL) have its rest cancelled.
//
// Checks, in order: price and quantity (order-invalid, all failing reasons
// together); market exists; contract exists in that market; market state
// (NEW: MARKET_NOT_OPEN, HALTED: MARKET_HALTED, SETTLED or VOIDED:
// MARKET_SETTLED; OPEN and LIVE trade); contract state (SETTLED or VOIDED:
// CONTRACT_SETTLED); the order would meet one of the account's own resting
// orders (CROSSED_SELF); the account already has maxLiveOrdersPerAccount live
// orders (CAPACITY_REACHED); its risk exceeds the available balance
// (INSUFFICIENT_FUNDS).
import { OrderRejectedReason } from "../../../generated/seto.js";
import { checkSide, invalidReasons, rejectedReason, resolveTif, tradingBlock } from "../admission.js";
import { CommandContext } from "../context.js";
import type { CommandResult } from "../events.js";
import { admit, trade } from "../lifecycle.js";
import { orderRisk } from "../money.js";
import type { EngineState } from "../state.js";
import type { CreateOrderCommand } from "./types.js";

export function createOrder(state: EngineState, cmd: CreateOrderCommand): CommandResult {
  const account = state.accounts.get(cmd.accountId);
  checkSide(cmd.side);
  const tif = resolveTif(cmd.tif);
  const ctx = new CommandContext(state, "order-create");
  const { reference, label, requestSeq: seq } = cmd;

  const reasons = invalidReasons(cmd.price, cmd.quantity, state.config.isTick, state.config.quantityUnit);
  if (reasons.length > 0 || cmd.price === undefined) {
    ctx.tell(account.id, { kind: "order-invalid", seq, reasons, reference });
    return ctx.finish();
  }
  const price = cmd.price;
  const block =
    tradingBlock(state.catalogue, cmd.marketId, cmd.contractId) ??
    (state.book(cmd.contractId).wouldCrossOwn(account.id, cmd.side, price) ? "crossed-self" : undefined);
  const reason =
    block !== undefined
      ? rejectedReason[block]
      : state.orders.liveCount(account.id) >= state.config.maxLiveOrdersPerAccount
        ? OrderRejectedReason.ORDER_REJECTED_CAPACITY_REACHED
        : orderRisk(cmd.side, cmd.quantity, price) > account.available()
          ? OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS
          : undefined;
  if (reason !== undefined) {
    ctx.tell(account.id, { kind: "order-rejected", seq, reason, reference, label });
    return ctx.finish();
  }

  const { marketId, contractId, side, quantity } = cmd;
  const order = admit(ctx, { id: state.orders.nextId(), accountId: account.id, marketId, contractId, side, price, quantity, tif, reference, label });
  ctx.tell(account.id, {
    kind: "order-accepted",
    seq,
    reference,
    label,
    orderId: order.id,
    price,
    quantity,
    marketId,
    contractId,
    side,
    availableBalance: account.available(),
    exposure: account.exposure(),
  });
  trade(ctx, order, reference);
  return ctx.finish();
}
