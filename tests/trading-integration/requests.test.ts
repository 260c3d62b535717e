// Every trading request against the simulated exchange: each resolves with
// the exchange's answer, or rejects with the typed error for its refusal, and
// the order tracker agrees with the exchange afterwards.
import test from "ava";
import * as seto from "../../generated/seto.js";
import {
  OrderCancelRejectedError,
  OrderCancelReplaceRejectedError,
  OrderInvalidError,
  OrderQuantityReduceRejectedError,
  OrderRejectedError,
  OrderValidationError,
  type PlaceOrderInput,
} from "../../runtime/trading/index.js";
import { accountId, assertOrdersMatch, DEMO2, exchange, loggedIn, settled } from "./helpers.js";

const order = (o: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n, ...o });

/** Two markets, so cancel-all by market has something to leave alone. */
const twoMarkets = {
  events: [{ id: 100, name: "Simulated match" }],
  markets: [
    { id: 1, eventId: 100, state: seto.MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 1 }, { id: 2 }] },
    { id: 2, eventId: 100, state: seto.MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 3 }, { id: 4 }] },
  ],
};

test("placeOrder resolves with the acceptance, which echoes the request; the order rests at the exchange", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const accepted = await client.trading.placeOrder(order({ reference: 4242n, label: "first" }));
  t.true(accepted.orderId > 0n);
  t.is(accepted.reference, 4242n);
  t.is(accepted.message.seq, accepted.seq, "order-accepted echoes the order-create payload's seq");
  t.is(accepted.message.label, "first");
  t.is(typeof accepted.accountSequence, "bigint");
  t.is(ex.engine.order(accepted.orderId)?.status, "live");
  const view = client.trading.orders.get(accepted.orderId);
  t.is(view?.status, "live");
  t.is(view?.reference, 4242n);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  await client.logout();
});

test("placeOrder rejects with OrderRejectedError naming the exchange's reason: unknown market, unknown contract, no funds", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const R = seto.OrderRejectedReason;
  const cases: [string, Partial<PlaceOrderInput>, seto.OrderRejectedReason][] = [
    ["unknown market", { marketId: 99 }, R.ORDER_REJECTED_MARKET_NOT_FOUND],
    ["unknown contract", { contractId: 99 }, R.ORDER_REJECTED_CONTRACT_NOT_FOUND],
    // 10 000 000.00 of payoff at 50%: a stake of 5 000 000.00 against a balance of 10 000.00.
    ["insufficient funds", { price: 5000, quantity: 100_000_000_000n }, R.ORDER_REJECTED_INSUFFICIENT_FUNDS],
  ];
  for (const [what, o, reason] of cases) {
    const reference = BigInt(reason) + 7000n;
    const err = await t.throwsAsync(client.trading.placeOrder(order({ ...o, reference })), { instanceOf: OrderRejectedError }, what);
    t.is(err?.reason, reason, what);
    t.is(err?.reasonName, seto.orderRejectedReasonToJSON(reason), what);
    t.is(err?.reference, reference, what);
    t.regex(err?.message ?? "", new RegExp(seto.orderRejectedReasonToJSON(reason)), what);
    t.is(client.trading.orders.byReference(reference)?.status, "rejected", `${what}: the tracker shows it rejected`);
  }
  t.is(ex.engine.liveOrders().length, 0, "nothing rests at the exchange");
  t.is(client.trading.inFlight, 0);
  await client.logout();
});

test("placeOrder in a halted market rejects with MARKET_HALTED; once reopened the same order is accepted", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  ex.setMarketState({ marketId: 1, state: seto.MarketStateType.MARKET_STATE_HALTED });
  const err = await t.throwsAsync(client.trading.placeOrder(order()), { instanceOf: OrderRejectedError });
  t.is(err?.reason, seto.OrderRejectedReason.ORDER_REJECTED_MARKET_HALTED);
  ex.setMarketState({ marketId: 1, state: seto.MarketStateType.MARKET_STATE_OPEN });
  t.true((await client.trading.placeOrder(order())).orderId > 0n);
  await client.logout();
});

test("placeOrder that would meet one's own resting order rejects with CROSSED_SELF; the resting order is untouched", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const resting = await client.trading.placeOrder(order({ side: "buy", price: 5000 }));
  const err = await t.throwsAsync(client.trading.placeOrder(order({ side: "sell", price: 4950 })), { instanceOf: OrderRejectedError });
  t.is(err?.reasonName, "ORDER_REJECTED_CROSSED_SELF");
  t.is(ex.engine.order(resting.orderId)?.filled, 0n);
  await settled(client);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  await client.logout();
});

