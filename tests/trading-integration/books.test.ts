// Live books against the exchange's own: after 10,000 book updates made by
// other traders, and again after the connection is cut mid-stream, updates
// arrive while it is down and the client resumes the session.
import test from "ava";
import { Prng } from "../../exchange/engine/index.js";
import type { ExchangeHandle } from "../../exchange/index.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";
import { ticksAbove, ticksBelow } from "../../runtime/odds/index.js";
import { assertBooksMatch, collectErrors, DEMO2, exchange, GENEROUS_THROTTLE, loggedIn, settled, StatusLog } from "./helpers.js";

const UPDATES = 10_000;

/** Counts the contract-quotes (book updates) a client receives, and how many of them were replayed. */
function countUpdates(client: StreamingAPIClient): { total: number; replayed: number } {
  const count = { total: 0, replayed: 0 };
  client.addHandler("seto.contract_quotes", (_m, e) => {
    count.total++;
    if (e.isReplay) count.replayed++;
  });
  return count;
}

/**
 * A trader that gives the book depth: passive orders up to 12 ticks behind
 * the best prices (never crossing, so never meeting its own), and cancels of
 * its oldest ones. The simulated traders quote only a few ticks wide; with
 * this the book is often deeper than 5 levels, and levels come and go below
 * the top.
 */
function depthTrader(ex: ExchangeHandle, client: StreamingAPIClient, seed: number): () => Promise<void> {
  const rng = new Prng(seed);
  return async () => {
    const quotes = ex.engine.marketQuotes(1)!;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 3; i++) {
      const c = rng.pick(quotes.contracts);
      const buy = rng.chance(0.5);
      const best = buy ? (c.offers[0]?.price ?? 5100) : (c.bids[0]?.price ?? 4900);
      const ticks = rng.int(1, 12);
      const price = buy ? ticksBelow(best, ticks)[ticks - 1]! : ticksAbove(best, ticks)[ticks - 1]!;
      const quantity = 10_000n * BigInt(rng.int(1, 5));
      sends.push(client.trading.placeOrder({ marketId: 1, contractId: c.contractId, side: buy ? "buy" : "sell", price, quantity }));
    }
    const live = client.trading.orders.live();
    for (const o of live.slice(0, Math.max(0, live.length - 40))) sends.push(client.trading.cancelOrder(o.orderId!).catch(() => undefined));
    await Promise.all(sends);
  };
}

/** Rounds of simulated trading (and the depth trader) until `client` has received `updates` more book updates. */
async function trade(ex: ExchangeHandle, clients: StreamingAPIClient[], count: { total: number }, updates: number, deepen: () => Promise<void>): Promise<void> {
  const target = count.total + updates;
  // Each round makes dozens of updates; the bound only keeps a broken feed from hanging the test.
  for (let round = 0; count.total < target; round++) {
    if (round > updates) throw new Error(`only ${count.total} of ${target} book updates arrived`);
    for (let i = 0; i < 40; i++) ex.stepActivity();
    await deepen();
    await settled(...clients);
  }
}

test(`books equal the exchange's after ${UPDATES} updates, and again after a reconnect with updates missed meanwhile`, async (t) => {
  t.timeout(60_000);
  const ex = await exchange({ throttle: GENEROUS_THROTTLE });
  t.teardown(() => ex.close());
  // Both sides at their defaults: the exchange shows 5 levels, as Smarkets
  // does, and the client keeps 5; levels entering and leaving that view are
  // what the comparison below checks.
  const client = await loggedIn(ex, {}, { reconnect: { initialDelayMs: 20, maxDelayMs: 50, random: () => 0.5 } });
  const trader = await loggedIn(ex, DEMO2);
  const deepen = depthTrader(ex, trader, 7);
  const statuses = new StatusLog(client);
  const errors = collectErrors(client);
  const count = countUpdates(client);
  let deepest = 0;
  // The whole book's depth (not just what is shown): distinct resting prices per contract side.
  client.addHandler("seto.contract_quotes", () => {
    const prices = new Map<string, Set<number>>();
    for (const o of ex.engine.liveOrders()) {
      const key = `${o.contractId}/${o.side}`;
      prices.set(key, (prices.get(key) ?? new Set()).add(o.price));
    }
    for (const set of prices.values()) deepest = Math.max(deepest, set.size);
  });

  // Depth before subscribing comes in the snapshot; everything after in updates.
  for (let i = 0; i < 20; i++) ex.stepActivity();
  await deepen();
  await client.trading.subscribe(1);
  await trade(ex, [client, trader], count, UPDATES, deepen);
  t.true(count.total >= UPDATES);
  assertBooksMatch(t, client, ex, 1, "after the updates: ");
  t.true(deepest > 5, `the book went deeper than the 5 levels shown (deepest side: ${deepest})`);

  // Cut the connection after the next update goes out, and trade on at once:
  // what follows the cut reaches only the session's store, for the replay.
  const sessionId = client.resumeState.sessionId!;
  const cut = ex.faults.cutAfter(1, { sessionId, match: (p) => p.name === "seto.contract_quotes" });
  const resumed = statuses.next((s) => s.state === "logged-in" && s.resumed);
  const filled = statuses.next((s) => s.state === "gap-filled");
  while (cut.hits === 0) ex.stepActivity();
  for (let i = 0; i < 200; i++) ex.stepActivity();
  await resumed;
  await filled;
  t.true(count.replayed > 0, "updates missed while disconnected were replayed");
  await trade(ex, [client, trader], count, 1_000, deepen);
  t.is(client.resumeState.sessionId, sessionId, "the same session was resumed");
  assertBooksMatch(t, client, ex, 1, "after the reconnect: ");
  t.deepEqual(errors, []);
  t.log(`${count.total} updates (${count.replayed} replayed); the deepest side had ${deepest} levels`);
  await Promise.all([client.logout(), trader.logout()]);
});
