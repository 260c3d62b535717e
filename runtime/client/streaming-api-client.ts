// The client API, as in the seed SDK but idiomatic TypeScript: promises for
// login/ping/logout, typed handlers keyed by payload name, async iterators for
// payloads, statuses and errors. It wires the layers together and holds no
// protocol logic of its own: sequencing and replay are the Session's,
// connections the ConnectionManager's, dispatch the HandlerRegistry's.
import type * as eto from "../../generated/eto.js";
import { setoPayload, type PayloadMessages, type SetoPayloadName } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { systemClock, type Clock } from "../clock.js";
import { HandlerRegistry } from "../dispatch/handler-registry.js";
import type { GlobalHandler, HandlerMap, PayloadHandler } from "../dispatch/handler-types.js";
import type { PayloadName } from "../../generated/payload-map.js";
import { ArgumentError, SocketDisconnected, type SmarketsError } from "../errors.js";
import { toUint32, toUint64, type IntegerLike } from "../integers.js";
import { consoleLogger, formatPayload, type Logger } from "../logging/index.js";
import type { IncomingPayload } from "../payload/incoming.js";
import type { UnsequencedPayload } from "../payload/encode.js";
import type { CallOptions } from "../session/awaitable.js";
import type { LoginInfo } from "../session/login.js";
import { Session, type ClientState, type ResumeState } from "../session/session.js";
import { resolveSessionSettings, type ResolvedSessionSettings, type SessionSettings } from "../session/settings.js";
import { Broadcaster, type OverflowPolicy } from "../streams/index.js";
import { connect } from "../transport/index.js";
import { Trading } from "../trading/trading.js";
import { ConnectionManager } from "./connection-manager.js";
import { incomingEvent, type IncomingEvent } from "./incoming-event.js";
import type { ClientOptions } from "./options.js";
import { resolveReconnect } from "./reconnect-policy.js";
import type { ClientStatus } from "./status.js";

/** Options of the async iterators: queue size, what to do when it fills, and a signal to stop. */
export interface StreamOptions {
  capacity?: number;
  overflow?: OverflowPolicy;
  signal?: AbortSignal;
}

/** An order as `order()` takes it: the generated OrderCreate, with ids and quantities as any IntegerLike. */
export type OrderInput = Omit<seto.OrderCreate, "quantity" | "reference"> & { quantity: IntegerLike; reference?: IntegerLike };

export class StreamingAPIClient {
  readonly settings: ResolvedSessionSettings;
  /**
   * Awaitable orders and requests, the state of our orders, and live books,
   * fed by this client's payloads (see runtime/trading).
   */
  readonly trading: Trading;
  readonly #logger: Logger;
  readonly #logPayloads: boolean;
  readonly #handlers = new HandlerRegistry();
  readonly #session: Session;
  readonly #connections: ConnectionManager;
  readonly #payloadStream: Broadcaster<IncomingEvent>;
  readonly #statusStream: Broadcaster<ClientStatus>;
  readonly #errorStream: Broadcaster<SmarketsError>;
  #delivered = 0;
  /** Set when the connection drops; the next login tells the trading layer whether the session survived. */
  #lost = false;

