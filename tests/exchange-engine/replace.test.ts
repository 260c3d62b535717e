import test, { type ExecutionContext } from "ava";
import type { CommandResult } from "../../exchange/engine/events.js";
import {
  MarketStateType,
  OrderCancelReplaceRejectedReason as R,
  OrderCancelRejectedReason,
  OrderInvalidReason,
  Side,
  TimeInForceType,
} from "../../generated/seto.js";
import { ALICE, BOB, CAROL, UNIT, buy, kinds, ofKind, one, place, sell, setup } from "./helpers.js";

const START = 1000n * UNIT;

test("cancel-replace: pending, then accepted; the new order has a new id, price and quantity; the old one is replaced", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 4000, 10n * UNIT, { label: "old", tif: TimeInForceType.KEEP_IN_PLAY }));
  const result = engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4500, quantity: 20n * UNIT, reference: 3n });
  t.deepEqual(kinds(result), ["1:order-pending-replace", "1:order-cancel-replace-accepted", "1:balance-changed", "market:contract-quotes"]);
  const pending = one(result, "order-pending-replace");
  const accepted = one(result, "order-cancel-replace-accepted");
  const expected = { origOrderId: orig, price: 4500, quantity: 20n * UNIT, reference: 3n, label: "old", marketId: 1, contractId: 1, side: Side.SIDE_BUY };
  t.like(pending, expected);
  t.like(accepted, { ...expected, orderId: pending.orderId, quantityLeft: 10n * UNIT });
  t.true(accepted.orderId > orig);
  t.is(engine.order(orig)?.status, "replaced");
  t.like(engine.order(accepted.orderId), { status: "live", price: 4500, quantity: 20n * UNIT, tif: TimeInForceType.KEEP_IN_PLAY, label: "old" });
  t.is(engine.account(ALICE).reserved, 9n * UNIT);
  const quotes = one(result, "contract-quotes");
  t.deepEqual(quotes.bids, [{ price: 4500, quantity: 20n * UNIT }]);
  t.deepEqual(quotes.changedBids, [
    { price: 4500, quantity: 20n * UNIT },
    { price: 4000, quantity: 0n },
  ]);
});

test("the replacement goes to the back of the queue, even at the same price", (t) => {
  const { engine } = setup();
  const orig = place(engine, sell(ALICE, 5000, 5n * UNIT));
  const bobs = place(engine, sell(BOB, 5000, 5n * UNIT));
  const replacement = one(engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 5000, quantity: 5n * UNIT }), "order-cancel-replace-accepted").orderId;
  const fills = ofKind(engine.createOrder(buy(CAROL, 5000, 6n * UNIT)), "order-executed").filter((e) => e.accountId !== CAROL);
  t.deepEqual(
    fills.map((e) => [e.orderId, e.quantity]),
    [
      [bobs, 5n * UNIT],
      [replacement, 1n * UNIT],
    ],
  );
});

test("a partly filled original: its executions stay with it; quantityLeft is the rest it had; the label can change", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 5000, 10n * UNIT, { label: "old" }));
  engine.createOrder(sell(BOB, 5000, 4n * UNIT));
  const accepted = one(engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4000, quantity: 3n * UNIT, label: "new" }), "order-cancel-replace-accepted");
  t.like(accepted, { quantityLeft: 6n * UNIT, quantity: 3n * UNIT, label: "new" });
  t.like(engine.order(orig), { status: "replaced", filled: 4n * UNIT });
  t.like(engine.order(accepted.orderId), { filled: 0n, remaining: 3n * UNIT });
});

test("a replacement that crosses the book executes at once", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5500, 5n * UNIT));
  const orig = place(engine, buy(ALICE, 5000, 5n * UNIT));
  const result = engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 5500, quantity: 8n * UNIT });
  t.deepEqual(kinds(result).slice(0, 4), ["1:order-pending-replace", "1:order-cancel-replace-accepted", "1:order-executed", "2:order-executed"]);
  const accepted = one(result, "order-cancel-replace-accepted");
  t.like(engine.order(accepted.orderId), { filled: 5n * UNIT, remaining: 3n * UNIT, status: "live" });
});

