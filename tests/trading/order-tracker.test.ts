import test from "ava";
import * as seto from "../../generated/seto.js";
import { OrderTracker, type OrderChange } from "../../runtime/trading/index.js";
import { BUY, cancelled, executed, incoming } from "./helpers/events.js";

const create: seto.OrderCreate = { marketId: 1, contractId: 2, side: BUY, price: 2500, quantity: 400_000n, reference: 11n };
const where = { marketId: 1, contractId: 2, side: BUY };

/** A tracker with order 5 placed (reference 11, seq 1) and accepted at account sequence 1. */
function placed(): OrderTracker {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 11n, orderId: 5n, accountSequence64: 1n, price: 2500, quantity: 400_000n }));
  return orders;
}

test("an order goes pending → live → partially executed → executed, with exact totals", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  t.like(orders.byReference(11n), { status: "pending", orderId: undefined, seq: 1n, quantity: 400_000n, remainingQuantity: 400_000n });
  orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 11n, orderId: 5n, accountSequence64: 1n }));
  t.like(orders.get(5n), { status: "live", reference: 11n, remainingQuantity: 400_000n, accountSequence: 1n });
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n })));
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2532, quantity: 200_000n, accountSequence64: 3n })));
  const partial = orders.get(5n)!;
  t.is(partial.status, "partially-executed");
  t.is(partial.executedQuantity, 300_000n);
  t.is(partial.executedValue, 2500n * 100_000n + 2532n * 200_000n);
  t.deepEqual(partial.averagePrice, { num: 7564n, den: 3n }); // (250000000 + 506400000) / 300000 = 2521.33…
  t.is(partial.remainingQuantity, 100_000n);
  t.deepEqual(orders.live().map((o) => o.orderId), [5n]);
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 4n })));
  t.like(orders.get(5n), { status: "executed", remainingQuantity: 0n, executedQuantity: 400_000n });
  t.deepEqual(orders.live(), []);
  t.is(orders.lastAccountSequence, 4n);
});

test("the open rest follows available_quantity when the execution states it", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, availableQuantity: 250_000n, accountSequence64: 2n })));
  t.is(orders.get(5n)!.remainingQuantity, 250_000n);
});

test("cancelled: the rest goes, executions stay, the reason is named", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n })));
  orders.apply(incoming("seto.order_cancelled", cancelled({ orderId: 5n, accountSequence64: 3n, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED })));
  t.like(orders.get(5n), { status: "cancelled", remainingQuantity: 0n, executedQuantity: 100_000n, reason: "ORDER_CANCELLED_MARKET_HALTED" });
});

test("rejected and invalid orders end without an id", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  orders.sent({ reference: 12n, seq: 2n, message: { ...create, reference: 12n } });
  orders.apply(incoming("seto.order_rejected", { seq: 1n, reference: 11n, reason: seto.OrderRejectedReason.ORDER_REJECTED_MARKET_NOT_OPEN }));
  orders.apply(incoming("seto.order_invalid", { seq: 2n, reasons: [seto.OrderInvalidReason.ORDER_INVALID_INVALID_PRICE] }));
  t.like(orders.byReference(11n), { status: "rejected", reason: "ORDER_REJECTED_MARKET_NOT_OPEN", remainingQuantity: 0n });
  t.like(orders.byReference(12n), { status: "invalid", reason: "ORDER_INVALID_INVALID_PRICE" });
});

test("quantity reduced: size and rest shrink; reduced to what executed, it ends as reduced", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n })));
  const reduce = (newQuantity: bigint, seq: bigint) =>
    orders.apply(
      incoming("seto.order_quantity_reduced", {
        orderId: 5n,
        newQuantity,
        reason: seto.OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
        accountSequence64: seq,
      }),
    );
  reduce(300_000n, 3n);
  t.like(orders.get(5n), { status: "partially-executed", quantity: 300_000n, remainingQuantity: 200_000n });
  reduce(100_000n, 4n);
  t.like(orders.get(5n), { status: "reduced", quantity: 100_000n, remainingQuantity: 0n, executedQuantity: 100_000n });
});

