import test from "ava";
import type { AccountEvent } from "../../exchange/engine/events.js";
import { ALICE, BOB, CAROL, UNIT, buy, forAccount, place, sell, setup } from "./helpers.js";

test("each account numbers its own events 1, 2, 3, ... across commands", (t) => {
  const { engine } = setup();
  const seen: AccountEvent[] = [];
  const run = (r: { events: readonly unknown[] }) => seen.push(...(r.events as AccountEvent[]).filter((e) => e.audience === "account"));
  run(engine.createOrder(sell(BOB, 5000, 2n * UNIT)));
  run(engine.createOrder(buy(ALICE, 5000, UNIT)));
  run(engine.createOrder(buy(ALICE, 5050, UNIT)));
  run(engine.cancelAll({ accountId: BOB }));
  for (const id of [ALICE, BOB]) {
    const sequences = seen.filter((e) => e.accountId === id).map((e) => e.accountSequence);
    t.deepEqual(sequences, sequences.map((_, i) => BigInt(i + 1)), `account ${id}`);
  }
  t.deepEqual(forAccount(seen, CAROL), []);
});

test("eventsSince replays from the given sequence on, exactly as first sent", (t) => {
  const { engine } = setup();
  const sent = [
    ...engine.createOrder(buy(ALICE, 4000, UNIT)).events,
    ...engine.createOrder(sell(BOB, 4000, UNIT)).events,
    ...engine.createOrder(buy(ALICE, 3000, UNIT)).events,
  ];
  const alices = forAccount(sent, ALICE);
  const replay = engine.eventsSince(ALICE, 3n);
  t.deepEqual(replay.events, alices.slice(2));
  t.true(replay.complete);
  t.is(replay.nextSequence, BigInt(alices.length + 1));
  t.deepEqual(engine.eventsSince(ALICE, 1n).events, alices);
  t.deepEqual(engine.eventsSince(ALICE, 0n).events, alices, "0 (never seen anything) means from the start");
  t.deepEqual(engine.eventsSince(ALICE, 100n), { events: [], complete: true, nextSequence: replay.nextSequence });
});

test("the log is bounded: asking for dropped events returns what is left and says it is incomplete", (t) => {
  const { engine } = setup({ replayLimit: 3 });
  const sent = forAccount([1, 2, 3].flatMap(() => engine.createOrder(buy(ALICE, 5050, UNIT)).events), ALICE);
  t.is(sent.length, 3);
  for (let i = 0; i < 3; i++) engine.createOrder(buy(ALICE, 5050, UNIT));
  const replay = engine.eventsSince(ALICE, 1n);
  t.false(replay.complete);
  t.deepEqual(replay.events.map((e) => e.accountSequence), [4n, 5n, 6n]);
  t.true(engine.eventsSince(ALICE, 4n).complete);
  t.deepEqual(engine.eventsSince(ALICE, 5n).events.map((e) => e.accountSequence), [5n, 6n]);
});

test("the log stays bounded and correct over many events", (t) => {
  const { engine } = setup({ replayLimit: 10 });
  for (let i = 0; i < 5000; i++) engine.createOrder(buy(ALICE, 5050, UNIT));
  const replay = engine.eventsSince(ALICE, 4995n);
  t.deepEqual(replay.events.map((e) => e.accountSequence), [4995n, 4996n, 4997n, 4998n, 4999n, 5000n]);
  t.is(engine.eventsSince(ALICE, 1n).events.length, 10);
});

test("events caused by another account's order (an execution) reach the log too", (t) => {
  const { engine } = setup();
  const id = place(engine, buy(ALICE, 5000, 2n * UNIT));
  engine.createOrder(sell(BOB, 5000, UNIT));
  engine.cancelOrder({ accountId: ALICE, orderId: id });
  t.deepEqual(
    engine.eventsSince(ALICE, 1n).events.map((e) => e.kind),
    // The execution moves 0.50 from held to staked: exposure and available do not change, so no balance-changed.
    ["order-accepted", "balance-changed", "order-executed", "order-cancelled", "balance-changed"],
  );
});
