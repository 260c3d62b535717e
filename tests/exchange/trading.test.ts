// Trading over the wire: every reply to order-create, matching between two
// clients (executions and balances for both), cancel, cancel-all, reduce,
// cancel-replace, IOC, settings, cancel-on-disconnect and account replay.
import test from "ava";
import * as seto from "../../generated/seto.js";
import { orderCreate } from "./helpers/test-client.js";
import { ALICE, as, BOB, eventually, setup } from "./helpers/setup.js";

const { SIDE_BUY: BUY, SIDE_SELL: SELL } = seto.Side;
const QTY = 100_000n; // 10.00 of payoff: 5.00 staked at 50%

test("an accepted order echoes the request's seq and reference, with an account sequence and the balance", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const seq = alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 5000, reference: 77n, label: "mine" }));
  const accepted = await alice.next("seto.order_accepted");
  t.like(accepted, { seq, reference: 77n, price: 5000, quantity: QTY, marketId: 1, contractId: 1, side: BUY, label: "mine" });
  t.is(accepted.accountSequence64, 1n);
  t.is(accepted.availableBalance, 995);
  t.is(accepted.exposure, 5);
  t.like(await alice.next("seto.balance_changed"), { availableBalance: 995, exposure: 5 });
});

test("a price off the ladder or a bad quantity gets order-invalid with every reason", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const seq = alice.send("seto.order_create", orderCreate({ side: BUY, quantity: 12_345n, price: 5001, reference: 3n }));
  t.deepEqual(await alice.next("seto.order_invalid"), {
    seq,
    reference: 3n,
    reasons: [seto.OrderInvalidReason.ORDER_INVALID_INVALID_PRICE, seto.OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY],
  });
});

for (const [title, order, reason] of [
  ["an unknown market", orderCreate({ side: BUY, quantity: QTY, marketId: 99 }), seto.OrderRejectedReason.ORDER_REJECTED_MARKET_NOT_FOUND],
  ["a contract not in the market", orderCreate({ side: BUY, quantity: QTY, contractId: 99 }), seto.OrderRejectedReason.ORDER_REJECTED_CONTRACT_NOT_FOUND],
  ["more than the balance", orderCreate({ side: BUY, quantity: 10_000n * 10_000n }), seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS],
] as const) {
  test(`${title} gets order-rejected with the seq echoed`, async (t) => {
    const { loggedIn } = await setup(t);
    const alice = await loggedIn();
    const seq = alice.send("seto.order_create", { ...order, reference: 9n });
    t.like(await alice.next("seto.order_rejected"), { seq, reason, reference: 9n });
  });
}

test("two clients' orders match: both get order-executed and their balances move", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: 2n * QTY, price: 5000 }));
  const resting = await alice.next("seto.order_accepted");
  bob.send("seto.order_create", orderCreate({ side: SELL, quantity: QTY, price: 4000 }));
  const taking = await bob.next("seto.order_accepted");

  const mine = await alice.next("seto.order_executed");
  t.like(mine, { orderId: resting.orderId, price: 5000, quantity: QTY, side: BUY, totalExecutedQuantity: QTY, availableQuantity: QTY });
  const theirs = await bob.next("seto.order_executed");
  t.like(theirs, { orderId: taking.orderId, price: 5000, origPrice: 4000, quantity: QTY, side: SELL, availableQuantity: 0n });
  // Alice: 5.00 still held for her open half, 5.00 at risk in the position; Bob: 5.00 at risk.
  t.like(await alice.next("seto.balance_changed", (b) => b.exposure === 10), { availableBalance: 990 });
  t.like(await bob.next("seto.balance_changed", (b) => b.exposure === 5), { availableBalance: 995 });
  t.is(exchange.engine.account(exchange.accounts[0]!.accountId).available, 990n * 10_000n);
  t.is(exchange.engine.account(exchange.accounts[1]!.accountId).available, 995n * 10_000n);
});

test("account events reach every session of the account", async (t) => {
  const { loggedIn } = await setup(t);
  const first = await loggedIn();
  const second = await loggedIn();
  const seq = first.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 5000 }));
  t.is((await second.next("seto.order_accepted")).seq, seq);
  t.is((await first.next("seto.order_accepted")).seq, seq);
});

