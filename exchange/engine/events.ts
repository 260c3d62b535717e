// What the engine tells the world: one event per seto reply or notification.
// Field names follow the seto messages, so translating is a copy, with two
// differences the network layer applies at the edge:
// - money (availableBalance, exposure) is bigint in currency units x 10000;
//   seto carries doubles in currency (see moneyToCurrency);
// - `seq` is the eto seq of the request being answered, passed through from
//   the command (`requestSeq`) when the network layer gave one.
// Account events also carry `accountSequence` (seto's account_sequence_64);
// where the seto message has no such field the network layer drops it.
import type {
  ContractStateType,
  MarketStateType,
  OrderCancelledReason,
  OrderCancelRejectedReason,
  OrderCancelReplaceRejectedReason,
  OrderInvalidReason,
  OrderQuantityReducedReason,
  OrderQuantityReduceRejectedReason,
  OrderRejectedReason,
  Side,
} from "../../generated/seto.js";

export type AccountId = number;

/** Total quantity resting at one price (seto Quote). */
export interface QuoteLevel {
  readonly price: number;
  readonly quantity: bigint;
}

/** One trade as market data shows it (seto Execution); `liquidity` is the resting order's side. */
export interface ExecutionRecord {
  readonly price: number;
  readonly quantity: bigint;
  readonly liquidity: Side;
  readonly microseconds: bigint;
}

interface OrderWhere {
  readonly marketId: number;
  readonly contractId: number;
  readonly side: Side;
}

export interface OrderAcceptedBody extends OrderWhere {
  readonly kind: "order-accepted";
  readonly seq: bigint | undefined;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
  readonly orderId: bigint;
  readonly price: number;
  readonly quantity: bigint;
  readonly availableBalance: bigint;
  readonly exposure: bigint;
}

export interface OrderRejectedBody {
  readonly kind: "order-rejected";
  readonly seq: bigint | undefined;
  readonly reason: OrderRejectedReason;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
}

export interface OrderInvalidBody {
  readonly kind: "order-invalid";
  readonly seq: bigint | undefined;
  readonly reasons: readonly OrderInvalidReason[];
  readonly reference: bigint | undefined;
}

/** Sent to both sides of every execution. `price` is the execution's, `origPrice` the order's. */
export interface OrderExecutedBody extends OrderWhere {
  readonly kind: "order-executed";
  readonly orderId: bigint;
  readonly price: number;
  readonly quantity: bigint;
  readonly origPrice: number;
  readonly totalExecutedQuantity: bigint;
  readonly executedAvgPrice: number;
  /** The order's unfilled remainder after this execution. */
  readonly availableQuantity: bigint;
  readonly availableBalance: bigint;
  readonly exposure: bigint;
  readonly label: string | undefined;
}

export interface OrderCancelledBody extends OrderWhere {
  readonly kind: "order-cancelled";
  readonly reason: OrderCancelledReason;
  /** The reference of the request that caused the cancellation, if a request did. */
  readonly reference: bigint | undefined;
  readonly orderId: bigint;
  readonly origPrice: number;
  readonly executedQuantity: bigint;
  readonly executedAvgPrice: number | undefined;
  readonly availableBalance: bigint;
  readonly exposure: bigint;
  readonly label: string | undefined;
}

export interface OrderCancelRejectedBody {
  readonly kind: "order-cancel-rejected";
  readonly reason: OrderCancelRejectedReason;
  readonly reference: bigint | undefined;
  readonly orderId: bigint | undefined;
  /** Set when the failed request was a cancel-replace. */
  readonly origOrderId: bigint | undefined;
  readonly marketId: number | undefined;
  readonly contractId: number | undefined;
  readonly side: Side | undefined;
  readonly label: string | undefined;
}

export interface OrderQuantityReducedBody extends OrderWhere {
  readonly kind: "order-quantity-reduced";
  readonly orderId: bigint;
  readonly reason: OrderQuantityReducedReason;
  readonly reference: bigint | undefined;
  readonly newQuantity: bigint;
  readonly origPrice: number;
  readonly executedQuantity: bigint;
  readonly executedAvgPrice: number | undefined;
  readonly label: string | undefined;
}

