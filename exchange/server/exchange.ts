// The simulated exchange's network side, wired together: the engine, the
// accounts and their credentials, the session registry, the request desk and
// the publisher, and the hooks the connections and sessions call.
import type { Socket } from "node:net";
import * as eto from "../../generated/eto.js";
import { isTick } from "../../runtime/odds/index.js";
import type { IncomingPayload } from "../../runtime/payload/incoming.js";
import { ExchangeEngine } from "../engine/index.js";
import { ActivityDriver } from "./activity-driver.js";
import { CredentialBook } from "./credentials.js";
import { FaultInjector } from "./faults.js";
import { ClientLink, refuseSocket, type LinkHost } from "./client-link.js";
import { admit } from "./login-gate.js";
import type { ResolvedExchangeOptions } from "./options.js";
import { Publisher } from "./publisher.js";
import { RequestDesk } from "./request-desk.js";
import type { SessionEnd, SessionHost } from "./session-events.js";
import { SessionRegistry } from "./session-registry.js";
import { ServerSession } from "./server-session.js";
import { ExchangeCounters, type ExchangeStats } from "./stats.js";

/** Endings that count as the session failing, for settings' cancel_all_on_failure. */
const FAILURES: ReadonlySet<SessionEnd> = new Set(["heartbeat-timeout", "violation"]);

export class Exchange implements LinkHost, SessionHost {
  readonly engine: ExchangeEngine;
  readonly faults = new FaultInjector();
  readonly sessions = new SessionRegistry();
  readonly links = new Set<ClientLink>();
  readonly credentials: CredentialBook;
  /** Engine account id of each configured account, in the configured order. */
  readonly accountIds: readonly number[];
  readonly publisher: Publisher;
  readonly desk: RequestDesk;
  readonly activity: ActivityDriver;
  readonly counters = new ExchangeCounters();
  #nextLinkId = 1;
  #nextSessionNo = 1;
  #closing = false;
  readonly #idle: (() => void)[] = [];

  constructor(readonly options: ResolvedExchangeOptions) {
    const o = options;
    this.engine = new ExchangeEngine({
      isTick,
      clock: o.clock,
      publishedDepth: o.quoteDepth,
      firstOrderId: o.firstOrderId,
      maxLiveOrdersPerAccount: o.maxLiveOrdersPerAccount,
      ...(o.catalogue ? { catalogue: o.catalogue } : {}),
      accounts: o.accounts.map((a) => ({ username: a.username, balance: a.balance })),
    });
    this.accountIds = o.accounts.map((a) => (this.engine.accountByUsername(a.username) as { id: number }).id);
    this.credentials = new CredentialBook(o.accounts, this.accountIds);
    this.publisher = new Publisher(this.sessions, this.engine);
    this.desk = new RequestDesk(this.engine, this.publisher);
    this.activity = new ActivityDriver(
      this.engine,
      (events) => this.publisher.publish(events),
      o.clock,
      o.activity === false ? { seed: 1, intervalMs: 1_000 } : o.activity,
      o.logger,
    );
  }

