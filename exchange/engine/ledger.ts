// The money side of order events: holding an order's risk, and moving stake
// and quantity between buyer and seller on an execution.
import type { Accounts } from "./accounts.js";
import { buyerStake, orderRisk } from "./money.js";
import { remaining, type Order } from "./order.js";

/** Re-sets the money held for `order` to the risk of its unfilled remainder (zero once it is not live). */
export function holdRemainder(accounts: Accounts, order: Order): void {
  const amount = order.status === "live" ? orderRisk(order.side, remaining(order), order.price) : 0n;
  const account = accounts.get(order.accountId);
  account.reserved += amount - order.reserved;
  order.reserved = amount;
  accounts.dirty.add(account);
}

/** What the buyer pays the seller for `quantity` at `price`, moved into both positions. */
export function transferPosition(
  accounts: Accounts,
  buyerId: number,
  sellerId: number,
  contractId: number,
  quantity: bigint,
  price: number,
): void {
  const money = buyerStake(quantity, price);
  const buyer = accounts.get(buyerId);
  const seller = accounts.get(sellerId);
  const bought = buyer.position(contractId);
  bought.quantity += quantity;
  bought.stake += money;
  const sold = seller.position(contractId);
  sold.quantity -= quantity;
  sold.stake -= money;
  accounts.dirty.add(buyer);
  accounts.dirty.add(seller);
}