export interface OrderQuantityReduceRejectedBody {
  readonly kind: "order-quantity-reduce-rejected";
  readonly orderId: bigint;
  readonly reason: OrderQuantityReduceRejectedReason;
  readonly reference: bigint | undefined;
  readonly newQuantity: bigint;
  readonly label: string | undefined;
}

/** A cancel-replace was taken; `orderId` is the id the replacement gets if it is accepted. */
export interface OrderPendingReplaceBody extends OrderWhere {
  readonly kind: "order-pending-replace";
  readonly orderId: bigint;
  readonly origOrderId: bigint;
  readonly price: number;
  readonly quantity: bigint;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
}

export interface OrderCancelReplaceAcceptedBody extends OrderWhere {
  readonly kind: "order-cancel-replace-accepted";
  readonly orderId: bigint;
  readonly origOrderId: bigint;
  readonly price: number;
  readonly quantity: bigint;
  /** The original order's unfilled remainder that the replace cancelled. */
  readonly quantityLeft: bigint;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
}

export interface OrderCancelReplaceRejectedBody extends OrderWhere {
  readonly kind: "order-cancel-replace-rejected";
  readonly orderId: bigint;
  readonly origOrderId: bigint;
  readonly reason: OrderCancelReplaceRejectedReason;
  readonly reference: bigint | undefined;
  readonly label: string | undefined;
}

export interface OrderCancelAllAcceptedBody {
  readonly kind: "order-cancel-all-accepted";
  readonly reference: bigint | undefined;
  /** The market the request named, if any (not a seto field; for the record). */
  readonly marketId: number | undefined;
}

export interface BalanceChangedBody {
  readonly kind: "balance-changed";
  /** The command that moved the money, e.g. "order-create". */
  readonly reason: string;
  readonly availableBalance: bigint;
  readonly exposure: bigint;
}

export type AccountEventBody =
  | OrderAcceptedBody
  | OrderRejectedBody
  | OrderInvalidBody
  | OrderExecutedBody
  | OrderCancelledBody
  | OrderCancelRejectedBody
  | OrderQuantityReducedBody
  | OrderQuantityReduceRejectedBody
  | OrderPendingReplaceBody
  | OrderCancelReplaceAcceptedBody
  | OrderCancelReplaceRejectedBody
  | OrderCancelAllAcceptedBody
  | BalanceChangedBody;

interface ToAccount {
  readonly audience: "account";
  readonly accountId: AccountId;
  /** The account's event counter, from 1; a client resumes from it. */
  readonly accountSequence: bigint;
}

/** An event for one account's sessions. */
export type AccountEvent = AccountEventBody & ToAccount;

/**
 * A contract's book or trades changed (seto ContractQuotes). `bids` (best,
 * i.e. highest, first) and `offers` (lowest first) are the whole aggregated
 * depth after the change; `changedBids`/`changedOffers` are only the levels
 * whose quantity changed, with 0 for a level that emptied, which is what a
 * seto contract-quotes delta carries.
 */
export interface ContractQuotesEvent {
  readonly audience: "market";
  readonly kind: "contract-quotes";
  readonly marketId: number;
  readonly contractId: number;
  readonly bids: readonly QuoteLevel[];
  readonly offers: readonly QuoteLevel[];
  readonly changedBids: readonly QuoteLevel[];
  readonly changedOffers: readonly QuoteLevel[];
  /** Executions of this command, in order. */
  readonly executions: readonly ExecutionRecord[];
  readonly lastExecution: ExecutionRecord | undefined;
  readonly highPrice: number | undefined;
  readonly lowPrice: number | undefined;
}

/** A market changed state (seto MarketState). */
export interface MarketStateEvent {
  readonly audience: "market";
  readonly kind: "market-state";
  readonly marketId: number;
  readonly state: MarketStateType;
  readonly reason: string | undefined;
  readonly contracts: readonly { readonly contractId: number; readonly state: ContractStateType }[];
}

/** An event for every session subscribed to the market. */
export type MarketEvent = ContractQuotesEvent | MarketStateEvent;

export type EngineEvent = AccountEvent | MarketEvent;

/** What every command returns: its events in the order they happened. */
export interface CommandResult {
  readonly events: readonly EngineEvent[];
}
