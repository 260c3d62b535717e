// Checks an order must pass before it reaches a book, shared by order-create
// and cancel-replace (which report failures with different enums).
import {
  ContractStateType,
  MarketStateType,
  OrderCancelReplaceRejectedReason as ReplaceReason,
  OrderInvalidReason,
  OrderRejectedReason as RejectReason,
  Side,
  TimeInForceType,
} from "../../generated/seto.js";
import type { Catalogue } from "./catalogue.js";
import { EngineCommandError } from "./errors.js";
import { MAX_PRICE, MIN_PRICE } from "./money.js";

/** Price and quantity checks; every failing one is reported (seto order-invalid carries a list). */
export function invalidReasons(
  price: number | undefined,
  quantity: bigint,
  isTick: (price: number) => boolean,
  quantityUnit: bigint,
): OrderInvalidReason[] {
  const reasons: OrderInvalidReason[] = [];
  const priceOk = price !== undefined && Number.isInteger(price) && price >= MIN_PRICE && price <= MAX_PRICE && isTick(price);
  if (!priceOk) reasons.push(OrderInvalidReason.ORDER_INVALID_INVALID_PRICE);
  if (quantity <= 0n || quantity % quantityUnit !== 0n) reasons.push(OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY);
  return reasons;
}

/** Why an otherwise valid order cannot trade now. */
export type Block =
  | "market-not-found"
  | "contract-not-found"
  | "market-not-open"
  | "market-halted"
  | "market-settled"
  | "contract-settled"
  | "crossed-self";

export function tradingBlock(catalogue: Catalogue, marketId: number, contractId: number): Block | undefined {
  const market = catalogue.market(marketId);
  if (market === undefined) return "market-not-found";
  const contract = catalogue.contract(contractId);
  if (contract === undefined || contract.marketId !== marketId) return "contract-not-found";
  switch (market.state) {
    case MarketStateType.MARKET_STATE_OPEN:
    case MarketStateType.MARKET_STATE_LIVE:
      break;
    case MarketStateType.MARKET_STATE_HALTED:
      return "market-halted";
    case MarketStateType.MARKET_STATE_SETTLED:
    case MarketStateType.MARKET_STATE_VOIDED:
      return "market-settled";
    default:
      return "market-not-open";
  }
  switch (contract.state) {
    case ContractStateType.CONTRACT_STATE_SETTLED:
    case ContractStateType.CONTRACT_STATE_VOIDED:
      return "contract-settled";
    case ContractStateType.CONTRACT_STATE_HALTED:
      return "market-halted";
    case ContractStateType.CONTRACT_STATE_NEW:
      return "market-not-open";
    default:
      return undefined;
  }
}

export const rejectedReason: Readonly<Record<Block, RejectReason>> = {
  "market-not-found": RejectReason.ORDER_REJECTED_MARKET_NOT_FOUND,
  "contract-not-found": RejectReason.ORDER_REJECTED_CONTRACT_NOT_FOUND,
  "market-not-open": RejectReason.ORDER_REJECTED_MARKET_NOT_OPEN,
  "market-halted": RejectReason.ORDER_REJECTED_MARKET_HALTED,
  "market-settled": RejectReason.ORDER_REJECTED_MARKET_SETTLED,
  "contract-settled": RejectReason.ORDER_REJECTED_CONTRACT_SETTLED,
  "crossed-self": RejectReason.ORDER_REJECTED_CROSSED_SELF,
};

export const replaceRejectedReason: Readonly<Record<Block, ReplaceReason>> = {
  "market-not-found": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_NOT_FOUND,
  "contract-not-found": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_CONTRACT_NOT_FOUND,
  "market-not-open": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_NOT_OPEN,
  "market-halted": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_HALTED,
  "market-settled": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_SETTLED,
  "contract-settled": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_CONTRACT_SETTLED,
  "crossed-self": ReplaceReason.ORDER_CANCEL_REPLACE_REJECTED_CROSSED_SELF,
};

/** Side is a required seto enum; a value outside it is the network layer's bug, not a trader's. */
export function checkSide(side: Side): void {
  if (side !== Side.SIDE_BUY && side !== Side.SIDE_SELL) {
    throw new EngineCommandError(`side ${side} is not SIDE_BUY (1) or SIDE_SELL (2)`);
  }
}

/** The time in force an order gets: seto's default is GOOD_TIL_CANCELLED. */
export function resolveTif(tif: TimeInForceType | undefined): TimeInForceType {
  const resolved = tif ?? TimeInForceType.GOOD_TIL_CANCELLED;
  if (!Number.isInteger(resolved) || resolved < TimeInForceType.GOOD_TIL_CANCELLED || resolved > TimeInForceType.GOOD_TILL_HALTED) {
    throw new EngineCommandError(`time in force ${resolved} is not one of 1..4 (GOOD_TIL_CANCELLED..GOOD_TILL_HALTED)`);
  }
  return resolved;
}
