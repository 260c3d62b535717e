// What the exchange holds, in counts and bytes, for tests, tools and soak
// runs: every bound on its memory can be checked from here without
// reaching into its internals.

/** What a running exchange holds, in counts and bytes (`exchange.stats()`): every bound on its memory, checkable from outside. */
export interface ExchangeStats {
  /** Connections open now, logged in or not. */
  readonly connections: number;
  /** Connections refused since the start for maxConnections. */
  readonly connectionsRefused: number;
  readonly sessions: number;
  readonly connectedSessions: number;
  /** Sessions left without logout, waiting to be resumed. */
  readonly waitingSessions: number;
  /** Waiting sessions ended since the start to make room for new ones (maxSessionsPerAccount, maxSessions). */
  readonly sessionsEvicted: number;
  /** Logins refused since the start because every session in the way was connected. */
  readonly loginsRefused: number;
  /** Sent payloads kept for replays, over all sessions. */
  readonly storedPayloads: number;
  /** Their bytes, bookkeeping included (what outgoingStoreBytes caps per session). */
  readonly storedBytes: number;
  /** Bytes written to connections and not yet taken by the clients (what maxBufferedOutBytes caps per connection). */
  readonly bufferedOutBytes: number;
  /** Live orders in the engine, over all accounts. */
  readonly liveOrders: number;
}

/** The counters the exchange keeps as things happen (the rest of ExchangeStats is read off its state). */
export class ExchangeCounters {
  connectionsRefused = 0;
  sessionsEvicted = 0;
  loginsRefused = 0;
}
