// The server role on the shared session core. One per session, outliving its
// connections: a dropped connection detaches it (the core keeps numbering and
// storing what it sends), a resuming login attaches the next connection, and
// the core's replay both ways fills what the outage lost. The role's own
// duties: answering the login, confirming a logout, logging out a silent
// client, and ending the session.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import type { Clock, TimerHandle } from "../../runtime/clock.js";
import type { Logger } from "../../runtime/logging/index.js";
import { loginResponsePayload, logoutPayload, type UnsequencedPayload } from "../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../runtime/payload/incoming.js";
import { SessionCore } from "../../runtime/session/core.js";
import { MemoryOutgoingStore } from "../../runtime/session/outgoing-store.js";
import { setoPayload } from "../../generated/payload-map.js";
import type { ResolvedExchangeOptions } from "./options.js";
import type { SessionEnd, SessionHost } from "./session-events.js";
import type { SessionLink } from "./session-link.js";
import { Throttle } from "./throttle.js";

export type SessionConfig = Pick<
  ResolvedExchangeOptions,
  "clock" | "logger" | "heartbeatIntervalMs" | "deadAfterMs" | "replayTimeoutMs" | "outgoingStoreSize" | "outgoingStoreBytes" | "sessionExpiryMs" | "throttle"
>;

/**
 * Client payloads held while a gap before them is replayed: none. The replay
 * the exchange asks for resends everything from the gap on, so holding only
 * saves the client resending; holding would let one client make the exchange
 * keep thousands of frames (a gap is opened with a single seq skipped).
 */
const HELD_PAYLOADS = 0;

export interface SessionAccount {
  readonly accountId: number;
  readonly username: string;
}

export class ServerSession {
  readonly core: SessionCore;
  readonly throttle: Throttle;
  /** What the session sent, kept for replays (bounded by count and bytes). */
  readonly store: MemoryOutgoingStore;
  /** Markets whose quotes and state this session receives. */
  readonly markets = new Set<number>();
  /** Events whose markets' state this session receives. */
  readonly events = new Set<number>();
  /** seto settings: cancel the account's orders if this session fails (drops or times out). */
  cancelAllOnFailure = false;
  readonly #config: SessionConfig;
  readonly #host: SessionHost;
  /** This session's logger (the caller binds what identifies the session: its id is a secret). */
  readonly log: Logger;
  #link: SessionLink | undefined;
  /** Set while the login that attached the current connection waits to be answered. */
  #loginPending: { readonly accountSequence: bigint | undefined } | undefined;
  #ended: SessionEnd | undefined;
  #expiry: TimerHandle | undefined;
  #waitingSince: number | undefined;
  /** Numbers sessions in the order they started waiting (clock times can tie). */
  static #waitings = 0;