test("order-cancel gets order-cancelled (MEMBER_REQUESTED, with the reference); an unknown order gets NOT_FOUND", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 5000 }));
  const { orderId } = await alice.next("seto.order_accepted");
  alice.send("seto.order_cancel", { orderId, reference: 5n });
  t.like(await alice.next("seto.order_cancelled"), { orderId, reference: 5n, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED });
  alice.send("seto.order_cancel", { orderId: 12_345n, reference: 6n });
  t.like(await alice.next("seto.order_cancel_rejected"), {
    orderId: 12_345n,
    reference: 6n,
    reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND,
  });
});

test("order-cancel-all cancels every order, or only one market's", async (t) => {
  const catalogue = {
    events: [{ id: 100, name: "Match" }],
    markets: [
      { id: 1, eventId: 100, state: seto.MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 1 }, { id: 2 }] },
      { id: 2, eventId: 100, state: seto.MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 3 }] },
    ],
  };
  const { exchange, loggedIn } = await setup(t, { catalogue });
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000 }));
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, contractId: 2 }));
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, marketId: 2, contractId: 3 }));
  for (let i = 0; i < 3; i++) await alice.next("seto.order_accepted");

  alice.send("seto.order_cancel_all", { marketId: 2, reference: 1n });
  t.like(await alice.next("seto.order_cancel_all_accepted"), { reference: 1n });
  t.like(await alice.next("seto.order_cancelled"), { marketId: 2, contractId: 3 });
  t.is(exchange.engine.liveOrders({ accountId: 1 }).length, 2);

  alice.send("seto.order_cancel_all", { reference: 2n });
  t.like(await alice.next("seto.order_cancel_all_accepted"), { reference: 2n });
  await alice.next("seto.order_cancelled");
  await alice.next("seto.order_cancelled");
  t.is(exchange.engine.liveOrders({ accountId: 1 }).length, 0);
});

test("order-quantity-reduce lowers an order; an invalid new quantity is rejected", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: 3n * QTY, price: 5000 }));
  const { orderId } = await alice.next("seto.order_accepted");
  alice.send("seto.order_quantity_reduce", { orderId, newQuantity: QTY, reference: 4n });
  t.like(await alice.next("seto.order_quantity_reduced"), { orderId, newQuantity: QTY, reference: 4n });
  t.is(exchange.engine.order(orderId)?.quantity, QTY);
  alice.send("seto.order_quantity_reduce", { orderId, newQuantity: 5n * QTY });
  t.like(await alice.next("seto.order_quantity_reduce_rejected"), {
    orderId,
    reason: seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY,
  });
});

test("order-cancel-replace answers pending-replace then cancel-replace-accepted, and the new order rests", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 4000 }));
  const { orderId } = await alice.next("seto.order_accepted");
  alice.send("seto.order_cancel_replace", { origOrderId: orderId, price: 4032, quantity: 2n * QTY, reference: 8n });
  const pending = await alice.next("seto.order_pending_replace");
  t.like(pending, { origOrderId: orderId, price: 4032, quantity: 2n * QTY, reference: 8n });
  t.like(await alice.next("seto.order_cancel_replace_accepted"), { orderId: pending.orderId, origOrderId: orderId, quantityLeft: QTY });
  t.deepEqual(
    exchange.engine.liveOrders({ accountId: 1 }).map((o) => [o.id, o.price]),
    [[pending.orderId, 4032]],
  );
});

test("an IMMEDIATE_OR_CANCEL order with nothing to meet is accepted, then cancelled for INSUFFICIENT_LIQUIDITY", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 5000, tif: seto.TimeInForceType.IMMEDIATE_OR_CANCEL }));
  const { orderId } = await alice.next("seto.order_accepted");
  t.like(await alice.next("seto.order_cancelled"), { orderId, reason: seto.OrderCancelledReason.ORDER_CANCELLED_INSUFFICIENT_LIQUIDITY });
  t.is(exchange.engine.liveOrders().length, 0);
});

test("settings are accepted and echoed", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.settings", { cancelAllOnFailure: true });
  t.deepEqual(await alice.next("seto.settings_accepted"), { cancelAllOnFailure: true });
  t.true(exchange.sessions.list()[0]?.cancelAllOnFailure);
});

