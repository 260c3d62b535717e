// The embedded ladder must be the upstream facts, exactly. The JSON is only
// in a development checkout (../shared); the structural checks run always.
import test from "ava";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sharedRoot, skipReason } from "../helpers/shared.js";
import { FRACTIONAL_ROWS, LADDER_TICKS } from "../../runtime/odds/ladder-data.js";
import { bpsText, decimalToRational, roundHalfEvenBig } from "./reference.js";

const ladderJson = join(sharedRoot, "reference", "odds-ladder.json");
const hasLadder = existsSync(ladderJson);
const withLadder = (title: string) => (hasLadder ? title : `${title} [skipped: ${skipReason}]`);

(hasLadder ? test : test.skip)(withLadder("embedded ticks equal reference odds-ladder.json exactly"), (t) => {
  const reference = JSON.parse(readFileSync(ladderJson, "utf8")) as { ticks: [string, string][] };
  t.deepEqual(
    LADDER_TICKS.map(([decimal, bps]) => [decimal, bpsText(bps)]),
    reference.ticks,
  );
});

(hasLadder ? test : test.skip)(withLadder("embedded fractional rows equal reference odds-ladder.json exactly"), (t) => {
  const reference = JSON.parse(readFileSync(ladderJson, "utf8")) as { fractional: [number, number, string, string][] };
  t.deepEqual(
    FRACTIONAL_ROWS.map(([num, den, bps, inverse]) => [num, den, bpsText(bps), bpsText(inverse)]),
    reference.fractional,
  );
});

test("the ladder has 284 ticks, decimal ascending and price strictly descending", (t) => {
  t.is(LADDER_TICKS.length, 284);
  for (let i = 1; i < LADDER_TICKS.length; i++) {
    const [prevDecimal, prevBps] = LADDER_TICKS[i - 1]!;
    const [decimal, bps] = LADDER_TICKS[i]!;
    t.true(bps < prevBps, `bps at ${decimal}`);
    const a = decimalToRational(prevDecimal);
    const b = decimalToRational(decimal);
    t.true(a.num * b.den < b.num * a.den, `decimal ${decimal} after ${prevDecimal}`);
  }
  t.deepEqual(LADDER_TICKS[0], ["1.0001", 9999]);
  t.deepEqual(LADDER_TICKS.at(-1), ["10000", 1]);
});

test("each tick's price is 100 / decimal rounded half to even to 0.01%", (t) => {
  for (const [decimal, bps] of LADDER_TICKS) {
    const d = decimalToRational(decimal);
    t.is(roundHalfEvenBig(10000n * d.den, d.num), BigInt(bps), decimal);
  }
});

test("the fractional table has 145 rows whose two prices sum to about 100%", (t) => {
  t.is(FRACTIONAL_ROWS.length, 145);
  t.deepEqual(FRACTIONAL_ROWS[0], [1, 1, 5000, 5000]);
  for (const [num, den, bps, inverse] of FRACTIONAL_ROWS) {
    // Each side is rounded to 0.01%, so the pair sums to 10000 ± 1.
    t.true(Math.abs(bps + inverse - 10000) <= 1, `${num}/${den}`);
    t.true(num <= den, `${num}/${den} lists the odds-on side first`);
  }
});
