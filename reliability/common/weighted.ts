// Drawing one of several things by relative weight, from a seeded PRNG.
import type { Prng } from "../../exchange/engine/index.js";

export function pickWeighted<T>(rng: Prng, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weightOf(item), 0);
  let x = rng.next() * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}