test("placeOrder with a quantity the exchange cannot take (not a whole unit) rejects with OrderInvalidError", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  // The client checks the price ladder and positivity; the quantity unit is the exchange's rule.
  const err = await t.throwsAsync(client.trading.placeOrder(order({ quantity: 5_000n, reference: 55n })), { instanceOf: OrderInvalidError });
  t.deepEqual(err?.reasons, [seto.OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY]);
  t.deepEqual(err?.reasonNames, ["ORDER_INVALID_INVALID_QUANTITY"]);
  t.is(err?.reference, 55n);
  t.is(client.trading.orders.byReference(55n)?.status, "invalid");
  await client.logout();
});

test("an order the client can tell is bad rejects with OrderValidationError and nothing reaches the exchange", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  await settled(client);
  const outBefore = client.resumeState.nextOutSeq;
  const session = ex.sessions.list()[0]!;
  const cases: [Partial<PlaceOrderInput>, string, RegExp][] = [
    [{ price: 2501 }, "price", /2501 bps is not on the odds ladder; the nearest ticks are 2500 \(below\) and 2532 \(above\)/],
    [{ price: 0 }, "price", /within 1\.\.9999/],
    [{ quantity: 0n }, "quantity", /quantity must be within 1\.\./],
    [{ marketId: 0 }, "marketId", /marketId must be a whole number within 1\.\./],
    [{ side: "up" as never }, "side", /side must be "buy", "sell"/],
  ];
  for (const [o, field, message] of cases) {
    const err = await t.throwsAsync(client.trading.placeOrder(order(o)), { instanceOf: OrderValidationError, message }, field);
    t.is(err?.field, field);
  }
  t.is(client.resumeState.nextOutSeq, outBefore, "no payload was numbered");
  t.is(client.trading.inFlight + client.trading.queued, 0);
  await settled(client);
  // The ping is the only payload the exchange got since.
  t.is(ex.sessions.get(session.id)?.nextInSeq, session.nextInSeq + 1n);
  t.is(client.trading.orders.all().length, 0, "the tracker holds no order");
  await client.logout();
});

test("cancelOrder resolves with order-cancelled; an unknown order rejects with OrderCancelRejectedError NOT_FOUND", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const { orderId } = await client.trading.placeOrder(order());
  const cancelled = await client.trading.cancelOrder(orderId, { reference: 900n });
  t.is(cancelled.orderId, orderId);
  t.is(cancelled.reference, 900n);
  t.is(cancelled.reason, seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED);
  t.is(ex.engine.order(orderId)?.status, "cancelled");
  t.is(client.trading.orders.get(orderId)?.status, "cancelled");

  const unknown = await t.throwsAsync(client.trading.cancelOrder(987_654n), { instanceOf: OrderCancelRejectedError });
  t.is(unknown?.reasonName, "ORDER_CANCEL_REJECTED_NOT_FOUND");
  t.is(unknown?.orderId, 987_654n);
  const again = await t.throwsAsync(client.trading.cancelOrder(orderId), { instanceOf: OrderCancelRejectedError });
  t.is(again?.reasonName, "ORDER_CANCEL_REJECTED_NOT_LIVE", "a second cancel of the same order");
  await client.logout();
});

test("cancelAll by market cancels only that market's orders; cancelAll() cancels the rest", async (t) => {
  const ex = await exchange({ catalogue: twoMarkets });
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const inOne = await Promise.all([1, 2].map((contractId) => client.trading.placeOrder(order({ marketId: 1, contractId }))));
  const inTwo = await Promise.all([3, 4].map((contractId) => client.trading.placeOrder(order({ marketId: 2, contractId }))));

  const byMarket = await client.trading.cancelAll({ marketId: 1 }, { reference: 31n });
  t.is(byMarket.reference, 31n);
  await settled(client);
  for (const o of inOne) t.is(client.trading.orders.get(o.orderId)?.status, "cancelled");
  t.deepEqual(ex.engine.liveOrders().map((o) => o.id), inTwo.map((o) => o.orderId));
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));

  await client.trading.cancelAll();
  await settled(client);
  t.is(ex.engine.liveOrders().length, 0);
  t.is(client.trading.orders.live().length, 0);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  await client.logout();
});

