// Public API of the trading layer.
export { Trading, type ReferencedRequestOptions } from "./trading.js";
export { type TradingOptions } from "./options.js";
export { type TradingPort, type HandlerRegistrar, type OutgoingMessage } from "./port.js";
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
} from "./errors.js";
export { type RequestOptions } from "./validation/call-options.js";
export { type PlaceOrderInput, type ReplaceOrderInput } from "./validation/order-input.js";
export { type SideInput, type TimeInForceInput } from "./validation/enums.js";
export { type OrderAcceptance } from "./requests/kinds/place-order.js";
export { OrderTracker, type OrderChange, type ApplyResult, type ApplyOptions, type OrderTrackerOptions, type SentOrder } from "./orders/order-tracker.js";
export { type OrderView } from "./orders/order-view.js";
export { type OrderStatus, isResting, isEnded } from "./orders/order-status.js";
export { AccountSequence, accountSequenceOf } from "./orders/account-sequence.js";
export { MarketBooks, DEFAULT_DEPTH_LIMIT, type BookUpdate, type MarketBooksOptions } from "./books/market-books.js";
export { type MarketBookView } from "./books/market-book.js";
export { type ContractBookView } from "./books/contract-book.js";
export { type Level } from "./books/price-levels.js";
export { Throttle, type ThrottleOptions, type ThrottleJob, type ThrottleTicket } from "./throttle/throttle.js";
export { TokenBucket } from "./throttle/token-bucket.js";
export { type ThrottleLimits } from "./throttle/limits.js";
export { randomReference, type ReferenceSource } from "./references.js";