test("order-reduced (the exchange's): price and size change", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_reduced", { orderId: 5n, price: 2000, quantity: 300_000n, sourceQuantity: 400_000n, accountSequence64: 2n }));
  t.like(orders.get(5n), { status: "live", price: 2000, quantity: 300_000n, remainingQuantity: 300_000n });
});

test("cancel-replace: the replacement is pending, then live; the original ends as replaced, keeping its executions", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n })));
  orders.apply(incoming("seto.order_pending_replace", { orderId: 6n, origOrderId: 5n, price: 2532, quantity: 200_000n, reference: 12n, accountSequence64: 3n, ...where }));
  t.like(orders.get(6n), { status: "pending", replaces: 5n, reference: 12n });
  t.is(orders.get(5n)!.status, "partially-executed");
  orders.apply(
    incoming("seto.order_cancel_replace_accepted", {
      orderId: 6n,
      origOrderId: 5n,
      price: 2532,
      quantity: 200_000n,
      quantityLeft: 300_000n,
      reference: 12n,
      accountSequence64: 4n,
      ...where,
    }),
  );
  t.like(orders.get(5n), { status: "replaced", replacedBy: 6n, remainingQuantity: 0n, executedQuantity: 100_000n });
  t.like(orders.get(6n), { status: "live", price: 2532, quantity: 200_000n, remainingQuantity: 200_000n, replaces: 5n });
  t.is(orders.byReference(12n)?.orderId, 6n);
});

test("a refused cancel-replace leaves the original alone and ends the replacement as rejected", (t) => {
  for (const refusal of [
    incoming("seto.order_cancel_replace_rejected", {
      orderId: 6n,
      origOrderId: 5n,
      reason: seto.OrderCancelReplaceRejectedReason.ORDER_CANCEL_REPLACE_REJECTED_CROSSED_SELF,
      accountSequence64: 3n,
      ...where,
    }),
    incoming("seto.order_cancel_rejected", { orderId: 6n, origOrderId: 5n, reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_INSUFFICIENT_FUNDS, accountSequence64: 3n }),
  ]) {
    const orders = placed();
    orders.apply(incoming("seto.order_pending_replace", { orderId: 6n, origOrderId: 5n, price: 2532, quantity: 200_000n, accountSequence64: 2n, ...where }));
    orders.apply(refusal);
    t.is(orders.get(6n)?.status, "rejected");
    t.like(orders.get(5n), { status: "live", remainingQuantity: 400_000n });
  }
});

test("voids: an execution voided comes off the totals; a voided order ends", (t) => {
  const orders = placed();
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 400_000n, accountSequence64: 2n })));
  t.is(orders.get(5n)!.status, "executed");
  orders.apply(incoming("seto.order_execute_voided", { orderId: 5n, price: 2500, quantity: 400_000n, accountSequence64: 3n }));
  t.like(orders.get(5n), { status: "voided", executedQuantity: 0n, executedValue: 0n, voidedQuantity: 400_000n, averagePrice: undefined });

  const other = placed();
  other.apply(incoming("seto.order_voided", { orderId: 5n, quantity: 400_000n, sourceQuantity: 400_000n, accountSequence64: 2n }));
  t.like(other.get(5n), { status: "voided", remainingQuantity: 0n, voidedQuantity: 400_000n });
});

