// Whole-engine invariants, checked from the outside (queries and events only),
// for the property tests and the simulated-activity tests. Each check returns
// the list of violations found, so a failure says exactly what broke.
import { Side } from "../../generated/seto.js";
import type { ExchangeEngine } from "../../exchange/engine/engine.js";
import { positionExposure } from "../../exchange/engine/accounts.js";
import type { EngineEvent, QuoteLevel } from "../../exchange/engine/events.js";
import { orderRisk } from "../../exchange/engine/money.js";
import type { OrderStatus } from "../../exchange/engine/order.js";

function aggregate(levels: Map<number, bigint>, side: Side): QuoteLevel[] {
  return [...levels]
    .filter(([, q]) => q !== 0n)
    .map(([price, quantity]) => ({ price, quantity }))
    .sort((a, b) => (side === Side.SIDE_BUY ? b.price - a.price : a.price - b.price));
}

function same(a: readonly QuoteLevel[], b: readonly QuoteLevel[]): boolean {
  return a.length === b.length && a.every((l, i) => l.price === b[i]?.price && l.quantity === b[i]?.quantity);
}

/**
 * State invariants:
 * (1) per contract, positions sum to zero across accounts;
 * (2) money is conserved: per contract the stakes sum to zero (every unit a
 *     buyer paid a seller received), and for every account
 *     available + reserved + sum of position worst cases = deposit, with
 *     reserved = the risk of its live orders' remainders and available >= 0;
 * (3) no book is crossed (best bid < best offer);
 * (4) each contract's depth equals the sum of its resting orders per price.
 */
export function stateViolations(engine: ExchangeEngine, deposits: ReadonlyMap<number, bigint>): string[] {
  const problems: string[] = [];
  const quantities = new Map<number, bigint>();
  const stakes = new Map<number, bigint>();
  for (const account of engine.accounts()) {
    let worst = 0n;
    for (const p of account.positions) {
      quantities.set(p.contractId, (quantities.get(p.contractId) ?? 0n) + p.quantity);
      stakes.set(p.contractId, (stakes.get(p.contractId) ?? 0n) + p.stake);
      worst += positionExposure(p);
    }
    const held = engine.liveOrders({ accountId: account.id }).reduce((sum, o) => sum + orderRisk(o.side, o.remaining, o.price), 0n);
    const id = `account ${account.id}`;
    if (account.reserved !== held) problems.push(`${id}: reserved ${account.reserved} but its live orders risk ${held}`);
    if (account.exposure !== account.reserved + worst) problems.push(`${id}: exposure ${account.exposure} != reserved + worst cases ${account.reserved + worst}`);
    if (account.available + account.exposure !== deposits.get(account.id)) problems.push(`${id}: available + exposure != deposit`);
    if (account.available < 0n) problems.push(`${id}: available ${account.available} is negative`);
  }
  for (const [contractId, q] of quantities) if (q !== 0n) problems.push(`contract ${contractId}: positions sum to ${q}`);
  for (const [contractId, s] of stakes) if (s !== 0n) problems.push(`contract ${contractId}: stakes sum to ${s}`);

  for (const market of engine.markets()) {
    for (const c of engine.marketQuotes(market.id)?.contracts ?? []) {
      const bestBid = c.bids[0]?.price;
      const bestOffer = c.offers[0]?.price;
      if (bestBid !== undefined && bestOffer !== undefined && bestBid >= bestOffer) {
        problems.push(`contract ${c.contractId}: crossed book, bid ${bestBid} >= offer ${bestOffer}`);
      }
      const bids = new Map<number, bigint>();
      const offers = new Map<number, bigint>();
      for (const o of engine.liveOrders({ contractId: c.contractId })) {
        const levels = o.side === Side.SIDE_BUY ? bids : offers;
        levels.set(o.price, (levels.get(o.price) ?? 0n) + o.remaining);
        if (o.remaining <= 0n) problems.push(`order ${o.id}: live with remaining ${o.remaining}`);
      }
      if (!same(c.bids, aggregate(bids, Side.SIDE_BUY))) problems.push(`contract ${c.contractId}: bids depth differs from resting orders`);
      if (!same(c.offers, aggregate(offers, Side.SIDE_SELL))) problems.push(`contract ${c.contractId}: offers depth differs from resting orders`);
    }
  }
  return problems;
}

