// Owns the connection side of a client: opening a connection for the session,
// noticing when it ends, and (if configured) reconnecting with backoff and
// resuming the same session, so the session's replay both ways fills whatever
// the outage lost. Fatal logout reasons stop it.
import * as eto from "../../generated/eto.js";
import type { Clock, TimerHandle } from "../clock.js";
import { LoginError, SocketDisconnected, SmarketsError } from "../errors.js";
import type { Logger } from "../logging/index.js";
import type { CallOptions } from "../session/awaitable.js";
import type { LoginInfo } from "../session/login.js";
import type { SessionOutput } from "../session/ports.js";
import type { ResolvedSessionSettings } from "../session/settings.js";
import type { Session } from "../session/session.js";
import type { Connection, TransportOptions } from "../transport/index.js";
import { Link, type ReadDeadline } from "./link.js";
import { FATAL_LOGOUT_REASONS, type ResolvedReconnect } from "./reconnect-policy.js";
import type { ClientStatus } from "./status.js";

export interface ConnectionManagerHost {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: ResolvedSessionSettings;
  readonly connect: (options: TransportOptions) => Promise<Connection>;
  readonly reconnect: ResolvedReconnect | undefined;
  readonly autoRead: boolean;
  /** The last account sequence the client has applied, for a new session to resend from. */
  accountSequence(): bigint | undefined;
  /** Saves the session's state to a durable store (each link calls it: see link.ts); absent without one. */
  readonly commit?: (() => void) | undefined;
  /**
   * True while the session to resume came from a durable store and no login
   * has succeeded yet: if the exchange no longer knows it, login() starts a
   * new session (asking for the account's events since the last applied)
   * instead of failing, as a reconnect would.
   */
  storedSession?(): boolean;
  status(s: ClientStatus): void;
  error(e: SmarketsError): void;
}

export class ConnectionManager implements SessionOutput {
  readonly #host: ConnectionManagerHost;
  #session!: Session;
  #link: Link | undefined;
  #attempt = 0;
  #timer: TimerHandle | undefined;
  /**
   * The reconnect loop in progress, if any (one token per loop). Only the
   * loop holding the current token schedules attempts or installs their
   * connections; login() and finish() take it away, which makes an attempt
   * still in flight stale: it ends without a trace.
   */
  #loop: object | undefined;
  /** Set once the user logged out or closed: nothing reconnects after that. */
  #finished = false;
  #lastLogoutReason: eto.LogoutReason | undefined;
  /** Reconnecting starts only once a login has succeeded; before that the caller of login() decides. */
  #everLoggedIn = false;

  constructor(host: ConnectionManagerHost) {
    this.#host = host;
  }

  /** Set after construction: the session needs this object as its output. */
  attach(session: Session): void {
    this.#session = session;
  }

  get link(): Link | undefined {
    return this.#link;
  }

  get finished(): boolean {
    return this.#finished;
  }

  // ---- SessionOutput ----

  write(payload: Uint8Array, urgent: boolean): void {
    if (!this.#link) {
      // Only possible in a race with a closing socket; the outgoing store keeps
      // the payload and the peer's replay request after the resume brings it.
      this.#host.logger.debug({ bytes: payload.length, urgent }, "no connection: payload kept for replay only");
      return;
    }
    this.#link.write(payload, urgent);
  }

  // ---- lifecycle ----

