// Market data over the wire: a market-quotes snapshot on subscribing, then
// contract-quotes for every change; market-state to market and event
// subscribers; simulated activity feeding subscribers.
import test from "ava";
import * as seto from "../../generated/seto.js";
import { orderCreate } from "./helpers/test-client.js";
import { as, BOB, setup } from "./helpers/setup.js";

const { SIDE_BUY: BUY, SIDE_SELL: SELL } = seto.Side;
const QTY = 100_000n;

test("market-subscribe gets the current depth as market-quotes, then contract-quotes with each change", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 4000 }));
  await alice.next("seto.order_accepted");

  bob.send("seto.market_subscribe", { marketId: 1 });
  const snapshot = await bob.next("seto.market_quotes");
  t.is(snapshot.marketId, 1);
  t.deepEqual(
    snapshot.contractQuotes.map((c) => [c.contractId, c.bids, c.offers]),
    [
      [1, [{ price: 4000, quantity: QTY }], []],
      [2, [], []],
    ],
  );

  alice.send("seto.order_create", orderCreate({ side: SELL, quantity: 2n * QTY, price: 5988, contractId: 2 }));
  t.like(await bob.next("seto.contract_quotes"), { marketId: 1, contractId: 2, bids: [], offers: [{ price: 5988, quantity: 2n * QTY }] });

  bob.send("seto.order_create", orderCreate({ side: SELL, quantity: QTY, price: 4000 }));
  const traded = await bob.next("seto.contract_quotes", (q) => q.contractId === 1);
  t.deepEqual(traded.bids, [{ price: 4000, quantity: 0n }], "the emptied level is sent with quantity 0");
  t.like(traded.executions[0], { price: 4000, quantity: QTY, liquidity: BUY });
});

test("market-unsubscribe stops the contract-quotes; a market that does not exist gets no snapshot", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  alice.send("seto.market_subscribe", { marketId: 42 });
  alice.send("seto.market_subscribe", { marketId: 1 });
  t.is((await alice.next("seto.market_quotes")).marketId, 1);
  alice.send("seto.market_unsubscribe", { marketId: 1 });
  alice.send("seto.order_create", orderCreate({ side: BUY, quantity: QTY, price: 4000 }));
  await alice.next("seto.order_accepted");
  await alice.session.ping();
  t.is(alice.all("seto.contract_quotes").length, 0);
  t.is(alice.all("seto.market_quotes").length, 1);
  t.deepEqual(exchange.sessions.list()[0]?.markets, []);
});

test("event-subscribe sends each market's state, then state changes; market subscribers hear them too", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  alice.send("seto.event_subscribe", { eventId: 100 });
  const first = await alice.next("seto.market_state");
  t.like(first, { marketId: 1, state: seto.MarketStateType.MARKET_STATE_OPEN, reason: undefined });
  t.deepEqual(
    first.contracts.map((c) => [c.contractId, c.state]),
    [
      [1, seto.ContractStateType.CONTRACT_STATE_OPEN],
      [2, seto.ContractStateType.CONTRACT_STATE_OPEN],
    ],
  );
  bob.send("seto.market_subscribe", { marketId: 1 });
  await bob.next("seto.market_quotes");
  exchange.setMarketState({ marketId: 1, state: seto.MarketStateType.MARKET_STATE_HALTED, reason: "weather" });
  t.like(await alice.next("seto.market_state"), { marketId: 1, state: seto.MarketStateType.MARKET_STATE_HALTED, reason: "weather" });
  t.like(await bob.next("seto.market_state"), { marketId: 1, state: seto.MarketStateType.MARKET_STATE_HALTED });
  alice.send("seto.event_unsubscribe", { eventId: 100 });
  await alice.session.ping();
  exchange.setMarketState({ marketId: 1, state: seto.MarketStateType.MARKET_STATE_OPEN });
  await bob.next("seto.market_state", (m) => m.state === seto.MarketStateType.MARKET_STATE_OPEN);
  await alice.session.ping();
  t.is(alice.all("seto.market_state").length, 2);
});

test("simulated activity trades in the market and subscribers see it", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t, { activity: { seed: 7, intervalMs: 100 } });
  const alice = await loggedIn();
  alice.send("seto.market_subscribe", { marketId: 1 });
  await alice.next("seto.market_quotes");
  clock.advance(100);
  await alice.next("seto.contract_quotes");
  exchange.setActivity(false);
  const before = exchange.engine.liveOrders().length;
  clock.advance(1_000);
  t.is(exchange.engine.liveOrders().length, before, "no activity once it is off");
  t.true(before > 0);
});
