// Shared set-up for the trading layer's integration tests: the in-process
// exchange, clients logged in to it, a status recorder to await states on,
// and comparisons of what the client knows with the exchange's own view.
import type { ExecutionContext } from "ava";
import type { ExchangeHandle } from "../../exchange/index.js";
import * as seto from "../../generated/seto.js";
import type { ClientOptions, ClientStatus, StreamingAPIClient } from "../../runtime/client/index.js";
import type { SessionSettings } from "../../runtime/session/settings.js";
import { bookMismatches } from "../../reliability/checks/books.js";
import { orderMismatches } from "../../reliability/checks/orders.js";
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

export { orderMismatches } from "../../reliability/checks/orders.js";
export { levels } from "../../reliability/checks/books.js";

/** Asserts `orderMismatches` finds nothing. */
export function assertOrdersMatch(t: ExecutionContext, client: StreamingAPIClient, ex: ExchangeHandle, accountId: number, label = ""): void {
  t.deepEqual(orderMismatches(client, ex, accountId), [], `${label}the client's orders are the exchange's`);
}

/**
 * Asserts the client's book of `marketId` is the exchange's: every level of
 * every contract, the last execution, high and low, and the market's
 * executed volume (see bookMismatches).
 */
export function assertBooksMatch(t: ExecutionContext, client: StreamingAPIClient, ex: ExchangeHandle, marketId: number, label = ""): void {
  t.deepEqual(bookMismatches(client, ex, marketId), [], `${label}market ${marketId}: the client's book is the exchange's`);
}

/** The engine id of a configured account. */
export function accountId(ex: ExchangeHandle, username: string): number {
  const info = ex.accounts.find((a) => a.username === username);
  if (info === undefined) throw new Error(`no account ${username} at the exchange`);
  return info.accountId;
}

export const BUY = seto.Side.SIDE_BUY;
export const SELL = seto.Side.SIDE_SELL;
