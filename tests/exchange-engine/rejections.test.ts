import test from "ava";
import { ContractStateType, MarketStateType, OrderRejectedReason as R } from "../../generated/seto.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import type { CatalogueSpec } from "../../exchange/engine/catalogue.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { ALICE, BOB, UNIT, buy, isTick, kinds, one, place, sell, setup } from "./helpers.js";

// Markets in every state, and a settled contract in an open market.
const catalogue: CatalogueSpec = {
  events: [{ id: 10, name: "Event" }],
  markets: [
    { id: 1, eventId: 10, state: MarketStateType.MARKET_STATE_OPEN, contracts: [{ id: 1 }, { id: 2, state: ContractStateType.CONTRACT_STATE_SETTLED }] },
    { id: 2, eventId: 10, state: MarketStateType.MARKET_STATE_NEW, contracts: [{ id: 21 }] },
    { id: 3, eventId: 10, state: MarketStateType.MARKET_STATE_HALTED, contracts: [{ id: 31 }] },
    { id: 4, eventId: 10, state: MarketStateType.MARKET_STATE_SETTLED, contracts: [{ id: 41 }] },
    { id: 5, eventId: 10, state: MarketStateType.MARKET_STATE_VOIDED, contracts: [{ id: 51 }] },
    { id: 6, eventId: 10, state: MarketStateType.MARKET_STATE_LIVE, contracts: [{ id: 61 }] },
  ],
};

function engine(): ExchangeEngine {
  return new ExchangeEngine({ isTick, clock: new FakeClock(), catalogue, accounts: [{ id: ALICE, username: "alice", balance: 100n * UNIT }] });
}

const cases: ReadonlyArray<[string, number, number, R]> = [
  ["an unknown market", 99, 1, R.ORDER_REJECTED_MARKET_NOT_FOUND],
  ["an unknown contract", 1, 99, R.ORDER_REJECTED_CONTRACT_NOT_FOUND],
  ["a contract of another market", 1, 21, R.ORDER_REJECTED_CONTRACT_NOT_FOUND],
  ["a NEW market", 2, 21, R.ORDER_REJECTED_MARKET_NOT_OPEN],
  ["a HALTED market", 3, 31, R.ORDER_REJECTED_MARKET_HALTED],
  ["a SETTLED market", 4, 41, R.ORDER_REJECTED_MARKET_SETTLED],
  ["a VOIDED market", 5, 51, R.ORDER_REJECTED_MARKET_SETTLED],
  ["a settled contract in an open market", 1, 2, R.ORDER_REJECTED_CONTRACT_SETTLED],
];

for (const [what, marketId, contractId, reason] of cases) {
  test(`order-rejected for ${what}`, (t) => {
    const e = engine();
    const result = e.createOrder(buy(ALICE, 5000, UNIT, { marketId, contractId, reference: 5n, label: "mine", requestSeq: 12n }));
    t.deepEqual(kinds(result), ["1:order-rejected"]);
    t.like(one(result, "order-rejected"), { reason, reference: 5n, label: "mine", seq: 12n, accountSequence: 1n });
    t.is(e.account(ALICE).exposure, 0n);
  });
}

test("a LIVE (in-play) market takes orders", (t) => {
  const e = engine();
  t.is(e.createOrder(buy(ALICE, 5000, UNIT, { marketId: 6, contractId: 61 })).events[0]?.kind, "order-accepted");
});

test("CROSSED_SELF when an order would meet the account's own resting order, on either side", (t) => {
  const { engine: e } = setup();
  place(e, sell(ALICE, 5500, UNIT));
  place(e, buy(ALICE, 4500, UNIT));
  t.is(one(e.createOrder(buy(ALICE, 5500, UNIT)), "order-rejected").reason, R.ORDER_REJECTED_CROSSED_SELF);
  t.is(one(e.createOrder(buy(ALICE, 9000, UNIT)), "order-rejected").reason, R.ORDER_REJECTED_CROSSED_SELF);
  t.is(one(e.createOrder(sell(ALICE, 4500, UNIT)), "order-rejected").reason, R.ORDER_REJECTED_CROSSED_SELF);
  // Up to but not touching the own order is fine, as is the other contract.
  t.is(e.createOrder(buy(ALICE, 5400, UNIT)).events[0]?.kind, "order-accepted");
  t.is(e.createOrder(buy(ALICE, 9000, UNIT, { contractId: 2 })).events[0]?.kind, "order-accepted");
});

test("CROSSED_SELF even when other accounts' orders sit in front of the own one", (t) => {
  const { engine: e } = setup();
  place(e, sell(BOB, 5000, UNIT));
  place(e, sell(ALICE, 5500, UNIT));
  const result = e.createOrder(buy(ALICE, 6000, 2n * UNIT));
  t.is(one(result, "order-rejected").reason, R.ORDER_REJECTED_CROSSED_SELF);
  t.is(e.liveOrders({ accountId: BOB }).length, 1, "nothing executed");
});

test("INSUFFICIENT_FUNDS when the order's risk exceeds the available balance; exactly enough is accepted", (t) => {
  const { engine: e } = setup();
  // 1000.00 available. A buy of 2000 payoff at 50% risks 1000.00; a sell at 60% risks 40% of its quantity.
  t.is(one(e.createOrder(buy(ALICE, 5000, 2000n * UNIT + UNIT)), "order-rejected").reason, R.ORDER_REJECTED_INSUFFICIENT_FUNDS);
  t.is(e.createOrder(buy(ALICE, 5000, 2000n * UNIT)).events[0]?.kind, "order-accepted");
  t.is(e.account(ALICE).available, 0n);
  t.is(one(e.createOrder(sell(ALICE, 9900, UNIT, { contractId: 2 })), "order-rejected").reason, R.ORDER_REJECTED_INSUFFICIENT_FUNDS);
  t.is(one(e.createOrder(sell(BOB, 6000, 2501n * UNIT)), "order-rejected").reason, R.ORDER_REJECTED_INSUFFICIENT_FUNDS);
  t.is(e.createOrder(sell(BOB, 6000, 2500n * UNIT)).events[0]?.kind, "order-accepted");
});

test("the invalid check comes before the market check, and the market check before funds", (t) => {
  const { engine: e } = setup();
  t.is(e.createOrder(buy(ALICE, 5050, UNIT, { marketId: 99 })).events[0]?.kind, "order-invalid");
  t.is(one(e.createOrder(buy(ALICE, 5000, 10n ** 12n, { marketId: 99 })), "order-rejected").reason, R.ORDER_REJECTED_MARKET_NOT_FOUND);
});
