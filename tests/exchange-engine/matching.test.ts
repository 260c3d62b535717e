import test from "ava";
import { OrderCancelledReason, Side, TimeInForceType } from "../../generated/seto.js";
import { ALICE, BOB, CAROL, UNIT, buy, forAccount, kinds, ofKind, one, place, sell, setup } from "./helpers.js";

const START = 1000n * UNIT;

test("two accounts' orders match: both sides hear of the execution, at the resting order's price", (t) => {
  const { engine } = setup();
  // Bob offers 40.00 of payoff at 25%: he risks 75% of it.
  const bobs = one(engine.createOrder(sell(BOB, 2500, 40n * UNIT)), "order-accepted");
  t.like(bobs, { price: 2500, quantity: 40n * UNIT, side: Side.SIDE_SELL, availableBalance: START - 30n * UNIT, exposure: 30n * UNIT });

  // Alice bids 30%: she would risk 12.00, but trades at Bob's 25%, paying 10.00.
  const result = engine.createOrder(buy(ALICE, 3000, 40n * UNIT, { label: "a" }));
  t.deepEqual(kinds(result), ["1:order-accepted", "1:order-executed", "2:order-executed", "1:balance-changed", "market:contract-quotes"]);
  const accepted = one(result, "order-accepted");
  t.like(accepted, { availableBalance: START - 12n * UNIT, exposure: 12n * UNIT, accountSequence: 1n });
  t.true(accepted.orderId > bobs.orderId);

  const [alices, bobsExec] = ofKind(result, "order-executed");
  t.like(alices, {
    accountId: ALICE,
    orderId: accepted.orderId,
    price: 2500,
    origPrice: 3000,
    quantity: 40n * UNIT,
    side: Side.SIDE_BUY,
    marketId: 1,
    contractId: 1,
    totalExecutedQuantity: 40n * UNIT,
    executedAvgPrice: 2500,
    availableQuantity: 0n,
    availableBalance: START - 10n * UNIT,
    exposure: 10n * UNIT,
    label: "a",
  });
  t.like(bobsExec, {
    accountId: BOB,
    orderId: bobs.orderId,
    price: 2500,
    origPrice: 2500,
    side: Side.SIDE_SELL,
    totalExecutedQuantity: 40n * UNIT,
    availableQuantity: 0n,
    availableBalance: START - 30n * UNIT,
    exposure: 30n * UNIT,
  });
  t.like(one(result, "balance-changed"), { availableBalance: START - 10n * UNIT, exposure: 10n * UNIT, reason: "order-create" });

  t.deepEqual(engine.account(ALICE).positions, [{ contractId: 1, quantity: 40n * UNIT, stake: 10n * UNIT }]);
  t.deepEqual(engine.account(BOB).positions, [{ contractId: 1, quantity: -40n * UNIT, stake: -10n * UNIT }]);
  t.is(engine.order(accepted.orderId)?.status, "filled");
  t.is(engine.order(bobs.orderId)?.status, "filled");
  t.deepEqual(engine.liveOrders(), []);

  const quotes = one(result, "contract-quotes");
  t.deepEqual(quotes.offers, []);
  t.deepEqual(quotes.changedOffers, [{ price: 2500, quantity: 0n }]);
  t.deepEqual(quotes.executions, [{ price: 2500, quantity: 40n * UNIT, liquidity: Side.SIDE_SELL, microseconds: 1_000_000n }]);
});

test("price-time priority: best price first, then oldest first; partial fill of the last resting order", (t) => {
  const { engine } = setup();
  const bobAt50 = place(engine, sell(BOB, 5000, 10n * UNIT));
  const carolAt50 = place(engine, sell(CAROL, 5000, 10n * UNIT));
  const bobAt49 = place(engine, sell(BOB, 4900, 10n * UNIT));
  const result = engine.createOrder(buy(ALICE, 5000, 25n * UNIT));
  const fills = ofKind(result, "order-executed").filter((e) => e.accountId !== ALICE);
  t.deepEqual(
    fills.map((e) => [e.orderId, e.price, e.quantity, e.availableQuantity]),
    [
      [bobAt49, 4900, 10n * UNIT, 0n],
      [bobAt50, 5000, 10n * UNIT, 0n],
      [carolAt50, 5000, 5n * UNIT, 5n * UNIT],
    ],
  );
  const alices = ofKind(result, "order-executed").filter((e) => e.accountId === ALICE);
  t.deepEqual(
    alices.map((e) => [e.totalExecutedQuantity, e.executedAvgPrice, e.availableQuantity]),
    [
      [10n * UNIT, 4900, 15n * UNIT],
      [20n * UNIT, 4950, 5n * UNIT],
      [25n * UNIT, 4960, 0n],
    ],
  );
  t.is(engine.order(carolAt50)?.status, "live");
  t.deepEqual(engine.marketQuotes(1)?.contracts[0]?.offers, [{ price: 5000, quantity: 5n * UNIT }]);
  // Carol has a partly filled order: held risk for the rest plus her short position's worst case.
  t.like(engine.account(CAROL), { reserved: (5n * UNIT * 5000n) / 10000n, exposure: 5n * UNIT / 2n + 5n * UNIT / 2n });
});

