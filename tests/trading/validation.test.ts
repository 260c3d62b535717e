import test from "ava";
import fc from "fast-check";
import Long from "long";
import { isTick, ticksAbove, ticksBelow } from "../../runtime/odds/index.js";
import { OrderValidationError, type PlaceOrderInput } from "../../runtime/trading/index.js";
import { quiet } from "./helpers/events.js";
import { ORDER, setup } from "./helpers/setup.js";

/** placeOrder with `patch` applied must fail validation on `field`, sending nothing. */
async function refused(t: import("ava").ExecutionContext, patch: Record<string, unknown>, field: string, message?: RegExp): Promise<void> {
  const { port, trading } = setup();
  const error = await t.throwsAsync(trading.placeOrder({ ...ORDER, ...patch } as unknown as PlaceOrderInput), { instanceOf: OrderValidationError });
  t.is(error.field, field, `field for ${JSON.stringify(Object.keys(patch))}`);
  if (message) t.regex(error.message, message);
  t.is(port.sent.length, 0);
  t.deepEqual(trading.orders.all(), []);
}

test("a price off the ladder is refused, naming the nearest ticks on either side", async (t) => {
  await refused(t, { price: 2501 }, "price", /2501 bps is not on the odds ladder; the nearest ticks are 2500 \(below\) and 2532 \(above\)/);
});

test("prices that are not whole bps within 1..9999 are refused with the limit in the message", async (t) => {
  for (const price of [0, 10_000, -5, 25.5, Number.NaN, "2500", undefined]) {
    await refused(t, { price }, "price", /1\.\.9999/);
  }
});

test("every price off the ladder is refused and nothing is sent; every tick is accepted (property)", async (t) => {
  const { port, trading } = setup();
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 9999 }), async (price) => {
      const before = port.sent.length;
      const outcome = trading.placeOrder({ ...ORDER, price }, { timeoutMs: Infinity });
      if (isTick(price)) {
        quiet(outcome);
        return port.sent.length === before + 1;
      }
      const error = await outcome.then(
        () => undefined,
        (e: unknown) => e,
      );
      const below = ticksBelow(price, 1)[0]!;
      const above = ticksAbove(price, 1)[0]!;
      return (
        error instanceof OrderValidationError &&
        error.message.includes(`${below} (below) and ${above} (above)`) &&
        port.sent.length === before
      );
    }),
  );
  trading.close();
  t.pass();
});

test("quantity must be a positive whole number (bigint, safe number or Long) within uint64", async (t) => {
  for (const quantity of [0, 0n, -1n, 1.5, Number.MAX_SAFE_INTEGER + 1, 2n ** 64n, "100", null]) {
    await refused(t, { quantity }, "quantity");
  }
  const { port, trading } = setup();
  quiet(trading.placeOrder({ ...ORDER, quantity: Long.fromString("400000", true) }));
  quiet(trading.placeOrder({ ...ORDER, quantity: 2n ** 64n - 1n }));
  t.deepEqual(
    port.sent.map((p) => (p.body as { quantity: bigint }).quantity),
    [400_000n, 2n ** 64n - 1n],
  );
  trading.close();
});

test("market and contract ids must be whole numbers within 1..2^32-1", async (t) => {
  for (const bad of [0, -1, 2 ** 32, 1.5, "1", undefined]) {
    await refused(t, { marketId: bad }, "marketId", /1\.\.4294967295/);
    await refused(t, { contractId: bad }, "contractId", /1\.\.4294967295/);
  }
});

test("side and time in force must be known values", async (t) => {
  for (const side of ["BUY", 0, 3, undefined]) await refused(t, { side }, "side", /"buy", "sell"/);
  for (const timeInForce of ["gtc", 0, 5]) await refused(t, { timeInForce }, "timeInForce");
});

test("reference and label are checked", async (t) => {
  await refused(t, { reference: -1 }, "reference", /0\.\.18446744073709551615/);
  await refused(t, { reference: 2n ** 64n }, "reference");
  await refused(t, { label: 5 }, "label");
});

test("an order that is not an object is refused", async (t) => {
  const { port, trading } = setup();
  for (const order of [null, undefined, 5, "order"]) {
    await t.throwsAsync(trading.placeOrder(order as unknown as PlaceOrderInput), { instanceOf: OrderValidationError });
  }
  t.is(port.sent.length, 0);
});

test("ids and quantities of the other requests are checked too; nothing is sent", async (t) => {
  const { port, trading } = setup();
  const cases: [Promise<unknown>, string][] = [
    [trading.cancelOrder(0n), "orderId"],
    [trading.cancelOrder(-3), "orderId"],
    [trading.cancelOrder(1n, { reference: -1 }), "reference"],
    [trading.reduceOrder(1n, 0n), "newQuantity"],
    [trading.reduceOrder(0n, 5n), "orderId"],
    [trading.replaceOrder(1n, { price: 2501, quantity: 5n }), "price"],
    [trading.replaceOrder(1n, { price: 2500, quantity: 0n }), "quantity"],
    [trading.replaceOrder(0n, { price: 2500, quantity: 5n }), "origOrderId"],
    [trading.replaceOrder(1n, { price: 2500, quantity: 5n, marketId: 0 }), "marketId"],
    [trading.cancelAll({ marketId: 0 }), "marketId"],
    [trading.subscribe(0), "marketId"],
    [trading.unsubscribe(1.5), "marketId"],
    [trading.updateSettings({ cancelAllOnFailure: "yes" as unknown as boolean }), "cancelAllOnFailure"],
  ];
  for (const [outcome, field] of cases) {
    const error = await t.throwsAsync(outcome, { instanceOf: OrderValidationError });
    t.is(error.field, field);
  }
  t.is(port.sent.length, 0);
});