  /** A new client connection. */
  accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy();
      return;
    }
    if (this.links.size >= this.options.maxConnections) {
      this.counters.connectionsRefused += 1;
      this.options.logger.warn({ remote: socket.remoteAddress, limit: this.options.maxConnections }, "connection refused: maxConnections open");
      refuseSocket(socket);
      return;
    }
    this.links.add(new ClientLink(this.#nextLinkId++, socket, this));
  }

  /** Logs every session out (LOGOUT_DOWNTIME), ends them, and closes every connection. */
  shutdown(): void {
    this.#closing = true;
    this.activity.stop();
    for (const s of this.sessions.all()) s.logout(eto.LogoutReason.LOGOUT_DOWNTIME, "shutdown", "the exchange is closing");
    for (const link of this.links) if (link.session === undefined) link.drop("the exchange is closing");
  }

  // ---- LinkHost ----

  first(link: ClientLink, payload: Uint8Array): void {
    const verdict = admit(payload, this.credentials, this.sessions);
    if (verdict.kind === "refuse") {
      link.refuse(verdict.reason, verdict.why);
      return;
    }
    let session: ServerSession;
    if (verdict.kind === "new") {
      if (!this.#makeRoom(verdict.account.accountId)) {
        this.counters.loginsRefused += 1;
        link.refuse(
          eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE,
          `no room for another session: the account's sessions (at most ${this.options.maxSessionsPerAccount}) or all sessions (at most ${this.options.maxSessions}) are connected`,
        );
        return;
      }
      const sessionNo = this.#nextSessionNo++;
      const logger = this.options.logger.child?.({ sessionNo, user: verdict.account.username }) ?? this.options.logger;
      session = new ServerSession(this.sessions.newId(), verdict.account, { ...this.options, logger }, this);
      this.sessions.add(session);
    } else {
      session = verdict.session;
    }
    link.attach(session);
    session.attach(link, payload, verdict.accountSequence);
  }

  closed(link: ClientLink): void {
    this.links.delete(link);
    if (this.links.size === 0) for (const wake of this.#idle.splice(0)) wake();
  }

  /** Resolves once no connection is open. */
  whenNoConnections(): Promise<void> {
    return this.links.size === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.push(resolve));
  }

  // ---- SessionHost ----

  request(session: ServerSession, payload: IncomingPayload): void {
    this.desk.handle(session, payload);
  }

  loggedIn(session: ServerSession, accountSequence: bigint | undefined): void {
    if (accountSequence !== undefined) this.publisher.replayAccount(session, accountSequence);
  }

  dropped(session: ServerSession): void {
    this.#cancelOnFailure(session, "connection lost");
  }

  ended(session: ServerSession, how: SessionEnd): void {
    this.sessions.remove(session);
    session.log.info({ how }, "session ended");
    if (FAILURES.has(how)) this.#cancelOnFailure(session, how);
  }

  /** What the exchange holds now, in counts and bytes. */
  stats(): ExchangeStats {
    let connectedSessions = 0;
    let storedPayloads = 0;
    let storedBytes = 0;
    for (const s of this.sessions.all()) {
      if (s.connected) connectedSessions += 1;
      storedPayloads += s.store.size;
      storedBytes += s.store.bytes;
    }
    let bufferedOutBytes = 0;
    for (const link of this.links) bufferedOutBytes += link.bufferedOutBytes;
    return {
      connections: this.links.size,
      connectionsRefused: this.counters.connectionsRefused,
      sessions: this.sessions.size,
      connectedSessions,
      waitingSessions: this.sessions.size - connectedSessions,
      sessionsEvicted: this.counters.sessionsEvicted,
      loginsRefused: this.counters.loginsRefused,
      storedPayloads,
      storedBytes,
      bufferedOutBytes,
      liveOrders: this.engine.liveOrders().length,
    };
  }

  /**
   * Ends the sessions waiting longest to be resumed until one more session of
   * the account fits the limits; false (nothing ended) if connected sessions
   * fill them.
   */
  #makeRoom(accountId: number): boolean {
    const evict = this.sessions.roomFor(accountId, this.options);
    if (evict === undefined) return false;
    for (const s of evict) {
      this.counters.sessionsEvicted += 1;
      s.log.info({ limitPerAccount: this.options.maxSessionsPerAccount, limit: this.options.maxSessions }, "session waiting to be resumed ended to make room for a new one");
      s.end("evicted");
    }
    return true;
  }

  #cancelOnFailure(session: ServerSession, why: string): void {
    if (!session.cancelAllOnFailure || this.#closing) return;
    session.log.info({ why }, "cancel_all_on_failure: cancelling the account's orders");
    this.publisher.publish(this.engine.cancelAll({ accountId: session.account.accountId }).events);
  }
}