test("unknown original, or another account's: order-cancel-rejected NOT_FOUND, with origOrderId, and nothing pending", (t) => {
  const { engine } = setup();
  const bobs = place(engine, buy(BOB, 4000, UNIT));
  for (const origOrderId of [404n, bobs]) {
    const result = engine.cancelReplace({ accountId: ALICE, origOrderId, price: 4000, quantity: UNIT, reference: 1n });
    t.deepEqual(kinds(result), ["1:order-cancel-rejected"]);
    t.like(one(result, "order-cancel-rejected"), { origOrderId, orderId: undefined, reference: 1n, reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND });
  }
});

test("a bad new price or quantity: order-invalid, the original untouched", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 4000, UNIT));
  const result = engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4050, quantity: 0n, requestSeq: 5n });
  t.deepEqual(kinds(result), ["1:order-invalid"]);
  t.like(one(result, "order-invalid"), { seq: 5n });
  t.deepEqual(one(result, "order-invalid").reasons, [OrderInvalidReason.ORDER_INVALID_INVALID_PRICE, OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY]);
  t.is(engine.order(orig)?.status, "live");
});

/** The reason of a replace that was taken (pending) and then rejected, checking both name the same new id. */
function rejectedReason(t: ExecutionContext, result: CommandResult): R {
  t.is(result.events.length, 2);
  const pending = one(result, "order-pending-replace");
  const rejected = one(result, "order-cancel-replace-rejected");
  t.is(rejected.orderId, pending.orderId);
  return rejected.reason;
}

test("TOO_LATE when the original has ended", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 5000, UNIT));
  engine.createOrder(sell(BOB, 5000, UNIT));
  t.is(rejectedReason(t, engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4000, quantity: UNIT })), R.ORDER_CANCEL_REPLACE_REJECTED_TOO_LATE);
});

test("MARKET_NOT_FOUND when the request names a market other than the order's", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 5000, UNIT));
  t.is(rejectedReason(t, engine.cancelReplace({ accountId: ALICE, origOrderId: orig, marketId: 7, price: 4000, quantity: UNIT })), R.ORDER_CANCEL_REPLACE_REJECTED_MARKET_NOT_FOUND);
});

test("MARKET_HALTED while the market is halted; the original keeps resting", (t) => {
  const { engine } = setup();
  const orig = place(engine, buy(ALICE, 5000, UNIT));
  engine.setMarketState({ marketId: 1, state: MarketStateType.MARKET_STATE_HALTED });
  t.is(rejectedReason(t, engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4000, quantity: UNIT })), R.ORDER_CANCEL_REPLACE_REJECTED_MARKET_HALTED);
  t.is(engine.order(orig)?.status, "live");
});

test("CROSSED_SELF when the new price would meet the account's own opposite order", (t) => {
  const { engine } = setup();
  place(engine, sell(ALICE, 6000, UNIT));
  const orig = place(engine, buy(ALICE, 5000, UNIT));
  t.is(rejectedReason(t, engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 6000, quantity: UNIT })), R.ORDER_CANCEL_REPLACE_REJECTED_CROSSED_SELF);
});

test("funds: the original's held money counts towards the replacement; beyond that, order-cancel-rejected INSUFFICIENT_FUNDS", (t) => {
  const { engine } = setup();
  // Holds all of Alice's 1000.00.
  const orig = place(engine, buy(ALICE, 5000, 2000n * UNIT));
  const fits = engine.cancelReplace({ accountId: ALICE, origOrderId: orig, price: 4000, quantity: 2500n * UNIT });
  const replacement = one(fits, "order-cancel-replace-accepted").orderId;
  t.is(engine.account(ALICE).available, 0n);

  const result = engine.cancelReplace({ accountId: ALICE, origOrderId: replacement, price: 4000, quantity: 2501n * UNIT, reference: 9n });
  t.deepEqual(kinds(result), ["1:order-pending-replace", "1:order-cancel-rejected"]);
  const pending = one(result, "order-pending-replace");
  t.like(one(result, "order-cancel-rejected"), {
    reason: OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_INSUFFICIENT_FUNDS,
    orderId: pending.orderId,
    origOrderId: replacement,
    reference: 9n,
  });
  t.like(engine.order(replacement), { status: "live", quantity: 2500n * UNIT });
  t.is(engine.account(ALICE).available, START - 1000n * UNIT);
});