test("cancel_all_on_failure: a dropped connection cancels the account's orders; the client hears on resuming", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.settings", { cancelAllOnFailure: true });
  await alice.next("seto.settings_accepted");
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000 }));
  const { orderId } = await alice.next("seto.order_accepted");
  await alice.drop();
  await eventually(() => exchange.sessions.list()[0]?.connected === false);
  t.is(exchange.engine.liveOrders().length, 0);
  await alice.resume();
  t.like(await alice.next("seto.order_cancelled"), { orderId, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED });
});

test("without cancel_all_on_failure, or after a clean logout, orders stay", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000 }));
  await alice.next("seto.order_accepted");
  await alice.drop();
  await eventually(() => exchange.sessions.list()[0]?.connected === false);
  t.is(exchange.engine.liveOrders().length, 1);
  const again = await loggedIn();
  again.send("seto.settings", { cancelAllOnFailure: true });
  await again.next("seto.settings_accepted");
  await again.logout();
  t.is(exchange.engine.liveOrders().length, 1);
});

test("a login with account_sequence_64 gets the account's events from that sequence again", async (t) => {
  const { loggedIn } = await setup(t);
  const first = await loggedIn();
  first.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: 1n }));
  first.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2041, reference: 2n }));
  const second = await first.next("seto.order_accepted", (a) => a.reference === 2n);
  await first.logout();
  const later = await loggedIn({ ...as(ALICE), accountSequence: second.accountSequence64 as bigint });
  t.like(await later.next("seto.order_accepted"), { reference: 2n, accountSequence64: second.accountSequence64 });
  t.is(later.all("seto.order_accepted").length, 1);
});

// order-cancel-replace-rejected has no THROTTLE_EXCEEDED reason; order-cancel-rejected has (and already answers
// a cancel-replace that cannot go ahead for lack of funds). Without a typed refusal the client could not tell
// which request the eto throttle_exceeded was for, and its cancel-replace waited out its 30 s time limit (the soak's
// unexplained TimeoutErrors).
test("a cancel-replace over the throttle: eto throttle_exceeded, then order-cancel-rejected THROTTLE_EXCEEDED naming the original and the reference; the original stands", async (t) => {
  const { exchange, loggedIn } = await setup(t, { throttle: { averageRatePs: 1, burstSize: 2, tickMs: 1_000 } });
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: 1n }));
  const accepted = await alice.next("seto.order_accepted", (a) => a.reference === 1n);
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: 2n }));
  alice.send("seto.order_cancel_replace", { origOrderId: accepted.orderId, price: 2100, quantity: QTY, reference: 3n });
  await alice.next("eto.throttle_exceeded");
  t.like(await alice.next("seto.order_cancel_rejected", (m) => m.reference === 3n), {
    reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED,
    origOrderId: accepted.orderId,
    reference: 3n,
  });
  t.is(alice.all("seto.order_pending_replace").length, 0, "nothing was carried out");
  t.true(exchange.engine.liveOrders().some((o) => o.id === accepted.orderId && o.price === 2000));
});

test("over the throttle: order-rejected THROTTLE_EXCEEDED and an eto throttle_exceeded; allowance returns each tick", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t, { throttle: { averageRatePs: 1, burstSize: 2, tickMs: 1_000 } });
  const alice = await loggedIn();
  for (const ref of [1n, 2n]) alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: ref }));
  const seq = alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: 3n }));
  t.like(await alice.next("seto.order_rejected"), { seq, reference: 3n, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED });
  await alice.next("eto.throttle_exceeded");
  t.true(alice.statuses.some((s) => s.state === "throttle-exceeded"));
  alice.send("seto.order_cancel", { orderId: 1n, reference: 4n });
  t.like(await alice.next("seto.order_cancel_rejected"), { reference: 4n, reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED });
  t.is(exchange.engine.liveOrders().length, 2);
  clock.advance(1_000);
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 2000, reference: 5n }));
  await alice.next("seto.order_accepted", (a) => a.reference === 5n);
  t.is(exchange.engine.liveOrders().length, 3);
});
