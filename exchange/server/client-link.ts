// One client connection: bytes in → frames → the login gate, then the
// session; payloads out → frames. It owns the socket and every way it can
// fail: bad framing, socket errors, a login that never comes, a client that
// stops reading. A failure closes this connection only; the session, if one
// is attached, waits to be resumed.
import type { Socket } from "node:net";
import * as eto from "../../generated/eto.js";
import type { TimerHandle } from "../../runtime/clock.js";
import { encodeFrame, FrameDecoder } from "../../runtime/framing/index.js";
import type { Logger } from "../../runtime/logging/index.js";
import { encodePayload, logoutPayload, withSeq } from "../../runtime/payload/encode.js";
import type { FaultInjector } from "./faults.js";
import { FrameWriter } from "./frame-writer.js";
import type { ResolvedExchangeOptions } from "./options.js";
import type { ServerSession } from "./server-session.js";
import type { SessionLink } from "./session-link.js";

/** How long a finished connection may take to close before it is destroyed. */
const LINGER_MS = 5_000;

export interface LinkHost {
  readonly options: Pick<ResolvedExchangeOptions, "clock" | "logger" | "loginTimeoutMs" | "maxFrameSize" | "maxBufferedOutBytes">;
  readonly faults: FaultInjector;
  /** The connection's first payload: attach a session to the link, or refuse it. */
  first(link: ClientLink, payload: Uint8Array): void;
  /** The socket is gone. */
  closed(link: ClientLink): void;
}

type State = "login" | "attached" | "closing" | "closed";

export class ClientLink implements SessionLink {
  readonly remote: string;
  readonly #socket: Socket;
  readonly #host: LinkHost;
  readonly #log: Logger;
  readonly #decoder: FrameDecoder;
  readonly #writer: FrameWriter;
  #state: State = "login";
  #session: ServerSession | undefined;
  #timer: TimerHandle | undefined;

  constructor(
    readonly id: number,
    socket: Socket,
    host: LinkHost,
  ) {
    this.#socket = socket;
    this.#host = host;
    const o = host.options;
    this.remote = `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? "?"}`;
    this.#log = o.logger.child?.({ link: id }) ?? o.logger;
    this.#decoder = new FrameDecoder({ frame: (p) => this.#onFrame(p) }, { maxFrameSize: o.maxFrameSize });
    this.#writer = new FrameWriter(socket, {
      clock: o.clock,
      faults: host.faults,
      maxBufferedOutBytes: o.maxBufferedOutBytes,
      sessionId: () => this.#session?.id,
      cut: (why, graceful) => (graceful ? this.finish(why) : this.drop(why)),
    });
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.#onData(chunk));
    socket.on("error", (err) => this.#log.debug({ err }, "socket error"));
    socket.on("close", () => this.#onClose());
    this.#timer = o.clock.setTimer(o.loginTimeoutMs, () => {
      if (this.#state === "login") this.refuse(eto.LogoutReason.LOGOUT_LOGIN_TIMEOUT, `no login within ${o.loginTimeoutMs} ms`);
    });
    this.#log.debug({ remote: this.remote }, "connection accepted");
  }

  get session(): ServerSession | undefined {
    return this.#session;
  }

  /** Bytes written and not yet taken by the client. */
  get bufferedOutBytes(): number {
    return this.#socket.destroyed ? 0 : this.#socket.writableLength;
  }

  get isOpen(): boolean {
    return this.#state === "login" || this.#state === "attached";
  }

  /** The login was admitted: the session takes over this connection. */
  attach(session: ServerSession): void {
    this.#state = "attached";
    this.#session = session;
  }

  /** Refuses the login: a logout (seq 1: there is no session to number it) and close. */
  refuse(reason: eto.LogoutReason, why: string): void {
    if (!this.isOpen) return;
    this.#log.info({ reason: eto.logoutReasonToJSON(reason), why, remote: this.remote }, "login refused");
    this.#writer.write(encodePayload(withSeq(logoutPayload(reason), 1n)));
    this.finish(why);
  }

  write(payload: Uint8Array): void {
    if (this.isOpen) this.#writer.write(payload);
  }

  finish(why: string): void {
    if (!this.isOpen) return;
    this.#state = "closing";
    this.#log.debug({ why }, "closing the connection");
    this.#cancelTimer();
    this.#writer.end();
    this.#timer = this.#host.options.clock.setTimer(LINGER_MS, () => this.#socket.destroy());
  }

  drop(why: string): void {
    if (this.#state === "closed") return;
    this.#log.info({ why, remote: this.remote }, "dropping the connection");
    this.#state = "closing";
    this.#socket.destroy();
  }

  #onData(chunk: Buffer): void {
    if (!this.isOpen) return;
    try {
      this.#decoder.push(chunk);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.#log.warn({ err: e, remote: this.remote }, "unreadable input");
      // Framing is lost: nothing after this point can be trusted.
      if (this.#state === "login") this.refuse(eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ, `unreadable input before login: ${why}`);
      else this.drop(`unreadable input: ${why}`);
    }
  }

  #onFrame(payload: Uint8Array): void {
    if (this.#state === "attached") {
      this.#session?.receive(this, payload);
    } else if (this.#state === "login") {
      this.#cancelTimer();
      this.#host.first(this, payload);
    }
  }

  #onClose(): void {
    this.#state = "closed";
    this.#cancelTimer();
    this.#log.debug({ remote: this.remote }, "connection closed");
    this.#session?.detach(this);
    this.#host.closed(this);
  }

  #cancelTimer(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }
}

/**
 * Turns a connection away before it becomes a link (the exchange is full):
 * a logout saying to try later, numbered 1 as any refusal, then the socket
 * is destroyed once that is written.
 */
export function refuseSocket(socket: Socket): void {
  socket.on("error", () => {});
  socket.end(encodeFrame(encodePayload(withSeq(logoutPayload(eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE), 1n))), () => socket.destroy());
}
