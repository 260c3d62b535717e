import test from "ava";
import { ContractStateType, MarketStateType } from "../../generated/seto.js";
import { Catalogue, defaultCatalogueSpec, type CatalogueSpec } from "../../exchange/engine/catalogue.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import { EngineConfigError } from "../../exchange/engine/errors.js";
import { SmarketsError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { ALICE, UNIT, isTick, setup } from "./helpers.js";

const OPEN = MarketStateType.MARKET_STATE_OPEN;

test("the default catalogue: market 1, open, contracts 1 and 2, in an event", (t) => {
  const { engine } = setup();
  const market = engine.market(1);
  t.like(market, { id: 1, state: OPEN });
  t.deepEqual(market?.contracts.map((c) => [c.id, c.state]), [
    [1, ContractStateType.CONTRACT_STATE_OPEN],
    [2, ContractStateType.CONTRACT_STATE_OPEN],
  ]);
  t.deepEqual(engine.catalogueEvents().map((e) => e.id), [market?.eventId]);
  t.deepEqual(engine.markets().map((m) => m.id), [1]);
});

const bad: ReadonlyArray<[string, CatalogueSpec, RegExp]> = [
  ["a duplicate event", { events: [{ id: 1, name: "a" }, { id: 1, name: "b" }], markets: [] }, /event id 1 appears twice/],
  ["an unknown parent event", { events: [{ id: 1, name: "a", parentId: 5 }], markets: [] }, /parent event 5/],
  ["a market of an unknown event", { events: [], markets: [{ id: 1, eventId: 3, state: OPEN, contracts: [{ id: 1 }] }] }, /event 3/],
  [
    "a duplicate market",
    { events: [{ id: 1, name: "a" }], markets: [1, 1].map((id, i) => ({ id, eventId: 1, state: OPEN, contracts: [{ id: 10 + i }] })) },
    /market id 1 appears twice/,
  ],
  [
    "a contract id used twice (ids are global)",
    { events: [{ id: 1, name: "a" }], markets: [1, 2].map((id) => ({ id, eventId: 1, state: OPEN, contracts: [{ id: 7 }] })) },
    /contract id 7 appears twice/,
  ],
  ["a market without contracts", { events: [{ id: 1, name: "a" }], markets: [{ id: 1, eventId: 1, state: OPEN, contracts: [] }] }, /no contracts/],
  ["an unknown market state", { events: [{ id: 1, name: "a" }], markets: [{ id: 1, eventId: 1, state: 9 as MarketStateType, contracts: [{ id: 1 }] }] }, /unknown state 9/],
  ["an id that is not a uint32", { events: [{ id: 2 ** 32, name: "a" }], markets: [] }, /4294967296 is not a uint32/],
  ["id 0", { events: [{ id: 0, name: "a" }], markets: [] }, /event id 0/],
];

for (const [what, spec, message] of bad) {
  test(`the catalogue refuses ${what}`, (t) => {
    const error = t.throws(() => new Catalogue(spec), { instanceOf: EngineConfigError, message });
    t.true(error instanceof SmarketsError);
    t.is(error?.name, "EngineConfigError");
  });
}

test("the default spec is a fresh copy each time (replaceable without leaking between engines)", (t) => {
  t.not(defaultCatalogueSpec(), defaultCatalogueSpec());
  t.deepEqual(defaultCatalogueSpec(), defaultCatalogueSpec());
});

const badConfig: ReadonlyArray<[string, object, RegExp]> = [
  ["a quantity unit that is not a multiple of 10000", { quantityUnit: 100n }, /quantityUnit 100 is not a positive multiple of 10000/],
  ["a zero quantity unit", { quantityUnit: 0n }, /quantityUnit 0/],
  ["a zero replay limit", { replayLimit: 0 }, /replayLimit 0/],
  ["a fractional ended-order limit", { endedOrderLimit: 1.5 }, /endedOrderLimit 1.5/],
  ["a first order id of 0", { firstOrderId: 0n }, /firstOrderId 0/],
  ["two accounts with one id", { accounts: [{ id: 1, username: "a", balance: 0n }, { id: 1, username: "b", balance: 0n }] }, /account id 1 is already open/],
  ["two accounts with one name", { accounts: [{ username: "a", balance: 0n }, { username: "a", balance: 0n }] }, /"a" is already taken/],
  ["a negative balance", { accounts: [{ username: "a", balance: -1n }] }, /balance -1 is negative/],
  ["an empty username", { accounts: [{ username: "", balance: 0n }] }, /username is empty/],
];

for (const [what, config, message] of badConfig) {
  test(`the engine refuses ${what}`, (t) => {
    t.throws(() => new ExchangeEngine({ isTick, clock: new FakeClock(), ...config }), { instanceOf: EngineConfigError, message });
  });
}

test("accounts open with increasing ids and can be found by username", (t) => {
  const { engine } = setup();
  const dave = engine.openAccount({ username: "dave", balance: 5n * UNIT });
  t.is(dave.id, 4);
  t.like(engine.accountByUsername("dave"), { id: 4, balance: 5n * UNIT, available: 5n * UNIT, exposure: 0n, reserved: 0n });
  t.is(engine.accountByUsername("nobody"), undefined);
  t.is(engine.accounts().length, 4);
  t.is(engine.account(ALICE).username, "alice");
});
