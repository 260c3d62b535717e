// Property: after any sequence of fills, cancels, reduces, replaces, voids and
// replays, the tracker's view of every order equals a simple model that
// applies the same operations directly.
import assert from "node:assert/strict";
import test from "ava";
import fc from "fast-check";
import * as seto from "../../generated/seto.js";
import { OrderTracker, type OrderStatus } from "../../runtime/trading/index.js";
import type { IncomingEvent } from "../../runtime/dispatch/handler-types.js";
import { BUY, cancelled, executed, incoming } from "./helpers/events.js";

const TICKS = [2000, 2041, 2500, 2532, 3030, 3333, 5000];
const where = { marketId: 1, contractId: 2, side: BUY };

interface ModelOrder {
  status: OrderStatus;
  price: number;
  quantity: bigint;
  remaining: bigint;
  fills: { price: number; quantity: bigint }[];
  voided: bigint;
  replaces?: bigint;
  replacedBy?: bigint;
}

const executedOf = (o: ModelOrder): bigint => o.fills.reduce((s, f) => s + f.quantity, 0n);
const valueOf = (o: ModelOrder): bigint => o.fills.reduce((s, f) => s + BigInt(f.price) * f.quantity, 0n);
const resting = (o: ModelOrder): boolean => o.status === "live" || o.status === "partially-executed";
const restingStatus = (o: ModelOrder): OrderStatus => (executedOf(o) > 0n ? "partially-executed" : "live");

const step = fc.record({ op: fc.integer({ min: 0, max: 7 }), pick: fc.nat(), a: fc.nat(), b: fc.nat() });

