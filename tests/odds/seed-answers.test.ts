// Where the seed (smk_python_sdk 9.4.4, smarkets.odds) accepts input and
// answers, so do we, with its answer. Expected values are the seed's results
// (its Decimal arithmetic, 28 significant digits, ties to even), converted
// from its percent to our bps (× 100).
import { deepStrictEqual } from "node:assert/strict";
import test from "ava";
import fc from "fast-check";
import { dec, decAdd, decDiv, toContext } from "../../runtime/odds/decimal-context.js";
import {
  fromAmerican,
  fromDecimal,
  fromFractional,
  isTick,
  maxTick,
  minTick,
  ticksAbove,
  ticksAtOrAbove,
  ticksAtOrBelow,
  ticksBelow,
  toAmerican,
  toAmericanExact,
} from "../../runtime/odds/index.js";
import { rational } from "../../runtime/odds/rational.js";
import { roundHalfEvenBig, TICKS_ASC } from "./reference.js";

test("from_decimal of 1, 0.5 and 20000: the seed's prices, though no order can carry them", (t) => {
  t.is(fromDecimal(1), 10000); // 100 / 1 = 100.00%
  t.is(fromDecimal("1"), 10000);
  t.is(fromDecimal(0.5), 20000); // 200.00%
  t.is(fromDecimal(20000), 0); // 0.005% → 0.00 (half to even)
  t.is(fromDecimal("19999"), 1);
  t.false(isTick(fromDecimal(1)), "isTick tells whether it can be sent");
});

test("from_american of 99, -99, 0, 1 and 50: the seed's prices", (t) => {
  t.is(fromAmerican(99), 5025); // 10000 / 199 = 50.25%
  t.is(fromAmerican(-99), 4975); // 100 / (100/99 + 1) = 49.75%
  t.is(fromAmerican(0), 10000); // 10000 / 100 = 100.00%
  t.is(fromAmerican(1), 9901); // 10000 / 101 = 99.01%
  t.is(fromAmerican(50), 6667); // 10000 / 150 = 66.67%
  t.is(fromAmerican(-1), 99); // 100 / 101 = 0.99%
  t.is(fromAmerican("2e6"), 0);
});

test("from_fractional 20000/1 and 1/20000: the seed's prices", (t) => {
  t.is(fromFractional("20000/1"), 0); // 100 / 20001 = 0.0049997…%
  t.is(fromFractional({ numerator: 20000, denominator: 1 }), 0);
  t.is(fromFractional("1/20000"), 10000); // 100 / 1.00005 = 99.99500…%
  t.is(fromFractional("1/19999"), 9999);
});

test("ticks_geq(99.991), ticks_lt(0.0001) and ticks_leq(0.0001) are []", (t) => {
  // The seed's percent 99.991 is 9999.1 bps here, 0.0001% is 0.01 bps.
  t.deepEqual(ticksAtOrAbove(9999.1), []);
  t.deepEqual(ticksBelow(0.01), []);
  t.deepEqual(ticksAtOrBelow(0.01), []);
  t.deepEqual(ticksAbove(9999.1), []);
  // The seed's own doctests, and its MIN_TICK / MAX_TICK = next(ticks_gt(0)), next(ticks_lt(100)).
  t.deepEqual(ticksAbove(9750), [9804, 9901, 9999]);
  t.deepEqual(ticksAtOrAbove(9804), [9804, 9901, 9999]);
  t.deepEqual(ticksAtOrAbove(9999), [9999]);
  t.deepEqual(ticksBelow(35), [34, 33, 20, 10, 1]);
  t.deepEqual(ticksAtOrBelow(20), [20, 10, 1]);
  t.is(ticksAbove(0)[0], minTick);
  t.is(ticksBelow(10000)[0], maxTick);
  t.deepEqual(ticksAbove(-Infinity, 2), [1, 10]);
  t.deepEqual(ticksBelow(Infinity, 2), [9999, 9901]);
});

