import test from "ava";
import fc from "fast-check";
import { strictEqual } from "node:assert/strict";
import {
  fromAmerican,
  OddsError,
  toAmerican,
  toAmericanExact,
  toAmericanStr,
} from "../../runtime/odds/index.js";
import { nearestTick, TICKS_ASC } from "./reference.js";

test("below 50% American odds are positive: 10000/p - 100", (t) => {
  t.is(toAmerican(2500), 300);
  t.is(toAmerican(4000), 150);
  t.is(toAmerican(1), 999900);
  t.deepEqual(toAmericanExact(3000), { num: 700n, den: 3n }); // 233.33…
  t.is(toAmerican(3000), 233);
  t.is(toAmericanStr(2500), "+300");
});

test("from 50% American odds are negative: -100 / (100/p - 1)", (t) => {
  t.is(toAmerican(7500), -300);
  t.is(toAmerican(6000), -150);
  t.is(toAmerican(9999), -999900);
  t.deepEqual(toAmericanExact(7000), { num: -700n, den: 3n });
  t.is(toAmerican(7000), -233);
  t.is(toAmericanStr(7500), "-300");
});

test("the 50% boundary: 50% is -100, just below is +100, just above is -100", (t) => {
  t.deepEqual(toAmericanExact(5000), { num: -100n, den: 1n });
  t.is(toAmericanStr(5000), "-100");
  t.deepEqual(toAmericanExact(4999), { num: 500100n, den: 4999n }); // 100.04…
  t.is(toAmericanStr(4999), "+100");
  t.deepEqual(toAmericanExact(5001), { num: -500100n, den: 4999n });
  t.is(toAmericanStr(5001), "-100");
  t.is(fromAmerican(100), 5000);
  t.is(fromAmerican(-100), 5000);
});

test("whole-number American odds round half to even, as the seed quantizes", (t) => {
  t.deepEqual(toAmericanExact(128), { num: 15425n, den: 2n }); // 7712.5
  t.is(toAmerican(128), 7712);
  t.deepEqual(toAmericanExact(9872), { num: -15425n, den: 2n }); // -7712.5, but see seed-answers.test.ts: -7713
  t.is(fromAmerican(15900), 62); // 62.5 bps → even
  t.is(fromAmerican(79900), 12); // 12.5 bps → even
  t.is(fromAmerican(-15900), 9938); // 9937.5 bps → even
});

test("fromAmerican reads numbers, signed text and exact fractions", (t) => {
  t.is(fromAmerican("+300"), 2500);
  t.is(fromAmerican(300), 2500);
  t.is(fromAmerican("-300"), 7500);
  t.is(fromAmerican("+150"), 4000);
  t.is(fromAmerican(-110), 5238);
  t.is(fromAmerican("999900"), 1);
  t.is(fromAmerican(-999900), 9999);
  t.is(fromAmerican({ num: 700n, den: 3n }), 3000);
  t.is(fromAmerican({ num: -1400n, den: -6n }), 3000); // any sign convention
});

test("every price comes back exactly from its exact American odds", (t) => {
  for (let price = 1; price <= 9999; price++) {
    const odds = toAmericanExact(price);
    if ((odds.num > 0n) !== price < 5000) t.fail(`sign at ${price}`);
    if (fromAmerican(odds) !== price) t.fail(String(price));
  }
  t.pass();
});

test("whole-number American odds lose precision, but still identify every tick", (t) => {
  t.is(fromAmerican(toAmerican(7874)), 7872); // -370 is 78.72%: rounding moved the price
  for (const tick of TICKS_ASC) {
    const back = fromAmerican(toAmerican(tick));
    t.is(nearestTick(BigInt(back), 1n), tick, `tick ${tick} → ${toAmericanStr(tick)} → ${back}`);
  }
});

test("property: whole American odds are at least 100 in size, signed by the 50% line", (t) => {
  const prop = fc.property(fc.integer({ min: 1, max: 9999 }), (price) => {
    const odds = toAmerican(price);
    strictEqual(Number.isInteger(odds), true);
    strictEqual(Math.abs(odds) >= 100, true);
    strictEqual(odds > 0, price < 5000);
    strictEqual(toAmericanStr(price), odds > 0 ? `+${odds}` : String(odds));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 1000 }));
});

test("fromAmerican answers for any odds, as the seed; malformed input is refused", (t) => {
  t.is(fromAmerican({ num: 1n, den: 1n }), 9901);
  t.is(fromAmerican("-50.5"), 3355);
  t.is(fromAmerican(1e9), 0);
  t.is(fromAmerican("-1e9"), 10000);
  t.throws(() => fromAmerican("evens"), { instanceOf: OddsError, message: /American odds "evens" is not a decimal number/ });
  t.throws(() => fromAmerican(NaN), { instanceOf: OddsError, message: /NaN is not a finite number/ });
  t.throws(() => fromAmerican({ num: 1n, den: 0n }), { instanceOf: OddsError, message: /non-zero den/ });
  t.throws(() => fromAmerican({ num: 1, den: 2 } as never), { instanceOf: OddsError, message: /bigint num/ });
  t.throws(() => toAmerican(0), { instanceOf: OddsError, message: /0 bps is outside 1\.\.9999/ });
});
