import test from "ava";
import * as seto from "../../generated/seto.js";
import { ArgumentError } from "../../runtime/errors.js";
import { MarketBooks, type BookUpdate } from "../../runtime/trading/index.js";
import { incoming, level, quotes } from "./helpers/events.js";

const BUY = seto.Side.SIDE_BUY;
const SELL = seto.Side.SIDE_SELL;
const levels = (...pairs: [number, number][]) => pairs.map(([price, quantity]) => level(price, quantity));
const exec = (price: number, quantity: number, liquidity: seto.Side): seto.Execution => ({ price, quantity: BigInt(quantity), liquidity, microseconds: 0n });

function subscribed(depthLimit?: number): MarketBooks {
  const books = new MarketBooks(depthLimit === undefined ? {} : { depthLimit });
  books.track(1);
  return books;
}

test("the contract-quotes walk-through of the protocol docs, at the published depth of 5", (t) => {
  const books = subscribed(5);
  const hundred = 100_000;
  books.apply(
    incoming("seto.market_quotes", {
      marketId: 1,
      contractQuotes: [
        quotes(1, 7, {
          offers: levels([5100, hundred], [5200, hundred], [5300, hundred], [5400, hundred], [5500, hundred]),
          bids: levels([4900, hundred], [4800, hundred], [4700, hundred], [4600, hundred], [4500, hundred]),
        }),
      ],
    }),
  );
  const book = () => books.contract(1, 7)!;
  const show = (side: "bids" | "offers") => book()[side].map((l) => [l.price, Number(l.quantity)]);

  // A new buy at 50% pushes 45% out of view (not announced).
  books.apply(incoming("seto.contract_quotes", quotes(1, 7, { bids: levels([5000, hundred]) })));
  t.deepEqual(show("bids"), [[5000, hundred], [4900, hundred], [4800, hundred], [4700, hundred], [4600, hundred]]);

  // A sell at 50% takes the 50% bid and rests 300000; 45% comes back into view with a new quantity.
  books.apply(
    incoming(
      "seto.contract_quotes",
      quotes(1, 7, { bids: levels([4500, 400_000], [5000, 0]), offers: levels([5000, 300_000]), executions: [exec(5000, hundred, BUY)] }),
    ),
  );
  t.deepEqual(show("offers"), [[5000, 300_000], [5100, hundred], [5200, hundred], [5300, hundred], [5400, hundred]]);
  t.deepEqual(show("bids"), [[4900, hundred], [4800, hundred], [4700, hundred], [4600, hundred], [4500, 400_000]]);

  // A buy at 51% takes all of 50% and part of 51%.
  books.apply(
    incoming(
      "seto.contract_quotes",
      quotes(1, 7, { offers: levels([5000, 0], [5100, 20_000]), executions: [exec(5000, 300_000, SELL), exec(5100, 280_000, SELL)] }),
    ),
  );
  t.deepEqual(show("offers"), [[5100, 20_000], [5200, hundred], [5300, hundred], [5400, hundred]]);

  // All of 48% cancelled; 40% comes into view.
  books.apply(incoming("seto.contract_quotes", quotes(1, 7, { bids: levels([4800, 0], [4000, 30_000]) })));
  t.deepEqual(show("bids"), [[4900, hundred], [4700, hundred], [4600, hundred], [4500, 400_000], [4000, 30_000]]);

  t.deepEqual(book().bestBid, { price: 4900, quantity: 100_000n });
  t.deepEqual(book().bestOffer, { price: 5100, quantity: 20_000n });
  t.is(book().tradedVolume, 680_000n);
  t.deepEqual(book().lastExecution, exec(5100, 280_000, SELL));
});

test("a snapshot replaces the market's books wholesale, with its last execution and volume", (t) => {
  const books = subscribed(Infinity);
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [quotes(1, 1, { bids: levels([2500, 5]) }), quotes(1, 2, { offers: levels([3030, 6]) })] }));
  books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2532, 1]), executions: [exec(2500, 5, BUY)] })));
  books.apply(
    incoming("seto.market_quotes", {
      marketId: 1,
      executedVolume: 1000n,
      contractQuotes: [quotes(1, 2, { offers: levels([3333, 9]), lastExecution: exec(3333, 4, SELL), highPrice: 3400, lowPrice: 3000 })],
    }),
  );
  const market = books.market(1)!;
  t.deepEqual(
    market.contracts.map((c) => c.contractId),
    [2],
  );
  t.like(market.contracts[0], { offers: [{ price: 3333, quantity: 9n }], bids: [], tradedVolume: 0n, highPrice: 3400, lowPrice: 3000 });
  t.deepEqual(market.contracts[0]!.lastExecution, exec(3333, 4, SELL));
  t.is(market.executedVolume, 1000n);
  books.apply(incoming("seto.contract_quotes", quotes(1, 2, { executions: [exec(3333, 7, SELL)] })));
  t.is(books.market(1)!.executedVolume, 1007n);
  t.is(books.contract(1, 2)!.tradedVolume, 7n);
});

