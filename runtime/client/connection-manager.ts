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
import { Link } from "./link.js";
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
  status(s: ClientStatus): void;
  error(e: SmarketsError): void;
}

export class ConnectionManager implements SessionOutput {
  readonly #host: ConnectionManagerHost;
  #session!: Session;
  #link: Link | undefined;
  #attempt = 0;
  #timer: TimerHandle | undefined;
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
    this.#cancelTimer();
    if (!this.#link) await this.#open(options);
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
      this.#link?.destroy(e);
      throw e;
    }
  }

  /** Called for every session status: reacts to silence and remembers why the peer logged us out. */
  sessionStatus(s: ClientStatus): void {
    if (s.state === "dead") {
      this.#link?.destroy(new SocketDisconnected(`nothing received for ${s.silentForMs} ms: connection declared dead`, this.#host.settings.host, this.#host.settings.port));
    } else if (s.state === "logged-out") {
      this.#lastLogoutReason = s.reason;
    }
  }

  /** For manual reading: processes one inbound chunk. */
  async readChunk(): Promise<boolean> {
    const link = this.#link;
    if (!link) throw new SocketDisconnected("not connected: log in first", this.#host.settings.host, this.#host.settings.port);
    const result = await link.readChunk();
    if (result === true) return true;
    this.#ended(link, result === false ? undefined : result);
    return false;
  }

  async #readUntilSettled(promise: Promise<unknown>): Promise<void> {
    let settled = false;
    const done = () => {
      settled = true;
    };
    const settledNow = promise.then(done, done);
    while (!settled && this.#link) {
      // A timeout or abort can settle the promise while a read is waiting for
      // bytes; the race stops waiting then (login failure closes the link).
      await Promise.race([this.readChunk(), settledNow]);
    }
  }

  /** Stops for good: no reconnect, the connection closed (gracefully if `graceful`). */
  async finish(reason: string, graceful: boolean): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    this.#cancelTimer();
    const link = this.#link;
    if (link) {
      if (graceful) {
        // Give the peer a moment to close its side; never hang on it.
        const t = this.#host.clock.setTimer(1000, () => link.destroy());
        await link.connection.close().catch(() => link.destroy());
        t.cancel();
      } else {
        link.destroy();
      }
      this.#ended(link, undefined);
    }
    this.#host.status({ state: "closed", reason });
  }

  // ---- internals ----

  async #open(options?: CallOptions): Promise<void> {
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
    const link = new Link(connection, s.maxFrameSize, {
      payload: (bytes) => this.#session.receive(bytes),
      failed: (e) => this.#host.error(e),
    });
    this.#link = link;
    this.#lastLogoutReason = undefined;
    this.#session.connected();
    if (this.#host.autoRead) {
      void link.run().then((cause) => this.#ended(link, cause));
    }
  }

  #ended(link: Link, cause: SmarketsError | undefined): void {
    if (link !== this.#link) return;
    this.#link = undefined;
    this.#session.disconnected(cause);
    // Without automatic reconnect the session stays resumable: calling login()
    // again reconnects and resumes it.
    if (this.#finished || !this.#everLoggedIn || !this.#host.reconnect) return;
    const why = this.#whyNotReconnect();
    if (why) {
      this.#finished = true;
      this.#host.status({ state: "closed", reason: why });
      return;
    }
    this.#schedule(cause);
  }

  /** Undefined when a reconnect should be tried; otherwise the reason not to. */
  #whyNotReconnect(): string | undefined {
    const r = this.#host.reconnect!;
    const reason = this.#lastLogoutReason;
    if (reason !== undefined && FATAL_LOGOUT_REASONS.has(reason)) return `logged out by the exchange (reason ${reason})`;
    if (this.#attempt >= r.maxAttempts) return `gave up after ${this.#attempt} reconnect attempts`;
    return undefined;
  }

  #schedule(cause: unknown): void {
    const r = this.#host.reconnect!;
    this.#attempt++;
    const delayMs = r.backoff.next();
    this.#host.status({ state: "reconnecting", attempt: this.#attempt, delayMs, ...(cause === undefined ? {} : { cause }) });
    this.#timer = this.#host.clock.setTimer(delayMs, () => {
      this.#timer = undefined;
      void this.#reconnectNow();
    });
  }

  async #reconnectNow(): Promise<void> {
    if (this.#finished) return;
    if (this.#lastLogoutReason === eto.LogoutReason.LOGOUT_UNKNOWN_SESSION && this.#session.state === "disconnected") {
      // The exchange no longer has the session: start a new one, and ask for
      // the account's events since the last one we applied.
      const from = this.#host.accountSequence();
      this.#host.logger.warn({ from: from === undefined ? undefined : String(from) }, "the exchange no longer knows the session: starting a new one");
      this.#session.forgetSession(from === undefined ? undefined : from + 1n);
    }
    try {
      await this.#open();
      await this.#session.login();
      this.#attempt = 0;
      this.#host.reconnect!.backoff.reset();
    } catch (e) {
      const error = e instanceof SmarketsError ? e : new SocketDisconnected(`reconnect failed: ${String(e)}`, undefined, undefined, { cause: e });
      this.#noteLoginFailure(e);
      this.#host.error(error);
      if (this.#finished) return;
      // With a connection still open, ending it leads back through #ended;
      // without one (connect failed), schedule the next attempt directly.
      if (this.#link) this.#link.destroy(error);
      else {
        const why = this.#whyNotReconnect();
        if (why) {
          this.#finished = true;
          this.#host.status({ state: "closed", reason: why });
        } else this.#schedule(error);
      }
    }
  }

  #noteLoginFailure(e: unknown): void {
    if (e instanceof LoginError && e.reason !== undefined) this.#lastLogoutReason = e.reason;
  }

  #cancelTimer(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }
}
