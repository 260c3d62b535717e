// Issue 11, defect 4, scaled down: hundreds of short-lived misbehaving
// clients (abandoned logins — the case —, replay storms, slow
// readers, gaps, garbage, huge and partial frames, bad logins; see
// scripts/exchange-soak/garbage-clients.ts) against an exchange with small
// limits. After every 100 connections and at the end, every bound holds on
// the counts and bytes the exchange reports. (`npm run soak:exchange` runs
// the same with the default limits over 20 000 connections and prints RSS.)
import test from "ava";
import { resolveExchangeOptions, type ExchangeOptions } from "../../exchange/server/options.js";
import { brokenBounds } from "../../scripts/exchange-soak/bounds.js";
import { BEHAVIOURS, runGarbageClients } from "../../scripts/exchange-soak/garbage-clients.js";
import { ALICE, BOB, eventually, setup } from "./helpers/setup.js";

test("600 garbage connections: sessions, stored bytes, unread bytes, connections and live orders stay within their limits", async (t) => {
  const options: ExchangeOptions = {
    maxSessionsPerAccount: 3,
    maxSessions: 5,
    outgoingStoreBytes: 16 * 1024,
    maxBufferedOutBytes: 64 * 1024,
    maxConnections: 20,
    maxLiveOrdersPerAccount: 50,
  };
  const { exchange } = await setup(t, options);
  const limits = resolveExchangeOptions(options);
  const broken: string[] = [];
  const result = await runGarbageClients({
    host: exchange.host,
    port: exchange.port,
    accounts: [ALICE, BOB],
    connections: 600,
    concurrency: 10,
    seed: 7,
    progress: { every: 100, report: () => broken.push(...brokenBounds(exchange, limits)) },
  });
  await eventually(() => exchange.sessions.connections === 0);
  const stats = exchange.sessions.stats();
  broken.push(...brokenBounds(exchange, limits, stats));
  t.deepEqual(broken, []);
  t.deepEqual(result.failures, []);
  t.true(BEHAVIOURS.every((b) => result.byBehaviour[b] > 0), "every behaviour ran");
  t.true(stats.sessionsEvicted > 100, `${stats.sessionsEvicted} abandoned sessions ended to make room`);
  t.is(stats.bufferedOutBytes, 0);
  t.log(JSON.stringify(stats));
});
