import test from "ava";
import { ContractStateType, MarketStateType as M, OrderCancelledReason, OrderRejectedReason, TimeInForceType as Tif } from "../../generated/seto.js";
import { EngineCommandError } from "../../exchange/engine/errors.js";
import type { ExchangeEngine } from "../../exchange/engine/engine.js";
import { ALICE, BOB, UNIT, buy, kinds, ofKind, one, place, sell, setup } from "./helpers.js";

/** One resting order per time in force, from two accounts. */
function restingByTif(engine: ExchangeEngine): Record<"gtc" | "kip" | "gth", bigint> {
  return {
    gtc: place(engine, buy(ALICE, 4000, UNIT, { tif: Tif.GOOD_TIL_CANCELLED })),
    kip: place(engine, buy(BOB, 4100, UNIT, { tif: Tif.KEEP_IN_PLAY })),
    gth: place(engine, sell(ALICE, 6000, UNIT, { tif: Tif.GOOD_TILL_HALTED })),
  };
}

test("halting cancels GOOD_TILL_HALTED orders only (MARKET_HALTED); the state change goes to the market first", (t) => {
  const { engine } = setup();
  const ids = restingByTif(engine);
  const result = engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_HALTED, reason: "VAR check" });
  t.deepEqual(kinds(result), ["market:market-state", "1:order-cancelled", "1:balance-changed", "market:contract-quotes"]);
  t.like(one(result, "market-state"), { marketId: 1, state: M.MARKET_STATE_HALTED, reason: "VAR check" });
  t.deepEqual(one(result, "market-state").contracts, [
    { contractId: 1, state: ContractStateType.CONTRACT_STATE_HALTED },
    { contractId: 2, state: ContractStateType.CONTRACT_STATE_HALTED },
  ]);
  t.like(one(result, "order-cancelled"), { orderId: ids.gth, reason: OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED, reference: undefined });
  t.deepEqual(engine.liveOrders().map((o) => o.id), [ids.gtc, ids.kip]);
});

test("while halted no order is accepted (MARKET_HALTED); reopening takes orders again", (t) => {
  const { engine } = setup();
  engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_HALTED });
  t.is(one(engine.createOrder(buy(ALICE, 4000, UNIT)), "order-rejected").reason, OrderRejectedReason.ORDER_REJECTED_MARKET_HALTED);
  engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_OPEN });
  t.is(engine.createOrder(buy(ALICE, 4000, UNIT)).events[0]?.kind, "order-accepted");
});

test("going in play cancels GOOD_TIL_CANCELLED orders; KEEP_IN_PLAY and GOOD_TILL_HALTED stay", (t) => {
  const { engine } = setup();
  const ids = restingByTif(engine);
  const result = engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_LIVE });
  t.deepEqual(ofKind(result, "order-cancelled").map((e) => [e.orderId, e.reason]), [[ids.gtc, OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED]]);
  t.deepEqual(engine.liveOrders().map((o) => o.id), [ids.kip, ids.gth]);
  // In play the market trades.
  t.is(engine.createOrder(buy(ALICE, 4000, UNIT)).events[0]?.kind, "order-accepted");
});

test("a halt in play then resuming: GOOD_TILL_HALTED goes at the halt, GOOD_TIL_CANCELLED placed in play goes on resuming", (t) => {
  const { engine } = setup();
  engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_LIVE });
  const ids = restingByTif(engine);
  t.deepEqual(ofKind(engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_HALTED }), "order-cancelled").map((e) => e.orderId), [ids.gth]);
  t.deepEqual(ofKind(engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_LIVE }), "order-cancelled").map((e) => e.orderId), [ids.gtc]);
  t.deepEqual(engine.liveOrders().map((o) => o.id), [ids.kip]);
});

for (const state of [M.MARKET_STATE_SETTLED, M.MARKET_STATE_VOIDED]) {
  test(`${M[state]} cancels every resting order (ADMIN_REQUESTED) and is final`, (t) => {
    const { engine } = setup();
    restingByTif(engine);
    const result = engine.setMarketState({ marketId: 1, state });
    t.deepEqual(ofKind(result, "order-cancelled").map((e) => e.reason), Array(3).fill(OrderCancelledReason.ORDER_CANCELLED_ADMIN_REQUESTED));
    t.deepEqual(engine.liveOrders(), []);
    t.is(engine.account(ALICE).exposure, 0n);
    t.is(one(engine.createOrder(buy(ALICE, 4000, UNIT)), "order-rejected").reason, OrderRejectedReason.ORDER_REJECTED_MARKET_SETTLED);
    const error = t.throws(() => engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_OPEN }), { instanceOf: EngineCommandError });
    t.regex(error?.message ?? "", new RegExp(`from state ${M[state]} to MARKET_STATE_OPEN`));
  });
}

test("positions survive settlement (payouts are not modelled)", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5000, UNIT));
  engine.createOrder(buy(ALICE, 5000, UNIT));
  engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_SETTLED });
  t.deepEqual(engine.account(ALICE).positions, [{ contractId: 1, quantity: UNIT, stake: UNIT / 2n }]);
});

test("setting the current state again changes nothing and says nothing", (t) => {
  const { engine } = setup();
  restingByTif(engine);
  t.deepEqual(engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_OPEN }).events, []);
  t.is(engine.liveOrders().length, 3);
});

test("bad market-state commands are typed errors and change nothing", (t) => {
  const { engine } = setup();
  t.throws(() => engine.setMarketState({ marketId: 9, state: M.MARKET_STATE_HALTED }), { instanceOf: EngineCommandError, message: /market 9/ });
  t.throws(() => engine.setMarketState({ marketId: 1, state: M.UNRECOGNIZED }), { instanceOf: EngineCommandError, message: /state -1/ });
  t.throws(() => engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_NEW }), { instanceOf: EngineCommandError, message: /to MARKET_STATE_NEW/ });
  t.is(engine.market(1)?.state, M.MARKET_STATE_OPEN);
});

test("contracts follow the market's state", (t) => {
  const { engine } = setup();
  engine.setMarketState({ marketId: 1, state: M.MARKET_STATE_LIVE });
  t.deepEqual(engine.market(1)?.contracts.map((c) => c.state), [ContractStateType.CONTRACT_STATE_LIVE, ContractStateType.CONTRACT_STATE_LIVE]);
});
