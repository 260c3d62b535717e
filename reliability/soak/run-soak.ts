// The soak: the client (with reconnect, used through its public API alone)
// talks to the simulated exchange through the fault proxy while a bot trades
// and the exchange's simulated traders make the market move. After the run
// the proxy heals, activity stops, and the checks run: exactly-once delivery
// across every reconnect, every request settled, the client's orders and book
// equal to the exchange's, nothing thrown where nobody catches it.
import { startExchange, type ExchangeHandle } from "../../exchange/index.js";
import { Prng } from "../../exchange/engine/index.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { bookMismatches } from "../checks/books.js";
import { checkDelivery, SentLog, type DeliveryReport } from "../checks/delivery.js";
import { orderMismatches } from "../checks/orders.js";
import { RequestLedger } from "../checks/request-ledger.js";
import { ProcessGuard } from "../common/process-guard.js";
import { describeBlock, ResourceMonitor, type ResourceFigures } from "../common/resource-monitor.js";
import type { Tally } from "../common/tally.js";
import { FaultDriver } from "../proxy/fault-driver.js";
import { FaultPlan } from "../proxy/fault-plan.js";
import { FaultProxy } from "../proxy/fault-proxy.js";
import { Bot } from "./bot.js";
import { ClientWatch } from "./client-watch.js";

export interface SoakOptions {
  readonly minutes: number;
  readonly seed: number;
  /** A run fails if the event loop was ever blocked longer than this. */
  readonly maxBlockMs: number;
  /** Print each fault as it is injected. */
  readonly verbose: boolean;
}

/** The client's settings in the soak: fast dead-peer detection, so black holes end in seconds. */
export const SOAK_CLIENT_SETTINGS = { heartbeatIntervalMs: 1_000, deadAfterMs: 4_000, loginTimeoutMs: 5_000 } as const;
export const SOAK_RECONNECT = { initialDelayMs: 100, maxDelayMs: 2_000 } as const;
/** The exchange's simulated traders act this often. */
const ACTIVITY_INTERVAL_MS = 100;
/** Longest the end of the run waits for the client to be back and caught up. */
const RECOVERY_MS = 60_000;

export interface SoakResult {
  readonly seed: number;
  readonly minutes: number;
  readonly faults: Tally;
  readonly connections: number;
  readonly statuses: Tally;
  readonly errors: Tally;
  readonly delivery: DeliveryReport;
  readonly requests: RequestLedger;
  readonly pendingAtEnd: { readonly inFlight: number; readonly queued: number };
  readonly ordersKnown: number;
  readonly orderMismatches: string[];
  readonly bookMismatches: string[];
  readonly resources: ResourceFigures;
  readonly violations: string[];
}