test("messages about an order never seen create it, marked incomplete", (t) => {
  const orders = new OrderTracker();
  orders.apply(
    incoming("seto.order_executed", executed({ orderId: 9n, price: 3030, quantity: 10_000n, totalExecutedQuantity: 30_000n, executedAvgPrice: 3000, availableQuantity: 70_000n, origPrice: 3030, accountSequence64: 8n })),
  );
  t.like(orders.get(9n), { status: "partially-executed", complete: false, executedQuantity: 30_000n, remainingQuantity: 70_000n, quantity: 100_000n, price: 3030 });
  orders.apply(incoming("seto.order_cancelled", cancelled({ orderId: 10n, executedQuantity: 5n, accountSequence64: 9n, ...where })));
  t.like(orders.get(10n), { status: "cancelled", complete: false, executedQuantity: 5n, marketId: 1 });
  // An acceptance of an order this client did not send (another session's) starts a complete record.
  orders.apply(incoming("seto.order_accepted", { seq: 99n, reference: 77n, orderId: 11n, price: 2500, quantity: 10n, accountSequence64: 10n }));
  t.like(orders.get(11n), { status: "live", complete: true, reference: 77n });
});

test("replies without account sequences are applied once: a repeated acceptance or invalid changes nothing", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  t.is(orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 11n, orderId: 5n })), "applied");
  t.is(orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 11n, orderId: 5n })), "ignored");
  t.is(orders.apply(incoming("seto.order_invalid", { seq: 1n, reference: 11n, reasons: [] })), "ignored");
  t.is(orders.get(5n)?.status, "live");
  t.is(orders.all().length, 1);
});

test("account sequences: anything at or below the last applied is a duplicate; a saved start is honoured", (t) => {
  const orders = new OrderTracker({ lastAccountSequence: 10 });
  t.is(orders.apply(incoming("seto.order_cancel_all_accepted", { accountSequence64: 10n })), "duplicate");
  t.is(orders.apply(incoming("seto.order_cancel_all_accepted", { accountSequence64: 11n })), "ignored");
  t.is(orders.apply(incoming("seto.order_cancel_all_accepted", { accountSequence: 11 })), "duplicate"); // the 32-bit field counts too
  t.is(orders.lastAccountSequence, 11n);
  t.is(orders.apply(incoming("seto.contract_quotes", { marketId: 1, contractId: 1, bids: [], offers: [], executions: [] })), "ignored");
});

test("the change stream tells each change with the order before and after", async (t) => {
  const orders = new OrderTracker();
  const iterator = orders.changes()[Symbol.asyncIterator]();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  orders.apply(incoming("seto.order_accepted", { seq: 1n, reference: 11n, orderId: 5n, accountSequence64: 1n }));
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 1n, accountSequence64: 2n }), true));
  orders.apply(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 1n, accountSequence64: 2n }), true)); // duplicate: no change
  orders.close();
  const seen: OrderChange[] = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) seen.push(r.value);
  t.deepEqual(
    seen.map((c) => [c.cause, c.previous?.status, c.order.status, c.isReplay]),
    [
      ["seto.order_create", undefined, "pending", false],
      ["seto.order_accepted", "pending", "live", false],
      ["seto.order_executed", "live", "partially-executed", true],
    ],
  );
});

test("ended orders beyond retainEnded are forgotten, oldest first; resting ones never are", (t) => {
  const orders = new OrderTracker({ retainEnded: 2 });
  let seq = 0n;
  for (let id = 1n; id <= 5n; id += 1n) {
    orders.apply(incoming("seto.order_accepted", { seq: id, reference: 100n + id, orderId: id, quantity: 10n, accountSequence64: ++seq }));
  }
  for (const id of [1n, 2n, 3n]) orders.apply(incoming("seto.order_cancelled", cancelled({ orderId: id, accountSequence64: ++seq })));
  t.deepEqual(
    orders.all().map((o) => o.orderId),
    [2n, 3n, 4n, 5n],
  );
  t.is(orders.get(1n), undefined);
  t.is(orders.byReference(101n), undefined);
  t.is(orders.byReference(102n)?.status, "cancelled");
});

const throttled = (seq: bigint, accountSequence64?: bigint) =>
  incoming("seto.order_rejected", { seq, reference: 11n, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED, accountSequence64 });

