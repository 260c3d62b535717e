// Order ids, references and seqs are kept in maps keyed by number where the
// number is exact (bigint-key.ts): ids on either side of 2^53, and ids that a
// double could not tell apart, must each find their own order.
import test from "ava";
import { bigintKey } from "../../runtime/bigint-key.js";
import { OrderTracker } from "../../runtime/trading/index.js";
import { BUY, executed, incoming } from "./helpers/events.js";

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

test("bigintKey: a number up to 2^53 - 1, the bigint itself beyond (and below 0)", (t) => {
  t.is(bigintKey(0n), 0);
  t.is(bigintKey(SAFE), Number.MAX_SAFE_INTEGER);
  t.is(bigintKey(SAFE + 1n), SAFE + 1n);
  t.is(bigintKey(2n ** 64n - 1n), 2n ** 64n - 1n);
  t.is(bigintKey(-1n), -1n);
});

test("orders whose ids straddle 2^53, or differ only past a double's precision, are told apart", (t) => {
  const orders = new OrderTracker();
  const ids = [SAFE - 1n, SAFE, SAFE + 1n, SAFE + 2n, 2n ** 63n, 2n ** 63n + 1n, 2n ** 64n - 1n];
  ids.forEach((orderId, i) => {
    orders.apply(
      incoming("seto.order_executed", executed({ orderId, price: 2500, quantity: BigInt(10_000 * (i + 1)), availableQuantity: 50_000n, accountSequence64: BigInt(i + 1) })),
    );
  });
  for (const [i, orderId] of ids.entries()) t.like(orders.get(orderId), { orderId, executedQuantity: BigInt(10_000 * (i + 1)), status: "partially-executed" });
  t.is(orders.all().length, ids.length);
});

test("a retired order past 2^53 is forgotten from every index", (t) => {
  const orders = new OrderTracker({ retainEnded: 1 });
  const big = 2n ** 63n + 5n;
  orders.sent({ reference: 2n ** 64n - 2n, seq: 1n, message: { marketId: 1, contractId: 2, side: BUY, price: 2500, quantity: 10_000n, reference: 2n ** 64n - 2n } });
  orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 2n ** 64n - 2n, orderId: big, accountSequence64: 1n }));
  orders.apply(incoming("seto.order_executed", executed({ orderId: big, price: 2500, quantity: 10_000n, availableQuantity: 0n, accountSequence64: 2n })));
  t.like(orders.get(big), { status: "executed" });
  t.like(orders.byReference(2n ** 64n - 2n), { orderId: big });
  // A second ended order pushes the first out of retention.
  orders.apply(incoming("seto.order_executed", executed({ orderId: SAFE + 7n, price: 2500, quantity: 10_000n, availableQuantity: 0n, accountSequence64: 3n })));
  t.is(orders.get(big), undefined);
  t.is(orders.byReference(2n ** 64n - 2n), undefined);
  t.like(orders.get(SAFE + 7n), { status: "executed" });
  t.is(orders.all().length, 1);
});
