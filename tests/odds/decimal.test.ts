import test from "ava";
import { fromDecimal, OddsError, snapToTick, toDecimal, toDecimalExact, toDecimalStr } from "../../runtime/odds/index.js";
import { LADDER_TICKS } from "../../runtime/odds/ladder-data.js";

test("a tick's decimal odds are the ladder's own figure, as written", (t) => {
  for (const [decimal, bps] of LADDER_TICKS) t.is(toDecimal(bps), decimal);
  t.is(toDecimal(9999), "1.0001");
  t.is(toDecimal(2500), "4.00");
  t.is(toDecimal(2439), "4.1");
  t.is(toDecimal(1), "10000");
});

test("the ladder rounds: 3333 bps shows as 3.00 but is exactly 10000/3333", (t) => {
  t.is(toDecimal(3333), "3.00");
  t.deepEqual(toDecimalExact(3333), { num: 10000n, den: 3333n });
  t.deepEqual(toDecimalExact(2500), { num: 4n, den: 1n });
  t.deepEqual(toDecimalExact(1562), { num: 5000n, den: 781n });
});

test("off the ladder, decimal odds are 10000/price to 4 places, half to even, at least 2 decimals", (t) => {
  t.is(toDecimal(3000), "3.3333");
  t.is(toDecimal(9998), "1.0002");
  t.is(toDecimal(1600), "6.25");
  t.is(toDecimal(8), "1250.00");
  t.is(toDecimal(3), "3333.3333");
  t.is(toDecimal(6), "1666.6667");
  t.is(toDecimal(1024), "9.7656"); // 9.765625
  t.is(toDecimal(512), "19.5312"); // exactly 19.53125: a tie, to even
  t.is(toDecimal(2560), "3.9062"); // exactly 3.90625: a tie, to even
  t.is(toDecimal(6400), "1.5625"); // exactly 1.5625, no rounding
});

test("seed tests: decimal_str keeps one trailing zero at most", (t) => {
  t.is(toDecimalStr(snapToTick("sell", 513)), "19.5");
  t.is(toDecimalStr(snapToTick("sell", 4950)), "2.02");
  t.is(toDecimalStr(snapToTick("sell", 3571)), "2.8");
  t.is(toDecimalStr(snapToTick("sell", 625)), "16.0");
  t.is(toDecimalStr(snapToTick("sell", 5000)), "2.0");
  t.is(toDecimalStr(9999), "1.0001");
  t.is(toDecimalStr(476), "21");
  t.is(toDecimalStr(1600), "6.25");
});

test("fromDecimal rounds 10000/decimal half to even to a whole bps", (t) => {
  t.is(fromDecimal("4"), 2500);
  t.is(fromDecimal(2), 5000);
  t.is(fromDecimal("3"), 3333);
  t.is(fromDecimal("3.00"), 3333);
  t.is(fromDecimal("1.0001"), 9999);
  t.is(fromDecimal("19999"), 1);
  t.is(fromDecimal("1.00006"), 9999);
  t.is(fromDecimal("6.4"), 1562); // 1562.5 → even
  t.is(fromDecimal("32"), 312); // 312.5 → even
  t.is(fromDecimal("1.28"), 7812); // 7812.5 → even
});

test("every price comes back from its decimal odds, on and off the ladder", (t) => {
  for (let price = 1; price <= 9999; price++) {
    if (fromDecimal(toDecimalExact(price)) !== price) t.fail(`${price} via exact`);
    if (fromDecimal(toDecimal(price)) !== price) t.fail(`${price} via ${toDecimal(price)}`);
    if (fromDecimal(toDecimalStr(price)) !== price) t.fail(`${price} via ${toDecimalStr(price)}`);
  }
  t.pass();
});

test("fromDecimal answers for any positive odds, as the seed, and refuses zero, negative and malformed odds", (t) => {
  t.is(fromDecimal("1.00005"), 10000);
  t.is(fromDecimal({ num: 1n, den: 1n }), 10000);
  t.throws(() => fromDecimal("0"), { instanceOf: OddsError, message: /decimal odds "0" must be positive/ });
  t.throws(() => fromDecimal("-2"), { instanceOf: OddsError, message: /decimal odds "-2" must be positive/ });
  t.throws(() => fromDecimal({ num: -1n, den: 1n }), { instanceOf: OddsError, message: /must be positive/ });
  t.throws(() => fromDecimal("1e-20"), { instanceOf: OddsError, message: /gives a price of 10{24} bps, beyond 9007199254740991/ });
  t.throws(() => fromDecimal("two"), { instanceOf: OddsError, message: /decimal odds "two" is not a decimal number/ });
  t.throws(() => fromDecimal(NaN), { instanceOf: OddsError, message: /NaN/ });
  t.throws(() => fromDecimal({ num: 3n, den: 0n }), { instanceOf: OddsError, message: /non-zero den/ });
});

test("toDecimal and toDecimalExact refuse a bad price", (t) => {
  for (const bad of [0, 10000, 2.5, NaN]) {
    t.throws(() => toDecimal(bad), { instanceOf: OddsError });
    t.throws(() => toDecimalExact(bad), { instanceOf: OddsError });
    t.throws(() => toDecimalStr(bad), { instanceOf: OddsError });
  }
});
