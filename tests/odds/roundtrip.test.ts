// Every tick of the ladder through every representation and back.
import test from "ava";
import {
  fromAmerican,
  fromDecimal,
  fromFractional,
  fromPercent,
  snapToTick,
  toAmerican,
  toAmericanExact,
  toAmericanStr,
  toDecimal,
  toDecimalExact,
  toDecimalStr,
  toFractional,
  toFractionalStr,
  toPercent,
  toPercentStr,
} from "../../runtime/odds/index.js";
import { nearestTick, TICKS_ASC } from "./reference.js";

test("every tick: percent, decimal and exact American odds give the tick back exactly", (t) => {
  for (const tick of TICKS_ASC) {
    t.is(fromPercent(toPercent(tick)), tick, `percent of ${tick}`);
    t.is(fromPercent(toPercentStr(tick).slice(0, -1)), tick, `percent_str of ${tick}`);
    t.is(fromDecimal(toDecimal(tick)), tick, `decimal of ${tick}`);
    t.is(fromDecimal(toDecimalStr(tick)), tick, `decimal_str of ${tick}`);
    t.is(fromDecimal(toDecimalExact(tick)), tick, `exact decimal of ${tick}`);
    t.is(fromAmerican(toAmericanExact(tick)), tick, `American of ${tick}`);
    t.is(fromAmerican(toAmericanStr(tick)), fromAmerican(toAmerican(tick)));
    t.is(nearestTick(BigInt(fromAmerican(toAmerican(tick))), 1n), tick, `whole American of ${tick}`);
    t.is(snapToTick("buy", tick), tick);
    t.is(snapToTick("sell", tick), tick);
  }
});

test("every tick: its fraction is stable through fromFractional, in either spelling", (t) => {
  for (const tick of TICKS_ASC) {
    const fraction = toFractional(tick);
    const price = fromFractional(fraction);
    // The fraction's price is at or above the tick (within the 1 bps the table and formula may differ by).
    t.true(price >= tick - 1, `fraction of ${tick}`);
    t.deepEqual(toFractional(price), fraction, `fraction of ${tick}`);
    t.is(fromFractional(toFractionalStr(tick)), price);
  }
});