test("an incoming sell takes the highest bid first", (t) => {
  const { engine } = setup();
  const low = place(engine, buy(BOB, 4000, 2n * UNIT));
  const high = place(engine, buy(CAROL, 4500, 2n * UNIT));
  const result = engine.createOrder(sell(ALICE, 4000, 3n * UNIT));
  t.deepEqual(
    ofKind(result, "order-executed")
      .filter((e) => e.accountId !== ALICE)
      .map((e) => [e.orderId, e.price, e.quantity]),
    [
      [high, 4500, 2n * UNIT],
      [low, 4000, 1n * UNIT],
    ],
  );
  const last = ofKind(result, "order-executed").filter((e) => e.accountId === ALICE).at(-1);
  // (2 x 4500 + 1 x 4000) / 3 = 4333.3, rounded to 4333.
  t.is(last?.executedAvgPrice, 4333);
  t.deepEqual(one(result, "contract-quotes").executions.map((x) => x.liquidity), [Side.SIDE_BUY, Side.SIDE_BUY]);
});

test("orders that do not reach each other's price rest without trading", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5100, UNIT));
  const result = engine.createOrder(buy(ALICE, 5000, UNIT));
  t.deepEqual(ofKind(result, "order-executed"), []);
  const quotes = one(result, "contract-quotes");
  t.deepEqual([quotes.bids, quotes.offers], [[{ price: 5000, quantity: UNIT }], [{ price: 5100, quantity: UNIT }]]);
  t.deepEqual(quotes.changedBids, [{ price: 5000, quantity: UNIT }]);
  t.deepEqual(quotes.changedOffers, []);
});

test("a partly filled incoming order rests with its remainder; money held matches the remainder", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5000, 10n * UNIT));
  const id = place(engine, buy(ALICE, 5000, 30n * UNIT));
  t.like(engine.order(id), { status: "live", filled: 10n * UNIT, remaining: 20n * UNIT, reserved: 10n * UNIT });
  // Held 10.00 for the 20 left at 50%, plus the 5.00 paid for the 10 bought.
  t.like(engine.account(ALICE), { reserved: 10n * UNIT, exposure: 15n * UNIT, available: START - 15n * UNIT });
  t.deepEqual(engine.marketQuotes(1)?.contracts[0]?.bids, [{ price: 5000, quantity: 20n * UNIT }]);
});

test("IMMEDIATE_OR_CANCEL: what does not execute at once is cancelled with INSUFFICIENT_LIQUIDITY", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5000, 10n * UNIT));
  const result = engine.createOrder(buy(ALICE, 5000, 30n * UNIT, { tif: TimeInForceType.IMMEDIATE_OR_CANCEL, reference: 3n }));
  t.deepEqual(forAccount(result, ALICE).map((e) => e.kind), ["order-accepted", "order-executed", "order-cancelled", "balance-changed"]);
  const cancelled = one(result, "order-cancelled");
  t.like(cancelled, {
    reason: OrderCancelledReason.ORDER_CANCELLED_INSUFFICIENT_LIQUIDITY,
    reference: 3n,
    executedQuantity: 10n * UNIT,
    executedAvgPrice: 5000,
    origPrice: 5000,
    exposure: 5n * UNIT,
  });
  t.like(engine.order(cancelled.orderId), { status: "cancelled", reserved: 0n });
  t.deepEqual(engine.marketQuotes(1)?.contracts[0]?.bids, []);
  t.is(engine.account(ALICE).reserved, 0n);
});

test("IMMEDIATE_OR_CANCEL with nothing to meet is accepted and cancelled whole, leaving no trace on the book", (t) => {
  const { engine } = setup();
  const result = engine.createOrder(sell(ALICE, 5000, UNIT, { tif: TimeInForceType.IMMEDIATE_OR_CANCEL }));
  t.deepEqual(kinds(result), ["1:order-accepted", "1:order-cancelled"]);
  t.like(one(result, "order-cancelled"), { executedQuantity: 0n, executedAvgPrice: undefined, availableBalance: START, exposure: 0n });
});

test("order ids are unique and increase", (t) => {
  const { engine } = setup({ firstOrderId: 5_000_000_000n });
  const ids = [place(engine, buy(ALICE, 1000, UNIT)), place(engine, buy(BOB, 1000, UNIT)), place(engine, sell(CAROL, 9000, UNIT))];
  t.deepEqual(ids, [5_000_000_000n, 5_000_000_001n, 5_000_000_002n]);
});

test("execution timestamps come from the clock", (t) => {
  const { engine, clock } = setup();
  place(engine, sell(BOB, 5000, UNIT));
  clock.advance(2.5);
  const quotes = one(engine.createOrder(buy(ALICE, 5000, UNIT)), "contract-quotes");
  t.is(quotes.executions[0]?.microseconds, 1_002_500n);
  t.deepEqual(quotes.lastExecution, quotes.executions[0]);
});