test("property: each walk from any point, on the ladder or not, in range or not, filters the ladder", (t) => {
  const point = fc.oneof(fc.double({ noNaN: true, min: -20000, max: 20000 }), fc.integer({ min: -5, max: 10005 }));
  const prop = fc.property(point, fc.integer({ min: 0, max: 400 }), (price, count) => {
    const up = (ok: (x: number) => boolean) => TICKS_ASC.filter(ok).slice(0, count);
    const down = (ok: (x: number) => boolean) => [...TICKS_ASC].reverse().filter(ok).slice(0, count);
    deepStrictEqual(ticksAbove(price, count), up((x) => x > price));
    deepStrictEqual(ticksAtOrAbove(price, count), up((x) => x >= price));
    deepStrictEqual(ticksBelow(price, count), down((x) => x < price));
    deepStrictEqual(ticksAtOrBelow(price, count), down((x) => x <= price));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 500 }));
});

// The three prices where the seed's 28-digit quotient tips an exact .5 tie (found by running its arithmetic on all 9999).
const SEED_TIES: ReadonlyMap<number, number> = new Map([
  [6800, -213],
  [9360, -1463],
  [9872, -7713],
]);

test("American odds of 6800, 9360 and 9872 are the seed's -213, -1463 and -7713", (t) => {
  for (const [price, seed] of SEED_TIES) {
    t.is(toAmerican(price), seed, String(price));
    const exact = toAmericanExact(price);
    t.is(exact.den, 2n, `${price} is exactly a .5 tie`);
  }
});

test("every other price's American odds are the exact value rounded half to even", (t) => {
  for (let price = 1; price <= 9999; price++) {
    const { num, den } = toAmericanExact(price);
    const exact = num < 0n ? -roundHalfEvenBig(-num, den) : roundHalfEvenBig(num, den);
    const expected = SEED_TIES.get(price) ?? Number(exact);
    if (toAmerican(price) !== expected) t.fail(`${price}: ${toAmerican(price)}, expected ${expected}`);
  }
  t.pass();
});

test("the decimal context rounds each result to 28 significant digits, ties to even", (t) => {
  const text = (r: { num: bigint; den: bigint }) => `${r.num}/${r.den}`;
  t.is(text(toContext(rational(1n, 3n))), text(rational(3333333333333333333333333333n, 10n ** 28n)));
  t.is(text(toContext(rational(2n, 3n))), text(rational(6666666666666666666666666667n, 10n ** 28n)));
  t.is(text(decDiv(dec(100), dec(68))), text(rational(1470588235294117647058823529n, 10n ** 27n)));
  // Python: Decimal(-100) / (Decimal(100) / Decimal(68) - Decimal(1)) == Decimal('-212.5000000000000000000000002')
  const odds = decDiv(dec(-100), decAdd(decDiv(dec(100), dec(68)), dec(-1)));
  t.is(text(odds), text(rational(-2125000000000000000000000002n, 10n ** 25n)));
  // Large and small magnitudes keep 28 digits: 10^30 / 7 and 1 / 7 / 10^40.
  t.is(text(decDiv(dec(10n ** 30n), dec(7))), text(rational(1428571428571428571428571429n * 10n ** 2n)));
  t.is(text(decDiv(decDiv(dec(1), dec(7)), dec(10n ** 40n))), text(rational(1428571428571428571428571429n, 10n ** 68n)));
  t.is(text(toContext(rational(0n))), "0/1");
  // A tie at the 29th digit goes to even: 1.0000000000000000000000000005 (29 digits) → 1.000…000 (28).
  t.is(text(toContext(rational(10n ** 28n + 5n, 10n ** 28n))), "1/1");
  t.is(text(toContext(rational(10n ** 28n + 15n, 10n ** 28n))), text(rational(10n ** 27n + 2n, 10n ** 27n)));
});