/**
 * Follows the event stream and checks it tells a consistent story:
 * - each account's sequences run 1, 2, 3, ... with no gap or repeat;
 * - (5) every order goes live once (accepted or replace-accepted) and then
 *   ends at most once (filled, cancelled or replaced), with no event after
 *   its end; its state from the events matches the engine's;
 * - executions reported to an order add up to what the engine says it filled;
 * - applying contract-quotes deltas from an empty book rebuilds each
 *   contract's current depth (market-quotes and deltas agree).
 */
export class EventAuditor {
  readonly problems: string[] = [];
  readonly status = new Map<bigint, OrderStatus>();
  readonly executed = new Map<bigint, bigint>();
  readonly #next = new Map<number, bigint>();
  readonly #depth = new Map<number, { bids: Map<number, bigint>; offers: Map<number, bigint> }>();

  #move(id: bigint, to: OrderStatus, what: string): void {
    const now = this.status.get(id);
    if (now !== "live") this.problems.push(`order ${id}: ${what} while ${now ?? "unknown"}`);
    this.status.set(id, to);
  }

  #born(id: bigint, what: string): void {
    if (this.status.has(id)) this.problems.push(`order ${id}: ${what} for an id already seen`);
    this.status.set(id, "live");
  }

  see(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.audience === "account") {
        const expected = this.#next.get(e.accountId) ?? 1n;
        if (e.accountSequence !== expected) this.problems.push(`account ${e.accountId}: sequence ${e.accountSequence}, expected ${expected}`);
        this.#next.set(e.accountId, e.accountSequence + 1n);
      }
      switch (e.kind) {
        case "order-accepted":
          this.#born(e.orderId, "accepted");
          break;
        case "order-cancel-replace-accepted":
          this.#move(e.origOrderId, "replaced", "replaced");
          this.#born(e.orderId, "replace-accepted");
          break;
        case "order-executed":
          this.executed.set(e.orderId, (this.executed.get(e.orderId) ?? 0n) + e.quantity);
          this.#move(e.orderId, e.availableQuantity === 0n ? "filled" : "live", "executed");
          break;
        case "order-cancelled":
          this.#move(e.orderId, "cancelled", "cancelled");
          break;
        case "order-quantity-reduced":
          this.#move(e.orderId, e.newQuantity === e.executedQuantity ? "filled" : "live", "reduced");
          break;
        case "contract-quotes": {
          let d = this.#depth.get(e.contractId);
          if (d === undefined) this.#depth.set(e.contractId, (d = { bids: new Map(), offers: new Map() }));
          for (const l of e.changedBids) d.bids.set(l.price, l.quantity);
          for (const l of e.changedOffers) d.offers.set(l.price, l.quantity);
          if (!same(e.bids, aggregate(d.bids, Side.SIDE_BUY)) || !same(e.offers, aggregate(d.offers, Side.SIDE_SELL))) {
            this.problems.push(`contract ${e.contractId}: deltas do not rebuild the depth the event carries`);
          }
          break;
        }
        default:
          break;
      }
    }
  }

  /** Compares what the events said with what the engine holds now. */
  compare(engine: ExchangeEngine): string[] {
    const problems = [...this.problems];
    for (const [id, status] of this.status) {
      const order = engine.order(id);
      if (order?.status !== status) problems.push(`order ${id}: events say ${status}, engine says ${order?.status}`);
      if (order !== undefined && order.filled !== (this.executed.get(id) ?? 0n)) {
        problems.push(`order ${id}: filled ${order.filled}, executions reported ${this.executed.get(id) ?? 0n}`);
      }
    }
    for (const market of engine.markets()) {
      for (const c of engine.marketQuotes(market.id)?.contracts ?? []) {
        const d = this.#depth.get(c.contractId) ?? { bids: new Map(), offers: new Map() };
        if (!same(c.bids, aggregate(d.bids, Side.SIDE_BUY)) || !same(c.offers, aggregate(d.offers, Side.SIDE_SELL))) {
          problems.push(`contract ${c.contractId}: market-quotes differs from the depth built from deltas`);
        }
      }
    }
    return problems;
  }
}