test("reduceOrder resolves with the new size; a size above the current one or an unknown order is rejected", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const { orderId } = await client.trading.placeOrder(order({ quantity: 300_000n }));
  const reduced = await client.trading.reduceOrder(orderId, 200_000n);
  t.is(reduced.orderId, orderId);
  t.is(reduced.newQuantity, 200_000n);
  t.is(ex.engine.order(orderId)?.quantity, 200_000n);
  t.is(client.trading.orders.get(orderId)?.quantity, 200_000n);

  const bigger = await t.throwsAsync(client.trading.reduceOrder(orderId, 400_000n), { instanceOf: OrderQuantityReduceRejectedError });
  t.is(bigger?.reasonName, "ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY");
  t.is(bigger?.newQuantity, 400_000n);
  const unknown = await t.throwsAsync(client.trading.reduceOrder(987_654n, 10_000n), { instanceOf: OrderQuantityReduceRejectedError });
  t.is(unknown?.reasonName, "ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND");
  t.is(ex.engine.order(orderId)?.quantity, 200_000n, "a refused reduce changes nothing");
  await settled(client);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  await client.logout();
});

test("replaceOrder resolves with the replacement; a replace of an ended or unknown order is rejected", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const { orderId } = await client.trading.placeOrder(order({ price: 2500, quantity: 300_000n }));
  const replaced = await client.trading.replaceOrder(orderId, { price: 3030, quantity: 200_000n, reference: 77n });
  t.is(replaced.origOrderId, orderId);
  t.is(replaced.reference, 77n);
  t.not(replaced.orderId, orderId);
  t.is(ex.engine.order(orderId)?.status, "replaced");
  t.like(ex.engine.order(replaced.orderId), { status: "live", price: 3030, quantity: 200_000n });
  await settled(client);
  t.is(client.trading.orders.get(orderId)?.status, "replaced");
  t.is(client.trading.orders.get(orderId)?.replacedBy, replaced.orderId);
  t.like(client.trading.orders.get(replaced.orderId), { status: "live", price: 3030, quantity: 200_000n, replaces: orderId });

  const late = await t.throwsAsync(client.trading.replaceOrder(orderId, { price: 3333, quantity: 100_000n }), {
    instanceOf: OrderCancelReplaceRejectedError,
  });
  t.is(late?.reasonName, "ORDER_CANCEL_REPLACE_REJECTED_TOO_LATE");
  t.is(late?.origOrderId, orderId);
  const unknown = await t.throwsAsync(client.trading.replaceOrder(987_654n, { price: 3333, quantity: 100_000n }), {
    instanceOf: OrderCancelRejectedError,
  });
  t.is(unknown?.reasonName, "ORDER_CANCEL_REJECTED_NOT_FOUND");
  t.is(unknown?.origOrderId, 987_654n);
  await settled(client);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  await client.logout();
});

test("subscribe resolves with the market's snapshot, which the book then holds", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const other = await loggedIn(ex, DEMO2);
  await other.trading.placeOrder(order({ side: "buy", price: 4000, quantity: 200_000n }));
  await other.trading.placeOrder(order({ side: "sell", price: 6024, quantity: 300_000n }));
  const client = await loggedIn(ex, {}, { trading: { books: { depthLimit: Infinity } } });
  const snapshot = await client.trading.subscribe(1);
  t.is(snapshot.marketId, 1);
  t.deepEqual(snapshot.contractQuotes.map((c) => c.contractId).sort(), [1, 2]);
  const book = client.trading.books.contract(1, 1);
  t.deepEqual(book?.bestBid, { price: 4000, quantity: 200_000n });
  t.deepEqual(book?.bestOffer, { price: 6024, quantity: 300_000n });
  t.false(client.trading.books.market(1)?.stale);
  await client.logout();
  await other.logout();
});

test("updateSettings resolves with settings-accepted and the exchange applies it", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex);
  const id = client.resumeState.sessionId!;
  t.false(ex.sessions.get(id)?.cancelAllOnFailure);
  const accepted = await client.trading.updateSettings({ cancelAllOnFailure: true });
  t.true(accepted.cancelAllOnFailure);
  t.true(ex.sessions.get(id)?.cancelAllOnFailure);
  await client.logout();
});
