// A client for driving the exchange in tests, built from the project's own
// pieces: transport connect, framing, and the client Session. It records
// every payload the exchange sends and lets a test wait for one.
import * as seto from "../../../generated/seto.js";
import type { PayloadMessages, PayloadName, SetoPayloadName } from "../../../generated/payload-map.js";
import { payloadBody, setoPayload } from "../../../generated/payload-map.js";
import type { SmarketsError } from "../../../runtime/errors.js";
import { FakeClock } from "../../../runtime/fake-clock.js";
import { encodeFrame, FrameDecoder } from "../../../runtime/framing/index.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import type { LoginInfo } from "../../../runtime/session/login.js";
import { Session } from "../../../runtime/session/session.js";
import type { SessionSettings } from "../../../runtime/session/settings.js";
import type { SessionStatus } from "../../../runtime/session/status.js";
import { connect, type Connection } from "../../../runtime/transport/index.js";
import { Inbox } from "./inbox.js";

export interface Where {
  readonly host: string;
  readonly port: number;
}

export class TestClient {
  readonly session: Session;
  readonly inbox = new Inbox();
  readonly statuses: SessionStatus[] = [];
  readonly errors: SmarketsError[] = [];
  /** While true, payloads the session sends are stored (for replays) but not written: lost on the way. */
  loseOutgoing = false;
  #connection: Connection | undefined;
  #closed: Promise<void> = Promise.resolve();

  constructor(
    readonly where: Where,
    settings: SessionSettings,
    readonly tls: SessionSettings["tls"] = false,
  ) {
    this.session = new Session({
      settings: { host: where.host, port: where.port, tls, ...settings },
      clock: new FakeClock(), // the client's own timers never fire: the test waits on the exchange
      output: { write: (bytes) => this.#write(bytes) },
      sink: {
        deliver: (p) => {
          this.inbox.push(p.detach());
          return true;
        },
      },
      listener: {
        status: (s) => this.statuses.push(s),
        error: (e) => this.errors.push(e),
      },
    });
  }

  /** Opens a connection (a new one each time; the session resumes on it). */
  async connect(): Promise<void> {
    const tls = this.session.settings.tls;
    const connection = await connect({ host: this.where.host, port: this.where.port, tls });
    this.#connection = connection;
    this.session.connected();
    this.#closed = this.#read(connection);
  }

  /** Connects and logs in. */
  async login(): Promise<LoginInfo> {
    await this.connect();
    return this.session.login();
  }

  /** After the connection closed: a new connection, and a login resuming the session. */
  async resume(): Promise<LoginInfo> {
    await this.#closed;
    return this.login();
  }

  /** Sends a seto request; returns its seq. */
  send<N extends SetoPayloadName>(name: N, body: PayloadMessages[N]): bigint {
    return this.session.send(setoPayload(name, body));
  }

  /** Resolves once the connection has closed (from either side). */
  get closed(): Promise<void> {
    return this.#closed;
  }

  /** The next payload of `name` not taken yet that `match` accepts (waits for it if need be); its body. */
  async next<N extends PayloadName>(name: N, match: (body: PayloadMessages[N]) => boolean = () => true): Promise<PayloadMessages[N]> {
    const p = await this.inbox.take((p) => p.name === name && match(payloadBody(name, p.payload) as PayloadMessages[N]));
    return payloadBody(name, p.payload) as PayloadMessages[N];
  }

  /** Bodies of every payload of `name` received so far. */
  all<N extends PayloadName>(name: N): PayloadMessages[N][] {
    return this.inbox.all.filter((p) => p.name === name).map((p) => payloadBody(name, p.payload) as PayloadMessages[N]);
  }

  /** Closes the connection without logging out (as a network failure would). */
  async drop(): Promise<void> {
    this.#connection?.destroy();
    await this.#closed;
  }

  async logout(): Promise<number | undefined> {
    const reason = await this.session.logout();
    await this.#closed;
    return reason;
  }

  #write(bytes: Uint8Array): void {
    const c = this.#connection;
    if (c === undefined || c.isClosed || this.loseOutgoing) return;
    c.writeNow(encodeFrame(bytes)).catch(() => {});
  }

  async #read(connection: Connection): Promise<void> {
    const decoder = new FrameDecoder({ frame: (p) => this.session.receive(p) });
    try {
      for await (const chunk of connection) decoder.push(chunk);
    } catch {
      // the connection failed: the session hears about it below
    }
    this.session.disconnected();
  }
}

export const orderCreate = (o: Partial<seto.OrderCreate> & Pick<seto.OrderCreate, "side" | "quantity">): seto.OrderCreate => ({
  marketId: 1,
  contractId: 1,
  price: 5000,
  ...o,
});
