import test from "ava";
import { Side, TimeInForceType } from "../../generated/seto.js";
import { OrderBook } from "../../exchange/engine/order-book.js";
import type { Order } from "../../exchange/engine/order.js";

let nextId = 1n;
function order(accountId: number, side: Side, price: number, quantity: bigint): Order {
  return {
    id: nextId++,
    accountId,
    marketId: 1,
    contractId: 1,
    side,
    price,
    tif: TimeInForceType.GOOD_TIL_CANCELLED,
    reference: undefined,
    label: undefined,
    quantity,
    filled: 0n,
    executedValue: 0n,
    reserved: 0n,
    status: "live",
  };
}

test("levels aggregate orders and keep best-first order; removing the last order removes the level", (t) => {
  const book = new OrderBook(1);
  const a = order(1, Side.SIDE_BUY, 4000, 5n);
  const b = order(2, Side.SIDE_BUY, 4500, 1n);
  const c = order(3, Side.SIDE_BUY, 4000, 2n);
  const d = order(1, Side.SIDE_SELL, 6000, 3n);
  const e = order(2, Side.SIDE_SELL, 5500, 4n);
  for (const o of [a, b, c, d, e]) book.add(o);
  t.deepEqual(book.depth(), {
    bids: [
      { price: 4500, quantity: 1n },
      { price: 4000, quantity: 7n },
    ],
    offers: [
      { price: 5500, quantity: 4n },
      { price: 6000, quantity: 3n },
    ],
  });
  t.deepEqual(book.orders(), [b, a, c, e, d]);
  book.remove(b);
  t.is(book.bids.bestPrice(), 4000);
  t.is(book.bids.first(), a);
  book.remove(b); // not resting any more: nothing happens
  t.deepEqual(book.depth().bids, [{ price: 4000, quantity: 7n }]);
});

test("fill and reduce shrink the level; an order with nothing left leaves, others keep their place", (t) => {
  const book = new OrderBook(1);
  const a = order(1, Side.SIDE_SELL, 5000, 5n);
  const b = order(2, Side.SIDE_SELL, 5000, 5n);
  book.add(a);
  book.add(b);
  book.reduce(a, 3n);
  t.deepEqual(book.depth().offers, [{ price: 5000, quantity: 8n }]);
  t.is(book.offers.first(), a);
  book.fill(a, 3n);
  t.is(a.filled, 3n);
  t.is(book.offers.first(), b);
  book.fill(b, 2n);
  t.deepEqual(book.depth().offers, [{ price: 5000, quantity: 3n }]);
});

test("wouldCrossOwn looks at the account's opposite orders that the price reaches", (t) => {
  const book = new OrderBook(1);
  book.add(order(1, Side.SIDE_SELL, 5500, 1n));
  book.add(order(2, Side.SIDE_SELL, 5000, 1n));
  book.add(order(1, Side.SIDE_BUY, 4000, 1n));
  t.true(book.wouldCrossOwn(1, Side.SIDE_BUY, 5500));
  t.false(book.wouldCrossOwn(1, Side.SIDE_BUY, 5400));
  t.false(book.wouldCrossOwn(2, Side.SIDE_BUY, 4900));
  t.true(book.wouldCrossOwn(1, Side.SIDE_SELL, 4000));
  t.false(book.wouldCrossOwn(1, Side.SIDE_SELL, 4100));
  t.false(book.wouldCrossOwn(3, Side.SIDE_BUY, 9999));
});