test("an order-create refused for speed and sent again stays one pending order, moved to the new seq; its refusal ends nothing", async (t) => {
  const orders = new OrderTracker();
  const iterator = orders.changes()[Symbol.asyncIterator]();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  t.is(orders.apply(throttled(1n, 1n), { resending: true }), "ignored");
  t.is(orders.lastAccountSequence, 1n, "its account sequence still counts");
  orders.sent({ reference: 11n, seq: 2n, message: create, resend: true });
  t.like(orders.byReference(11n), { status: "pending", seq: 2n });
  t.is(orders.all().length, 1);
  // A reply echoing the first attempt's seq is no longer this order's.
  t.is(orders.apply(incoming("seto.order_rejected", { seq: 1n, reference: 11n, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS })), "ignored");
  t.is(orders.apply(incoming("seto.order_accepted", { seq: 2n, reference: 11n, orderId: 5n, accountSequence64: 2n })), "applied");
  t.like(orders.get(5n), { status: "live", seq: 2n, reference: 11n });
  orders.close();
  const seen: OrderChange[] = [];
  for (let r = await iterator.next(); !r.done; r = await iterator.next()) seen.push(r.value);
  t.deepEqual(
    seen.map((c) => [c.cause, c.previous?.seq, c.order.seq, c.order.status]),
    [
      ["seto.order_create", undefined, 1n, "pending"],
      ["seto.order_create", 1n, 2n, "pending"],
      ["seto.order_accepted", 2n, 2n, "live"],
    ],
  );
});

test("a refusal for speed not being resent ends the order, as does withdrawing one that was", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create });
  t.is(orders.apply(throttled(1n)), "applied");
  t.like(orders.byReference(11n), { status: "rejected", reason: "ORDER_REJECTED_THROTTLE_EXCEEDED" });

  const resending = new OrderTracker();
  resending.sent({ reference: 11n, seq: 1n, message: create });
  resending.apply(throttled(1n), { resending: true });
  t.is(resending.byReference(11n)?.status, "pending");
  resending.withdrawn(11n);
  t.like(resending.byReference(11n), { status: "rejected", reason: "ORDER_REJECTED_THROTTLE_EXCEEDED" });
  resending.withdrawn(11n);
  t.is(resending.all().length, 1, "withdrawing twice changes nothing");
});

test("a resend of a reference no pending order awaits starts a new order; a new order-create with a reused reference is a new order", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 1n, message: create, resend: true });
  t.like(orders.byReference(11n), { status: "pending", seq: 1n });
  orders.sent({ reference: 11n, seq: 2n, message: create });
  t.is(orders.all().length, 2);
});

test("isDuplicate tells, without recording anything, what apply would skip", (t) => {
  const orders = placed();
  const old = incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 1n, accountSequence64: 1n }));
  const next = incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 1n, accountSequence64: 2n }));
  t.true(orders.isDuplicate(old));
  t.false(orders.isDuplicate(next));
  t.false(orders.isDuplicate(incoming("seto.order_rejected", { seq: 9n, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED })));
  t.is(orders.lastAccountSequence, 1n);
  t.is(orders.apply(next), "applied");
  t.true(orders.isDuplicate(next));
});

test("after a lost session, a reply without a reference echoing an old seq is not the old order's (the new session numbers from 1 again)", (t) => {
  const orders = new OrderTracker();
  orders.sent({ reference: 11n, seq: 5n, message: create });
  orders.sessionLost();
  t.is(orders.byReference(11n)?.status, "outcome-unknown");
  // In the new session, seq 5 is another request; its refusal names no reference.
  const refusal = incoming("seto.order_rejected", { seq: 5n, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS });
  t.is(orders.apply(refusal), "ignored");
  t.is(orders.byReference(11n)?.status, "outcome-unknown");
  orders.close();
});
