import test from "ava";
import { EngineCommandError } from "../../exchange/engine/errors.js";
import { Prng } from "../../exchange/engine/prng.js";

test("the same seed gives the same sequence; different seeds differ", (t) => {
  const a = new Prng(42);
  const b = new Prng(42);
  const c = new Prng(43);
  const xs = Array.from({ length: 20 }, () => a.next());
  t.deepEqual(Array.from({ length: 20 }, () => b.next()), xs);
  t.notDeepEqual(Array.from({ length: 20 }, () => c.next()), xs);
});

test("next() stays in [0, 1) and int() in its inclusive bounds, covering them all", (t) => {
  const rng = new Prng(7);
  const counts = new Map<number, number>();
  for (let i = 0; i < 60000; i++) {
    const x = rng.next();
    t.true(x >= 0 && x < 1);
    const n = rng.int(-2, 3);
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  t.deepEqual([...counts.keys()].sort((a, b) => a - b), [-2, -1, 0, 1, 2, 3]);
  // Roughly uniform: each of 6 values near 10000 draws (fixed seed, so not flaky).
  for (const n of counts.values()) t.true(n > 9000 && n < 11000, `count ${n}`);
});

test("chance(0) never fires, chance(1) always does", (t) => {
  const rng = new Prng(1);
  for (let i = 0; i < 1000; i++) {
    t.false(rng.chance(0));
    t.true(rng.chance(1));
  }
});

test("pick from an empty list is a typed error", (t) => {
  t.throws(() => new Prng(1).pick([]), { instanceOf: EngineCommandError, message: /empty/ });
  t.is(new Prng(1).pick(["only"]), "only");
});
