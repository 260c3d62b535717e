// What the trading layer consumes, payload by payload: the handler maps it
// registers on the client's handler registry, like any user (first in each
// list, so a user's handler already sees the trading state the payload
// brought). Payloads not named here never reach the trading layer, and
// nothing is decoded for it that it does not read.
//
// For each account event (anything about our orders) the order is: skipped
// whole if its account sequence was applied before (an account-sequence
// replay after a new session); else offered to the requests awaiting replies
// (so a refusal for speed of a request being sent again is known as such),
// then applied to the order state.
import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type { SmarketsError } from "../errors.js";
import type { HandlerMap, IncomingEvent, PayloadHandler } from "../dispatch/handler-types.js";
import type { MarketBooks } from "./books/market-books.js";
import type { OrderTracker } from "./orders/order-tracker.js";
import { replyKeys, type CorrelationKey } from "./requests/keys.js";
import type { Requester } from "./requests/requester.js";
import type { Throttle } from "./throttle/throttle.js";

export interface TradingParts {
  readonly orders: OrderTracker;
  readonly books: MarketBooks;
  readonly requests: Requester;
  readonly throttle: Throttle;
  /** Problems in what the exchange sent that stop nothing, for the client's errors(). */
  readonly report: (error: SmarketsError) => void;
}

/** The handlers registered for the client's whole life: the throttle's signals, account events, settings. */
export function tradingHandlers({ orders, requests, throttle, report }: TradingParts): HandlerMap {
  /** An account event; `keysOf`: the keys of the requests it may answer (none: it answers none). */
  function accountEvent<N extends PayloadName>(keysOf?: (m: PayloadMessages[N]) => readonly CorrelationKey[]): PayloadHandler<N> {
    return (_m, e) => {
      const event = e as IncomingEvent;
      if (orders.isDuplicate(event)) return;
      const resending = keysOf !== undefined && requests.offer(event, keysOf);
      orders.apply(event, { resending });
    };
  }
  return {
    "eto.throttle_exceeded": () => throttle.exceeded(),
    // Checked like any input from the exchange: limits out of range are reported and the previous ones stay.
    "seto.throttle_limits_changed": (m, e) => {
      const refused = throttle.announce(m, e.seq);
      if (refused !== undefined) report(refused);
    },
    "seto.order_accepted": accountEvent(replyKeys.order),
    "seto.order_rejected": accountEvent(replyKeys.order),
    "seto.order_invalid": accountEvent(replyKeys.order),
    "seto.order_cancelled": accountEvent(replyKeys.order),
    "seto.order_cancel_rejected": accountEvent(replyKeys.order),
    "seto.order_quantity_reduced": accountEvent(replyKeys.order),
    "seto.order_quantity_reduce_rejected": accountEvent(replyKeys.order),
    "seto.order_pending_replace": accountEvent(replyKeys.order),
    "seto.order_cancel_replace_accepted": accountEvent(replyKeys.order),
    "seto.order_cancel_replace_rejected": accountEvent(replyKeys.order),
    "seto.order_cancel_all_accepted": accountEvent(replyKeys.cancelAll),
    "seto.order_cancel_all_rejected": accountEvent(replyKeys.cancelAll),
    "seto.order_executed": accountEvent(),
    "seto.order_reduced": accountEvent(),
    "seto.order_voided": accountEvent(),
    "seto.order_execute_voided": accountEvent(),
    "seto.order_execute_confirmed": accountEvent(),
    "seto.settings_accepted": (_m, e) => void requests.offer(e, replyKeys.settings),
  };
}

/**
 * The handlers for quotes, registered only while the trading layer wants
 * quotes (a book is tracked, or a subscribe awaits its snapshot): the quote
 * stream is the bulk of what arrives, and without them no quote body is
 * decoded for the trading layer.
 */
export function quoteHandlers({ books, requests }: TradingParts): HandlerMap {
  return {
    "seto.market_quotes": (m, e) => {
      requests.offer(e, replyKeys.market);
      books.snapshot(m);
    },
    "seto.contract_quotes": (m) => void books.update(m),
  };
}
