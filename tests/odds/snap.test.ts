import test from "ava";
import fc from "fast-check";
import { ok, strictEqual } from "node:assert/strict";
import {
  isTick,
  OddsError,
  snapPercentToTick,
  snapToTick,
  snapToTickMovedOut,
  type Side,
} from "../../runtime/odds/index.js";
import { LADDER_TICKS } from "../../runtime/odds/ladder-data.js";
import { decimalToRational, TICKS_ASC } from "./reference.js";

const anyPrice = fc.integer({ min: 1, max: 9999 });
const anySide = fc.constantFrom<Side>("buy", "sell");

/** No tick lies strictly between a and b. */
function adjacentOrEqual(a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  return !TICKS_ASC.some((x) => x > lo && x < hi);
}

test("seed doctest: 0.3% snaps to 0.33% buying and 0.20% selling", (t) => {
  t.is(snapToTick("buy", 30), 33);
  t.is(snapToTick("sell", 30), 20);
});

test("seed tests: 18.6% snaps to 18.87% buying and 18.52% selling", (t) => {
  t.is(snapToTick("buy", 1860), 1887);
  t.is(snapToTick("sell", 1860), 1852);
});

test("seed tests: snap then move out by n ticks, undefined off the ladder", (t) => {
  t.is(snapToTickMovedOut("buy", 1860, 1), 1923);
  t.is(snapToTickMovedOut("sell", 1860, 5), 1695);
  t.is(snapToTickMovedOut("sell", 1860, 5000), undefined);
  t.is(snapToTickMovedOut("buy", 1860, 0), 1887);
});

test("seed tests: a finer percent, 45.045%, snaps to 45.05% buying and 44.64% selling", (t) => {
  t.is(snapPercentToTick("buy", "45.045"), 4505);
  t.is(snapPercentToTick("sell", "45.045"), 4464);
  t.is(snapPercentToTick("buy", 18.6), 1887);
  t.is(snapPercentToTick("sell", "0.3"), 20);
});

test("every tick snaps to itself on both sides", (t) => {
  for (const tick of TICKS_ASC) {
    t.is(snapToTick("buy", tick), tick);
    t.is(snapToTick("sell", tick), tick);
  }
});

test("at and beyond the ends of the ladder", (t) => {
  t.is(snapToTick("buy", 9998), 9999);
  t.is(snapToTick("sell", 9998), 9901);
  t.is(snapToTick("buy", 2), 10);
  t.is(snapToTick("sell", 2), 1);
  t.is(snapToTickMovedOut("buy", 9999, 0), 9999);
  t.is(snapToTickMovedOut("buy", 9999, 1), undefined);
  t.is(snapToTickMovedOut("buy", 9900, 1), 9999);
  t.is(snapToTickMovedOut("buy", 9900, 2), undefined);
  t.is(snapToTickMovedOut("sell", 1, 1), undefined);
  t.is(snapToTickMovedOut("sell", 15, 1), 1);
  t.is(snapToTickMovedOut("sell", 15, 2), undefined);
  t.is(snapToTickMovedOut("buy", 1, Infinity), undefined);
});

test("property: the snapped price is a tick, on the side's side, with no tick strictly between", (t) => {
  const prop = fc.property(anySide, anyPrice, (side, price) => {
    const snapped = snapToTick(side, price);
    ok(isTick(snapped));
    ok(side === "buy" ? snapped >= price : snapped <= price);
    ok(adjacentOrEqual(price, snapped));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 2000 }));
});

test("property: moving out by n is n ticks further from the snapped tick, in the worse direction", (t) => {
  const prop = fc.property(anySide, anyPrice, fc.integer({ min: 0, max: 300 }), (side, price, n) => {
    const start = TICKS_ASC.indexOf(snapToTick(side, price));
    strictEqual(snapToTickMovedOut(side, price, n), TICKS_ASC[side === "buy" ? start + n : start - n]);
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 1000 }));
});

test("for every price, snapping agrees with the seed's method of bisecting the ladder's decimal odds", (t) => {
  // The seed turns the price into decimal odds (the ladder's figure for a
  // tick, else 100/percent) and takes the nearest ladder decimal at or below
  // (buy) or at or above (sell). Compare as exact fractions.
  const ladder = LADDER_TICKS.map(([text, bps]) => ({ d: decimalToRational(text), bps }));
  const cmp = (a: { num: bigint; den: bigint }, b: { num: bigint; den: bigint }) => a.num * b.den - b.num * a.den;
  for (let price = 1; price <= 9999; price++) {
    const own = ladder.find((x) => x.bps === price);
    const d = own ? own.d : { num: 10000n, den: BigInt(price) };
    const buy = ladder.filter((x) => cmp(x.d, d) <= 0).at(-1)!.bps;
    const sell = ladder.find((x) => cmp(x.d, d) >= 0)!.bps;
    if (snapToTick("buy", price) !== buy || snapToTick("sell", price) !== sell) {
      t.fail(`price ${price}: buy ${snapToTick("buy", price)} vs seed ${buy}, sell ${snapToTick("sell", price)} vs seed ${sell}`);
    }
  }
  t.pass();
});

test("property: a percent with up to 4 decimals snaps to a tick on the right side, none between", (t) => {
  // 1..999999 hundredths of a bps covers 0.0001%..99.9999%; keep the valid 0.01..99.99 range.
  const prop = fc.property(anySide, fc.integer({ min: 100, max: 999900 }), (side, hundredths) => {
    const text = `${Math.floor(hundredths / 10000)}.${String(hundredths % 10000).padStart(4, "0")}`;
    const snapped = snapPercentToTick(side, text);
    ok(isTick(snapped));
    const exact = hundredths / 100; // bps; integer-valued comparisons below are exact in doubles
    ok(side === "buy" ? snapped * 100 >= hundredths : snapped * 100 <= hundredths, text);
    const [lo, hi] = snapped < exact ? [snapped, exact] : [exact, snapped];
    ok(!TICKS_ASC.some((x) => x > lo && x < hi), text);
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 2000 }));
});

test("bad side, price or distance is an OddsError naming it", (t) => {
  t.throws(() => snapToTick("hold" as Side, 2500), { instanceOf: OddsError, message: /side "hold" must be "buy" or "sell"/ });
  t.throws(() => snapToTick("BUY" as Side, 2500), { instanceOf: OddsError });
  t.throws(() => snapToTick("buy", 0), { instanceOf: OddsError, message: /0 bps is outside 1\.\.9999/ });
  t.throws(() => snapToTick("sell", 10000), { instanceOf: OddsError, message: /10000 bps is outside 1\.\.9999/ });
  t.throws(() => snapToTick("buy", NaN), { instanceOf: OddsError, message: /NaN/ });
  t.throws(() => snapToTick("buy", 25.5), { instanceOf: OddsError, message: /25\.5 is not a whole number/ });
  t.throws(() => snapToTickMovedOut("buy", 2500, -1), { instanceOf: OddsError, message: /moveOutBy -1/ });
  t.throws(() => snapPercentToTick("buy", "0.005"), { instanceOf: OddsError, message: /"0\.005" is outside 0\.01\.\.99\.99/ });
  t.throws(() => snapPercentToTick("sell", "99.995"), { instanceOf: OddsError, message: /outside 0\.01\.\.99\.99/ });
  t.throws(() => snapPercentToTick("buy", "4o"), { instanceOf: OddsError, message: /not a decimal number/ });
});
