import test from "ava";
import fc from "fast-check";
import { OrderInvalidReason, Side, TimeInForceType } from "../../generated/seto.js";
import { EngineCommandError } from "../../exchange/engine/errors.js";
import { ALICE, UNIT, buy, isTick, kinds, one, sell, setup } from "./helpers.js";

const PRICE = OrderInvalidReason.ORDER_INVALID_INVALID_PRICE;
const QUANTITY = OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY;

const cases: ReadonlyArray<[string, number | undefined, bigint, OrderInvalidReason[]]> = [
  ["a price off the ladder", 5050, 10n * UNIT, [PRICE]],
  ["price 0", 0, 10n * UNIT, [PRICE]],
  ["price 10000 (100%)", 10000, 10n * UNIT, [PRICE]],
  ["a negative price", -100, 10n * UNIT, [PRICE]],
  ["a fractional price", 5000.5, 10n * UNIT, [PRICE]],
  ["no price", undefined, 10n * UNIT, [PRICE]],
  ["quantity 0", 5000, 0n, [QUANTITY]],
  ["a negative quantity", 5000, -UNIT, [QUANTITY]],
  ["a quantity that is not a multiple of the unit", 5000, UNIT + 1n, [QUANTITY]],
  ["both a bad price and a bad quantity", 5050, 5n, [PRICE, QUANTITY]],
];

for (const [what, price, quantity, reasons] of cases) {
  test(`order-invalid for ${what}`, (t) => {
    const { engine } = setup();
    const before = engine.account(ALICE);
    const result = engine.createOrder(buy(ALICE, 5000, 1n, { price, quantity, reference: 77n, requestSeq: 9n }));
    t.deepEqual(kinds(result), ["1:order-invalid"]);
    t.like(one(result, "order-invalid"), { seq: 9n, reference: 77n, accountSequence: 1n });
    t.deepEqual(one(result, "order-invalid").reasons, reasons);
    t.deepEqual(engine.account(ALICE), before, "no money held");
    t.deepEqual(engine.liveOrders(), []);
  });
}

test("every on-ladder price with a whole-unit quantity passes validation", (t) => {
  t.notThrows(() => fc.assert(
    fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (percent, units, isBuy) => {
      const { engine } = setup();
      const cmd = (isBuy ? buy : sell)(ALICE, percent * 100, BigInt(units) * UNIT);
      return engine.createOrder(cmd).events[0]?.kind === "order-accepted";
    }),
  ));
});

test("the ladder function is only asked about integers in 1..9999", (t) => {
  const asked: number[] = [];
  const { engine } = setup({ isTick: (p) => (asked.push(p), isTick(p)) });
  for (const price of [0, 10000, 5000.5, -1, 5000]) engine.createOrder(buy(ALICE, price, UNIT));
  t.deepEqual(asked, [5000]);
});

test("a coarser quantity unit is enforced", (t) => {
  const { engine } = setup({ quantityUnit: 5n * UNIT });
  t.deepEqual(one(engine.createOrder(buy(ALICE, 5000, 3n * UNIT)), "order-invalid").reasons, [QUANTITY]);
  t.is(engine.createOrder(buy(ALICE, 5000, 10n * UNIT)).events[0]?.kind, "order-accepted");
});

test("tif defaults to GOOD_TIL_CANCELLED, as in seto", (t) => {
  const { engine } = setup();
  const id = one(engine.createOrder(buy(ALICE, 5000, UNIT, { tif: undefined })), "order-accepted").orderId;
  t.is(engine.order(id)?.tif, TimeInForceType.GOOD_TIL_CANCELLED);
});

test("a side or time in force outside the enum is the caller's bug: a typed error, nothing changes", (t) => {
  const { engine } = setup();
  const badSide = t.throws(() => engine.createOrder(buy(ALICE, 5000, UNIT, { side: Side.UNRECOGNIZED })), {
    instanceOf: EngineCommandError,
  });
  t.regex(badSide?.message ?? "", /side -1/);
  const badTif = t.throws(() => engine.createOrder(buy(ALICE, 5000, UNIT, { tif: 9 as TimeInForceType })), {
    instanceOf: EngineCommandError,
  });
  t.regex(badTif?.message ?? "", /time in force 9/);
  t.deepEqual(engine.eventsSince(ALICE, 1n).events, []);
});

test("a command from an account that is not open is a typed error", (t) => {
  const { engine } = setup();
  const error = t.throws(() => engine.createOrder(buy(99, 5000, UNIT)), { instanceOf: EngineCommandError });
  t.regex(error?.message ?? "", /account 99/);
  t.throws(() => engine.cancelOrder({ accountId: 99, orderId: 1n }), { instanceOf: EngineCommandError });
  t.throws(() => engine.eventsSince(99, 1n), { instanceOf: EngineCommandError });
});
