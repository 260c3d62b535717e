import test from "ava";
import { MarketStateType, OrderCancelledReason, OrderCancelRejectedReason } from "../../generated/seto.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { ALICE, BOB, UNIT, buy, forAccount, isTick, kinds, ofKind, one, place, sell, setup } from "./helpers.js";

const START = 1000n * UNIT;

test("cancel: the rest of a live order is cancelled (MEMBER_REQUESTED), its money released, the book updated", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 4000, 10n * UNIT, { label: "L" }));
  const result = engine.cancelOrder({ accountId: ALICE, orderId: id, reference: 8n });
  t.deepEqual(kinds(result), ["1:order-cancelled", "1:balance-changed", "market:contract-quotes"]);
  t.like(one(result, "order-cancelled"), {
    orderId: id,
    reason: OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED,
    reference: 8n,
    marketId: 1,
    contractId: 1,
    origPrice: 4000,
    executedQuantity: 0n,
    availableBalance: START,
    exposure: 0n,
    label: "L",
  });
  t.deepEqual(one(result, "contract-quotes").changedBids, [{ price: 4000, quantity: 0n }]);
  t.is(engine.order(id)?.status, "cancelled");
  t.is(engine.account(ALICE).reserved, 0n);
});

test("cancel of a partly filled order cancels only the rest; the executions stand", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 5000, 10n * UNIT));
  engine.createOrder(sell(BOB, 5000, 4n * UNIT));
  const cancelled = one(engine.cancelOrder({ accountId: ALICE, orderId: id }), "order-cancelled");
  t.like(cancelled, { executedQuantity: 4n * UNIT, executedAvgPrice: 5000, exposure: 2n * UNIT });
  t.deepEqual(engine.account(ALICE).positions, [{ contractId: 1, quantity: 4n * UNIT, stake: 2n * UNIT }]);
});

test("cancel of an unknown order, or of another account's, is NOT_FOUND", (t) => {
  const { engine } = setup();
  const bobs = place(engine, buy(BOB, 4000, UNIT));
  for (const orderId of [12345n, bobs]) {
    const result = engine.cancelOrder({ accountId: ALICE, orderId, reference: 1n });
    t.deepEqual(kinds(result), ["1:order-cancel-rejected"]);
    t.like(one(result, "order-cancel-rejected"), { orderId, reference: 1n, reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND });
  }
  t.is(engine.order(bobs)?.status, "live");
});

test("cancel of an order that has ended (cancelled or filled) is NOT_LIVE", (t) => {
  const { engine } = setup();
  const cancelled = place(engine, buy(ALICE, 4000, UNIT));
  engine.cancelOrder({ accountId: ALICE, orderId: cancelled });
  const filled = place(engine, buy(ALICE, 5000, UNIT));
  engine.createOrder(sell(BOB, 5000, UNIT));
  for (const orderId of [cancelled, filled]) {
    const rejected = one(engine.cancelOrder({ accountId: ALICE, orderId }), "order-cancel-rejected");
    t.like(rejected, { orderId, reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE, marketId: 1, contractId: 1 });
  }
});

test("ended orders are forgotten past endedOrderLimit, oldest first: then NOT_FOUND", (t) => {
  const { engine } = setup({ endedOrderLimit: 2 });
  const ids = [1, 2, 3].map(() => place(engine, buy(ALICE, 4000, UNIT)));
  for (const orderId of ids) engine.cancelOrder({ accountId: ALICE, orderId });
  const reasons = ids.map((orderId) => one(engine.cancelOrder({ accountId: ALICE, orderId }), "order-cancel-rejected").reason);
  t.deepEqual(reasons, [
    OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND,
    OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE,
    OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE,
  ]);
});

test("cancelling works while the market is halted", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 4000, UNIT));
  engine.setMarketState({ marketId: 1, state: MarketStateType.MARKET_STATE_HALTED });
  t.is(engine.cancelOrder({ accountId: ALICE, orderId: id }).events[0]?.kind, "order-cancelled");
});

function twoMarkets(): ExchangeEngine {
  return new ExchangeEngine({
    isTick,
    clock: new FakeClock(),
    catalogue: {
      events: [{ id: 1, name: "E" }],
      markets: [
        { id: 1, eventId: 1, state: MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 1 }, { id: 2 }] },
        { id: 2, eventId: 1, state: MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 3 }] },
      ],
    },
    accounts: [
      { id: ALICE, username: "alice", balance: START },
      { id: BOB, username: "bob", balance: START },
    ],
  });
}

test("cancel-all cancels every live order of the account, in every market, oldest first", (t) => {
  const engine = twoMarkets();
  const a = place(engine, buy(ALICE, 4000, UNIT));
  const b = place(engine, sell(ALICE, 6000, UNIT, { contractId: 2 }));
  const c = place(engine, buy(ALICE, 3000, UNIT, { marketId: 2, contractId: 3 }));
  const bobs = place(engine, buy(BOB, 3000, UNIT));
  const result = engine.cancelAll({ accountId: ALICE, reference: 4n });
  // Alice heard 6 events before: accepted and balance-changed for each of her 3 orders.
  t.like(one(result, "order-cancel-all-accepted"), { reference: 4n, accountSequence: 7n });
  t.is(result.events[0]?.kind, "order-cancel-all-accepted");
  t.deepEqual(
    ofKind(result, "order-cancelled").map((e) => [e.orderId, e.reason, e.reference]),
    [a, b, c].map((id) => [id, OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, 4n]),
  );
  t.is(ofKind(result, "contract-quotes").length, 3);
  t.is(one(result, "balance-changed").exposure, 0n);
  t.deepEqual(forAccount(result, BOB), []);
  t.deepEqual(engine.liveOrders().map((o) => o.id), [bobs]);
});

test("cancel-all by market leaves the account's orders elsewhere alone", (t) => {
  const engine = twoMarkets();
  place(engine, buy(ALICE, 4000, UNIT));
  const elsewhere = place(engine, buy(ALICE, 3000, UNIT, { marketId: 2, contractId: 3 }));
  const result = engine.cancelAll({ accountId: ALICE, marketId: 1 });
  t.is(ofKind(result, "order-cancelled").length, 1);
  t.deepEqual(engine.liveOrders({ accountId: ALICE }).map((o) => o.id), [elsewhere]);
});

test("cancel-all with nothing to cancel is still accepted", (t) => {
  const engine = twoMarkets();
  t.deepEqual(kinds(engine.cancelAll({ accountId: ALICE })), ["1:order-cancel-all-accepted"]);
  t.deepEqual(kinds(engine.cancelAll({ accountId: ALICE, marketId: 77 })), ["1:order-cancel-all-accepted"]);
});
