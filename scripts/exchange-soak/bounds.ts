// The exchange's memory bounds, checked on what it reports: after any mix of
// clients, each limit holds. Returns what broke (empty when all hold).
import type { ExchangeHandle, ExchangeStats } from "../../exchange/index.js";
import type { ResolvedExchangeOptions } from "../../exchange/server/options.js";

export type Limits = Pick<
  ResolvedExchangeOptions,
  "maxSessions" | "maxSessionsPerAccount" | "outgoingStoreBytes" | "maxConnections" | "maxBufferedOutBytes" | "maxLiveOrdersPerAccount"
>;

export function brokenBounds(exchange: ExchangeHandle, limits: Limits, stats: ExchangeStats = exchange.sessions.stats()): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) broken.push(what);
  };
  check(stats.sessions <= limits.maxSessions, `${stats.sessions} sessions (maxSessions ${limits.maxSessions})`);
  for (const a of exchange.accounts) {
    const sessions = exchange.sessions.ofUser(a.username).length;
    check(sessions <= limits.maxSessionsPerAccount, `${a.username} has ${sessions} sessions (maxSessionsPerAccount ${limits.maxSessionsPerAccount})`);
    const live = exchange.engine.liveOrders({ accountId: a.accountId }).length;
    check(live <= limits.maxLiveOrdersPerAccount, `${a.username} has ${live} live orders (maxLiveOrdersPerAccount ${limits.maxLiveOrdersPerAccount})`);
  }
  check(
    stats.storedBytes <= stats.sessions * limits.outgoingStoreBytes,
    `${stats.storedBytes} bytes stored for ${stats.sessions} sessions (outgoingStoreBytes ${limits.outgoingStoreBytes} each)`,
  );
  check(stats.connections <= limits.maxConnections, `${stats.connections} connections (maxConnections ${limits.maxConnections})`);
  // A write may overshoot the cap by the frame that crossed it, before the connection is cut.
  check(
    stats.bufferedOutBytes <= stats.connections * (limits.maxBufferedOutBytes + 64 * 1024),
    `${stats.bufferedOutBytes} bytes unread over ${stats.connections} connections (maxBufferedOutBytes ${limits.maxBufferedOutBytes} each)`,
  );
  return broken;
}