/** Plays `steps` against the model, feeding the tracker the messages the exchange would send. */
function play(steps: readonly { op: number; pick: number; a: number; b: number }[]): { orders: OrderTracker; model: Map<bigint, ModelOrder>; lastSequence: bigint } {
  const orders = new OrderTracker({ retainEnded: 1_000_000 });
  const model = new Map<bigint, ModelOrder>();
  const delivered: IncomingEvent[] = [];
  let accountSequence = 0n;
  let nextId = 1n;
  let seq = 0n;
  const send = (event: IncomingEvent): void => {
    delivered.push(event);
    orders.apply(event);
  };
  const sequence = (): { accountSequence64: bigint } => ({ accountSequence64: ++accountSequence });
  const pickFrom = <T>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

  for (const { op, pick, a, b } of steps) {
    const open = [...model.entries()].filter(([, o]) => resting(o));
    const target = pickFrom(open, pick);
    switch (op) {
      case 0: {
        // Place (and the exchange accepts or rejects).
        const quantity = BigInt(1 + (a % 50)) * 10_000n;
        const price = TICKS[b % TICKS.length]!;
        const reference = 5000n + ++seq;
        orders.sent({ reference, seq, message: { ...where, price, quantity, reference } });
        if (b % 7 === 0) {
          send(incoming("seto.order_rejected", { seq, reference, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS, ...sequence() }));
        } else {
          const id = nextId++;
          send(incoming("seto.order_accepted", { seq, reference, orderId: id, price, quantity, ...where, ...sequence() }));
          model.set(id, { status: "live", price, quantity, remaining: quantity, fills: [], voided: 0n });
        }
        break;
      }
      case 1: {
        if (!target) break;
        const [id, o] = target;
        const quantity = 1n + (BigInt(a) % o.remaining);
        const price = TICKS[b % TICKS.length]!;
        o.fills.push({ price, quantity });
        o.remaining -= quantity;
        o.status = o.remaining === 0n ? "executed" : "partially-executed";
        const available = b % 2 === 0 ? { availableQuantity: o.remaining } : {};
        send(incoming("seto.order_executed", executed({ orderId: id, price, quantity, ...available, ...sequence() })));
        break;
      }
      case 2: {
        if (!target) break;
        const [id, o] = target;
        o.status = "cancelled";
        o.remaining = 0n;
        send(incoming("seto.order_cancelled", cancelled({ orderId: id, ...sequence() })));
        break;
      }
      case 3: {
        if (!target) break;
        const [id, o] = target;
        const low = executedOf(o) > 1n ? executedOf(o) : 1n;
        const high = o.quantity - 1n;
        if (high < low) break;
        const newQuantity = low + (BigInt(a) % (high - low + 1n));
        o.quantity = newQuantity;
        o.remaining = newQuantity - executedOf(o);
        o.status = o.remaining === 0n ? "reduced" : restingStatus(o);
        send(
          incoming("seto.order_quantity_reduced", {
            orderId: id,
            newQuantity,
            reason: seto.OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
            ...sequence(),
          }),
        );
        break;
      }
      case 4: {
        if (!target) break;
        const [origId, o] = target;
        const id = nextId++;
        const price = TICKS[a % TICKS.length]!;
        const quantity = BigInt(1 + (b % 30)) * 10_000n;
        const common = { orderId: id, origOrderId: origId, price, quantity, ...where };
        send(incoming("seto.order_pending_replace", { ...common, ...sequence() }));
        const replacement: ModelOrder = { status: "pending", price, quantity, remaining: quantity, fills: [], voided: 0n, replaces: origId };
        model.set(id, replacement);
        if (b % 3 === 0) {
          replacement.status = "rejected";
          replacement.remaining = 0n;
          send(
            incoming("seto.order_cancel_replace_rejected", {
              ...common,
              reason: seto.OrderCancelReplaceRejectedReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_HALTED,
              ...sequence(),
            }),
          );
        } else {
          const quantityLeft = o.remaining;
          o.status = "replaced";
          o.remaining = 0n;
          o.replacedBy = id;
          replacement.status = "live";
          send(incoming("seto.order_cancel_replace_accepted", { ...common, quantityLeft, ...sequence() }));
        }
        break;
      }
      case 5: {
        // An execution voided, on any order with fills.
        const filled = [...model.entries()].filter(([, x]) => x.fills.length > 0);
        const chosen = pickFrom(filled, pick);
        if (!chosen) break;
        const [id, o] = chosen;
        const [fill] = o.fills.splice(a % o.fills.length, 1);
        o.voided += fill!.quantity;
        if (o.status === "executed" && o.fills.length === 0) o.status = "voided";
        else if (resting(o)) o.status = restingStatus(o);
        send(incoming("seto.order_execute_voided", { orderId: id, price: fill!.price, quantity: fill!.quantity, ...sequence() }));
        break;
      }
      default: {
        // A replay: something already delivered comes again (it must change nothing).
        const again = pickFrom(delivered, pick);
        if (again) orders.apply(incoming(again.name, again.message as never, true) as IncomingEvent);
        break;
      }
    }
  }
  return { orders, model, lastSequence: accountSequence };
}

test("the tracker equals the reference model after any sequence of operations and replays", (t) => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
      const { orders, model, lastSequence } = play(steps);
      for (const [id, o] of model) {
        const v = orders.get(id);
        assert.ok(v, `order ${id} is missing`);
        const expected = {
          status: o.status,
          price: o.price,
          quantity: o.quantity,
          remainingQuantity: o.status === "pending" ? o.quantity : resting(o) ? o.remaining : 0n,
          executedQuantity: executedOf(o),
          executedValue: valueOf(o),
          voidedQuantity: o.voided,
          replaces: o.replaces,
          replacedBy: o.replacedBy,
        };
        const actual = {
          status: v.status,
          price: v.price,
          quantity: v.quantity,
          remainingQuantity: v.remainingQuantity,
          executedQuantity: v.executedQuantity,
          executedValue: v.executedValue,
          voidedQuantity: v.voidedQuantity,
          replaces: v.replaces,
          replacedBy: v.replacedBy,
        };
        assert.deepStrictEqual(actual, expected, `order ${id}`);
      }
      assert.deepStrictEqual(
        orders.live().map((o) => o.orderId),
        [...model.entries()].filter(([, o]) => resting(o)).map(([id]) => id),
      );
      assert.strictEqual(orders.lastAccountSequence, lastSequence === 0n ? undefined : lastSequence);
    }),
    { numRuns: 300 },
  );
  t.pass();
});
