import test from "ava";
import fc from "fast-check";
import { deepStrictEqual } from "node:assert/strict";
import {
  allTicks,
  isTick,
  maxTick,
  minTick,
  OddsError,
  ticksAbove,
  ticksAtOrAbove,
  ticksAtOrBelow,
  ticksBelow,
} from "../../runtime/odds/index.js";
import { TICKS_ASC } from "./reference.js";

const anyPrice = fc.integer({ min: 1, max: 9999 });
const anyCount = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(Infinity));

test("allTicks is the whole ladder ascending, from minTick 1 to maxTick 9999, and frozen", (t) => {
  t.deepEqual([...allTicks], TICKS_ASC);
  t.is(minTick, 1);
  t.is(maxTick, 9999);
  t.true(Object.isFrozen(allTicks));
});

test("isTick is true for every tick and false for everything else", (t) => {
  const ticks = new Set(TICKS_ASC);
  for (let price = -1; price <= 10001; price++) t.is(isTick(price), ticks.has(price), String(price));
  // Seed doctest: is_a_tick(Decimal('0.32')) is False.
  t.false(isTick(32));
  for (const notAPrice of [NaN, 33.5, Infinity, "33", 33n, null, undefined]) t.false(isTick(notAPrice));
});

test("seed doctests: ticks above and at-or-above a price near the top", (t) => {
  t.deepEqual(ticksAbove(9750), [9804, 9901, 9999]);
  t.deepEqual(ticksAbove(9804), [9901, 9999]);
  t.deepEqual(ticksAbove(9999), []);
  t.deepEqual(ticksAtOrAbove(9750), [9804, 9901, 9999]);
  t.deepEqual(ticksAtOrAbove(9804), [9804, 9901, 9999]);
  t.deepEqual(ticksAtOrAbove(9999), [9999]);
});

test("seed doctests: ticks below and at-or-below a price near the bottom", (t) => {
  t.deepEqual(ticksBelow(35), [34, 33, 20, 10, 1]);
  t.deepEqual(ticksBelow(20), [10, 1]);
  t.deepEqual(ticksBelow(1), []);
  t.deepEqual(ticksAtOrBelow(35), [34, 33, 20, 10, 1]);
  t.deepEqual(ticksAtOrBelow(20), [20, 10, 1]);
  t.deepEqual(ticksAtOrBelow(1), [1]);
});

test("count limits the walk, nearest first, and is cut short at the ends", (t) => {
  t.deepEqual(ticksAbove(2500, 3), [2532, 2564, 2597]);
  t.deepEqual(ticksBelow(2500, 2), [2439, 2381]);
  t.deepEqual(ticksAbove(2510, 1), [2532]);
  t.deepEqual(ticksAbove(2500, 0), []);
  t.deepEqual(ticksAbove(9804, 5), [9901, 9999]);
  t.deepEqual(ticksBelow(20, 5), [10, 1]);
});

test("property: each walk equals filtering the ladder, for any price and count", (t) => {
  const prop = fc.property(anyPrice, anyCount, (price, count) => {
    const up = (ok: (x: number) => boolean) => TICKS_ASC.filter(ok).slice(0, count);
    const down = (ok: (x: number) => boolean) => [...TICKS_ASC].reverse().filter(ok).slice(0, count);
    deepStrictEqual(ticksAbove(price, count), up((x) => x > price));
    deepStrictEqual(ticksAtOrAbove(price, count), up((x) => x >= price));
    deepStrictEqual(ticksBelow(price, count), down((x) => x < price));
    deepStrictEqual(ticksAtOrBelow(price, count), down((x) => x <= price));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 500 }));
});

test("walks refuse NaN, non-numbers and bad counts with OddsError", (t) => {
  for (const walk of [ticksAbove, ticksAtOrAbove, ticksBelow, ticksAtOrBelow]) {
    for (const price of [NaN, "2500", undefined]) {
      t.throws(() => walk(price as number), { instanceOf: OddsError, message: /to walk the ladder from/ }, `${walk.name}(${String(price)})`);
    }
    for (const count of [-1, 1.5, NaN]) {
      t.throws(() => walk(2500, count), { instanceOf: OddsError, message: /tick count/ });
    }
  }
});
