import test from "ava";
import fc from "fast-check";
import Long from "long";
import { ArgumentError } from "../../runtime/errors.js";
import { toUint32, toUint64 } from "../../runtime/integers.js";

test("ids and quantities may be bigint, safe-integer number or Long", (t) => {
  t.is(toUint64(12345n, "orderId"), 12345n);
  t.is(toUint64(400_000, "quantity"), 400_000n);
  t.is(toUint64(Long.fromString("18446744073709551615", true), "orderId"), 18446744073709551615n);
  t.is(toUint64(Long.fromNumber(7), "reference"), 7n);
});

test("property: every uint64 survives as bigint and as an unsigned Long", (t) => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), (v) => {
      return toUint64(v, "x") === v && toUint64(Long.fromString(v.toString(), true), "x") === v;
    }),
  );
  t.pass();
});

test("out of range, unsafe or wrongly typed values are ArgumentErrors naming the field and the limit", (t) => {
  t.throws(() => toUint64(-1n, "quantity"), { instanceOf: ArgumentError, message: "quantity must be within 0..2^64-1, got -1" });
  t.throws(() => toUint64(1n << 64n, "orderId"), { instanceOf: ArgumentError, message: /orderId must be within 0\.\.2\^64-1, got 18446744073709551616/ });
  t.throws(() => toUint64(2 ** 53, "quantity"), { instanceOf: ArgumentError, message: /quantity must be a safe integer/ });
  t.throws(() => toUint64(1.5, "quantity"), { instanceOf: ArgumentError, message: /got 1\.5/ });
  t.throws(() => toUint64(Long.fromNumber(-3), "reference"), { instanceOf: ArgumentError, message: /got -3/ });
  t.throws(() => toUint64("12" as never, "orderId"), { instanceOf: ArgumentError, message: /got string/ });
  t.throws(() => toUint32(2 ** 32, "marketId"), { instanceOf: ArgumentError, message: /marketId must be an integer within 0\.\.4294967295, got 4294967296/ });
  t.is(toUint32(1, "marketId"), 1);
});
