// The client API, as in the seed SDK but idiomatic TypeScript: promises for
// login/ping/logout, typed handlers keyed by payload name, async iterators for
// payloads, statuses and errors. It wires the layers together and holds no
// protocol logic of its own: sequencing and replay are the Session's,
// connections the ConnectionManager's, dispatch the HandlerRegistry's.
//
// One route for every incoming payload, with no hop through this class:
// socket → Connection → Link (frames) → Session (sequencing, session duties)
// → HandlerRegistry → handlers: the trading layer's first, then the user's
// for that payload in the order added, then global handlers, then the
// `payloads()` stream. The IncomingPayload made from the frame is the one
// event all of them see.
import * as eto from "../../generated/eto.js";
import { setoPayload, type PayloadMessages, type SetoPayloadName } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { systemClock, type Clock } from "../clock.js";
import { HandlerRegistry } from "../dispatch/handler-registry.js";
import type { GlobalHandler, HandlerMap, IncomingEvent, PayloadHandler } from "../dispatch/handler-types.js";
import type { PayloadName } from "../../generated/payload-map.js";
import { ArgumentError, HandlerError, ParseError, SmarketsError, SocketDisconnected } from "../errors.js";
import { toUint32, toUint64, type IntegerLike } from "../integers.js";
import { consoleLogger, formatPayload, type Logger } from "../logging/index.js";
import type { UnsequencedPayload } from "../payload/encode.js";
import type { CallOptions } from "../session/awaitable.js";
import type { LoginInfo } from "../session/login.js";
import { Session, type ClientState, type ResumeState } from "../session/session.js";
import { resolveSessionSettings, type ResolvedSessionSettings, type SessionSettings } from "../session/settings.js";
import { Broadcaster, type OverflowPolicy } from "../streams/index.js";
import { connect } from "../transport/index.js";
import { Trading } from "../trading/trading.js";
import { MemorySessionStore } from "../store/memory-session-store.js";
import { ConnectionManager } from "./connection-manager.js";
import { ReadInProgressError } from "./errors.js";
import type { SavedSession } from "../store/session-store.js";
import { StoreKeeper } from "./store-keeper.js";
import type { ClientOptions } from "./options.js";
import { resolveReconnect } from "./reconnect-policy.js";
import type { ClientStatus } from "./status.js";

/** Options of the async iterators: queue size, what to do when it fills, and a signal to stop. */
export interface StreamOptions {
  capacity?: number;
  overflow?: OverflowPolicy;
  signal?: AbortSignal;
}

/** What `read()` takes. */
export interface ReadOptions {
  /** Give up waiting for the socket after this long: TimeoutError, and the connection is left as it is. Default: no limit. */
  timeoutMs?: number;
  /** Give up waiting for the socket when this aborts: AbortedError, and the connection is left as it is. */
  signal?: AbortSignal;
  /** The most payloads this call delivers (a whole number ≥ 1; default no limit); those beyond it are kept for the next call. */
  limit?: number;
}

/** An order as `order()` takes it: the generated OrderCreate, with ids and quantities as any IntegerLike. */
export type OrderInput = Omit<seto.OrderCreate, "quantity" | "reference"> & { quantity: IntegerLike; reference?: IntegerLike };

/** The client: connects, logs in and keeps the session; typed handlers and async iterators for what arrives; sends, and `trading` for awaitable requests, order state and books. Dispose it with `await using`. */
export class StreamingAPIClient {
  readonly settings: ResolvedSessionSettings;
  /**
   * Awaitable orders and requests, the state of our orders, and live books,
   * fed by this client's payloads (see runtime/trading).
   */
  readonly trading: Trading;
  readonly #logger: Logger;
  readonly #logPayloadsOut: boolean;
  readonly #handlers: HandlerRegistry;
  readonly #session: Session;
  readonly #connections: ConnectionManager;
  readonly #payloadStream: Broadcaster<IncomingEvent>;
  readonly #statusStream: Broadcaster<ClientStatus>;
  readonly #errorStream: Broadcaster<SmarketsError>;
  /** Set when the connection drops; the next login tells the trading layer whether the session survived. */
  #lost = false;
  /** Errors already on errors(): one fault, one report, whoever runs into it again (a payload's cached ParseError). */
  readonly #reported = new WeakSet<SmarketsError>();
  #reading = false;
  readonly #keeper: StoreKeeper;
  /** The session to resume came from the store and no login has succeeded yet. */
  #fromStore: boolean;

