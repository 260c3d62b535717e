// Read-only views of the live sessions, for tests and tools.
import type { ServerSession } from "./server-session.js";
import type { SessionRegistry } from "./session-registry.js";
import type { ExchangeStats } from "./stats.js";

/** One session of a running exchange: its id and account, whether it is connected, its sequence numbers and subscriptions. */
export interface SessionInfo {
  readonly id: string;
  readonly accountId: number;
  readonly username: string;
  /** False while the session waits to be resumed. */
  readonly connected: boolean;
  /** The seq the exchange expects next from the client. */
  readonly nextInSeq: bigint;
  /** The seq the exchange's next payload to the client gets. */
  readonly nextOutSeq: bigint;
  readonly markets: readonly number[];
  readonly events: readonly number[];
  readonly cancelAllOnFailure: boolean;
}

/** The sessions of a running exchange (`exchange.sessions`): list them, or disconnect one. */
export interface SessionsView {
  list(): SessionInfo[];
  get(id: string): SessionInfo | undefined;
  ofUser(username: string): SessionInfo[];
  /** Drops the session's connection without a logout (as a network failure would); false if it has none. */
  disconnect(id: string): boolean;
  /** Connections open now, logged in or not. */
  readonly connections: number;
  /** What the exchange holds now, in counts and bytes (sessions, replay stores, unread output). */
  stats(): ExchangeStats;
}

export function sessionInfo(s: ServerSession): SessionInfo {
  return {
    id: s.id,
    accountId: s.account.accountId,
    username: s.account.username,
    connected: s.connected,
    nextInSeq: s.core.nextInSeq,
    nextOutSeq: s.core.nextOutSeq,
    markets: [...s.markets],
    events: [...s.events],
    cancelAllOnFailure: s.cancelAllOnFailure,
  };
}

export function sessionsView(
  registry: SessionRegistry,
  connections: () => number,
  disconnect: (s: ServerSession) => boolean,
  stats: () => ExchangeStats,
): SessionsView {
  return {
    stats,
    list: () => registry.all().map(sessionInfo),
    get: (id) => {
      const s = registry.get(id);
      return s === undefined ? undefined : sessionInfo(s);
    },
    ofUser: (username) => registry.all().filter((s) => s.account.username === username).map(sessionInfo),
    disconnect: (id) => {
      const s = registry.get(id);
      return s !== undefined && disconnect(s);
    },
    get connections() {
      return connections();
    },
  };
}
