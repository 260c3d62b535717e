// The client role on top of the session core: login (fresh, token, resumed),
// ping with round-trip time, logout, and the session state a reconnecting
// client needs. Everything else — sequencing, replays, heartbeats — is the
// core's, shared with the server role.
import * as eto from "../../generated/eto.js";
import { systemClock, type Clock } from "../clock.js";
import { LoginError, LoginTimeout, ProtocolError, SocketDisconnected, TimeoutError, type SmarketsError } from "../errors.js";
import { logoutPayload, pingPayload, type UnsequencedPayload } from "../payload/encode.js";
import type { IncomingPayload } from "../payload/incoming.js";
import { payloadName } from "../payload/names.js";
import { awaitable, type Awaitable, type CallOptions } from "./awaitable.js";
import { PingTracker } from "./ping-tracker.js";
import { checkSendable } from "./sendable.js";
import { SessionCore } from "./core.js";
import type { DeliveryLedger } from "./delivery-ledger.js";
import { SessionStateError } from "./errors.js";
import { describeLogoutReason, loginPayload, type LoginInfo } from "./login.js";
import { silentLogger, type Logger } from "./logger.js";
import { MemoryOutgoingStore, type OutgoingStore } from "./outgoing-store.js";
import type { FrameSink } from "../framing/index.js";
import { asSmarketsError, guardListener, type PayloadSink, type SessionListener, type SessionOutput } from "./ports.js";
import { resolveSessionSettings, type ResolvedSessionSettings, type SessionSettings } from "./settings.js";
import type { SessionStatus } from "./status.js";

/** The session's state as `client.state` reports it. */
export type ClientState = "disconnected" | "connected" | "logging-in" | "logged-in" | "logging-out" | "logged-out";

/** What a new connection needs to resume this session. */
export interface ResumeState {
  /** Undefined until a login response named the session. */
  readonly sessionId: string | undefined;
  readonly nextInSeq: bigint;
  readonly nextOutSeq: bigint;
}

/** What a {@link Session} is built from: settings, where its bytes go, who hears its events, clock, logger, outgoing store. */
export interface SessionOptions {
  readonly settings: SessionSettings;
  readonly output: SessionOutput;
  /** Receives every incoming payload, in seq order (the client's handler registry). */
  readonly sink: PayloadSink;
  readonly listener: SessionListener;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** Where sent payloads are kept for replays; default a MemoryOutgoingStore of `outgoingStoreSize` payloads and `outgoingStoreBytes`. */
  readonly store?: OutgoingStore;
  /** Records, ahead of delivery, how far it may have gone (a durable session store); default none. */
  readonly ledger?: DeliveryLedger;
  /** Incoming payloads below this seq may have been delivered by an earlier process (from a durable store): flagged `redelivered`. */
  readonly redeliveredBelow?: bigint;
}

/**
 * The client role of the eto session on an injected clock, without sockets: login and resume, ping, logout, sequencing through {@link SessionCore}.
 * It is also where the link's frame decoder hands each payload (`frame`, the same as `receive`).
 */
export class Session implements FrameSink {
  readonly settings: ResolvedSessionSettings;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #listener: SessionListener;
  readonly #core: SessionCore;
  #state: ClientState = "disconnected";
  #sessionId: string | undefined;
  /** Sent with logins until one succeeds: once a session exists, the eto replay covers account events. */
  #accountSequence: bigint | undefined;
  /** The session the login in flight asked to resume. */
  #resuming: string | undefined;
  #login: Awaitable<LoginInfo> | undefined;
  #logout: Awaitable<eto.LogoutReason | undefined> | undefined;
  #lastLogoutReason: eto.LogoutReason | undefined;
  readonly #pings: PingTracker;

