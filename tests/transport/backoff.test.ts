// Reconnect backoff: bounds, cap, jitter range, reset, determinism.
import test from "ava";
import fc from "fast-check";
import { ArgumentError } from "../../runtime/errors.js";
import { Backoff, backoffCeiling } from "../../runtime/transport/backoff.js";

const take = (b: Backoff, n: number): number[] => Array.from({ length: n }, () => b.next());

test("without jitter the delays are the exponential sequence, capped at maxMs", (t) => {
  const b = new Backoff({ initialMs: 100, maxMs: 5000, multiplier: 2, jitter: 0 });
  t.deepEqual(take(b, 8), [100, 200, 400, 800, 1600, 3200, 5000, 5000]);
  t.is(b.attempts, 8);
});

test("defaults: multiplier 2, full jitter", (t) => {
  const top = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 0 });
  t.deepEqual(take(top, 5), [100, 200, 400, 800, 1000]);
  const bottom = new Backoff({ initialMs: 100, maxMs: 1000, random: () => 1 });
  t.deepEqual(take(bottom, 3), [0, 0, 0], "full jitter may go all the way down to 0");
});

test("jitter takes at most its fraction off the ceiling", (t) => {
  const half = new Backoff({ initialMs: 1000, maxMs: 1000, jitter: 0.25, random: () => 1 });
  t.is(half.next(), 750);
  const mid = new Backoff({ initialMs: 1000, maxMs: 1000, jitter: 0.25, random: () => 0.5 });
  t.is(mid.next(), 875);
});

test("reset starts the sequence again", (t) => {
  const b = new Backoff({ initialMs: 10, maxMs: 1000, jitter: 0 });
  take(b, 5);
  b.reset();
  t.is(b.attempts, 0);
  t.deepEqual(take(b, 3), [10, 20, 40]);
});

test("huge attempt counts stay at the cap (no overflow to Infinity or NaN)", (t) => {
  const b = new Backoff({ initialMs: 1, maxMs: 30_000, multiplier: 10, jitter: 0 });
  const delays = take(b, 2000);
  t.is(delays.at(-1), 30_000);
  t.true(delays.every(Number.isFinite));
});

test("decorrelated: without jitter the previous delay times the multiplier, capped", (t) => {
  const b = new Backoff({ initialMs: 100, maxMs: 1000, multiplier: 3, jitter: 0, strategy: "decorrelated" });
  t.deepEqual(take(b, 4), [300, 900, 1000, 1000]);
  b.reset();
  t.is(b.next(), 300);
});

test("decorrelated with full jitter stays within [initialMs, previous × multiplier]", (t) => {
  const b = new Backoff({ initialMs: 100, maxMs: 10_000, multiplier: 3, strategy: "decorrelated", random: () => 1 });
  t.deepEqual(take(b, 3), [100, 100, 100], "the floor is initialMs, not 0");
  const c = new Backoff({ initialMs: 100, maxMs: 10_000, multiplier: 3, strategy: "decorrelated", random: () => 0.5 });
  t.deepEqual(take(c, 2), [200, 350]);
});

test("bad options and bad random values are ArgumentErrors naming the value", (t) => {
  t.throws(() => new Backoff({ initialMs: 0, maxMs: 1 }), { instanceOf: ArgumentError, message: /initialMs .* got 0/ });
  t.throws(() => new Backoff({ initialMs: 10, maxMs: 5 }), { instanceOf: ArgumentError, message: /maxMs .*≥ initialMs \(10\), got 5/ });
  t.throws(() => new Backoff({ initialMs: 1, maxMs: Infinity }), { instanceOf: ArgumentError, message: /got Infinity/ });
  t.throws(() => new Backoff({ initialMs: 1, maxMs: 2, multiplier: 0.5 }), { instanceOf: ArgumentError, message: /multiplier .* got 0\.5/ });
  t.throws(() => new Backoff({ initialMs: 1, maxMs: 2, jitter: 1.5 }), { instanceOf: ArgumentError, message: /jitter .* got 1\.5/ });
  t.throws(() => new Backoff({ initialMs: 1, maxMs: 2, jitter: Number.NaN }), { instanceOf: ArgumentError, message: /got NaN/ });
  t.throws(() => new Backoff({ initialMs: 1, maxMs: 2, strategy: "equal" as "full" }), { instanceOf: ArgumentError, message: /"equal"/ });
  const b = new Backoff({ initialMs: 1, maxMs: 2, random: () => -0.1 });
  t.throws(() => b.next(), { instanceOf: ArgumentError, message: /random\(\) must return a number in \[0, 1\], got -0\.1/ });
  t.is(b.attempts, 0, "a failed draw does not count as an attempt");
});

/** A small seeded generator (mulberry32), so sequences can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

const options = fc.record({
  initialMs: fc.double({ min: 0.001, max: 10_000, noNaN: true }),
  extra: fc.double({ min: 0, max: 1_000_000, noNaN: true }),
  multiplier: fc.double({ min: 1, max: 10, noNaN: true }),
  jitter: fc.double({ min: 0, max: 1, noNaN: true }),
  strategy: fc.constantFrom("full" as const, "decorrelated" as const),
  seed: fc.integer(),
});

test("property: every delay is within [0, maxMs]; the same seed gives the same sequence", (t) => {
  fc.assert(
    fc.property(options, ({ initialMs, extra, multiplier, jitter, strategy, seed }) => {
      const make = () => new Backoff({ initialMs, maxMs: initialMs + extra, multiplier, jitter, strategy, random: seeded(seed) });
      const a = take(make(), 50);
      const b = take(make(), 50);
      return a.every((d) => d >= 0 && d <= initialMs + extra) && a.every((d, i) => Object.is(d, b[i]));
    }),
  );
  t.pass();
});

test("property (full): each delay lies in [ceiling·(1−jitter), ceiling] and the ceiling grows by the multiplier up to the cap", (t) => {
  fc.assert(
    fc.property(options, ({ initialMs, extra, multiplier, jitter, seed }) => {
      const maxMs = initialMs + extra;
      const b = new Backoff({ initialMs, maxMs, multiplier, jitter, random: seeded(seed) });
      let ceiling = initialMs;
      for (let n = 0; n < 40; n++) {
        const expected = backoffCeiling(initialMs, maxMs, multiplier, n);
        // The envelope: the first ceiling is initialMs, each next one multiplier times the last, capped.
        if (Math.abs(expected - ceiling) > 1e-9 * Math.max(1, ceiling)) return false;
        const d = b.next();
        const slack = 1e-9 * Math.max(1, ceiling);
        if (d > ceiling + slack || d < ceiling * (1 - jitter) - slack) return false;
        ceiling = Math.min(maxMs, ceiling * multiplier);
      }
      return true;
    }),
  );
  t.pass();
});

test("property (decorrelated): each delay lies in [initialMs, min(maxMs, previous × multiplier)]", (t) => {
  fc.assert(
    fc.property(options, ({ initialMs, extra, multiplier, jitter, seed }) => {
      const maxMs = initialMs + extra;
      const b = new Backoff({ initialMs, maxMs, multiplier, jitter, strategy: "decorrelated", random: seeded(seed) });
      let previous = initialMs;
      for (let n = 0; n < 40; n++) {
        const d = b.next();
        const top = Math.min(maxMs, previous * multiplier);
        const slack = 1e-9 * Math.max(1, top);
        if (d < initialMs - slack || d > top + slack) return false;
        previous = d;
      }
      return true;
    }),
  );
  t.pass();
});