  constructor(settings: SessionSettings, options: ClientOptions = {}) {
    this.settings = resolveSessionSettings(settings);
    const clock: Clock = options.clock ?? systemClock;
    this.#logger = options.logger ?? consoleLogger({ level: "warn" });
    this.#logPayloadsOut = options.logPayloads === true;
    const autoRead = options.autoRead ?? true;
    const reconnect = resolveReconnect(options.reconnect);
    if (reconnect && !autoRead) throw new ArgumentError("reconnect needs autoRead: a client that is read by hand cannot notice a drop by itself");
    const streams = { capacity: options.streams?.capacity ?? 10_000, overflow: options.streams?.overflow ?? "error" };
    this.#payloadStream = new Broadcaster({ ...streams, weigh: (e) => e.bytes.length, maxBytes: options.streams?.maxBytes ?? 64 * 1024 * 1024 });
    this.#statusStream = new Broadcaster(streams);
    this.#errorStream = new Broadcaster(streams);
    const onHandlerError = options.onHandlerError ?? "continue";
    this.#handlers = new HandlerRegistry({ onError: (e) => this.#handlerFailed(e, onHandlerError), onHandlerError });
    const payloadStream = this.#payloadStream;
    // After the handlers, without decoding anything for it.
    this.#handlers.observe((event) => {
      if (payloadStream.subscriberCount > 0) payloadStream.publish(event);
    });
    if (options.logPayloads === true) this.#handlers.observe((event) => this.#logIncoming(event));

    // The store first: what it held decides where the session resumes (it throws on a damaged or foreign file).
    const keeper = new StoreKeeper(
      options.store ?? new MemorySessionStore(this.settings.outgoingStoreSize, this.settings.outgoingStoreBytes),
      this.settings,
      this.#logger,
    );
    this.#keeper = keeper;
    const { store, durable, restored: saved, journal } = keeper;
    try {
      this.#fromStore = saved?.sessionId !== undefined;
      const sessionSettings = keeper.resumeSettings(settings, this.settings);

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
        commit: durable ? () => keeper.commit() : undefined,
        storedSession: () => this.#fromStore,
      });
      this.#session = new Session({
        settings: sessionSettings,
        output: this.#connections,
        clock,
        logger: this.#logger,
        store,
        ...(durable ? { ledger: store } : {}),
        ...(saved !== undefined ? { redeliveredBelow: saved.deliveredBelow } : {}),
        sink: this.#handlers,
        listener: {
          status: (s) => {
            this.#connections.sessionStatus(s);
            this.#status(s);
          },
          error: (e) => this.#error(e),
        },
      });
      this.#connections.attach(this.#session);
      // Constructed before any user handler can be added: its handlers come first.
      const tradingOptions = journal === undefined ? options.trading : { ...options.trading, orders: { ...options.trading?.orders, journal } };
      this.trading = new Trading(
        { send: (name, body) => this.send(name, body), flush: () => this.flush(), handlers: this.#handlers, report: (e) => this.#error(e) },
        { clock, ...tradingOptions },
      );
      const session = this.#session;
      const trading = this.trading;
      keeper.attach({
        get resumeState() {
          return session.resumeState;
        },
        get haltedAt() {
          return session.haltedAt;
        },
        get lastAccountSequence() {
          return trading.lastAccountSequence;
        },
        report: (e) => this.#error(e),
        stop: (why) => queueMicrotask(() => void this.#connections.finish(why, false).then(() => this.#closeStreams())),
      });
      if (saved !== undefined) {
        this.trading.restore(saved.orders, saved.lastAccountSequence);
        // Its first login tells the trading layer whether the saved session survived (orders in flight settle or become outcome-unknown).
        this.#lost = true;
      }
    } catch (e) {
      // The store is open (and locked): a client that could not be made releases it.
      store.close();
      throw e;
    }
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

  /**
   * What the client's durable store held when the client opened it: the
   * session it resumes, its seqs, the orders an earlier process knew, and
   * whether a torn last record was dropped (`recovered`). Undefined for a new
   * store or an in-memory one.
   */
  get restored(): SavedSession | undefined {
    return this.#keeper.restored;
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
    let reason: eto.LogoutReason | undefined;
    try {
      reason = await this.#session.logout(options);
      return reason;
    } finally {
      // A session the exchange confirmed ended cannot be resumed: the store forgets it (our orders stay).
      if (reason === eto.LogoutReason.LOGOUT_CONFIRMATION) this.#keeper.forgetSession();
      await this.#connections.finish("logged out", true);
      this.#closeStreams();
    }
  }

  /** Closes the connection without logging out (the session stays resumable by a new client). */
  async close(): Promise<void> {
    await this.#connections.finish("closed by the user", false);
    this.#closeStreams();
  }

  /**
   * Leaves at the end of an `await using client = new StreamingAPIClient(…)`
   * scope: logs out when logged in (waiting for the exchange's confirmation at
   * most `loginTimeoutMs`), and closes in any case. Never rejects, so it cannot
   * hide the error that ended the scope; calling it again does nothing more.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    if (this.state === "logged-in") {
      try {
        await this.logout({ timeoutMs: this.settings.loginTimeoutMs });
        return;
      } catch {
        // No confirmation in time, or the connection went: close without one.
      }
    }
    await this.close();
  }

  // ---- sending ----

  /** Sends a seto message, wrapped in its payload by name; returns the payload's seq. Call `flush()` to send. */
  send<N extends SetoPayloadName>(name: N, message: PayloadMessages[N]): bigint {
    return this.sendPayload(setoPayload(name, message));
  }

  /** Sends a prepared payload (the session numbers it); returns its seq. */
  sendPayload(payload: UnsequencedPayload): bigint {
    const seq = this.#session.send(payload);
    if (this.#logPayloadsOut) this.#logger.debug({ dir: "out", seq: String(seq) }, formatPayload({ ...payload, etoPayload: { ...payload.etoPayload, seq } }));
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
   * For clients made with `autoRead: false`, as the seed's `read()`: delivers
   * payloads to the handlers and resolves with how many it delivered.
   *
   * - Payloads already received and kept by an earlier call (beyond its
   *   `limit`) are delivered first; only if none are waiting is one chunk
   *   read from the socket (waiting for it as long as `timeoutMs` and
   *   `signal` allow) and its payloads delivered. So the count may be 0: a
   *   chunk may hold part of a frame, a gapfill or payloads held behind a gap.
   * - `limit`: at most that many payloads are delivered (each to all its
   *   handlers). Those beyond it stay received and in order, their session
   *   duties (answering heartbeats and pings) waiting with them, and the next
   *   call delivers them before it reads the socket again. Nothing is lost.
   * - Rejects with TimeoutError or AbortedError when waiting for the socket
   *   ran out (what arrives later is kept for the next call), with
   *   ReadInProgressError while another `read()` is pending (either way the
   *   connection is left alone), and with SocketDisconnected once the
   *   connection has ended.
   */
  async read(options: ReadOptions = {}): Promise<number> {
    if (this.#reading) throw new ReadInProgressError("read() was called while another read() is pending; await it first (the connection is left as it is)");
    const limit = checkLimit(options.limit);
    if (options.timeoutMs !== undefined && !(typeof options.timeoutMs === "number" && options.timeoutMs >= 0)) {
      throw new ArgumentError(`read timeoutMs must be a number of milliseconds ≥ 0, got ${String(options.timeoutMs)}`);
    }
    this.#reading = true;
    const before = this.#handlers.delivered;
    try {
      const kept = this.#session.waiting > 0;
      try {
        this.#session.limitDelivery(limit);
      } catch (e) {
        // Payloads kept from an earlier read ran the peer past maxPeerFaults: the connection goes, as it does when reading.
        this.#connections.link?.destroy(e);
        throw e;
      }
      if (kept) return this.#handlers.delivered - before;
      const open = await this.#connections.readChunk({ signal: options.signal, timeoutMs: options.timeoutMs });
      if (!open) throw new SocketDisconnected("the connection has ended", this.settings.host, this.settings.port);
      return this.#handlers.delivered - before;
    } finally {
      this.#reading = false;
    }
  }

  // ---- handlers ----

  /**
   * Calls `handler` with every payload called `name` (e.g. `seto.order_accepted`),
   * after the trading layer and the handlers added before it; adding the same
   * handler again for the same name changes nothing. InvalidCallbackError for
   * unknown names.
   */
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

  /** Calls `handler` with every payload, after the handlers for its type; adding it again changes nothing. */
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

  #logIncoming(event: IncomingEvent): void {
    let text: string;
    try {
      text = formatPayload(event.payload);
    } catch {
      text = `${event.name} (does not decode)`;
    }
    this.#logger.debug({ dir: "in", seq: String(event.seq) }, text);
  }

  /**
   * A handler failed (HandlerError) or a body did not decode (ParseError):
   * reported on errors() and the logger, naming the handler and the payload.
   * Under the "stop" policy a handler failure also stops the client there.
   */
  #handlerFailed(e: HandlerError | ParseError, policy: "continue" | "stop"): void {
    const payload = e instanceof HandlerError ? e.payload : undefined;
    if (this.#reported.has(e)) return;
    this.#reported.add(e);
    this.#logger.error(
      { err: e, ...(e instanceof HandlerError ? { handler: e.handler, payload: payload?.name, seq: String(e.seq), isReplay: payload?.isReplay } : {}) },
      e.message,
    );
    this.#errorStream.publish(e);
    if (policy === "stop" && e instanceof HandlerError) {
      // After the session has halted on it (this runs inside its delivery).
      queueMicrotask(() => {
        void this.#connections
          .finish(`stopped at ${e.payloadName} seq ${e.seq}: a handler failed (onHandlerError "stop"); a later login resumes from it`, false)
          .then(() => this.#closeStreams());
      });
    }
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
    if (s.state === "logged-in") this.#fromStore = false;
    // Saved before the trading layer hears the client is finished: orders in flight stay pending in the store, for the next process's resume to settle.
    if (s.state === "closed") this.#keeper.close();
    this.#sessionFate(s);
    this.#logger.debug({ status: s.state }, "status");
    this.#statusStream.publish(s);
  }

  #error(e: SmarketsError): void {
    if (this.#reported.has(e)) return;
    this.#reported.add(e);
    this.#logger.warn({ err: e }, e.message);
    this.#errorStream.publish(e);
  }

  #closeStreams(): void {
    this.#payloadStream.close();
    this.#statusStream.close();
    this.#errorStream.close();
  }
}

/** read()'s limit: a whole number ≥ 1, or Infinity when absent. */
function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Infinity;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new ArgumentError(`read limit must be a whole number ≥ 1, got ${String(limit)}`);
  return limit;
}
