// Prices, quantities and money, all integers.
//
// price:    basis points of percent probability, 1..9999 (2500 = 25%).
// quantity: payoff in currency units x 10000 (400000 = 40.00 paid if the contract wins).
// money:    currency units x 10000, the same scale as quantity.
//
// The engine only accepts quantities that are whole multiples of 10000 (see
// config.ts), so every amount below divides exactly and no rounding ever
// creates or destroys money.
import { Side } from "../../generated/seto.js";

/** Basis points in 100% probability; also money units per currency unit. */
export const SCALE = 10000n;
export const MIN_PRICE = 1;
export const MAX_PRICE = 9999;

/** What a buyer pays for `quantity` at `price`: quantity x price / 10000. */
export function buyerStake(quantity: bigint, price: number): bigint {
  return (quantity * BigInt(price)) / SCALE;
}

/** What a seller puts up for `quantity` at `price`: quantity x (10000 - price) / 10000. */
export function sellerStake(quantity: bigint, price: number): bigint {
  return (quantity * (SCALE - BigInt(price))) / SCALE;
}

/** The most an order of `quantity` at `price` can lose if it all executes at that price. */
export function orderRisk(side: Side, quantity: bigint, price: number): bigint {
  return side === Side.SIDE_BUY ? buyerStake(quantity, price) : sellerStake(quantity, price);
}

/** Money in currency units, as the seto balance fields carry it (a double). */
export function moneyToCurrency(money: bigint): number {
  return Number(money) / Number(SCALE);
}

/** Quantity-weighted average price, rounded half up to a whole basis point; undefined when nothing executed. */
export function averagePrice(executedValue: bigint, executedQuantity: bigint): number | undefined {
  if (executedQuantity === 0n) return undefined;
  return Number((executedValue * 2n + executedQuantity) / (executedQuantity * 2n));
}
