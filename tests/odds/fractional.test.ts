import test from "ava";
import fc from "fast-check";
import { deepStrictEqual } from "node:assert/strict";
import {
  fromFractional,
  OddsError,
  parseFractional,
  toFractional,
  toFractionalStr,
  type Fraction,
} from "../../runtime/odds/index.js";
import { FRACTIONAL_ROWS } from "../../runtime/odds/ladder-data.js";

/** Every table entry [price, fraction], both directions of each row. */
const ENTRIES: [number, Fraction][] = FRACTIONAL_ROWS.flatMap(([num, den, bps, inverse]): [number, Fraction][] => [
  [bps, { numerator: num, denominator: den }],
  [inverse, { numerator: den, denominator: num }],
]);

test("1/1 is Evens, both ways", (t) => {
  t.deepEqual(toFractional(5000), { numerator: 1, denominator: 1 });
  t.is(toFractionalStr(5000), "Evens");
  t.is(fromFractional("Evens"), 5000);
  t.is(fromFractional("evens"), 5000);
  t.is(fromFractional("EVENS"), 5000);
  t.is(fromFractional("1/1"), 5000);
  t.deepEqual(parseFractional(" Evens "), { numerator: 1, denominator: 1 });
});

test("a price on the table shows its own fraction, written 'n to d' as the seed does", (t) => {
  t.is(toFractionalStr(2500), "3 to 1");
  t.is(toFractionalStr(7500), "1 to 3");
  t.is(toFractionalStr(6000), "4 to 6"); // the table keeps 4/6 unreduced
  t.is(toFractionalStr(2667), "11 to 4");
  t.is(toFractionalStr(1), "10000 to 1");
  t.is(toFractionalStr(9999), "1 to 10000");
});

test("a price between table entries shows the next entry up (equal or shorter odds)", (t) => {
  t.deepEqual(toFractional(2550), { numerator: 11, denominator: 4 }); // 25.5% → 26.67%
  t.deepEqual(toFractional(2501), { numerator: 11, denominator: 4 });
  t.deepEqual(toFractional(4999), { numerator: 1, denominator: 1 }); // 20/21 is 48.78%, below
  t.deepEqual(toFractional(5001), { numerator: 20, denominator: 21 }); // 51.22%
});

test("property: the fraction shown is the table entry with the lowest price at or above the price", (t) => {
  const prop = fc.property(fc.integer({ min: 1, max: 9999 }), (price) => {
    const best = ENTRIES.filter(([bps]) => bps >= price).reduce((a, b) => (b[0] < a[0] ? b : a));
    deepStrictEqual(toFractional(price), best[1]);
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 2000 }));
});

test("fromFractional is 100 / (n/d + 1) percent, rounded half to even", (t) => {
  t.is(fromFractional("11/4"), 2667);
  t.is(fromFractional("11-4"), 2667);
  t.is(fromFractional("11 to 4"), 2667);
  t.is(fromFractional("11 TO 4"), 2667);
  t.is(fromFractional({ numerator: 3, denominator: 1 }), 2500);
  t.is(fromFractional("4/6"), 6000);
  t.is(fromFractional("2/3"), 6000);
  t.is(fromFractional("1/31"), 9688); // 9687.5 → even
  t.is(fromFractional("31/1"), 312); // 312.5 → even; the table lists 3.13%
  t.is(fromFractional("100/1"), 99);
  t.is(fromFractional("9999/1"), 1);
});

test("every table fraction comes back from its price", (t) => {
  for (const [bps, fraction] of ENTRIES) {
    const price = fromFractional(fraction);
    // Only 31/1 is rounded differently in the table (3.13%) from the formula (3.12%).
    t.true(Math.abs(price - bps) <= 1, `${fraction.numerator}/${fraction.denominator}`);
    t.deepEqual(toFractional(price), fraction);
  }
});

test("malformed fraction strings are an OddsError naming the text", (t) => {
  for (const bad of ["", "11", "11//4", "11/4/2", "eleven to four", "1.5/2", "-1/2", "11/-4", "11:4", "evens please", "½"]) {
    t.throws(() => parseFractional(bad), { instanceOf: OddsError, message: /is not of the form "11\/4", "11 to 4" or "Evens"/ }, JSON.stringify(bad));
    t.throws(() => fromFractional(bad), { instanceOf: OddsError });
  }
  t.throws(() => parseFractional("1234567890123456/1"), { instanceOf: OddsError, message: /is not of the form/ });
  t.throws(() => parseFractional(42 as unknown as string), { instanceOf: OddsError, message: /must be a string, got 42/ });
});

test("a zero denominator and non-integer or negative parts are refused; 0/n is a certainty", (t) => {
  t.throws(() => fromFractional("11/0"), { instanceOf: OddsError, message: /"11\/0": 0 must be a whole number ≥ 1/ });
  t.is(fromFractional("0/4"), 10000);
  t.throws(() => fromFractional({ numerator: -1, denominator: 2 }), { instanceOf: OddsError, message: /-1 must be a whole number ≥ 0/ });
  t.throws(() => fromFractional({ numerator: 1.5, denominator: 2 }), { instanceOf: OddsError, message: /1\.5 must be a whole number ≥ 0/ });
  t.throws(() => fromFractional({ numerator: NaN, denominator: 2 }), { instanceOf: OddsError, message: /NaN must be a whole number/ });
  t.throws(() => fromFractional(null as unknown as Fraction), { instanceOf: OddsError, message: /must be a Fraction or a string/ });
  t.is(fromFractional("1/100000"), 10000);
  t.is(fromFractional("100000/1"), 0);
  t.throws(() => toFractional(0), { instanceOf: OddsError, message: /0 bps is outside 1\.\.9999/ });
  t.throws(() => toFractionalStr(NaN), { instanceOf: OddsError, message: /NaN/ });
});
