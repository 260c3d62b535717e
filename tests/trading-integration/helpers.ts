// Shared set-up for the trading layer's integration tests: the in-process
// exchange, clients logged in to it, a status recorder to await states on,
// and comparisons of what the client knows with the exchange's own view.
import type { ExecutionContext } from "ava";
import type { ExchangeHandle } from "../../exchange/index.js";
import { averagePrice, type OrderView as EngineOrderView } from "../../exchange/engine/index.js";
import * as seto from "../../generated/seto.js";
import type { ClientOptions, ClientStatus, StreamingAPIClient } from "../../runtime/client/index.js";
import type { SessionSettings } from "../../runtime/session/settings.js";
import type { OrderView, OrderStatus } from "../../runtime/trading/index.js";
import { clientFor } from "../client/helpers.js";

export { exchange, first } from "../client/helpers.js";

/** An exchange throttle no test here comes near, for tests that are not about pacing. */
export const GENEROUS_THROTTLE = { averageRatePs: 100_000, burstSize: 100_000, tickMs: 100 } as const;

/** A second account of the default exchange. */
export const DEMO2: SessionSettings = { username: "demo2", password: "demo2" };

/** Every status a client reports, kept in order, with a way to await one. */
export class StatusLog {
  readonly all: ClientStatus[] = [];
  readonly #waiters: { pick: (s: ClientStatus) => boolean; from: number; resolve: (s: ClientStatus) => void }[] = [];

