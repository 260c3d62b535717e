import test from "ava";
import { OrderQuantityReducedReason, OrderQuantityReduceRejectedReason as R } from "../../generated/seto.js";
import { ALICE, BOB, CAROL, UNIT, buy, kinds, ofKind, one, place, sell, setup } from "./helpers.js";

test("reduce lowers the order's size, releases the money for the difference and updates the book", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 4000, 10n * UNIT, { label: "L" }));
  const result = engine.reduceOrder({ accountId: ALICE, orderId: id, newQuantity: 6n * UNIT, reference: 2n });
  t.deepEqual(kinds(result), ["1:order-quantity-reduced", "1:balance-changed", "market:contract-quotes"]);
  t.like(one(result, "order-quantity-reduced"), {
    orderId: id,
    reason: OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
    reference: 2n,
    newQuantity: 6n * UNIT,
    origPrice: 4000,
    executedQuantity: 0n,
    label: "L",
  });
  t.like(engine.order(id), { quantity: 6n * UNIT, remaining: 6n * UNIT, status: "live" });
  t.is(engine.account(ALICE).reserved, (6n * UNIT * 4000n) / 10000n);
  t.deepEqual(one(result, "contract-quotes").changedBids, [{ price: 4000, quantity: 6n * UNIT }]);
});

test("reduce keeps the order's time priority", (t) => {
  const { engine } = setup();
  const first = place(engine, sell(ALICE, 5000, 10n * UNIT));
  const second = place(engine, sell(BOB, 5000, 10n * UNIT));
  engine.reduceOrder({ accountId: ALICE, orderId: first, newQuantity: 2n * UNIT });
  const result = engine.createOrder(buy(CAROL, 5000, 3n * UNIT));
  t.deepEqual(
    ofKind(result, "order-executed")
      .filter((e) => e.accountId !== CAROL)
      .map((e) => [e.orderId, e.quantity]),
    [
      [first, 2n * UNIT],
      [second, 1n * UNIT],
    ],
  );
});

test("newQuantity is the total size: reducing a partly filled order to what executed ends it as filled", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 5000, 10n * UNIT));
  engine.createOrder(sell(BOB, 5000, 4n * UNIT));
  const result = engine.reduceOrder({ accountId: ALICE, orderId: id, newQuantity: 4n * UNIT });
  t.like(one(result, "order-quantity-reduced"), { newQuantity: 4n * UNIT, executedQuantity: 4n * UNIT, executedAvgPrice: 5000 });
  t.like(engine.order(id), { status: "filled", remaining: 0n, reserved: 0n });
  t.deepEqual(engine.marketQuotes(1)?.contracts[0]?.bids, []);
  t.is(one(engine.reduceOrder({ accountId: ALICE, orderId: id, newQuantity: 2n * UNIT }), "order-quantity-reduce-rejected").reason, R.ORDER_QUANTITY_REDUCE_REJECTED_NOT_LIVE);
});

test("INVALID_NEW_QUANTITY: not below the current size, below what executed, zero, negative or off the unit", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 5000, 10n * UNIT));
  engine.createOrder(sell(BOB, 5000, 4n * UNIT));
  for (const newQuantity of [10n * UNIT, 11n * UNIT, 3n * UNIT, 0n, -UNIT, 5n * UNIT + 1n]) {
    const result = engine.reduceOrder({ accountId: ALICE, orderId: id, newQuantity, reference: 6n });
    t.deepEqual(kinds(result), ["1:order-quantity-reduce-rejected"], `newQuantity ${newQuantity}`);
    t.like(one(result, "order-quantity-reduce-rejected"), { orderId: id, newQuantity, reference: 6n, reason: R.ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY });
  }
  t.like(engine.order(id), { quantity: 10n * UNIT, remaining: 6n * UNIT });
});

test("reducing to 0 an order with no executions is refused (that is a cancel)", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 5000, 10n * UNIT));
  t.is(one(engine.reduceOrder({ accountId: ALICE, orderId: id, newQuantity: 0n }), "order-quantity-reduce-rejected").reason, R.ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY);
});

test("reduce of an unknown order or another account's is NOT_FOUND; of a cancelled one NOT_LIVE", (t) => {
  const { engine } = setup();
  const bobs = place(engine, buy(BOB, 5000, 10n * UNIT));
  for (const orderId of [999n, bobs]) {
    t.is(one(engine.reduceOrder({ accountId: ALICE, orderId, newQuantity: UNIT }), "order-quantity-reduce-rejected").reason, R.ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND);
  }
  engine.cancelOrder({ accountId: BOB, orderId: bobs });
  t.is(one(engine.reduceOrder({ accountId: BOB, orderId: bobs, newQuantity: UNIT }), "order-quantity-reduce-rejected").reason, R.ORDER_QUANTITY_REDUCE_REJECTED_NOT_LIVE);
});
