// The commands the engine takes, mirroring the seto requests. `accountId` is
// the logged-in account the request came from; `requestSeq` is the eto seq of
// the request, echoed in the replies that carry a `seq`.
import type { MarketStateType, Side, TimeInForceType } from "../../../generated/seto.js";

export interface CreateOrderCommand {
  readonly accountId: number;
  readonly marketId: number;
  readonly contractId: number;
  readonly side: Side;
  readonly quantity: bigint;
  /** Optional on the wire; a missing price is INVALID_PRICE. */
  readonly price?: number | undefined;
  /** Defaults to GOOD_TIL_CANCELLED, as in seto. */
  readonly tif?: TimeInForceType | undefined;
  readonly reference?: bigint | undefined;
  readonly label?: string | undefined;
  readonly requestSeq?: bigint | undefined;
}

export interface CancelOrderCommand {
  readonly accountId: number;
  readonly orderId: bigint;
  readonly reference?: bigint | undefined;
}

export interface CancelAllCommand {
  readonly accountId: number;
  /** Only orders in this market; all the account's orders when absent. */
  readonly marketId?: number | undefined;
  readonly reference?: bigint | undefined;
}

export interface ReduceOrderCommand {
  readonly accountId: number;
  readonly orderId: bigint;
  /** The order's new total size (executed part included); see reduce-order.ts. */
  readonly newQuantity: bigint;
  readonly reference?: bigint | undefined;
}

export interface CancelReplaceCommand {
  readonly accountId: number;
  readonly origOrderId: bigint;
  readonly price: number;
  readonly quantity: bigint;
  /** When given, must be the original order's market. */
  readonly marketId?: number | undefined;
  readonly reference?: bigint | undefined;
  /** The replacement's label; it keeps the original's when absent. */
  readonly label?: string | undefined;
  readonly requestSeq?: bigint | undefined;
}

/** A change of a market's state (`exchange.setMarketState`), with an optional reason. */
export interface MarketStateCommand {
  readonly marketId: number;
  readonly state: MarketStateType;
  readonly reason?: string | undefined;
}
