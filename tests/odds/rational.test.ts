import test from "ava";
import { formatRational, fromPercent, OddsError } from "../../runtime/odds/index.js";
import { parseDecimal } from "../../runtime/odds/decimal-input.js";
import { rational, roundHalfEven } from "../../runtime/odds/rational.js";

test("rationals are kept in lowest terms with a positive denominator", (t) => {
  t.deepEqual(rational(10n, 4n), { num: 5n, den: 2n });
  t.deepEqual(rational(3n, -6n), { num: -1n, den: 2n });
  t.deepEqual(rational(0n, 7n), { num: 0n, den: 1n });
});

test("roundHalfEven sends ties to the even neighbour, both signs", (t) => {
  const cases: [bigint, bigint, bigint][] = [
    [5n, 2n, 2n], [7n, 2n, 4n], [-5n, 2n, -2n], [-7n, 2n, -4n],
    [10n, 4n, 2n], [11n, 4n, 3n], [9n, 4n, 2n], [-9n, 4n, -2n], [-11n, 4n, -3n], [6n, 1n, 6n],
  ];
  for (const [num, den, expected] of cases) t.is(roundHalfEven(rational(num, den)), expected, `${num}/${den}`);
});

test("formatRational writes exactly the given number of places, half to even", (t) => {
  t.is(formatRational(rational(10000n, 3333n), 4), "3.0003");
  t.is(formatRational(rational(1n, 8n), 2), "0.12");
  t.is(formatRational(rational(3n, 8n), 2), "0.38");
  t.is(formatRational(rational(-1n, 3n), 3), "-0.333");
  t.is(formatRational(rational(5n, 2n), 0), "2");
  t.is(formatRational(rational(1n, 200n), 2), "0.00");
  t.throws(() => formatRational(rational(1n), -1), { instanceOf: OddsError, message: /decimal places -1 must be a whole number from 0 to 100/ });
  t.throws(() => formatRational(rational(1n), 1.5), { instanceOf: OddsError });
});

test("decimal text is read exactly, with sign, leading or trailing point and exponent", (t) => {
  t.deepEqual(parseDecimal("2.02", "x"), { num: 101n, den: 50n });
  t.deepEqual(parseDecimal("-0.5", "x"), { num: -1n, den: 2n });
  t.deepEqual(parseDecimal("5.", "x"), { num: 5n, den: 1n });
  t.deepEqual(parseDecimal(".25", "x"), { num: 1n, den: 4n });
  t.deepEqual(parseDecimal("1E2", "x"), { num: 100n, den: 1n });
  t.deepEqual(parseDecimal("25e-1", "x"), { num: 5n, den: 2n });
  t.deepEqual(parseDecimal(1e-7, "x"), { num: 1n, den: 10_000_000n }); // String(1e-7) is "1e-7"
  t.deepEqual(parseDecimal(0.1, "x"), { num: 1n, den: 10n }); // the decimal the user wrote, not the double
  t.is(fromPercent("2.5e1"), 2500);
});