  constructor(client: StreamingAPIClient) {
    void (async () => {
      for await (const s of client.statuses()) {
        this.all.push(s);
        for (const w of [...this.#waiters]) {
          if (this.all.length - 1 >= w.from && w.pick(s)) {
            this.#waiters.splice(this.#waiters.indexOf(w), 1);
            w.resolve(s);
          }
        }
      }
    })();
  }

  /** The states seen so far, in order. */
  get states(): string[] {
    return this.all.map((s) => s.state);
  }

  /** Resolves with the first status from now on (or from index `from`) that `pick` accepts. */
  next(pick: (s: ClientStatus) => boolean, from = this.all.length): Promise<ClientStatus> {
    const seen = this.all.slice(from).find(pick);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.#waiters.push({ pick, from, resolve }));
  }
}

/** Collects a client's errors() stream. */
export function collectErrors(client: StreamingAPIClient): Error[] {
  const errors: Error[] = [];
  void (async () => {
    for await (const e of client.errors()) errors.push(e);
  })();
  return errors;
}

/** A client of `ex` (account demo unless `settings` say otherwise), logged in. */
export async function loggedIn(ex: ExchangeHandle, settings: SessionSettings = {}, options: ClientOptions = {}): Promise<StreamingAPIClient> {
  const client = clientFor(ex, settings, options);
  await client.login();
  return client;
}

/**
 * Waits until everything the exchange sent this client before now has been
 * handled: the exchange answers a ping after whatever it queued earlier, on
 * the same ordered connection.
 */
export async function settled(...clients: StreamingAPIClient[]): Promise<void> {
  await Promise.all(clients.map((c) => c.ping()));
}

/**
 * Resolves once `condition` holds, checking after each turn of the event loop:
 * for state only the exchange's side shows, which has no event to await.
 */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

/** The exchange's order statuses each client status corresponds to. */
const engineStatusOf: Readonly<Record<OrderStatus, EngineOrderView["status"] | undefined>> = {
  pending: undefined,
  "outcome-unknown": undefined,
  expired: undefined,
  live: "live",
  "partially-executed": "live",
  executed: "filled",
  reduced: "filled",
  cancelled: "cancelled",
  replaced: "replaced",
  voided: undefined,
  rejected: undefined,
  invalid: undefined,
};

/**
 * Where the client's view of one account's orders differs from the
 * exchange's (empty when it does not): the orders resting, and for every
 * order the client knows by id its status, size, executed quantity and
 * average price, and what is left open.
 */
export function orderMismatches(client: StreamingAPIClient, ex: ExchangeHandle, accountId: number): string[] {
  const out: string[] = [];
  const ids = (list: bigint[]) => list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(",");
  const clientLive = ids(client.trading.orders.live().map((o) => o.orderId!));
  const engineLive = ids(ex.engine.liveOrders({ accountId }).map((o) => o.id));
  if (clientLive !== engineLive) out.push(`resting orders: client [${clientLive}], exchange [${engineLive}]`);
  for (const o of client.trading.orders.all()) {
    if (o.orderId === undefined || o.status === "rejected" || o.status === "invalid") {
      // Refused before it began (a refused replacement has an id the exchange never opened).
      if (o.status !== "rejected" && o.status !== "invalid") out.push(`order with reference ${o.reference} has no id but status ${o.status}`);
      else if (o.orderId !== undefined && ex.engine.order(o.orderId) !== undefined) out.push(`refused order ${o.orderId} is open at the exchange`);
      continue;
    }
    const e = ex.engine.order(o.orderId);
    if (e === undefined) {
      out.push(`order ${o.orderId} (${o.status}) is unknown to the exchange`);
      continue;
    }
    const mine = JSON.stringify(orderFacts(o), showBigint);
    const theirs = JSON.stringify(engineFacts(e), showBigint);
    if (mine !== theirs) out.push(`order ${o.orderId}: client ${mine}, exchange ${theirs}`);
  }
  return out;
}

/** Asserts `orderMismatches` finds nothing. */
export function assertOrdersMatch(t: ExecutionContext, client: StreamingAPIClient, ex: ExchangeHandle, accountId: number, label = ""): void {
  t.deepEqual(orderMismatches(client, ex, accountId), [], `${label}the client's orders are the exchange's`);
}

const showBigint = (_key: string, value: unknown): unknown => (typeof value === "bigint" ? `${value}n` : value);

function orderFacts(o: OrderView) {
  return {
    status: engineStatusOf[o.status] ?? o.status,
    marketId: o.marketId,
    contractId: o.contractId,
    side: o.side,
    price: o.price,
    quantity: o.quantity,
    executed: o.executedQuantity,
    remaining: o.remainingQuantity,
    // The client's exact average, rounded as the exchange rounds its own.
    averagePrice: averagePrice(o.executedValue, o.executedQuantity),
  };
}

function engineFacts(e: EngineOrderView) {
  return {
    status: e.status,
    marketId: e.marketId,
    contractId: e.contractId,
    side: e.side,
    price: e.price,
    quantity: e.quantity,
    executed: e.filled,
    // An ended order has nothing open, whatever its size says.
    remaining: e.status === "live" ? e.remaining : 0n,
    averagePrice: e.executedAvgPrice,
  };
}

/** Price and quantity of each level, for comparing books. */
export function levels(list: readonly { price: number; quantity: bigint }[]): [number, bigint][] {
  return list.map((l) => [l.price, l.quantity]);
}

/**
 * Asserts the client's book of `marketId` is the exchange's: every level of
 * every contract (the client must keep full depth: the exchange publishes
 * it), the last execution, high and low, and the market's executed volume.
 */
export function assertBooksMatch(t: ExecutionContext, client: StreamingAPIClient, ex: ExchangeHandle, marketId: number, label = ""): void {
  const truth = ex.engine.marketQuotes(marketId);
  const market = client.trading.books.market(marketId);
  if (truth === undefined || market === undefined) {
    t.fail(`${label}market ${marketId}: exchange ${truth === undefined ? "has no such market" : "ok"}, client ${market === undefined ? "has no book" : "ok"}`);
    return;
  }
  t.false(market.stale, `${label}the book is current`);
  t.is(market.executedVolume, truth.executedVolume, `${label}market ${marketId} executed volume`);
  for (const c of truth.contracts) {
    const book = client.trading.books.contract(marketId, c.contractId);
    t.deepEqual(levels(book?.bids ?? []), levels(c.bids), `${label}contract ${c.contractId} bids`);
    t.deepEqual(levels(book?.offers ?? []), levels(c.offers), `${label}contract ${c.contractId} offers`);
    t.deepEqual(
      book?.lastExecution && { price: book.lastExecution.price, quantity: book.lastExecution.quantity },
      c.lastExecution && { price: c.lastExecution.price, quantity: c.lastExecution.quantity },
      `${label}contract ${c.contractId} last execution`,
    );
    t.is(book?.highPrice, c.highPrice, `${label}contract ${c.contractId} high`);
    t.is(book?.lowPrice, c.lowPrice, `${label}contract ${c.contractId} low`);
  }
}

/** The engine id of a configured account. */
export function accountId(ex: ExchangeHandle, username: string): number {
  const info = ex.accounts.find((a) => a.username === username);
  if (info === undefined) throw new Error(`no account ${username} at the exchange`);
  return info.accountId;
}

export const BUY = seto.Side.SIDE_BUY;
export const SELL = seto.Side.SIDE_SELL;