  constructor(settings: SessionSettings, options: ClientOptions = {}) {
    this.settings = resolveSessionSettings(settings);
    const clock: Clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? consoleLogger({ level: "warn" });
    this.#logPayloads = options.logPayloads ?? false;
    const autoRead = options.autoRead ?? true;
    const reconnect = resolveReconnect(options.reconnect);
    if (reconnect && !autoRead) throw new ArgumentError("reconnect needs autoRead: a client that is read by hand cannot notice a drop by itself");
    const streams = { capacity: options.streams?.capacity ?? 10_000, overflow: options.streams?.overflow ?? "error" };
    this.#payloadStream = new Broadcaster({ ...streams, weigh: (e) => e.bytes.length, maxBytes: options.streams?.maxBytes ?? 64 * 1024 * 1024 });
    this.#statusStream = new Broadcaster(streams);
    this.#errorStream = new Broadcaster(streams);

    this.#connections = new ConnectionManager({
      clock,
      logger: this.#logger,
      settings: this.settings,
      connect: options.connect ?? connect,
      reconnect,
      autoRead,
      accountSequence: () => this.trading.lastAccountSequence,
      status: (s) => this.#status(s),
      error: (e) => this.#error(e),
    });
    this.#session = new Session({
      settings,
      output: this.#connections,
      clock,
      logger: this.#logger,
      ...(options.store ? { store: options.store } : {}),
      listener: {
        payload: (p) => this.#deliver(p),
        status: (s) => {
          this.#connections.sessionStatus(s);
          this.#status(s);
        },
        error: (e) => this.#error(e),
      },
    });
    this.#connections.attach(this.#session);
    this.trading = new Trading(
      { send: (name, body) => this.send(name, body), flush: () => this.flush(), report: (e) => this.#error(e) },
      { clock, ...options.trading },
    );
  }

  // ---- state ----

  /** The session's state: disconnected, connected, logging-in, logged-in, logging-out, logged-out. */
  get state(): ClientState {
    return this.#session.state;
  }

  /** What a later client needs to resume this session: pass it as `sessionId`, `inSeq`, `outSeq`. */
  get resumeState(): ResumeState {
    return this.#session.resumeState;
  }

  // ---- session ----

  /** Connects (TLS unless told otherwise) and logs in, resuming the session when there is one. */
  login(options?: CallOptions): Promise<LoginInfo> {
    return this.#connections.login(options);
  }

  /** Round-trip time to the exchange in ms. */
  ping(options?: CallOptions): Promise<number> {
    return this.#session.ping(options);
  }

  /** Logs out, waits for the exchange's confirmation and closes; resolves with the reason the exchange gave. */
  async logout(options?: CallOptions): Promise<eto.LogoutReason | undefined> {
    try {
      return await this.#session.logout(options);
    } finally {
      await this.#connections.finish("logged out", true);
      this.#closeStreams();
    }
  }

  /** Closes the connection without logging out (the session stays resumable by a new client). */
  async close(): Promise<void> {
    await this.#connections.finish("closed by the user", false);
    this.#closeStreams();
  }

  // ---- sending ----

  /** Sends a seto message, wrapped in its payload by name; returns the payload's seq. Call `flush()` to send. */
  send<N extends SetoPayloadName>(name: N, message: PayloadMessages[N]): bigint {
    return this.sendPayload(setoPayload(name, message));
  }

  /** Sends a prepared payload (the session numbers it); returns its seq. */
  sendPayload(payload: UnsequencedPayload): bigint {
    const seq = this.#session.send(payload);
    if (this.#logPayloads) this.#logger.debug({ dir: "out", seq: String(seq) }, formatPayload({ ...payload, etoPayload: { ...payload.etoPayload, seq } }));
    return seq;
  }

  /** Places an order (the seed's `order`): returns the payload's seq, which the order-accepted echoes. */
  order(order: OrderInput): bigint {
    const message: seto.OrderCreate = {
      ...order,
      quantity: toUint64(order.quantity, "quantity"),
      reference: order.reference === undefined ? undefined : toUint64(order.reference, "reference"),
      marketId: toUint32(order.marketId, "marketId"),
      contractId: toUint32(order.contractId, "contractId"),
    };
    return this.send("seto.order_create", message);
  }

  /** Cancels an order by id (the seed's `order_cancel`). */
  cancelOrder(orderId: IntegerLike, reference?: IntegerLike): bigint {
    return this.send("seto.order_cancel", {
      orderId: toUint64(orderId, "orderId"),
      reference: reference === undefined ? undefined : toUint64(reference, "reference"),
    });
  }

  /** Subscribes to a market's quotes: a market-quotes snapshot, then contract-quotes updates. */
  subscribe(marketId: number): bigint {
    return this.send("seto.market_subscribe", { marketId: toUint32(marketId, "marketId") });
  }

  unsubscribe(marketId: number): bigint {
    return this.send("seto.market_unsubscribe", { marketId: toUint32(marketId, "marketId") });
  }

  /** Writes everything sent since the last flush in one socket write; resolves when it is on its way. */
  async flush(): Promise<void> {
    const link = this.#connections.link;
    if (!link) throw new SocketDisconnected("not connected: nothing can be flushed", this.settings.host, this.settings.port);
    await link.flush();
  }

  /**
   * For clients made with `autoRead: false`: reads one chunk from the socket
   * and dispatches the payloads in it. Resolves with how many were delivered;
   * rejects with SocketDisconnected once the connection has ended.
   */
  async read(): Promise<number> {
    const before = this.#delivered;
    const open = await this.#connections.readChunk();
    if (!open) throw new SocketDisconnected("the connection has ended", this.settings.host, this.settings.port);
    return this.#delivered - before;
  }

  // ---- handlers ----

  /** Calls `handler` with every payload called `name` (e.g. `seto.order_accepted`); InvalidCallbackError for unknown names. */
  addHandler<N extends PayloadName>(name: N, handler: PayloadHandler<N>): void {
    this.#handlers.add(name, handler);
  }

  removeHandler<N extends PayloadName>(name: N, handler: PayloadHandler<N>): boolean {
    return this.#handlers.remove(name, handler);
  }

  /** Registers every handler of a compile-time checked map. */
  addHandlers(map: HandlerMap): void {
    this.#handlers.addAll(map);
  }

  addGlobalHandler(handler: GlobalHandler): void {
    this.#handlers.addGlobal(handler);
  }

  removeGlobalHandler(handler: GlobalHandler): boolean {
    return this.#handlers.removeGlobal(handler);
  }

  // ---- streams ----

  /** Every incoming payload, in sequence order, exactly once (gapfills excepted), after the handlers ran. */
  payloads(options?: StreamOptions): AsyncIterable<IncomingEvent> {
    return this.#payloadStream.subscribe(options ?? {});
  }

  /** Connection and session states and events. */
  statuses(options?: StreamOptions): AsyncIterable<ClientStatus> {
    return this.#statusStream.subscribe(options ?? {});
  }

  /** Problems that did not stop the client: failed handlers, bad payloads, protocol breaches, reconnect failures. */
  errors(options?: StreamOptions): AsyncIterable<SmarketsError> {
    return this.#errorStream.subscribe(options ?? {});
  }

  // ---- internals ----

  #deliver(p: IncomingPayload): void {
    if (this.#logPayloads) this.#logger.debug({ dir: "in", seq: String(p.seq) }, formatPayload(p.payload));
    // A throwing handler propagates: the session then does not acknowledge the payload.
    const name = this.#handlers.dispatch(p);
    this.#delivered++;
    if (name === undefined) return;
    const event = incomingEvent(name, p);
    this.trading.handle(event);
    if (this.#payloadStream.subscriberCount > 0) this.#payloadStream.publish(event);
  }

  /** Tells the trading layer what became of the session, so requests in flight settle exactly once. */
  #sessionFate(s: ClientStatus): void {
    if (s.state === "disconnected") {
      this.#lost = true;
      this.trading.connectionLost();
    } else if (s.state === "logged-in" && this.#lost) {
      this.#lost = false;
      this.trading.resumed(s.resumed);
    } else if (s.state === "closed") {
      // Finished for good (logout, close, fatal logout, given up): nothing in flight can be answered now.
      this.trading.close();
    }
  }

  #status(s: ClientStatus): void {
    this.#sessionFate(s);
    this.#logger.debug({ status: s.state }, "status");
    this.#statusStream.publish(s);
  }

  #error(e: SmarketsError): void {
    this.#logger.warn({ err: e }, e.message);
    this.#errorStream.publish(e);
  }

  #closeStreams(): void {
    this.#payloadStream.close();
    this.#statusStream.close();
    this.#errorStream.close();
  }
}
