import test from "ava";
import { Side } from "../../generated/seto.js";
import { changedLevels } from "../../exchange/engine/market-data.js";
import { ALICE, BOB, CAROL, UNIT, buy, ofKind, one, place, sell, setup } from "./helpers.js";

test("marketQuotes: per contract, bids highest first and offers lowest first, each level the sum of its orders", (t) => {
  const { engine } = setup();
  place(engine, buy(ALICE, 4000, UNIT));
  place(engine, buy(BOB, 4500, 2n * UNIT));
  place(engine, buy(CAROL, 4000, 3n * UNIT));
  place(engine, sell(ALICE, 6000, 4n * UNIT));
  place(engine, sell(BOB, 5500, 5n * UNIT));
  place(engine, sell(CAROL, 7000, UNIT, { contractId: 2 }));
  const quotes = engine.marketQuotes(1);
  t.is(quotes?.marketId, 1);
  t.is(quotes?.executedVolume, 0n);
  t.like(quotes?.contracts[0], {
    contractId: 1,
    bids: [
      { price: 4500, quantity: 2n * UNIT },
      { price: 4000, quantity: 4n * UNIT },
    ],
    offers: [
      { price: 5500, quantity: 5n * UNIT },
      { price: 6000, quantity: 4n * UNIT },
    ],
    lastExecution: undefined,
  });
  t.like(quotes?.contracts[1], { contractId: 2, bids: [], offers: [{ price: 7000, quantity: UNIT }] });
  t.is(engine.marketQuotes(99), undefined);
});

test("executed volume, last execution, high and low follow the trades", (t) => {
  const { engine, clock } = setup();
  place(engine, sell(BOB, 5000, 2n * UNIT));
  place(engine, sell(BOB, 5200, 2n * UNIT));
  engine.createOrder(buy(ALICE, 5200, 3n * UNIT));
  clock.advance(1);
  place(engine, buy(CAROL, 4800, UNIT));
  engine.createOrder(sell(ALICE, 4800, UNIT));
  const c = engine.marketQuotes(1)?.contracts[0];
  t.like(c, { executedVolume: 4n * UNIT, highPrice: 5200, lowPrice: 4800 });
  t.deepEqual(c?.lastExecution, { price: 4800, quantity: UNIT, liquidity: Side.SIDE_BUY, microseconds: 1_001_000n });
  t.is(engine.marketQuotes(1)?.executedVolume, 4n * UNIT);
});

test("contract-quotes carries only the levels that changed, 0 for a level that emptied", (t) => {
  const { engine } = setup();
  place(engine, sell(BOB, 5000, UNIT));
  place(engine, sell(BOB, 5100, 2n * UNIT));
  place(engine, buy(CAROL, 4000, UNIT));
  const quotes = one(engine.createOrder(buy(ALICE, 5100, 2n * UNIT)), "contract-quotes");
  t.deepEqual(quotes.changedOffers, [
    { price: 5000, quantity: 0n },
    { price: 5100, quantity: UNIT },
  ]);
  t.deepEqual(quotes.changedBids, []);
  t.deepEqual(quotes.offers, [{ price: 5100, quantity: UNIT }]);
  t.deepEqual(quotes.bids, [{ price: 4000, quantity: UNIT }]);
  t.deepEqual(
    quotes.executions.map((e) => [e.price, e.quantity]),
    [
      [5000, UNIT],
      [5100, UNIT],
    ],
  );
});

test("no contract-quotes when nothing on the book changed", (t) => {
  const { engine } = setup();
  t.deepEqual(ofKind(engine.createOrder(buy(ALICE, 5050, UNIT)), "contract-quotes"), []);
  t.deepEqual(ofKind(engine.createOrder(buy(ALICE, 5000, 10n ** 15n)), "contract-quotes"), []);
  t.deepEqual(ofKind(engine.cancelOrder({ accountId: ALICE, orderId: 1n }), "contract-quotes"), []);
});

test("one contract-quotes per contract per command, for every contract touched", (t) => {
  const { engine } = setup();
  place(engine, buy(ALICE, 4000, UNIT));
  place(engine, buy(ALICE, 4100, UNIT));
  place(engine, buy(ALICE, 4000, UNIT, { contractId: 2 }));
  const quotes = ofKind(engine.cancelAll({ accountId: ALICE }), "contract-quotes");
  t.deepEqual(quotes.map((q) => q.contractId), [1, 2]);
  t.deepEqual(quotes[0]?.changedBids, [
    { price: 4100, quantity: 0n },
    { price: 4000, quantity: 0n },
  ]);
});

test("changedLevels orders its output best first on each side", (t) => {
  const before = [
    { price: 4000, quantity: 1n },
    { price: 3000, quantity: 1n },
  ];
  const after = [
    { price: 4500, quantity: 1n },
    { price: 3000, quantity: 2n },
  ];
  t.deepEqual(changedLevels(Side.SIDE_BUY, before, after), [
    { price: 4500, quantity: 1n },
    { price: 4000, quantity: 0n },
    { price: 3000, quantity: 2n },
  ]);
  t.deepEqual(changedLevels(Side.SIDE_SELL, before, after).map((l) => l.price), [3000, 4000, 4500]);
  t.deepEqual(changedLevels(Side.SIDE_SELL, after, after), []);
});

test("with a published depth, a level pushed out of view is not announced; one emptied is (0); one coming back is, with its quantity (seto/contract-quotes.txt)", (t) => {
  const { engine } = setup({ publishedDepth: 2 });
  place(engine, buy(BOB, 4000, UNIT));
  place(engine, buy(BOB, 3000, UNIT));
  // A better bid pushes 30% out of view: the update carries the new level only; the client trims its depth.
  const pushed = ofKind(engine.createOrder(buy(CAROL, 4500, 2n * UNIT)), "contract-quotes");
  t.deepEqual(pushed[0]?.changedBids, [{ price: 4500, quantity: 2n * UNIT }]);
  // Changed while out of view: nothing to announce.
  t.deepEqual(ofKind(engine.createOrder(buy(ALICE, 3000, UNIT)), "contract-quotes"), []);
  // The best bid is cancelled: it goes (0) and 30% comes back into view with its current quantity.
  const order = engine.liveOrders({ accountId: CAROL })[0]!;
  const back = ofKind(engine.cancelOrder({ accountId: CAROL, orderId: order.id }), "contract-quotes");
  t.deepEqual(back[0]?.changedBids, [
    { price: 4500, quantity: 0n },
    { price: 3000, quantity: 2n * UNIT },
  ]);
});
