// --price and --quantity as traders type them: every ladder tick reads back
// in each notation, an off-ladder price names its neighbouring ticks, and
// pounds convert to quantity units exactly.
import test from "ava";
import fc from "fast-check";
import { describeTick, priceArg } from "../../cli/price-arg.js";
import { quantityArg } from "../../cli/quantity-arg.js";
import { ArgumentError } from "../../runtime/errors.js";
import { allTicks, isTick, ticksAbove, ticksBelow, toDecimal, toPercentStr } from "../../runtime/odds/index.js";

const ticks = allTicks;

test("every tick reads back from basis points, percent and decimal odds", (t) => {
  for (const tick of ticks) {
    const decimal = toDecimal(tick).includes(".") ? toDecimal(tick) : `${toDecimal(tick)}.0`;
    const read = [priceArg("--price", String(tick)), priceArg("--price", toPercentStr(tick)), priceArg("--price", decimal)];
    if (read.some((r) => r !== tick)) t.fail(`tick ${tick}: read back as ${read.join(", ")}`);
  }
  t.pass();
});

test("examples: 2500, 25% and 4.0 are the same price", (t) => {
  t.deepEqual(["2500", "25%", "4.0", "4", "33.33%"].map((p) => { try { return priceArg("--price", p); } catch { return "refused"; } }), [2500, 2500, 2500, "refused", 3333]);
});

test("a price off the ladder is refused, naming the ticks below and above", (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 9999 }).filter((p) => !isTick(p)), (p) => {
      const below = ticksBelow(p, 1)[0]!;
      const above = ticksAbove(p, 1)[0]!;
      const e = t.throws(() => priceArg("--price", String(p)), { instanceOf: ArgumentError });
      return e!.message.startsWith(`--price ${p} bps is not on the odds ladder; the nearest ticks are ${describeTick(below)} and ${describeTick(above)}`);
    }),
  );
});

test("off-ladder percent and decimal odds say what price they came to", (t) => {
  t.throws(() => priceArg("--price", "25.5%"), { message: '--price "25.5%" (2550 bps) is not on the odds ladder; the nearest ticks are 2532 (25.32%, 3.95) and 2564 (25.64%, 3.9)' });
  t.throws(() => priceArg("--price", "4.05"), { message: /^--price "4\.05" \(2469 bps\) is not on the odds ladder; the nearest ticks are 2439 \(24\.39%, 4\.1\) and 2500 \(25%, 4\.0\)$/ });
});

test("a whole number is basis points: when decimal odds were likely meant, the error says how to write them", (t) => {
  t.throws(() => priceArg("--price", "21"), { message: /21 bps is not on the odds ladder.*\(for decimal odds 21, write 21\.0\)$/ });
  t.is(priceArg("--price", "21.0"), 476);
});

for (const [text, message] of [
  ["0", /^--price 0 bps is outside 1\.\.9999/],
  ["10000", /^--price 10000 bps is outside 1\.\.9999/],
  ["100%", /^--price "100%": percent "100" gives a price of 10000 bps, outside 1\.\.9999/],
  ["25.555%", /^--price must be a percent with at most 2 decimals \(the price step is 0\.01%\), got "25\.555%"$/],
  ["1.0", /^--price "1\.0" \(10000 bps\) is not on the odds ladder; the nearest ticks are 9999 \(99\.99%, 1\.0001\)$/],
  ["evens", /^--price must be basis points of probability \(2500\), a percent \(25%\) or decimal odds with a point \(4\.0\), got "evens"$/],
  ["-5", /got "-5"/],
] as const) {
  test(`--price ${text} is refused`, (t) => {
    t.throws(() => priceArg("--price", text), { instanceOf: ArgumentError, message });
  });
}

test("quantity units and pounds of payoff (10 000 units = £1), exactly", (t) => {
  fc.assert(
    fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), (units) => {
      const pounds = `£${units / 10_000n}.${String(units % 10_000n).padStart(4, "0")}`;
      return quantityArg("--quantity", String(units)) === units && quantityArg("--quantity", pounds) === units;
    }),
  );
  t.is(quantityArg("--quantity", "£12.5"), 125_000n);
  t.is(quantityArg("--quantity", "£3"), 30_000n);
});

for (const [text, message] of [
  ["0", /^--quantity must be at least 1 quantity unit/],
  ["£0", /^--quantity must be at least 1 quantity unit/],
  ["£1.00001", /^--quantity "£1\.00001" is finer than £0\.0001/],
  ["18446744073709551616", /at most 18446744073709551615 units, got "18446744073709551616"/],
  ["1e5", /^--quantity must be payoff in quantity units \(10000 = £1\) or in pounds \("£12\.50"\), got "1e5"$/],
  ["£-1", /got "£-1"/],
  ["12.5", /got "12\.5"/],
] as const) {
  test(`--quantity ${text} is refused`, (t) => {
    t.throws(() => quantityArg("--quantity", text), { instanceOf: ArgumentError, message });
  });
}
