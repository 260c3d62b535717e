import test from "ava";
import { MarketStateType, Side } from "../../generated/seto.js";
import { applyActivity, ladderOf, SimulatedActivity, type ActivityOptions } from "../../exchange/engine/activity.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import { EngineConfigError } from "../../exchange/engine/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { ALICE, UNIT, buy, isTick, ofKind, place } from "./helpers.js";
import { EventAuditor, stateViolations } from "./invariants.js";

const PARTICIPANTS = [11, 12, 13, 14];
const ladder = ladderOf(isTick);

function simulated(): { engine: ExchangeEngine; deposits: Map<number, bigint> } {
  const deposits = new Map([[ALICE, 1000n * UNIT], ...PARTICIPANTS.map((id) => [id, 100000n * UNIT] as [number, bigint])]);
  const engine = new ExchangeEngine({
    isTick,
    clock: new FakeClock(),
    accounts: [...deposits].map(([id, balance]) => ({ id, username: `u${id}`, balance })),
  });
  return { engine, deposits };
}

function options(extra: Partial<ActivityOptions> = {}): ActivityOptions {
  return { seed: 1234, marketId: 1, participants: PARTICIPANTS, ladder, quantityUnit: UNIT, ...extra };
}

test("ladderOf lists the valid prices ascending", (t) => {
  t.deepEqual(ladderOf((p) => p === 9999 || p === 1 || p === 5000), [1, 5000, 9999]);
  t.is(ladder.length, 99);
});

test("the same seed and market give the same commands", (t) => {
  const a = simulated();
  const b = simulated();
  const genA = new SimulatedActivity(options());
  const genB = new SimulatedActivity(options());
  for (let i = 0; i < 50; i++) {
    const ca = genA.step(a.engine);
    t.deepEqual(genB.step(b.engine), ca);
    applyActivity(a.engine, ca);
    applyActivity(b.engine, ca);
  }
});

test("simulated orders are on the ladder, in whole units, from the participants, near the fair price", (t) => {
  const { engine } = simulated();
  const gen = new SimulatedActivity(options({ ordersPerStep: 5, maxUnits: 7 }));
  let creates = 0;
  for (let i = 0; i < 200; i++) {
    const commands = gen.step(engine);
    for (const c of commands) {
      if (c.kind !== "create") continue;
      creates++;
      const { price, quantity, accountId } = c.command;
      t.true(price !== undefined && isTick(price), `price ${price}`);
      t.true(quantity >= UNIT && quantity <= 7n * UNIT && quantity % UNIT === 0n);
      t.true(PARTICIPANTS.includes(accountId));
      // Two contracts: fair prices start at 50% and drift a tick at a time.
      t.true(price !== undefined && price > 1000 && price < 9000, `price ${price}`);
    }
    applyActivity(engine, commands);
  }
  t.true(creates > 500);
});

test("a long simulation trades, keeps books bounded, never sends a rejected or invalid order, and keeps every invariant", (t) => {
  const { engine, deposits } = simulated();
  const gen = new SimulatedActivity(options({ seed: 99 }));
  const auditor = new EventAuditor();
  let executions = 0;
  for (let i = 0; i < 1000; i++) {
    const events = applyActivity(engine, gen.step(engine));
    auditor.see(events);
    executions += ofKind(events, "order-executed").length;
    t.deepEqual(ofKind(events, "order-rejected"), [], `step ${i}`);
    t.deepEqual(ofKind(events, "order-invalid"), [], `step ${i}`);
    t.deepEqual(ofKind(events, "order-cancel-rejected"), [], `step ${i}`);
  }
  t.deepEqual([...stateViolations(engine, deposits), ...auditor.compare(engine)], []);
  t.true(executions > 100, `${executions} executions`);
  // At most maxOrdersPerParticipant (5) per participant and contract, plus one step's new orders.
  t.true(engine.liveOrders().length <= PARTICIPANTS.length * 2 * 5 + 2);
  t.true(engine.liveOrders().length > 0);
  const quotes = engine.marketQuotes(1);
  t.true((quotes?.executedVolume ?? 0n) > 0n);
  for (const c of quotes?.contracts ?? []) {
    t.true(c.bids.length > 0 && c.offers.length > 0, `contract ${c.contractId} has both sides`);
  }
});

test("a human's orders trade against the simulated market", (t) => {
  const { engine } = simulated();
  const gen = new SimulatedActivity(options());
  for (let i = 0; i < 50; i++) applyActivity(engine, gen.step(engine));
  const bestOffer = engine.marketQuotes(1)?.contracts[0]?.offers[0]?.price;
  t.not(bestOffer, undefined);
  const id = place(engine, buy(ALICE, bestOffer as number, UNIT));
  t.is(engine.order(id)?.filled, UNIT);
  t.true(engine.account(ALICE).positions.some((p) => p.contractId === 1 && p.quantity === UNIT));
});

test("silence: no orders and no cancels when told so, and none while the market is not trading", (t) => {
  const { engine } = simulated();
  const quiet = new SimulatedActivity(options({ ordersPerStep: 0, cancelChance: 0 }));
  for (let i = 0; i < 20; i++) t.deepEqual(quiet.step(engine), []);
  const busy = new SimulatedActivity(options());
  engine.setMarketState({ marketId: 1, state: MarketStateType.MARKET_STATE_HALTED });
  t.deepEqual(busy.step(engine), []);
  t.deepEqual(new SimulatedActivity(options({ marketId: 42 })).step(engine), []);
});

test("simulated traders avoid meeting their own orders, also within one step", (t) => {
  const { engine } = simulated();
  const gen = new SimulatedActivity(options({ participants: [11], ordersPerStep: 10, crossChance: 0.5 }));
  for (let i = 0; i < 100; i++) {
    const commands = gen.step(engine);
    const events = applyActivity(engine, commands);
    t.deepEqual(ofKind(events, "order-rejected"), []);
    // A lone trader can never trade with itself.
    t.deepEqual(ofKind(events, "order-executed"), []);
    for (const c of engine.marketQuotes(1)?.contracts ?? []) {
      const bid = c.bids[0]?.price ?? 0;
      const offer = c.offers[0]?.price ?? 10000;
      t.true(bid < offer);
    }
  }
  t.true(engine.liveOrders({ accountId: 11 }).some((o) => o.side === Side.SIDE_BUY));
});

test("bad activity options are typed errors", (t) => {
  t.throws(() => new SimulatedActivity(options({ participants: [] })), { instanceOf: EngineConfigError, message: /at least 1 participant/ });
  t.throws(() => new SimulatedActivity(options({ ladder: [5000, 5100] })), { instanceOf: EngineConfigError, message: /at least 3 prices, got 2/ });
});
