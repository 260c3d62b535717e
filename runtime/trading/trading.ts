// The trading layer: awaitable requests, our orders, live books and the
// client-side throttle, over a narrow port to the session. It holds no logic
// of its own beyond wiring: each part lives in its folder, and what it
// consumes of the incoming payloads is declared in inbound.ts, as handler maps
// it registers on the port's handler registry (first in each list: trading
// state is updated before a user's handlers see the payload).
//
// Wiring (the client does this): a dropped connection goes to
// connectionLost(); the outcome of reconnecting to resumed(true | false). Log
// in again with `lastAccountSequence` so the exchange resends the account
// events that followed it.
import type * as seto from "../../generated/seto.js";
import type { SmarketsError } from "../errors.js";
import type { IntegerLike } from "../integers.js";
import { MarketBooks } from "./books/market-books.js";
import { resolveTradingOptions, type TradingOptions } from "./options.js";
import { OrderTracker } from "./orders/order-tracker.js";
import type { SavedOrder } from "./orders/saved-order.js";
import type { HandlerMap } from "../dispatch/handler-types.js";
import { quoteHandlers, tradingHandlers } from "./inbound.js";
import type { TradingPort } from "./port.js";
import { cancelAllSpec } from "./requests/kinds/cancel-all.js";
import { cancelOrderSpec } from "./requests/kinds/cancel-order.js";
import { placeOrderSpec, type OrderAcceptance } from "./requests/kinds/place-order.js";
import { reduceOrderSpec } from "./requests/kinds/reduce-order.js";
import { replaceOrderSpec } from "./requests/kinds/replace-order.js";
import { settingsSpec } from "./requests/kinds/settings.js";
import { subscribeSpec, unsubscribeSpec } from "./requests/kinds/subscribe.js";
import { Requester } from "./requests/requester.js";
import type { ReferenceSource } from "./references.js";
import type { ThrottleLimits } from "./throttle/limits.js";
import { Throttle } from "./throttle/throttle.js";
import type { RequestOptions } from "./validation/call-options.js";
import { checkBoolean, checkId32, checkOrderId, checkQuantity } from "./validation/fields.js";
import { inputReference, orderCancelReplaceMessage, orderCreateMessage, type PlaceOrderInput, type ReplaceOrderInput } from "./validation/order-input.js";

/** Options of requests that may carry a reference of the caller's choosing. */
export interface ReferencedRequestOptions extends RequestOptions {
  /** Echoed in the replies; generated when absent. */
  reference?: IntegerLike;
}

/** `client.trading`: requests that resolve with the exchange's answer, the state of every order, and live books, paced by the exchange's throttle. */
export class Trading {
  /** Our orders, from every message about them. */
  readonly orders: OrderTracker;
  /** Books of the markets subscribed to. */
  readonly books: MarketBooks;
  readonly #throttle: Throttle;
  readonly #requests: Requester;
  readonly #references: ReferenceSource;
  readonly #resubscribe: boolean;
  readonly #port: TradingPort;
  readonly #quoteHandlers: HandlerMap;
  /** Subscribes awaiting their snapshot. */
  #subscribing = 0;
  #quotesRegistered = false;

