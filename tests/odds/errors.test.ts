import test from "ava";
import { SmarketsError } from "../../runtime/errors.js";
import { checkPrice, fromDecimal, fromFractional, fromPercent, OddsError, snapToTick } from "../../runtime/odds/index.js";

test("OddsError is a SmarketsError with its own name, the offending value and a cause", (t) => {
  const error = t.throws(() => fromPercent("12.345"), { instanceOf: OddsError });
  t.true(error instanceof SmarketsError);
  t.is(error.name, "OddsError");
  t.is(error.value, "12.345");
  const cause = new Error("underlying");
  t.is(new OddsError("x", 1, { cause }).cause, cause);
});

test("checkPrice accepts 1..9999 whole bps and names the value and the limit otherwise", (t) => {
  t.is(checkPrice(1), 1);
  t.is(checkPrice(9999), 9999);
  const cases: [unknown, RegExp][] = [
    [0, /price 0 bps is outside 1\.\.9999/],
    [10000, /price 10000 bps is outside 1\.\.9999/],
    [-0.5, /-0\.5 is not a whole number of basis points/],
    [NaN, /price is NaN; expected basis points 1\.\.9999/],
    [Infinity, /Infinity is not a whole number/],
    ["2500", /must be a number of basis points, got "2500"/],
    [2500n, /got 2500n/],
    [undefined, /got undefined/],
  ];
  for (const [bad, message] of cases) {
    const error = t.throws(() => checkPrice(bad), { instanceOf: OddsError, message });
    t.is(error.value, bad);
  }
});

test("every entry point carries the bad value on the error", (t) => {
  t.is(t.throws(() => snapToTick("buy", 0), { instanceOf: OddsError }).value, 0);
  t.is(t.throws(() => fromDecimal("x"), { instanceOf: OddsError }).value, "x");
  t.is(t.throws(() => fromFractional("7/0"), { instanceOf: OddsError }).value, "7/0");
});
