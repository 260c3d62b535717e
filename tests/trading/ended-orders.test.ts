// The ended-order queue behind OrderTracker's retention (retainEnded): a
// first-in first-out set, checked against a plain array model, across the
// compactions of its queue.
import test from "ava";
import fc from "fast-check";
import { EndedOrders } from "../../runtime/trading/orders/ended-orders.js";
import { OrderTracker } from "../../runtime/trading/index.js";
import { cancelled, incoming } from "./helpers/events.js";

test("shift hands back items oldest first; adding one already held keeps its place; an empty queue shifts undefined", (t) => {
  const q = new EndedOrders<string>();
  t.is(q.shift(), undefined);
  q.add("a");
  q.add("b");
  q.add("a");
  q.add("c");
  t.is(q.size, 3);
  t.deepEqual([q.shift(), q.shift(), q.shift(), q.shift()], ["a", "b", "c", undefined]);
  t.is(q.size, 0);
  q.add("a");
  t.is(q.shift(), "a", "an item shifted out can be added again");
});

test("any run of adds and shifts matches a first-in first-out set (property), over thousands of items so the queue compacts", (t) => {
  const op = fc.oneof(fc.record({ add: fc.integer({ min: 0, max: 3000 }) }), fc.constant({ shift: true as const }));
  fc.assert(
    fc.property(fc.array(op, { maxLength: 6000 }), (ops) => {
      const q = new EndedOrders<number>();
      const model: number[] = [];
      for (const o of ops) {
        if ("add" in o) {
          q.add(o.add);
          if (!model.includes(o.add)) model.push(o.add);
        } else if (q.shift() !== model.shift()) return false;
        if (q.size !== model.length) return false;
      }
      const rest: (number | undefined)[] = [];
      for (let x = q.shift(); x !== undefined; x = q.shift()) rest.push(x);
      t.deepEqual(rest, model);
      return true;
    }),
    { numRuns: 30 },
  );
  // Long runs: 5,000 adds, each followed by a shift once more than 10 are held.
  const q = new EndedOrders<number>();
  for (let i = 0; i < 5_000; i++) {
    q.add(i);
    if (q.size > 10) t.is(q.shift(), i - 10);
  }
  t.is(q.size, 10);
});

test("an order tracker keeps only the most recent retainEnded ended orders over thousands of orders ended", (t) => {
  const orders = new OrderTracker({ retainEnded: 3 });
  let seq = 0n;
  for (let id = 1n; id <= 3_000n; id += 1n) {
    orders.apply(incoming("seto.order_accepted", { seq: id, reference: 10_000n + id, orderId: id, quantity: 10n, accountSequence64: ++seq }));
    orders.apply(incoming("seto.order_cancelled", cancelled({ orderId: id, accountSequence64: ++seq })));
  }
  t.deepEqual(
    orders.all().map((o) => o.orderId),
    [2_998n, 2_999n, 3_000n],
  );
  t.is(orders.get(2_997n), undefined);
  t.is(orders.byReference(10_001n), undefined);
  t.is(orders.get(3_000n)?.status, "cancelled");
});
