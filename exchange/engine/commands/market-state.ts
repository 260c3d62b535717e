// Market state changes (an operator's command, not a seto request). The
// market-state event goes to market subscribers first, then order-cancelled
// to the owner of every order the change ends, oldest order first.
//
// What each time in force survives:
//
// | tif                 | market halts              | goes in play (LIVE)       | settled or voided           |
// |---------------------|---------------------------|---------------------------|-----------------------------|
// | GOOD_TIL_CANCELLED  | rests                     | cancelled (MARKET_HALTED) | cancelled (ADMIN_REQUESTED) |
// | KEEP_IN_PLAY        | rests                     | rests                     | cancelled (ADMIN_REQUESTED) |
// | GOOD_TILL_HALTED    | cancelled (MARKET_HALTED) | rests                     | cancelled (ADMIN_REQUESTED) |
// | IMMEDIATE_OR_CANCEL | never rests               | never rests               | never rests                 |
//
// "Goes in play" is any change into LIVE from another state (so GOOD_TIL_CANCELLED
// orders placed during an earlier live spell go when play resumes after a halt).
// seto has no "went in play" cancel reason; MARKET_HALTED is the closest.
// While HALTED, NEW, SETTLED or VOIDED no order is accepted; resting orders can
// still be cancelled or reduced. SETTLED and VOIDED are final, and NEW is only
// ever a starting state: other changes out of or into them are errors.
// Contracts follow the market's state, except ones already settled or voided.
// Settlement payouts are not modelled: positions stay as they were.
import { ContractStateType, MarketStateType, OrderCancelledReason, TimeInForceType } from "../../../generated/seto.js";
import { contractStateFor, isKnownMarketState } from "../catalogue.js";
import { CommandContext } from "../context.js";
import { EngineCommandError } from "../errors.js";
import type { CommandResult } from "../events.js";
import { cancel } from "../lifecycle.js";
import type { Order } from "../order.js";
import type { EngineState } from "../state.js";
import type { MarketStateCommand } from "./types.js";

const final = new Set([MarketStateType.MARKET_STATE_SETTLED, MarketStateType.MARKET_STATE_VOIDED]);

/** Whether a change into `to` (from a different state) ends `order`, and with what reason. */
function casualty(to: MarketStateType, order: Order): OrderCancelledReason | undefined {
  if (final.has(to)) return OrderCancelledReason.ORDER_CANCELLED_ADMIN_REQUESTED;
  if (to === MarketStateType.MARKET_STATE_HALTED && order.tif === TimeInForceType.GOOD_TILL_HALTED) {
    return OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED;
  }
  if (to === MarketStateType.MARKET_STATE_LIVE && order.tif === TimeInForceType.GOOD_TIL_CANCELLED) {
    return OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED;
  }
  return undefined;
}

export function setMarketState(state: EngineState, cmd: MarketStateCommand): CommandResult {
  const market = state.catalogue.market(cmd.marketId);
  if (market === undefined) throw new EngineCommandError(`market ${cmd.marketId} is not in the catalogue`);
  if (!isKnownMarketState(cmd.state)) throw new EngineCommandError(`market state ${cmd.state} is not one of 1..6 (NEW..VOIDED)`);
  const from = market.state;
  const to = cmd.state;
  const ctx = new CommandContext(state, "market-state");
  if (from === to) return ctx.finish();
  if (final.has(from) || to === MarketStateType.MARKET_STATE_NEW) {
    throw new EngineCommandError(
      `market ${market.id} cannot change from state ${MarketStateType[from]} to ${MarketStateType[to]} (settled and voided are final; NEW is only a starting state)`,
    );
  }

  market.state = to;
  for (const contract of market.contracts) {
    const done = contract.state === ContractStateType.CONTRACT_STATE_SETTLED || contract.state === ContractStateType.CONTRACT_STATE_VOIDED;
    if (!done) contract.state = contractStateFor(to);
  }
  ctx.announce({
    audience: "market",
    kind: "market-state",
    marketId: market.id,
    state: to,
    reason: cmd.reason,
    contracts: market.contracts.map((c) => ({ contractId: c.id, state: c.state })),
  });
  for (const order of state.orders.live()) {
    if (order.marketId !== market.id) continue;
    const reason = casualty(to, order);
    if (reason !== undefined) cancel(ctx, order, reason, undefined);
  }
  return ctx.finish();
}