export async function runSoak(o: SoakOptions, log: (line: string) => void): Promise<SoakResult> {
  const guard = new ProcessGuard().install();
  const monitor = new ResourceMonitor().start();
  const started = performance.now();
  const stamp = (line: string) => log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  if (o.verbose) {
    monitor.onBlock = (b) => void b.detail().then((d) => stamp(`event loop blocked ${Math.round(b.blockMs)} ms (${Math.round(b.delayMs)} ms late by the wall clock; ${describeBlock(d)})`));
  }

  guard.during = "set-up";
  const exchange = await startExchange({ logger: silentLogger, activity: { seed: o.seed, intervalMs: ACTIVITY_INTERVAL_MS } });
  const sent = tapSent(exchange);
  let driver: FaultDriver | undefined;
  const proxy = await FaultProxy.start({ target: exchange, onLink: (link) => driver?.onLink(link) });
  driver = new FaultDriver(proxy, new FaultPlan(o.seed), o.verbose ? stamp : undefined);

  const jitter = new Prng(o.seed ^ 0x5eed);
  const client = new StreamingAPIClient(
    { username: "demo", password: "demo", host: proxy.host, port: proxy.port, tls: false, ...SOAK_CLIENT_SETTINGS },
    { logger: silentLogger, reconnect: { ...SOAK_RECONNECT, random: () => jitter.next() } },
  );
  const watch = new ClientWatch(client, o.verbose ? stamp : undefined);
  const ledger = new RequestLedger();
  await client.login();
  await ledger.track("subscribe", client.trading.subscribe(1));
  const accountId = exchange.accounts.find((a) => a.username === "demo")!.accountId;
  monitor.resetDelay();

  guard.during = "soak";
  const bot = new Bot(client, ledger, { seed: o.seed, loops: 3, maxResting: 6, maxPauseMs: 20 });
  driver.start();
  bot.start();
  await new Promise((resolve) => setTimeout(resolve, o.minutes * 60_000));

  guard.during = "recovery";
  const violations: string[] = [];
  driver.stop();
  await proxy.heal();
  await bot.stop();
  if (!(await watch.loggedIn(RECOVERY_MS))) violations.push(`the client was not logged in again within ${RECOVERY_MS / 1000} s of the faults ending`);
  exchange.setActivity(false);
  const caughtUp = await catchUp(client, exchange, sent, watch, ledger);
  if (!caughtUp) violations.push("the client did not catch up with what the exchange sent within the recovery time");

  guard.during = "checks";
  // The figures end here: what follows is the soak's own counting (tens of
  // thousands of payloads and orders compared), no block of the client's.
  const resources = monitor.stop();
  const current = client.resumeState.sessionId;
  const checkedTo = new Map<string, bigint>(current === undefined ? [] : [[current, sent.lastSeq(current)]]);
  const delivery = checkDelivery(sent, watch.delivered, checkedTo);
  const pendingAtEnd = { inFlight: client.trading.inFlight, queued: client.trading.queued };
  const orders = orderMismatches(client, exchange, accountId);
  const books = bookMismatches(client, exchange, 1);
  const ordersKnown = client.trading.orders.all().length;
  await ledger.track("logout", client.logout());
  await proxy.close();
  await exchange.close();
  guard.uninstall();

  if (delivery.lost > 0) violations.push(`${delivery.lost} payloads lost`);
  if (delivery.duplicated > 0) violations.push(`${delivery.duplicated} payloads delivered twice`);
  if (delivery.outOfOrder > 0) violations.push(`${delivery.outOfOrder} payloads out of order`);
  if (delivery.phantom > 0) violations.push(`${delivery.phantom} payloads delivered that were not sent as such`);
  if (delivery.conflicts > 0) violations.push(`${delivery.conflicts} seqs sent as two different payloads by the exchange`);
  const pending = ledger.pending();
  if (pending.length > 0) violations.push(`${pending.length} calls never settled (${pending.slice(0, 5).join(", ")})`);
  if (pendingAtEnd.inFlight + pendingAtEnd.queued > 0) violations.push(`trading still has ${pendingAtEnd.inFlight} requests in flight and ${pendingAtEnd.queued} queued`);
  for (const u of ledger.untyped) violations.push(`a call failed with an untyped error: ${u}`);
  for (const t of ledger.twice) violations.push(t);
  for (const u of watch.untypedErrors) violations.push(`errors() reported an untyped error: ${u}`);
  if (orders.length > 0) violations.push(`${orders.length} order-state mismatches with the exchange (${orders.slice(0, 3).join("; ")})`);
  if (books.length > 0) violations.push(`book of market 1 differs from the exchange's (${books.slice(0, 3).join("; ")})`);
  for (const c of guard.caught) violations.push(`${c.kind} during ${c.during}: ${c.error.split("\n")[0]}`);
  if (resources.maxBlockMs > o.maxBlockMs) violations.push(`the event loop was blocked for ${Math.round(resources.maxBlockMs)} ms (limit ${o.maxBlockMs} ms)`);

  return {
    seed: o.seed,
    minutes: o.minutes,
    faults: driver.injected,
    connections: proxy.connectionsSeen,
    statuses: watch.statuses,
    errors: watch.errors,
    delivery,
    requests: ledger,
    pendingAtEnd,
    ordersKnown,
    orderMismatches: orders,
    bookMismatches: books,
    resources,
    violations,
  };
}

/**
 * The exchange's side of delivery: every payload it writes to a session's
 * connection (first sending or replay), seen through its fault injector with
 * a rule that matches nothing — an observer, not a fault.
 */
function tapSent(exchange: ExchangeHandle): SentLog {
  const sent = new SentLog();
  exchange.faults.drop({
    match: (p, sessionId) => {
      if (sessionId !== undefined) sent.record(sessionId, p.seq, p.name);
      return false;
    },
  });
  return sent;
}

/**
 * Waits until nothing is in flight and the client has been given everything
 * the exchange sent its session: a ping (answered after everything queued
 * before it), then the pong's seq delivered. False if that takes too long.
 */
async function catchUp(client: StreamingAPIClient, exchange: ExchangeHandle, sent: SentLog, watch: ClientWatch, ledger: RequestLedger): Promise<boolean> {
  const deadline = performance.now() + RECOVERY_MS;
  while (performance.now() < deadline) {
    if (client.trading.inFlight + client.trading.queued === 0 && (await watch.loggedIn(1_000))) {
      await ledger.track("ping", client.ping({ timeoutMs: 5_000 }));
      const session = client.resumeState.sessionId;
      const got = session === undefined ? undefined : watch.delivered.sessions.get(session);
      if (session !== undefined && got !== undefined && got.lastSeq >= sent.lastSeq(session) && exchange.sessions.get(session)?.connected) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}