test("an update for a contract the snapshot did not list starts an empty book for it", (t) => {
  const books = subscribed();
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
  books.apply(incoming("seto.contract_quotes", quotes(1, 4, { offers: levels([5000, 3]) })));
  t.deepEqual(books.contract(1, 4)?.bestOffer, { price: 5000, quantity: 3n });
  t.is(books.contract(1, 4)?.bestBid, undefined);
});

test("payloads for markets not subscribed are ignored; a release frees the book and later updates do not bring it back", (t) => {
  const books = subscribed();
  t.false(books.apply(incoming("seto.market_quotes", { marketId: 2, contractQuotes: [] })));
  t.false(books.apply(incoming("seto.contract_quotes", quotes(2, 1, { bids: levels([2500, 1]) }))));
  t.is(books.market(2), undefined);
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
  books.release(1);
  t.deepEqual(books.tracked(), []);
  t.false(books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2500, 1]) }))));
  t.false(books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] })));
  t.is(books.market(1), undefined);
});

test("before its first snapshot, and once stale, a book ignores deltas until a snapshot comes", (t) => {
  const books = subscribed();
  t.true(books.market(1)!.stale);
  t.false(books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2500, 1]) }))));
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [quotes(1, 1, { bids: levels([2000, 1]) })] }));
  t.false(books.market(1)!.stale);
  books.markStale();
  t.true(books.market(1)!.stale);
  t.false(books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2500, 1]) }))));
  t.deepEqual(books.contract(1, 1)!.bids, [{ price: 2000, quantity: 1n }]);
});

test("the update stream reports snapshots, contract updates with their executions, staleness and release", async (t) => {
  const books = subscribed();
  const iterator = books.updates()[Symbol.asyncIterator]();
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
  books.apply(incoming("seto.contract_quotes", quotes(1, 3, { bids: levels([2500, 2]), executions: [exec(2500, 1, BUY)] })));
  books.markStale();
  books.release(1);
  books.close();
  const seen: BookUpdate[] = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) seen.push(r.value);
  t.deepEqual(
    seen.map((u) => u.kind),
    ["snapshot", "update", "stale", "released"],
  );
  const update = seen[1] as Extract<BookUpdate, { kind: "update" }>;
  t.is(update.contractId, 3);
  t.deepEqual(update.contract.bestBid, { price: 2500, quantity: 2n });
  t.is(update.executions.length, 1);
});

test("views are snapshots: later changes do not alter a view already taken", (t) => {
  const books = subscribed();
  books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [quotes(1, 1, { bids: levels([2500, 1]) })] }));
  const before = books.contract(1, 1)!;
  books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2500, 0]) })));
  t.deepEqual(before.bids, [{ price: 2500, quantity: 1n }]);
  t.deepEqual(books.contract(1, 1)!.bids, []);
  t.true(Object.isFrozen(before) && Object.isFrozen(before.bids));
});

test("snapshot after snapshot: each contract's book holds exactly its latest snapshot, views taken before stay as they were", (t) => {
  const books = subscribed();
  const snapshot = (...contracts: seto.ContractQuotes[]) => books.apply(incoming("seto.market_quotes", { marketId: 1, contractQuotes: contracts }));
  snapshot(quotes(1, 1, { bids: levels([2500, 1], [2400, 2]), offers: levels([2600, 3]) }), quotes(1, 2, { offers: levels([5000, 4]) }));
  books.apply(incoming("seto.contract_quotes", quotes(1, 1, { bids: levels([2550, 9]), executions: [exec(2600, 3, BUY)] })));
  const before = books.contract(1, 1)!;
  snapshot(quotes(1, 3, { bids: levels([1000, 7]) }), quotes(1, 1, { offers: levels([2700, 5]) }));
  t.deepEqual(before.bids, [{ price: 2550, quantity: 9n }, { price: 2500, quantity: 1n }, { price: 2400, quantity: 2n }], "a view keeps what it showed");
  t.like(books.contract(1, 1), { bids: [], offers: [{ price: 2700, quantity: 5n }], tradedVolume: 0n, lastExecution: undefined });
  t.is(books.contract(1, 2), undefined, "a contract the latest snapshot does not list is gone");
  t.deepEqual(books.contract(1, 3)?.bids, [{ price: 1000, quantity: 7n }]);
  t.deepEqual(
    books.market(1)!.contracts.map((c) => c.contractId),
    [1, 3],
  );
  snapshot(quotes(1, 1, { bids: levels([2500, 1]) }), quotes(1, 1, { bids: levels([2400, 6]) }));
  t.deepEqual(books.contract(1, 1)?.bids, [{ price: 2400, quantity: 6n }], "a contract listed twice: the later entry stands, as a fresh map would have it");
  t.is(books.contract(1, 3), undefined);
});

test("depthLimit is checked", (t) => {
  for (const depthLimit of [0, -1, 1.5, Number.NaN]) t.throws(() => new MarketBooks({ depthLimit }), { instanceOf: ArgumentError });
});