  constructor(port: TradingPort, options?: TradingOptions) {
    const o = resolveTradingOptions(options);
    this.orders = new OrderTracker({ clock: o.clock, ...o.orders });
    this.books = new MarketBooks(o.books);
    this.#throttle = new Throttle({ clock: o.clock, queueCapacity: o.queueCapacity, ...(o.throttleLimits ? { limits: o.throttleLimits } : {}) });
    this.#requests = new Requester({ port, clock: o.clock, throttle: this.#throttle, defaultTimeoutMs: o.requestTimeoutMs });
    this.#references = o.references;
    this.#resubscribe = o.resubscribe;
    this.#port = port;
    const report = (error: SmarketsError): void => port.report?.(error);
    const parts = { orders: this.orders, books: this.books, requests: this.#requests, throttle: this.#throttle, report };
    port.handlers.addAll(tradingHandlers(parts), "first");
    this.#quoteHandlers = quoteHandlers(parts);
  }

  /**
   * Brings back what an earlier process saved in a durable session store:
   * its orders (pending ones are settled by the replies the resumed session
   * brings) and the last account sequence it applied. The client does this
   * when it opens its store.
   */
  restore(orders: readonly SavedOrder[], lastAccountSequence: bigint | undefined): void {
    this.orders.restore(orders, lastAccountSequence);
  }

  /** The last account sequence applied: pass it to the login that resumes after a reconnect. */
  get lastAccountSequence(): bigint | undefined {
    return this.orders.lastAccountSequence;
  }

  /** The rate limits the throttle follows; undefined while none are known. */
  get throttleLimits(): ThrottleLimits | undefined {
    return this.#throttle.limits;
  }

  /** Requests waiting for the rate limit. */
  get queued(): number {
    return this.#requests.queued;
  }

  /** Requests sent and awaiting replies. */
  get inFlight(): number {
    return this.#requests.inFlight;
  }

  // ---- requests ----

  /**
   * Places a limit order. Resolves with its acceptance; rejects with
   * OrderRejectedError or OrderInvalidError (the exchange's), or
   * OrderValidationError (ours: nothing was sent).
   */
  placeOrder(order: PlaceOrderInput, options?: RequestOptions): Promise<OrderAcceptance> {
    return attempt(() => {
      const body = orderCreateMessage(order, this.#reference(order));
      const reference = body.reference;
      return this.#requests.submit(
        placeOrderSpec(body, {
          onSent: (seq, attempt) => this.orders.sent({ reference, seq, message: body, resend: attempt > 1 }),
          onWithdrawn: () => this.orders.withdrawn(reference),
        }),
        options,
      );
    });
  }

  /** Cancels an order's unfilled rest. Resolves with order-cancelled; rejects with OrderCancelRejectedError. */
  cancelOrder(orderId: IntegerLike, options?: ReferencedRequestOptions): Promise<seto.OrderCancelled> {
    return attempt(() => this.#requests.submit(cancelOrderSpec(checkOrderId(orderId), this.#reference(options)), options));
  }

  /** Cancels every order (in one market when `marketId` is given). Resolves with the acceptance; the cancellations follow. */
  cancelAll(filter: { marketId?: number } = {}, options?: ReferencedRequestOptions): Promise<seto.OrderCancelAllAccepted> {
    return attempt(() => {
      const marketId = filter.marketId === undefined ? undefined : checkId32(filter.marketId, "marketId");
      return this.#requests.submit(cancelAllSpec(marketId, this.#reference(options)), options);
    });
  }

  /** Lowers an order's size to `newQuantity` (executed part included). Rejects with OrderQuantityReduceRejectedError. */
  reduceOrder(orderId: IntegerLike, newQuantity: IntegerLike, options?: ReferencedRequestOptions): Promise<seto.OrderQuantityReduced> {
    return attempt(() =>
      this.#requests.submit(reduceOrderSpec(checkOrderId(orderId), checkQuantity(newQuantity, "newQuantity"), this.#reference(options)), options),
    );
  }

  /**
   * Replaces an order's rest with a new order at another price and size.
   * Resolves with order-cancel-replace-accepted; rejects with
   * OrderCancelReplaceRejectedError, OrderCancelRejectedError (original
   * unknown, or no funds for the replacement) or OrderInvalidError.
   */
  replaceOrder(origOrderId: IntegerLike, replacement: ReplaceOrderInput, options?: RequestOptions): Promise<seto.OrderCancelReplaceAccepted> {
    return attempt(() => {
      const body = orderCancelReplaceMessage(origOrderId, replacement, this.#reference(replacement));
      return this.#requests.submit(replaceOrderSpec(body), options);
    });
  }

  /** Subscribes to a market's quotes; resolves with the snapshot (books.market(marketId) holds it from then on). */
  subscribe(marketId: number, options?: RequestOptions): Promise<seto.MarketQuotes> {
    return attempt(() => {
      const id = checkId32(marketId, "marketId");
      const request = this.#requests.submit(
        subscribeSpec(id, () => {
          this.books.track(id);
          this.#wantQuotes();
        }),
        options,
      );
      this.#subscribing++;
      this.#wantQuotes();
      const settled = (): void => {
        this.#subscribing--;
        this.#wantQuotes();
      };
      request.then(settled, settled);
      return request;
    });
  }

  /** Unsubscribes; resolves once sent (the exchange does not answer) and frees the market's book. */
  unsubscribe(marketId: number, options?: RequestOptions): Promise<void> {
    return attempt(() => {
      const id = checkId32(marketId, "marketId");
      return this.#requests.submit(
        unsubscribeSpec(id, () => {
          this.books.release(id);
          this.#wantQuotes();
        }),
        options,
      );
    });
  }

  /** Sets whether the exchange cancels all orders when this session fails; resolves with settings-accepted. */
  updateSettings(settings: { cancelAllOnFailure: boolean }, options?: RequestOptions): Promise<seto.SettingsAccepted> {
    return attempt(() => this.#requests.submit(settingsSpec(checkBoolean(settings?.cancelAllOnFailure, "cancelAllOnFailure")), options));
  }

  // ---- inputs from the session ----

  /** The connection dropped: stop sending; requests in flight await the resume. */
  connectionLost(): void {
    this.#requests.connectionLost();
  }

  /**
   * The session resumed (ok: replays will answer what was in flight), or could
   * not be (in-flight requests reject with OutcomeUnknownError, queued ones
   * with RequestNotSentError; books go stale and are subscribed to again).
   */
  resumed(ok: boolean): void {
    this.#requests.resumed(ok);
    if (ok) return;
    this.orders.sessionLost();
    this.books.markStale();
    if (this.#resubscribe) {
      for (const marketId of this.books.tracked()) {
        // The book shows `stale` until the snapshot comes; a failure leaves it so, for the caller to see and retry.
        this.subscribe(marketId).catch(() => undefined);
      }
    }
  }

  /** Settles every request (as resumed(false) does), refuses new ones, and ends the change streams. */
  close(): void {
    this.#requests.close();
    this.orders.sessionLost(); // requests in flight rejected with OutcomeUnknownError: their orders say so too
    this.orders.close();
    this.books.close();
  }

  /** Registers the quote handlers while quotes are wanted (a book tracked, a snapshot awaited), and only then. */
  #wantQuotes(): void {
    const want = this.#subscribing > 0 || this.books.tracked().length > 0;
    if (want === this.#quotesRegistered) return;
    this.#quotesRegistered = want;
    if (want) this.#port.handlers.addAll(this.#quoteHandlers, "first");
    else this.#port.handlers.removeAll(this.#quoteHandlers);
  }

  /** The caller's reference, or a fresh one no awaiting request holds. */
  #reference(input: { reference?: IntegerLike } | undefined): bigint {
    // A non-object input gets its own error from the message builder.
    const given = typeof input === "object" && input !== null ? inputReference(input) : undefined;
    if (given !== undefined) return given;
    for (;;) {
      const r = this.#references();
      if (!this.#requests.holds(r)) return r;
    }
  }
}

/** Runs a request builder, turning a validation throw into a rejected promise. */
function attempt<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
  }
}