  constructor(
    readonly id: string,
    readonly account: SessionAccount,
    config: SessionConfig,
    host: SessionHost,
  ) {
    this.#config = config;
    this.#host = host;
    this.log = config.logger;
    this.throttle = new Throttle(config.throttle, config.clock);
    this.store = new MemoryOutgoingStore(config.outgoingStoreSize, config.outgoingStoreBytes);
    this.core = new SessionCore({
      clock: config.clock,
      logger: this.log,
      output: { write: (bytes, urgent) => this.#link?.write(bytes, urgent) },
      store: this.store,
      nextInSeq: 1n,
      nextOutSeq: 1n,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
      deadAfterMs: config.deadAfterMs,
      replayTimeoutMs: config.replayTimeoutMs,
      maxHeldPayloads: HELD_PAYLOADS,
      sink: {
        deliver: (p) => {
          this.#payload(p);
          return true;
        },
      },
      listener: {
        status: (s) => this.log.debug({ status: s.state }, "session status"),
        error: (e) => this.log.warn({ err: e }, e.message),
      },
      onLive: (p) => this.#onLive(p),
      onDead: () => this.#onDead(),
    });
  }

  get connected(): boolean {
    return this.#link !== undefined;
  }

  /**
   * While the session waits to be resumed (left without logout): a number
   * that grows with each session that starts waiting, so the smallest has
   * waited longest. Undefined while connected or once ended.
   */
  get waitingSince(): number | undefined {
    return this.#waitingSince;
  }

  /** How the session ended, or undefined while it lives. */
  get ended(): SessionEnd | undefined {
    return this.#ended;
  }

  /**
   * Attaches a connection whose first payload, `login`, was admitted for this
   * session, and processes that login. A connection still attached (the client
   * resumed from elsewhere before the old one was noticed dead) is dropped.
   */
  attach(link: SessionLink, login: Uint8Array, accountSequence: bigint | undefined): void {
    if (this.#ended !== undefined) {
      link.drop(`session ended (${this.#ended})`);
      return;
    }
    const previous = this.#link;
    if (previous !== undefined) {
      this.#link = undefined;
      this.core.close();
      previous.drop("the session was resumed on another connection");
    }
    this.#expiry?.cancel();
    this.#expiry = undefined;
    this.#waitingSince = undefined;
    this.#link = link;
    this.#loginPending = { accountSequence };
    this.core.open();
    this.core.receive(login);
    if (this.#loginPending !== undefined) {
      // The core did not hand the login to the role (it cannot place it): refuse the connection.
      this.#loginPending = undefined;
      this.detach(link);
      link.drop("the login could not be placed in the session's sequence");
    }
  }

  /** One incoming payload from the attached connection. */
  receive(link: SessionLink, bytes: Uint8Array): void {
    if (link === this.#link) this.core.receive(bytes);
  }

  /** The connection went away without a logout. */
  detach(link: SessionLink): void {
    if (link !== this.#link) return;
    this.#link = undefined;
    this.core.close();
    if (this.#ended !== undefined) return;
    this.log.info({ nextIn: String(this.core.nextInSeq), nextOut: String(this.core.nextOutSeq) }, "connection lost: session kept for resuming");
    this.#host.dropped(this);
    if (this.#ended === undefined) {
      this.#waitingSince = ++ServerSession.#waitings;
      this.#expiry = this.#config.clock.setTimer(this.#config.sessionExpiryMs, () => this.end("expired"));
    }
  }

  /** Drops the connection without a logout (as a network failure would); false when none is attached. */
  dropConnection(why: string): boolean {
    const link = this.#link;
    if (link === undefined) return false;
    link.drop(why);
    return true;
  }

  /** Sends a payload to the client (stored only while no connection is attached). */
  deliver(p: UnsequencedPayload): void {
    if (this.#ended !== undefined) return;
    try {
      this.core.send(p, false);
    } catch (e) {
      this.log.error({ err: e }, "a payload for the client did not encode: not sent");
    }
  }

  /** Logs the client out with `reason` and ends the session. */
  logout(reason: eto.LogoutReason, how: SessionEnd, why: string): void {
    if (this.#ended !== undefined) return;
    this.log.info({ reason: eto.logoutReasonToJSON(reason), why }, "logging the client out");
    try {
      this.core.send(logoutPayload(reason), true);
    } catch (e) {
      this.log.error({ err: e }, "the logout did not encode");
    }
    this.end(how);
  }

  /** Ends the session: it is forgotten, its connection (if any) is finished. */
  end(how: SessionEnd): void {
    if (this.#ended !== undefined) return;
    this.#ended = how;
    this.#expiry?.cancel();
    this.#expiry = undefined;
    this.#waitingSince = undefined;
    const link = this.#link;
    this.#link = undefined;
    this.core.close();
    link?.finish(`session ended (${how})`);
    this.#host.ended(this, how);
  }

  #payload(p: IncomingPayload): void {
    if (this.#ended !== undefined || p.setoType === seto.PayloadType.PAYLOAD_ETO || p.setoType === seto.PayloadType.PAYLOAD_LOGIN) return;
    this.#host.request(this, p);
  }

  #onLive(p: IncomingPayload): void {
    switch (p.etoType) {
      case eto.PayloadType.PAYLOAD_LOGIN:
        this.#onLogin(p);
        break;
      case eto.PayloadType.PAYLOAD_LOGOUT:
        this.logout(eto.LogoutReason.LOGOUT_CONFIRMATION, "logout", "the client logged out");
        break;
      default:
        break;
    }
  }

  #onLogin(p: IncomingPayload): void {
    const pending = this.#loginPending;
    if (pending === undefined) {
      this.log.warn({ seq: String(p.seq) }, "a login on a session already logged in: ignored");
      return;
    }
    this.#loginPending = undefined;
    // The core has not placed the login yet: nextInSeq is what we expected from the client.
    const expected = this.core.nextInSeq;
    const reset = nextSeqAfterLogin(p.seq, expected);
    this.core.send(loginResponsePayload(this.id, reset), true);
    this.core.startMonitoring();
    const { averageRatePs, burstSize, tickMs } = this.#config.throttle;
    this.core.send(setoPayload("seto.throttle_limits_changed", { averageRatePs, burstSize, tickMs }), true);
    this.log.info({ loginSeq: String(p.seq), expected: String(expected), reset: String(reset) }, "logged in");
    this.#host.loggedIn(this, pending.accountSequence);
  }

  #onDead(): void {
    this.logout(eto.LogoutReason.LOGOUT_HEARTBEAT_TIMEOUT, "heartbeat-timeout", `nothing received for ${this.#config.deadAfterMs} ms`);
  }
}

/**
 * The login-response `reset`: the seq the exchange expects next from the
 * client, always sent (clients built like the Python SDK number their next
 * payload from it unconditionally). A login at the expected seq, or ahead of it
 * (what lies between is asked for by replay), is followed by the login's seq
 * + 1 (eto/login.txt: 2 for a new session); a client behind us continues at
 * the seq we expect (eto/login-response.txt).
 */
export function nextSeqAfterLogin(loginSeq: bigint, expected: bigint): bigint {
  return loginSeq < expected ? expected : loginSeq + 1n;
}
