import test from "ava";
import { fromPercent, OddsError, toPercent, toPercentStr } from "../../runtime/odds/index.js";
import { bpsText } from "./reference.js";

test("toPercent writes the price with two decimals", (t) => {
  t.is(toPercent(2500), "25.00");
  t.is(toPercent(3333), "33.33");
  t.is(toPercent(30), "0.30");
  t.is(toPercent(1), "0.01");
  t.is(toPercent(9999), "99.99");
  for (let price = 1; price <= 9999; price++) if (toPercent(price) !== bpsText(price)) t.fail(String(price));
});

test("toPercentStr drops trailing zeros and adds %, as the seed's percent_str", (t) => {
  t.is(toPercentStr(2500), "25%");
  t.is(toPercentStr(1250), "12.5%");
  t.is(toPercentStr(3333), "33.33%");
  t.is(toPercentStr(30), "0.3%");
  t.is(toPercentStr(1), "0.01%");
  t.is(toPercentStr(1000), "10%");
});

test("fromPercent reads text or numbers given to 0.01%", (t) => {
  t.is(fromPercent("25"), 2500);
  t.is(fromPercent("25.00"), 2500);
  t.is(fromPercent(" 33.33 "), 3333);
  t.is(fromPercent(0.3), 30);
  t.is(fromPercent(".3"), 30);
  t.is(fromPercent("1e1"), 1000);
  t.is(fromPercent("99.99"), 9999);
  t.is(fromPercent("+0.01"), 1);
  for (let price = 1; price <= 9999; price++) if (fromPercent(toPercent(price)) !== price) t.fail(String(price));
});

test("fromPercent refuses a percent finer than 0.01% instead of rounding it", (t) => {
  t.throws(() => fromPercent("25.005"), { instanceOf: OddsError, message: /"25\.005" is finer than 0\.01%/ });
  // A float sum that is not the decimal it looks like is caught, not rounded.
  t.throws(() => fromPercent(0.1 + 0.2), { instanceOf: OddsError, message: /0\.30000000000000004 is finer/ });
});

test("fromPercent refuses out-of-range and malformed input, naming value and limit", (t) => {
  t.throws(() => fromPercent("0"), { instanceOf: OddsError, message: /percent "0" gives a price of 0 bps, outside 1\.\.9999/ });
  t.throws(() => fromPercent(100), { instanceOf: OddsError, message: /percent 100 gives a price of 10000 bps, outside 1\.\.9999/ });
  t.throws(() => fromPercent("-5"), { instanceOf: OddsError, message: /outside 1\.\.9999/ });
  for (const bad of ["", ".", "abc", "1.2.3", "5%", "1,5", "0x10", "e5", "1e"]) {
    t.throws(() => fromPercent(bad), { instanceOf: OddsError, message: /is not a decimal number/ }, JSON.stringify(bad));
  }
  t.throws(() => fromPercent(NaN), { instanceOf: OddsError, message: /NaN is not a finite number/ });
  t.throws(() => fromPercent(Infinity), { instanceOf: OddsError, message: /Infinity is not a finite number/ });
  t.throws(() => fromPercent("1".repeat(65)), { instanceOf: OddsError, message: /longer than 64 characters/ });
  t.throws(() => fromPercent("1e9999"), { instanceOf: OddsError, message: /exponent beyond ±400/ });
  t.throws(() => fromPercent(null as unknown as string), { instanceOf: OddsError, message: /must be a decimal string or a number, got null/ });
});
