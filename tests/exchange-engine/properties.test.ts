// Random sequences of commands from several accounts, checking after every
// command the invariants in invariants.ts: positions sum to zero per
// contract, money is conserved, no book is crossed, depth equals the resting
// orders, and every order is in exactly one live or ended state that the
// event stream agrees with.
import test from "ava";
import fc from "fast-check";
import { MarketStateType as M, Side, TimeInForceType as Tif } from "../../generated/seto.js";
import type { CatalogueSpec } from "../../exchange/engine/catalogue.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import type { CommandResult } from "../../exchange/engine/events.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { UNIT, isTick } from "./helpers.js";
import { EventAuditor, stateViolations } from "./invariants.js";

const catalogue: CatalogueSpec = {
  events: [{ id: 1, name: "E" }],
  markets: [
    { id: 1, eventId: 1, state: M.MARKET_STATE_OPEN, contracts: [{ id: 1 }, { id: 2 }] },
    { id: 2, eventId: 1, state: M.MARKET_STATE_OPEN, contracts: [{ id: 3 }] },
  ],
};
// Modest balances so INSUFFICIENT_FUNDS happens too.
const deposits = new Map([
  [1, 300n * UNIT],
  [2, 300n * UNIT],
  [3, 60n * UNIT],
]);

const account = fc.constantFrom(1, 2, 3);
// Mostly on-ladder prices close together, so orders cross often; a few invalid ones.
const price = fc.oneof(
  { weight: 19, arbitrary: fc.integer({ min: 44, max: 56 }).map((p) => p * 100) },
  { weight: 1, arbitrary: fc.constantFrom(5050, 0, 10000) },
);
const quantity = fc.oneof(
  { weight: 19, arbitrary: fc.integer({ min: 1, max: 40 }).map((u) => BigInt(u) * UNIT) },
  { weight: 1, arbitrary: fc.constantFrom(0n, 5n, -UNIT) },
);
const where = fc.constantFrom({ marketId: 1, contractId: 1 }, { marketId: 1, contractId: 2 }, { marketId: 2, contractId: 3 });
const tif = fc.constantFrom(Tif.GOOD_TIL_CANCELLED, Tif.GOOD_TIL_CANCELLED, Tif.KEEP_IN_PLAY, Tif.GOOD_TILL_HALTED, Tif.IMMEDIATE_OR_CANCEL);
/** Which earlier order a command names, and whether its owner sends it (else a random account). */
const target = fc.record({ pick: fc.nat(), own: fc.boolean(), account });

const command = fc.oneof(
  { weight: 10, arbitrary: fc.record({ type: fc.constant("create" as const), account, side: fc.constantFrom(Side.SIDE_BUY, Side.SIDE_SELL), price, quantity, where, tif }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("cancel" as const), target }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("cancel-all" as const), account, marketId: fc.option(fc.constantFrom(1, 2), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("reduce" as const), target, quantity }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("replace" as const), target, price, quantity }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant("state" as const),
      marketId: fc.constantFrom(1, 2),
      state: fc.constantFrom(M.MARKET_STATE_OPEN, M.MARKET_STATE_OPEN, M.MARKET_STATE_LIVE, M.MARKET_STATE_HALTED, M.MARKET_STATE_SETTLED),
    }),
  },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function run(engine: ExchangeEngine, ids: bigint[], c: Command): CommandResult {
  const named = (t: { pick: number; own: boolean; account: number }) => {
    const orderId = ids.length === 0 ? 999999n : (ids[t.pick % ids.length] as bigint);
    return { orderId, accountId: t.own ? (engine.order(orderId)?.accountId ?? t.account) : t.account };
  };
  switch (c.type) {
    case "create":
      return engine.createOrder({ accountId: c.account, side: c.side, price: c.price, quantity: c.quantity, tif: c.tif, ...c.where });
    case "cancel":
      return engine.cancelOrder(named(c.target));
    case "cancel-all":
      return engine.cancelAll({ accountId: c.account, marketId: c.marketId });
    case "reduce": {
      const { orderId, accountId } = named(c.target);
      return engine.reduceOrder({ accountId, orderId, newQuantity: c.quantity });
    }
    case "replace": {
      const { orderId, accountId } = named(c.target);
      return engine.cancelReplace({ accountId, origOrderId: orderId, price: c.price, quantity: c.quantity });
    }
    case "state": {
      const now = engine.market(c.marketId)?.state;
      if (now === M.MARKET_STATE_SETTLED) return { events: [] }; // final: the engine would throw
      return engine.setMarketState({ marketId: c.marketId, state: c.state });
    }
  }
}

test("after any sequence of commands the engine's invariants hold", (t) => {
  let commandsRun = 0;
  let executions = 0;
  fc.assert(
    fc.property(fc.array(command, { minLength: 20, maxLength: 80 }), (commands) => {
      const engine = new ExchangeEngine({
        isTick,
        clock: new FakeClock(),
        catalogue,
        accounts: [...deposits].map(([id, balance]) => ({ id, username: `trader${id}`, balance })),
      });
      const auditor = new EventAuditor();
      const ids: bigint[] = [];
      for (const [i, c] of commands.entries()) {
        const result = run(engine, ids, c);
        commandsRun++;
        for (const e of result.events) {
          if (e.kind === "order-accepted" || e.kind === "order-cancel-replace-accepted") ids.push(e.orderId);
          if (e.kind === "order-executed") executions++;
        }
        auditor.see(result.events);
        const problems = [...stateViolations(engine, deposits), ...auditor.compare(engine)];
        if (problems.length > 0) throw new Error(`after command ${i} (${JSON.stringify(c, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}): ${problems.join("; ")}`);
      }
      // Replay by account sequence gives back exactly what was sent.
      for (const id of deposits.keys()) {
        const replay = engine.eventsSince(id, 1n);
        if (!replay.complete) throw new Error(`account ${id}: replay incomplete`);
      }
    }),
    { numRuns: 200 },
  );
  t.true(commandsRun > 0);
  // The generator must actually make trades happen, or the properties say little.
  t.true(executions > 300, `only ${executions} executions`);
});

test("replaying an account from sequence 1 returns exactly the account's events, in order", (t) => {
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
      const engine = new ExchangeEngine({
        isTick,
        clock: new FakeClock(),
        catalogue,
        accounts: [...deposits].map(([id, balance]) => ({ id, username: `trader${id}`, balance })),
      });
      const ids: bigint[] = [];
      const sent = new Map<number, unknown[]>();
      for (const c of commands) {
        for (const e of run(engine, ids, c).events) {
          if (e.kind === "order-accepted" || e.kind === "order-cancel-replace-accepted") ids.push(e.orderId);
          if (e.audience === "account") sent.set(e.accountId, [...(sent.get(e.accountId) ?? []), e]);
        }
      }
      for (const id of deposits.keys()) t.deepEqual(engine.eventsSince(id, 1n).events, sent.get(id) ?? []);
    }),
    { numRuns: 50 },
  );
});