  constructor(o: SessionOptions) {
    this.settings = resolveSessionSettings(o.settings);
    const s = this.settings;
    this.#clock = o.clock ?? systemClock;
    this.#logger = o.logger ?? silentLogger;
    this.#listener = guardListener(o.listener, this.#logger);
    this.#sessionId = s.sessionId;
    this.#accountSequence = s.accountSequence;
    this.#pings = new PingTracker(this.#clock);
    this.#core = new SessionCore({
      clock: this.#clock,
      output: o.output,
      sink: o.sink,
      listener: this.#listener,
      logger: this.#logger,
      store: o.store ?? new MemoryOutgoingStore(s.outgoingStoreSize, s.outgoingStoreBytes),
      ledger: o.ledger,
      redeliveredBelow: o.redeliveredBelow,
      nextInSeq: s.inSeq,
      nextOutSeq: s.outSeq,
      heartbeatIntervalMs: s.heartbeatIntervalMs,
      deadAfterMs: s.deadAfterMs,
      replayTimeoutMs: s.replayTimeoutMs,
      maxHeldPayloads: s.maxHeldPayloads,
      maxHeldBytes: s.maxHeldBytes,
      maxPeerFaults: s.maxPeerFaults,
      maxReplayBytes: s.maxReplayBytes,
      maxReplayPayloads: s.maxReplayPayloads,
      onLive: (p) => this.#onLive(p),
    });
  }

  get state(): ClientState {
    return this.#state;
  }

  /** The seq at which delivery stopped because its handlers failed (onHandlerError "stop"); undefined while it flows. */
  get haltedAt(): bigint | undefined {
    return this.#core.haltedAt;
  }

  /** Pings sent and waiting for their pong. */
  get pingsWaiting(): number {
    return this.#pings.waiting;
  }

  get resumeState(): ResumeState {
    return { sessionId: this.#sessionId, nextInSeq: this.#core.nextInSeq, nextOutSeq: this.#core.nextOutSeq };
  }

  // ---- inputs from the client ----

  /** The transport connected. Next: `login()`. */
  connected(): void {
    if (this.#state !== "disconnected") {
      throw new SessionStateError(`connected() called while the session is ${this.#state}`, this.#state);
    }
    this.#core.open();
    this.#setState("connected", { state: "connected" });
  }

  /** One complete incoming payload (a frame body). */
  receive(bytes: Uint8Array): void {
    this.#core.receive(bytes);
  }

  /**
   * An inbound chunk arrived (proof of life, noted once for the chunk); its
   * payloads follow through `frame`. The link calls this before handing the
   * chunk to its frame decoder, whose sink this session is.
   */
  chunkArrived(): void {
    this.#core.arrived();
  }

  /** FrameSink: a payload of the chunk announced by `chunkArrived` (otherwise as `receive`). */
  frame(payload: Uint8Array): void {
    this.#core.receiveAt(payload, 0, payload.length, true);
  }

  /** FrameSink: `frame` for the payload `bytes[start, end)`, without a view made for it. */
  frameAt(bytes: Uint8Array, start: number, end: number): void {
    this.#core.receiveAt(bytes, start, end, true);
  }

  /** Delivers at most `limit` more payloads until called again (see SessionCore.limitDelivery). */
  limitDelivery(limit: number): void {
    this.#core.limitDelivery(limit);
  }

  /** Payloads received and waiting for a delivery limit to be raised. */
  get waiting(): number {
    return this.#core.waiting;
  }

  /** The transport closed. Pending calls settle; the session can be resumed on a new connection. */
  disconnected(cause?: unknown): void {
    if (this.#state === "disconnected") return;
    this.#core.close();
    if (this.#sessionId === undefined) {
      // No session was established: the next login starts a new one, at seq 1.
      this.#core.restart(1n, 1n);
    }
    this.#login?.reject(new LoginError("connection closed before the login response", undefined, { cause }));
    this.#login = undefined;
    this.#pings.failAll(() => new SocketDisconnected("connection closed before the pong arrived", undefined, undefined, { cause }));
    this.#logout?.resolve(undefined);
    this.#logout = undefined;
    this.#setState("disconnected", cause === undefined ? { state: "disconnected" } : { state: "disconnected", cause });
  }

  // ---- API ----

  /**
   * Logs in: resumes the known session (id and seqs) if there is one, else
   * starts a new one. Rejects with LoginError (with the exchange's logout
   * reason) if refused, LoginTimeout after `loginTimeoutMs` (or
   * `options.timeoutMs`), AbortedError if `options.signal` aborts.
   */
  login(options?: CallOptions): Promise<LoginInfo> {
    if (this.#state !== "connected") {
      return Promise.reject(new SessionStateError(`login needs a new connection; the session is ${this.#state}`, this.#state));
    }
    const call = awaitable<LoginInfo>(this.#clock, "login", options, {
      defaultTimeoutMs: this.settings.loginTimeoutMs,
      timeoutError: (ms) => new LoginTimeout(`no login response within ${ms} ms`, ms),
      onAbandon: () => {
        if (this.#login === call) this.#login = undefined;
      },
    });
    if (call.settled) return call.promise;
    const s = this.settings;
    const payload = loginPayload(s, { sessionId: this.#sessionId, accountSequence: this.#accountSequence });
    this.#resuming = this.#sessionId;
    this.#login = call;
    this.#setState("logging-in", { state: "logging-in", resuming: this.#sessionId !== undefined });
    try {
      this.#core.send(payload, true);
    } catch (e) {
      this.#login = undefined;
      this.#state = "connected";
      call.reject(asSmarketsError(e, "sending the login"));
      return call.promise;
    }
    return call.promise;
  }

  /**
   * Sends a payload (numbered by the session, written without forcing a
   * flush); returns its seq. Throws SessionStateError unless logged in,
   * ArgumentError for a payload the session does not let callers send.
   */
  send(payload: UnsequencedPayload): bigint {
    if (this.#state !== "logged-in") {
      const name = payloadName(payload.type, payload.etoPayload?.type);
      throw new SessionStateError(`cannot send ${name}: the session is ${this.#state}, not logged-in`, this.#state);
    }
    checkSendable(payload);
    return this.#core.send(payload, false);
  }

  /**
   * Pings the peer; resolves with the round-trip time in ms on the session's
   * clock. Rejects with TimeoutError after `pingTimeoutMs` (or
   * `options.timeoutMs`); a pong arriving later still answers this ping.
   */
  ping(options?: CallOptions): Promise<number> {
    if (this.#state !== "logged-in") {
      return Promise.reject(new SessionStateError(`cannot ping: the session is ${this.#state}, not logged-in`, this.#state));
    }
    let timedOut = false;
    // (Given up before it is made — an aborted signal, a bad timeout — it was never in the line.)
    let made: Awaitable<number> | undefined;
    const call = awaitable<number>(this.#clock, "ping", options, {
      defaultTimeoutMs: this.settings.pingTimeoutMs,
      timeoutError: (ms) => {
        timedOut = true;
        return new TimeoutError(`ping did not complete within ${ms} ms: no pong from the peer`, ms);
      },
      // Out of the line of pings waiting for a pong (see ping-tracker.ts).
      onAbandon: () => {
        if (made !== undefined) this.#pings.givenUp(made, timedOut);
      },
    });
    made = call;
    if (call.settled) return call.promise;
    const sentAt = this.#clock.now();
    try {
      this.#core.send(pingPayload(), true);
    } catch (e) {
      call.reject(asSmarketsError(e, "sending a ping"));
      return call.promise;
    }
    this.#pings.sent(call, sentAt, options?.timeoutMs ?? this.settings.pingTimeoutMs);
    return call.promise;
  }

  /**
   * Logs out (reason LOGOUT_NONE). Resolves with the reason of the peer's
   * logout (normally LOGOUT_CONFIRMATION), or undefined if the connection
   * closed first or there was no session to log out of. Rejects with
   * TimeoutError after `logoutTimeoutMs` (or `options.timeoutMs`): the client
   * then closes the connection all the same.
   */
  logout(options?: CallOptions): Promise<eto.LogoutReason | undefined> {
    switch (this.#state) {
      case "disconnected":
      case "connected":
        return Promise.resolve(undefined);
      case "logged-out":
        return Promise.resolve(this.#lastLogoutReason);
      case "logging-out":
        if (this.#logout) return this.#logout.promise;
        break;
      default:
        break;
    }
    const call = awaitable<eto.LogoutReason | undefined>(this.#clock, "logout", options, {
      defaultTimeoutMs: this.settings.logoutTimeoutMs,
      timeoutError: (ms) => new TimeoutError(`logout did not complete within ${ms} ms: no logout confirmation from the peer`, ms),
      onAbandon: () => {
        if (this.#logout === call) this.#logout = undefined;
      },
    });
    if (call.settled) return call.promise;
    if (this.#state !== "logging-out") {
      try {
        this.#core.send(logoutPayload(eto.LogoutReason.LOGOUT_NONE), true);
      } catch (e) {
        call.reject(asSmarketsError(e, "sending the logout"));
        return call.promise;
      }
      this.#setState("logging-out", { state: "logging-out" });
    }
    this.#logout = call;
    return call.promise;
  }

  /**
   * Forgets the session (id, seqs, sent payloads): the next login starts a new
   * one. With `accountSequence`, that login asks the exchange to resend the
   * account's events from there (seto login account_sequence), so a trader
   * whose session could not be resumed still learns what happened to its
   * orders. Only while disconnected.
   */
  forgetSession(accountSequence?: bigint): void {
    if (this.#state !== "disconnected") {
      throw new SessionStateError(`forgetSession() needs the session disconnected; it is ${this.#state}`, this.#state);
    }
    this.#sessionId = undefined;
    this.#accountSequence = accountSequence;
    this.#core.restart(1n, 1n);
  }

  // ---- session control on arrival ----

  #onLive(p: IncomingPayload): void {
    switch (p.etoType) {
      case eto.PayloadType.PAYLOAD_LOGIN_RESPONSE:
        this.#onLoginResponse(p);
        break;
      case eto.PayloadType.PAYLOAD_LOGOUT:
        this.#onLogout(p);
        break;
      case eto.PayloadType.PAYLOAD_PONG:
        if (!this.#pings.pong()) this.#logger.debug("pong with no ping outstanding: ignored");
        break;
      case eto.PayloadType.PAYLOAD_THROTTLE_EXCEEDED:
        this.#logger.warn({ seq: p.seq }, "the exchange says we exceeded its throttle");
        this.#listener.status({ state: "throttle-exceeded", seq: p.seq });
        break;
      default:
        break;
    }
  }

  #onLoginResponse(p: IncomingPayload): void {
    if (this.#state === "logging-out") {
      // Logged out while the login was in flight: only remember the session, for a later resume.
      const session = this.#decodeLoginResponse(p)?.session;
      if (session !== undefined) this.#sessionId = session;
      return;
    }
    if (this.#state !== "logging-in") {
      this.#listener.error(new ProtocolError(`login response seq ${p.seq} arrived while the session is ${this.#state}`));
      return;
    }
    const response = this.#decodeLoginResponse(p);
    if (response === undefined) return;
    const resumed = this.#resuming !== undefined && response.session === this.#resuming;
    if (this.#resuming !== undefined && !resumed) {
      // A different session is a new stream from the exchange: it starts at this payload.
      this.#logger.warn({ asked: this.#resuming, got: response.session }, "the exchange started a new session instead of resuming");
      this.#core.restartInbound(p.seq);
    }
    if (response.reset !== undefined) {
      const refused = checkReset(response.reset, this.#core.nextOutSeq);
      if (refused !== undefined) {
        this.#listener.error(new ProtocolError(`login response reset ${response.reset} refused: ${refused}; our numbering continues at ${this.#core.nextOutSeq}`));
      } else {
        // The docs' debugging aid: continue numbering where the exchange expects.
        this.#core.resetOutSeq(response.reset);
      }
    }
    this.#sessionId = response.session;
    this.#resuming = undefined;
    this.#accountSequence = undefined; // from now on the eto session's replay covers account events
    this.#setState("logged-in", { state: "logged-in", sessionId: response.session, resumed });
    this.#core.startMonitoring();
    const login = this.#login;
    this.#login = undefined;
    login?.resolve({
      sessionId: response.session,
      resumed,
      reset: response.reset,
      email: response.email,
      accountId: response.id,
    });
  }

  /** The login_response body; on failure reports it, fails the pending login and returns undefined. */
  #decodeLoginResponse(p: IncomingPayload): eto.LoginResponse | undefined {
    let response: eto.LoginResponse | undefined;
    try {
      response = p.payload.etoPayload?.loginResponse;
    } catch (e) {
      this.#failLogin(asSmarketsError(e, "decoding the login response"));
      return undefined;
    }
    if (response === undefined) this.#failLogin(new ProtocolError(`login response seq ${p.seq} carries no login_response`));
    return response;
  }

  #failLogin(error: SmarketsError): void {
    this.#listener.error(error);
    this.#login?.reject(error);
    this.#login = undefined;
  }

  #onLogout(p: IncomingPayload): void {
    let reason = eto.LogoutReason.LOGOUT_NONE; // what an absent reason means (proto2 default)
    try {
      reason = p.payload.etoPayload?.logout?.reason ?? eto.LogoutReason.LOGOUT_NONE;
    } catch (e) {
      this.#listener.error(asSmarketsError(e, "decoding a logout"));
    }
    this.#logger.info({ reason: describeLogoutReason(reason) }, "logout received");
    this.#lastLogoutReason = reason;
    this.#core.stopMonitoring();
    this.#setState("logged-out", { state: "logged-out", reason });
    this.#login?.reject(new LoginError(`login refused: ${describeLogoutReason(reason)}`, reason));
    this.#login = undefined;
    this.#logout?.resolve(reason);
    this.#logout = undefined;
  }

  #setState(state: ClientState, status: SessionStatus): void {
    this.#state = state;
    this.#listener.status(status);
  }
}

/**
 * How far above our next outgoing seq a login-response `reset` may be. A
 * reset above it says the peer has seen payloads we do not know we sent:
 * only a session resumed from stale state explains that, and then by no more
 * than the payloads sent after the state was saved. A million is more than
 * any saved state falls behind (a durable store falls behind by none), and
 * keeps numbering far below 2^53, where seqs stop being exact numbers.
 */
export const MAX_RESET_AHEAD = 1n << 20n;

/** The largest seq a reset may name: 2^53. */
const MAX_RESET = 1n << 53n;

/**
 * Why a login-response `reset` cannot be applied, or undefined if it can. It
 * must be a seq (≥ 1), at most 2^53, and at most {@link MAX_RESET_AHEAD}
 * above `nextOut`, the seq our next payload would get (one the peer can
 * have seen, give or take a stale resume).
 */
export function checkReset(reset: bigint, nextOut: bigint): string | undefined {
  if (reset < 1n) return "a seq is at least 1";
  if (reset > MAX_RESET) return `above 2^53 (${MAX_RESET}), the largest seq accepted`;
  if (reset > nextOut + MAX_RESET_AHEAD) {
    return `${reset - nextOut} above our next outgoing seq ${nextOut}, more than the ${MAX_RESET_AHEAD} a peer can have seen beyond what we sent`;
  }
  return undefined;
}