  /** Connects (if not connected) and logs in, resuming the session if it has one. */
  async login(options?: CallOptions): Promise<LoginInfo> {
    if (this.#finished) throw new SocketDisconnected("the client is closed; create a new one to log in again");
    // The caller takes over from automatic reconnecting: a connection an
    // attempt opened and is still logging in on is dropped.
    if (this.#loop !== undefined) {
      // (Dropped while the loop still runs, so that ending it starts no new one.)
      if (this.#link && this.#session.state !== "logged-in") this.#drop(this.#link, undefined);
      this.#stopLoop();
    }
    if (!this.#link) await this.#open(undefined, options);
    try {
      const login = this.#session.login(options);
      // Read by hand, nothing would read the response: read until it is in, as the seed's login did.
      if (!this.#host.autoRead) await this.#readUntilSettled(login);
      const info = await login;
      this.#everLoggedIn = true;
      return info;
    } catch (e) {
      this.#noteLoginFailure(e);
      // A connection whose login failed is of no use; the next login() opens a new one.
      if (this.#link) this.#drop(this.#link, e);
      if (this.#startOverFromStore(e)) return this.login(options);
      throw e;
    }
  }

  /**
   * A session from a durable store that the exchange no longer knows (it
   * expired while the process was down): forget it and start a new one, as
   * a reconnect does, asking for the account's events since the last one
   * applied. True if so (login() then tries again, once).
   */
  #startOverFromStore(e: unknown): boolean {
    if (!(e instanceof LoginError) || e.reason !== eto.LogoutReason.LOGOUT_UNKNOWN_SESSION) return false;
    if (this.#host.storedSession?.() !== true || this.#session.state !== "disconnected") return false;
    const from = this.#host.accountSequence();
    this.#host.logger.warn(
      { from: from === undefined ? undefined : String(from) },
      "the exchange no longer knows the session kept in the store: starting a new one, and asking for the account's events since the last applied",
    );
    this.#session.forgetSession(from === undefined ? undefined : from + 1n);
    return true;
  }

  /** Called for every session status: reacts to silence and remembers why the peer logged us out. */
  sessionStatus(s: ClientStatus): void {
    if (s.state === "dead") {
      this.#link?.destroy(new SocketDisconnected(`nothing received for ${s.silentForMs} ms: connection declared dead`, this.#host.settings.host, this.#host.settings.port));
    } else if (s.state === "logged-out") {
      this.#lastLogoutReason = s.reason;
      // The exchange ended the session. A peer that logs out but keeps the
      // socket open would leave the client logged out with nothing watching
      // the connection: close it ourselves, once the payloads received with
      // the logout (the logout included) are delivered. The connection's end
      // then goes where any end goes: the reconnect policy, by this reason.
      // (A confirmation answers our own logout(), which closes by itself.)
      const link = this.#link;
      if (link !== undefined && s.reason !== eto.LogoutReason.LOGOUT_CONFIRMATION) {
        queueMicrotask(() => {
          if (this.#link === link) link.destroy();
        });
      }
    }
  }

  /**
   * For manual reading: processes one inbound chunk, waiting for it within
   * `deadline` (TimeoutError / AbortedError leave the connection as it is).
   * Resolves false once the connection has ended.
   */
  async readChunk(deadline?: Omit<ReadDeadline, "clock">): Promise<boolean> {
    const link = this.#link;
    if (!link) throw new SocketDisconnected("not connected: log in first", this.#host.settings.host, this.#host.settings.port);
    const result = await link.readChunk(deadline === undefined ? undefined : { ...deadline, clock: this.#host.clock });
    if (result === true) return true;
    this.#ended(link, result === false ? undefined : result);
    return false;
  }

  async #readUntilSettled(promise: Promise<unknown>): Promise<void> {
    // A timeout or abort can settle the promise while a read is waiting for
    // bytes: the read then stops waiting, and its chunk is kept for a later read.
    // The login response must get through whatever limit a read() left.
    this.#session.limitDelivery(Infinity);
    const settled = new AbortController();
    const done = () => settled.abort();
    void promise.then(done, done);
    try {
      while (!settled.signal.aborted && this.#link) await this.readChunk({ signal: settled.signal });
    } catch (e) {
      if (!settled.signal.aborted) throw e;
    }
  }

  /** Stops for good: no reconnect, the connection closed (gracefully if `graceful`). */
  async finish(reason: string, graceful: boolean): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    this.#stopLoop();
    const link = this.#link;
    if (link) {
      if (graceful) {
        // Give the peer a moment to close its side; never hang on it.
        const t = this.#host.clock.setTimer(1000, () => link.destroy());
        await link.close().catch(() => link.destroy());
        t.cancel();
      } else {
        link.destroy();
      }
      this.#ended(link, undefined);
    }
    this.#host.status({ state: "closed", reason });
  }

  // ---- internals ----

  /**
   * Opens a connection and makes it the live link. `loop`: the reconnect loop
   * asking; if it is no longer the current one when the connection is up, or
   * another link is live by then, the new connection is closed instead: a
   * stale attempt never replaces the live link.
   */
  async #open(loop: object | undefined, options?: CallOptions): Promise<Link> {
    const s = this.#host.settings;
    this.#host.status({ state: "connecting", host: s.host, port: s.port, attempt: this.#attempt + 1 });
    const connection = await this.#host.connect({
      host: s.host,
      port: s.port,
      tls: s.tls,
      connectTimeoutMs: s.connectTimeoutMs,
      maxOutboundBytes: s.maxOutboundBytes,
      clock: this.#host.clock,
      ...(options?.signal ? { signal: options.signal } : {}),
    });
    if (this.#finished) {
      connection.destroy();
      throw new SocketDisconnected("the client was closed while connecting", s.host, s.port);
    }
    if (loop !== this.#loop || this.#link !== undefined) {
      connection.destroy();
      throw new SocketDisconnected("a connection opened by a superseded attempt was closed", s.host, s.port);
    }
    // The session is the frame decoder's sink: frames go to it without a hop through here.
    const link = new Link(connection, s.maxFrameSize, this.#session, { failed: (e) => this.#host.error(e), commit: this.#host.commit });
    this.#link = link;
    this.#lastLogoutReason = undefined;
    this.#session.connected();
    if (this.#host.autoRead) {
      void link.run().then((cause) => this.#ended(link, cause));
    }
    return link;
  }

  /** Ends `link` now, and with it the session's connection, without waiting for the socket to report it. */
  #drop(link: Link, cause: unknown): void {
    link.destroy(cause);
    this.#ended(link, cause instanceof SmarketsError ? cause : undefined);
  }

  #ended(link: Link, cause: SmarketsError | undefined): void {
    if (link !== this.#link) return;
    this.#link = undefined;
    this.#session.disconnected(cause);
    // Without automatic reconnect the session stays resumable: calling login()
    // again reconnects and resumes it.
    if (this.#finished || !this.#everLoggedIn || !this.#host.reconnect) return;
    // A loop already running owns what happens next: its attempt in flight
    // sees its login fail and schedules the next one. Scheduling here too
    // would start a second loop.
    if (this.#loop !== undefined) return;
    this.#loop = {};
    this.#next(this.#loop, cause);
  }

  /** Undefined when a reconnect should be tried; otherwise the reason not to. */
  #whyNotReconnect(): string | undefined {
    const r = this.#host.reconnect!;
    const reason = this.#lastLogoutReason;
    if (reason !== undefined && FATAL_LOGOUT_REASONS.has(reason)) return `logged out by the exchange (reason ${reason})`;
    if (this.#attempt >= r.maxAttempts) return `gave up after ${this.#attempt} reconnect attempts`;
    return undefined;
  }

  /** The loop's next step: an attempt after the backoff delay, or giving up (closed) when the policy says so. */
  #next(loop: object, cause: unknown): void {
    const why = this.#whyNotReconnect();
    if (why) {
      this.#loop = undefined;
      this.#finished = true;
      this.#host.status({ state: "closed", reason: why });
      return;
    }
    const r = this.#host.reconnect!;
    this.#attempt++;
    const delayMs = r.backoff.next();
    this.#host.status({ state: "reconnecting", attempt: this.#attempt, delayMs, ...(cause === undefined ? {} : { cause }) });
    // No socket is open during the backoff: this timer is what keeps the process alive.
    this.#timer = this.#host.clock.setTimer(
      delayMs,
      () => {
        this.#timer = undefined;
        void this.#reconnectNow(loop);
      },
      { keepAlive: true },
    );
  }

  /** One attempt of `loop`: connect and log in; on failure, the loop's next step (unless the loop was stopped meanwhile). */
  async #reconnectNow(loop: object): Promise<void> {
    if (loop !== this.#loop) return;
    if (this.#lastLogoutReason === eto.LogoutReason.LOGOUT_UNKNOWN_SESSION && this.#session.state === "disconnected") {
      // The exchange no longer has the session: start a new one, and ask for
      // the account's events since the last one we applied.
      const from = this.#host.accountSequence();
      this.#host.logger.warn({ from: from === undefined ? undefined : String(from) }, "the exchange no longer knows the session: starting a new one");
      this.#session.forgetSession(from === undefined ? undefined : from + 1n);
    }
    let link: Link | undefined;
    try {
      link = await this.#open(loop);
      await this.#session.login();
      // The connection may have ended between the login response and now.
      if (link !== this.#link) throw new SocketDisconnected("the connection closed right after the login", this.#host.settings.host, this.#host.settings.port);
    } catch (e) {
      if (loop !== this.#loop) return; // superseded (login() or finish()): not this attempt's business any more
      const error = e instanceof SmarketsError ? e : new SocketDisconnected(`reconnect failed: ${String(e)}`, undefined, undefined, { cause: e });
      this.#noteLoginFailure(e);
      this.#host.error(error);
      if (link !== undefined && link === this.#link) this.#drop(link, error);
      this.#next(loop, error);
      return;
    }
    if (loop !== this.#loop) return;
    this.#loop = undefined;
    this.#attempt = 0;
    this.#host.reconnect!.backoff.reset();
  }

  /** Stops the reconnect loop, if one runs: its timer is cancelled and its attempt in flight becomes stale. */
  #stopLoop(): void {
    this.#loop = undefined;
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  #noteLoginFailure(e: unknown): void {
    if (e instanceof LoginError && e.reason !== undefined) this.#lastLogoutReason = e.reason;
  }

}
