// Shared fixtures for the engine tests: a stand-in price ladder, an engine
// with three funded accounts, and helpers to pick events out of results.
import { Side, TimeInForceType } from "../../generated/seto.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import type { EngineConfig } from "../../exchange/engine/config.js";
import { ExchangeEngine } from "../../exchange/engine/engine.js";
import type { CreateOrderCommand } from "../../exchange/engine/commands/types.js";
import type { AccountEvent, CommandResult, EngineEvent } from "../../exchange/engine/events.js";

/** Stand-in ladder: whole percents from 1% to 99% (the real ladder is finer and irregular). */
export const isTick = (price: number): boolean => price >= 100 && price <= 9900 && price % 100 === 0;

/** One currency unit (e.g. 1.00 GBP) in money and quantity units. */
export const UNIT = 10000n;

export const ALICE = 1;
export const BOB = 2;
export const CAROL = 3;

export interface Fixture {
  readonly engine: ExchangeEngine;
  readonly clock: FakeClock;
}

/** The default catalogue (market 1: contracts 1 and 2) and three accounts with 1000.00 each. */
export function setup(config: Partial<EngineConfig> = {}): Fixture {
  const clock = new FakeClock(1000);
  const engine = new ExchangeEngine({
    isTick,
    clock,
    accounts: [
      { id: ALICE, username: "alice", balance: 1000n * UNIT },
      { id: BOB, username: "bob", balance: 1000n * UNIT },
      { id: CAROL, username: "carol", balance: 1000n * UNIT },
    ],
    ...config,
  });
  return { engine, clock };
}

type Kind = EngineEvent["kind"];
export type EventOf<K extends Kind> = Extract<EngineEvent, { kind: K }>;

export function ofKind<K extends Kind>(source: CommandResult | readonly EngineEvent[], kind: K): EventOf<K>[] {
  const events = "events" in source ? source.events : source;
  return events.filter((e): e is EventOf<K> => e.kind === kind);
}

/** The single event of `kind` in `source`; fails the test (throws) if there is not exactly one. */
export function one<K extends Kind>(source: CommandResult | readonly EngineEvent[], kind: K): EventOf<K> {
  const found = ofKind(source, kind);
  if (found.length !== 1) throw new Error(`expected exactly 1 ${kind} event, got ${found.length}`);
  return found[0] as EventOf<K>;
}

export function forAccount(source: CommandResult | readonly EngineEvent[], accountId: number): AccountEvent[] {
  const events = "events" in source ? source.events : source;
  return events.filter((e): e is AccountEvent => e.audience === "account" && e.accountId === accountId);
}

export function kinds(source: CommandResult | readonly EngineEvent[]): string[] {
  const events = "events" in source ? source.events : source;
  return events.map((e) => (e.audience === "account" ? `${e.accountId}:${e.kind}` : `market:${e.kind}`));
}

/** An order-create in market 1, contract 1 unless overridden. */
export function order(
  accountId: number,
  side: Side,
  price: number,
  quantity: bigint,
  extra: Partial<CreateOrderCommand> = {},
): CreateOrderCommand {
  return { accountId, marketId: 1, contractId: 1, side, price, quantity, tif: TimeInForceType.GOOD_TIL_CANCELLED, ...extra };
}

export const buy = (accountId: number, price: number, quantity: bigint, extra: Partial<CreateOrderCommand> = {}) =>
  order(accountId, Side.SIDE_BUY, price, quantity, extra);
export const sell = (accountId: number, price: number, quantity: bigint, extra: Partial<CreateOrderCommand> = {}) =>
  order(accountId, Side.SIDE_SELL, price, quantity, extra);

/** Places an order that must be accepted, returning its id. */
export function place(engine: ExchangeEngine, cmd: CreateOrderCommand): bigint {
  return one(engine.createOrder(cmd), "order-accepted").orderId;
}
