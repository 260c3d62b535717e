// Properties of the live books against reference models of price levels.
import assert from "node:assert/strict";
import test from "ava";
import fc from "fast-check";
import { MarketBooks } from "../../runtime/trading/index.js";
import { incoming, level, quotes } from "./helpers/events.js";

type Side = "bids" | "offers";
type Levels = Map<number, bigint>;

/** Levels best first: bids highest price first, offers lowest. */
function sorted(model: Levels, side: Side): { price: number; quantity: bigint }[] {
  return [...model.entries()]
    .sort(([a], [b]) => (side === "bids" ? b - a : a - b))
    .map(([price, quantity]) => ({ price, quantity }));
}

const change = fc.record({
  contract: fc.integer({ min: 1, max: 3 }),
  side: fc.constantFrom<Side>("bids", "offers"),
  price: fc.integer({ min: 1, max: 60 }).map((p) => p * 100),
  // Zero a third of the time: removals are as common as they are in a real book.
  quantity: fc.oneof(fc.constant(0n), fc.constant(0n), fc.bigInt({ min: 1n, max: 10_000_000n })),
});

test("after 10,000 random changed-level updates the books equal a model of levels (no depth limit)", (t) => {
  fc.assert(
    fc.property(fc.array(change, { minLength: 10_000, maxLength: 10_000 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1 }), (changes, batchSizes) => {
      const books = new MarketBooks({ depthLimit: Infinity });
      books.track(1);
      books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
      const model = new Map<string, Levels>();
      const levelsOf = (contract: number, side: Side): Levels => {
        const k = `${contract}/${side}`;
        let m = model.get(k);
        if (m === undefined) model.set(k, (m = new Map()));
        return m;
      };
      // Changes go out in messages of a few levels each, one contract per message.
      let i = 0;
      let b = 0;
      while (i < changes.length) {
        const size = batchSizes[b++ % batchSizes.length]!;
        const contract = changes[i]!.contract;
        const batch = changes.slice(i, i + size).filter((c) => c.contract === contract);
        i += Math.max(1, batch.length);
        const bids = batch.filter((c) => c.side === "bids").map((c) => level(c.price, c.quantity));
        const offers = batch.filter((c) => c.side === "offers").map((c) => level(c.price, c.quantity));
        books.apply(incoming("seto.contract_quotes", quotes(1, contract, { bids, offers })));
        for (const c of batch) {
          if (c.quantity === 0n) levelsOf(contract, c.side).delete(c.price);
          else levelsOf(contract, c.side).set(c.price, c.quantity);
        }
      }
      for (let contract = 1; contract <= 3; contract += 1) {
        const view = books.contract(1, contract);
        for (const side of ["bids", "offers"] as const) {
          const expected = sorted(levelsOf(contract, side), side);
          assert.deepStrictEqual(view?.[side] ?? [], expected, `contract ${contract} ${side}`);
        }
        assert.deepStrictEqual(view?.bestBid, sorted(levelsOf(contract, "bids"), "bids")[0]);
        assert.deepStrictEqual(view?.bestOffer, sorted(levelsOf(contract, "offers"), "offers")[0]);
      }
    }),
    { numRuns: 5 },
  );
  t.pass();
});

/**
 * What the exchange sends when its (whole) book changes from `before` to
 * `after` but only the best `depth` levels are visible: every visible level
 * whose quantity differs (including ones coming into view), and 0 for a
 * visible level that is gone from the book. Levels pushed out of view by
 * better ones are not mentioned (see the contract-quotes docs).
 */
function visibleDelta(before: Levels, after: Levels, side: Side, depth: number): { price: number; quantity: bigint }[] {
  const shownBefore = new Map(sorted(before, side).slice(0, depth).map((l) => [l.price, l.quantity]));
  const shownAfter = sorted(after, side).slice(0, depth);
  const delta = shownAfter.filter((l) => shownBefore.get(l.price) !== l.quantity);
  for (const price of shownBefore.keys()) if (!after.has(price)) delta.push({ price, quantity: 0n });
  return delta;
}

test("with the exchange's limited depth, the book always equals the visible top of the whole book (stale levels never resurface)", (t) => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.array(change.map((c) => ({ ...c, contract: 1 })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 400 }),
      (depth, steps) => {
        const books = new MarketBooks({ depthLimit: depth });
        books.track(1);
        books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
        const whole: Record<Side, Levels> = { bids: new Map(), offers: new Map() };
        for (const step of steps) {
          const before = { bids: new Map(whole.bids), offers: new Map(whole.offers) };
          for (const c of step) {
            if (c.quantity === 0n) whole[c.side].delete(c.price);
            else whole[c.side].set(c.price, c.quantity);
          }
          const bids = visibleDelta(before.bids, whole.bids, "bids", depth).map((l) => level(l.price, l.quantity));
          const offers = visibleDelta(before.offers, whole.offers, "offers", depth).map((l) => level(l.price, l.quantity));
          if (bids.length + offers.length > 0) books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids, offers })));
          const view = books.contract(1, 1);
          for (const side of ["bids", "offers"] as const) {
            assert.deepStrictEqual(view?.[side] ?? [], sorted(whole[side], side).slice(0, depth), `${side} at depth ${depth}`);
          }
        }
      },
    ),
    { numRuns: 200 },
  );
  t.pass();
});
