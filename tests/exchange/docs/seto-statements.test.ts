// What the seto docs say the exchange does, in words rather than tables,
// each checked against the exchange over the wire (the payload layer's own
// codec, a TestClient session). Where a doc names a field by its older name,
// the current protocol's field is checked, as noted.
import test from "ava";
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { ticksAtOrBelow } from "../../../runtime/odds/index.js";
import { orderCreate } from "../helpers/test-client.js";
import { as, BOB, setup } from "../helpers/setup.js";

const QTY = 100_000n;

test("seto/login.txt: the account sequence is passed in order-accepted, order-rejected, order-cancelled and order-cancel-rejected, in both its fields (account_sequence and account_sequence_64)", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000, reference: 1n }));
  const accepted = await alice.next("seto.order_accepted");
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000, marketId: 99 }));
  const rejected = await alice.next("seto.order_rejected");
  alice.send("seto.order_cancel", { orderId: accepted.orderId });
  const cancelled = await alice.next("seto.order_cancelled");
  alice.send("seto.order_cancel", { orderId: 424_242n });
  const cancelRejected = await alice.next("seto.order_cancel_rejected");
  const sequences = [accepted, rejected, cancelled, cancelRejected].map((p) => [p.accountSequence, p.accountSequence64]);
  // Every account event is numbered, balance changes too (2 after the order, 5 after the cancel), though seto's balance-changed does not show it.
  t.deepEqual(sequences, [
    [1, 1n],
    [3, 3n],
    [4, 4n],
    [6, 6n],
  ]);
  // order-invalid has no account sequence field in the current protocol (the doc lists it).
});

test("seto/order-create.txt: exactly one of order-accepted, order-rejected or order-invalid answers each order-create, its seq the request's", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const [created, rejected, invalid] = [
    alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000 })),
    alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000, marketId: 99 })),
    alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2001 })),
  ];
  t.is((await alice.next("seto.order_accepted")).seq, created);
  t.is((await alice.next("seto.order_rejected")).seq, rejected);
  t.is((await alice.next("seto.order_invalid")).seq, invalid);
  await alice.session.ping();
  const answers = ["seto.order_accepted", "seto.order_rejected", "seto.order_invalid"] as const;
  t.is(answers.map((n) => alice.all(n).length).reduce((a, b) => a + b), 3);
});

test("seto/order-cancel.txt: an order-cancel is answered by order-cancelled, reason member-requested, with the cancel's reference", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000 }));
  const { orderId } = await alice.next("seto.order_accepted");
  alice.send("seto.order_cancel", { orderId, reference: 77n });
  t.like(await alice.next("seto.order_cancelled"), { orderId, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, reference: 77n });
});

test("seto/order-executed.txt: both sides of a match hear order-executed, at the resting order's (better) price", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_SELL, quantity: QTY, price: 5000 }));
  await alice.next("seto.order_accepted");
  bob.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 5263 }));
  t.like(await bob.next("seto.order_executed"), { price: 5000, quantity: QTY });
  t.like(await alice.next("seto.order_executed"), { price: 5000, quantity: QTY });
});

test("seto/market-subscribe.txt and market-unsubscribe.txt: a market-quotes snapshot at once, contract-quotes on each change, none after unsubscribing", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  alice.send("seto.market_subscribe", { marketId: 1 });
  t.is((await alice.next("seto.market_quotes")).marketId, 1);
  bob.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000 }));
  t.deepEqual((await alice.next("seto.contract_quotes")).bids, [{ price: 2000, quantity: QTY }]);
  alice.send("seto.market_unsubscribe", { marketId: 1 });
  await alice.session.ping();
  bob.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2500 }));
  await bob.next("seto.order_accepted", (a) => a.price === 2500);
  await alice.session.ping();
  t.is(alice.all("seto.contract_quotes").length, 1);
});

test("seto/quote-list.txt: quotes show at most 5 levels a side", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  const prices = ticksAtOrBelow(4000, 7);
  for (const price of prices) bob.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: 10_000n, price }));
  for (let i = 0; i < 7; i++) await bob.next("seto.order_accepted");
  alice.send("seto.market_subscribe", { marketId: 1 });
  const bids = (await alice.next("seto.market_quotes")).contractQuotes.find((c) => c.contractId === 1)?.bids;
  t.deepEqual(bids?.map((q) => q.price), prices.slice(0, 5));
});

test("seto/logout.txt: a logout with no reason is confirmed (LOGOUT_CONFIRMATION) and the connection closed", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const reason = await alice.logout();
  t.is(reason, eto.LogoutReason.LOGOUT_CONFIRMATION);
  t.is(exchange.sessions.list().length, 0);
});
