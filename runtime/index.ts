// The package's main entry ("smarkets-streaming"): what a bot author needs —
// the client, its settings and statuses, the trading API, every public error,
// the handler and event types, and the odds and ids helpers. Every name is
// listed on purpose (tests/package/api-report.test.ts holds the list); the
// building blocks underneath are on "smarkets-streaming/internal", the
// generated protocol types on "smarkets-streaming/protocol", the simulated
// exchange on "smarkets-streaming/exchange".
/**
 * The main entry: the client, its settings and statuses, the trading API, every public error, the handler and event types, and the `odds` and `ids` helpers.
 *
 * @module smarkets-streaming
 */

// The client.
export { StreamingAPIClient, type OrderInput, type ReadOptions, type StreamOptions } from "./client/streaming-api-client.js";
export type { ClientOptions } from "./client/options.js";
export { FATAL_LOGOUT_REASONS, type ReconnectOptions } from "./client/reconnect-policy.js";
export type { ClientStatus, ClientStatusState } from "./client/status.js";
export type { SessionStatus, SessionState } from "./session/status.js";
export type { ClientState, ResumeState } from "./session/session.js";
export type { LoginInfo } from "./session/login.js";
export type { CallOptions } from "./session/awaitable.js";

// Settings.
export { SESSION_DEFAULTS, type SessionSettings, type ResolvedSessionSettings } from "./session/settings.js";

// Handlers and the events they receive.
export type { PayloadEvent, IncomingEvent, PayloadHandler, GlobalHandler, HandlerMap, HandlerErrorPolicy } from "./dispatch/handler-types.js";
export type { PayloadName, PayloadMessages } from "../generated/payload-map.js";

// Durable session state: what a client resumes from after a crash.
export { FileSessionStore, LEASE_STEP, type FileSessionStoreOptions } from "./store/file-session-store.js";
export { MemorySessionStore } from "./store/memory-session-store.js";
export type { SessionStore, SavedSession, SessionSnapshot, StoreIdentity, StoreRecovery } from "./store/session-store.js";
export type { FsyncPolicy } from "./store/fsync-policy.js";
export type { SavedOrder, OrderChanges } from "./trading/orders/saved-order.js";

// Trading.
export type { Trading, ReferencedRequestOptions } from "./trading/trading.js";
export type { TradingOptions } from "./trading/options.js";
export type { RequestOptions } from "./trading/validation/call-options.js";
export type { PlaceOrderInput, ReplaceOrderInput } from "./trading/validation/order-input.js";
export type { SideInput, TimeInForceInput } from "./trading/validation/enums.js";
export type { OrderAcceptance } from "./trading/requests/kinds/place-order.js";
export type { OrderTracker, OrderChange } from "./trading/orders/order-tracker.js";
export type { OrderView } from "./trading/orders/order-view.js";
export { isResting, isEnded, type OrderStatus } from "./trading/orders/order-status.js";
export type { MarketBooks, BookUpdate } from "./trading/books/market-books.js";
export type { MarketBookView } from "./trading/books/market-book.js";
export type { ContractBookView } from "./trading/books/contract-book.js";
export type { Level } from "./trading/books/price-levels.js";
export type { ThrottleLimits } from "./trading/throttle/limits.js";

// Errors: every one is a SmarketsError.
export {
  SmarketsError,
  ConnectionError,
  SocketDisconnected,
  SlowConsumer,
  LoginError,
  LoginTimeout,
  DecodeError,
  ParseError,
  ProtocolError,
  InvalidCallbackError,
  HandlerError,
  ArgumentError,
  TimeoutError,
  AbortedError,
  type ErrorOptions,
} from "./errors.js";
export { SessionStateError } from "./session/errors.js";
export { StoreError, StoreCorruptError, StoreForeignError } from "./store/errors.js";
export { ReadInProgressError } from "./client/errors.js";
export { QueueOverflowError, QueueConsumedError } from "./streams/errors.js";
export {
  OrderRejectedError,
  OrderInvalidError,
  OrderCancelRejectedError,
  OrderQuantityReduceRejectedError,
  OrderCancelReplaceRejectedError,
  OrderCancelAllRejectedError,
  OutcomeUnknownError,
  RequestNotSentError,
  ThrottleQueueFullError,
  OrderValidationError,
} from "./trading/errors.js";
export { OddsError } from "./odds/errors.js";
export { IdError } from "./ids/errors.js";

// Values, logging, time.
export type { IntegerLike, LongLike } from "./integers.js";
export type { OverflowPolicy } from "./streams/overflow-policy.js";
export type { Clock, TimerHandle, TimerOptions } from "./clock.js";
export { consoleLogger, type ConsoleLoggerOptions, type LogStream } from "./logging/console-logger.js";
export { silentLogger, type Logger, type LogFn, type LogLevel } from "./logging/logger.js";
export { formatPayload } from "./logging/format-payload.js";

/**
 * Prices: integer basis points of probability on the wire, Smarkets' tick
 * ladder, snapping by side, and exact conversions to and from percent,
 * decimal, fractional and American odds (`odds.toPercentStr(2500)` is
 * `"25%"`). A port of the seed SDK's `smarkets.odds`.
 */
export * as odds from "./odds/index.js";

/**
 * Ids: Smarkets' tagged 128-bit ids (Account, Contract, Order, …) and their
 * number, hex and slug spellings (`ids.TaggedId.fromSlug("a-lvgb2h48s4kweqbl")`).
 * A port of the seed SDK's `smarkets.uuid`.
 */
export * as ids from "./ids/index.js";
