import test from "ava";
import * as seto from "../../generated/seto.js";
import {
  OrderCancelAllRejectedError,
  OrderCancelRejectedError,
  OrderCancelReplaceRejectedError,
  OrderInvalidError,
  OrderQuantityReduceRejectedError,
} from "../../runtime/trading/index.js";
import { BUY, cancelled, incoming, quiet, tick, watch } from "./helpers/events.js";
import { setup } from "./helpers/setup.js";

const where = { marketId: 1, contractId: 2, side: BUY };

// ---- cancel ----

test("cancelOrder sends order-cancel and resolves with the order-cancelled echoing its reference", async (t) => {
  const { port, trading } = setup();
  const done = trading.cancelOrder(77n);
  t.deepEqual(port.last("seto.order_cancel").body, { orderId: 77n, reference: 1001n });
  port.receive(incoming("seto.order_cancelled", cancelled({ orderId: 77n, reference: 1001n })));
  t.is((await done).orderId, 77n);
});

test("order-cancel-rejected rejects with OrderCancelRejectedError naming the reason", async (t) => {
  const { port, trading } = setup();
  const done = trading.cancelOrder(77, { reference: 5 });
  port.receive(incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE, reference: 5n, orderId: 77n }));
  const error = await t.throwsAsync(done, { instanceOf: OrderCancelRejectedError });
  t.is(error.reasonName, "ORDER_CANCEL_REJECTED_NOT_LIVE");
  t.is(error.orderId, 77n);
  t.regex(error.message, /order 77|orderId 77/);
});

test("an order-cancelled carrying another request's reference (a cancel-all's) does not settle the cancel", async (t) => {
  const { port, trading } = setup();
  const done = watch(trading.cancelOrder(77n));
  port.receive(incoming("seto.order_cancelled", cancelled({ orderId: 77n, reference: 555n })));
  await tick();
  t.false(done.outcome.settled);
  port.receive(incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE, reference: 1001n, orderId: 77n }));
  await tick();
  t.true(done.outcome.error instanceof OrderCancelRejectedError);
});

test("an order-cancelled without a reference for the same order (the exchange ended it) settles the cancel, and the later NOT_LIVE is ignored", async (t) => {
  const { port, trading } = setup();
  const done = trading.cancelOrder(77n);
  port.receive(incoming("seto.order_cancelled", cancelled({ orderId: 77n, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED })));
  port.receive(incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_LIVE, reference: 1001n, orderId: 77n }));
  t.is((await done).reason, seto.OrderCancelledReason.ORDER_CANCELLED_MARKET_HALTED);
});

// ---- cancel all ----

test("cancelAll resolves with order-cancel-all-accepted, or rejects with OrderCancelAllRejectedError", async (t) => {
  const { port, trading } = setup();
  const done = trading.cancelAll({ marketId: 1 });
  t.deepEqual(port.last("seto.order_cancel_all").body, { reference: 1001n, marketId: 1 });
  port.receive(incoming("seto.order_cancel_all_accepted", { reference: 1001n, accountSequence64: 3n }));
  t.is((await done).reference, 1001n);
  const all = trading.cancelAll();
  t.deepEqual(port.last("seto.order_cancel_all").body, { reference: 1002n, marketId: undefined });
  port.receive(incoming("seto.order_cancel_all_rejected", { reason: seto.OrderCancelAllRejectedReason.ORDER_CANCEL_ALL_REJECTED_UNKNOWN_ERROR, reference: 1002n }));
  const error = await t.throwsAsync(all, { instanceOf: OrderCancelAllRejectedError });
  t.is(error.reasonName, "ORDER_CANCEL_ALL_REJECTED_UNKNOWN_ERROR");
});

// ---- reduce ----

test("reduceOrder resolves with order-quantity-reduced, or rejects with OrderQuantityReduceRejectedError", async (t) => {
  const { port, trading } = setup();
  const ok = trading.reduceOrder(77n, 200_000n);
  t.deepEqual(port.last("seto.order_quantity_reduce").body, { orderId: 77n, newQuantity: 200_000n, reference: 1001n });
  port.receive(
    incoming("seto.order_quantity_reduced", {
      orderId: 77n,
      reason: seto.OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
      reference: 1001n,
      newQuantity: 200_000n,
    }),
  );
  t.is((await ok).newQuantity, 200_000n);

  const bad = trading.reduceOrder(77n, 500_000n);
  port.receive(
    incoming("seto.order_quantity_reduce_rejected", {
      orderId: 77n,
      reason: seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY,
      reference: 1002n,
      newQuantity: 500_000n,
    }),
  );
  const error = await t.throwsAsync(bad, { instanceOf: OrderQuantityReduceRejectedError });
  t.is(error.reasonName, "ORDER_QUANTITY_REDUCE_REJECTED_INVALID_NEW_QUANTITY");
  t.is(error.newQuantity, 500_000n);
  t.regex(error.message, /500000/);
});

// ---- replace ----

test("replaceOrder: pending-replace does not settle; cancel-replace-accepted resolves", async (t) => {
  const { port, trading } = setup();
  const done = watch(trading.replaceOrder(77n, { price: 2532, quantity: 300_000n }));
  t.deepEqual(port.last("seto.order_cancel_replace").body, {
    origOrderId: 77n,
    price: 2532,
    quantity: 300_000n,
    reference: 1001n,
    label: undefined,
    marketId: undefined,
  });
  port.receive(incoming("seto.order_pending_replace", { orderId: 78n, origOrderId: 77n, price: 2532, quantity: 300_000n, reference: 1001n, ...where }));
  await tick();
  t.false(done.outcome.settled);
  port.receive(
    incoming("seto.order_cancel_replace_accepted", {
      orderId: 78n,
      origOrderId: 77n,
      price: 2532,
      quantity: 300_000n,
      quantityLeft: 400_000n,
      reference: 1001n,
      ...where,
    }),
  );
  await tick();
  t.is((done.outcome.value as seto.OrderCancelReplaceAccepted).orderId, 78n);
});

test("replaceOrder rejects with OrderCancelReplaceRejectedError", async (t) => {
  const { port, trading } = setup();
  const done = trading.replaceOrder(77n, { price: 2532, quantity: 300_000n });
  port.receive(
    incoming("seto.order_cancel_replace_rejected", {
      orderId: 78n,
      origOrderId: 77n,
      reason: seto.OrderCancelReplaceRejectedReason.ORDER_CANCEL_REPLACE_REJECTED_TOO_LATE,
      reference: 1001n,
      ...where,
    }),
  );
  const error = await t.throwsAsync(done, { instanceOf: OrderCancelReplaceRejectedError });
  t.is(error.reasonName, "ORDER_CANCEL_REPLACE_REJECTED_TOO_LATE");
  t.is(error.origOrderId, 77n);
  t.is(error.orderId, 78n);
});

test("replaceOrder of a missing original is answered by order-cancel-rejected: OrderCancelRejectedError with origOrderId", async (t) => {
  const { port, trading } = setup();
  const done = trading.replaceOrder(77n, { price: 2532, quantity: 300_000n });
  port.receive(
    incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND, reference: 1001n, origOrderId: 77n }),
  );
  const error = await t.throwsAsync(done, { instanceOf: OrderCancelRejectedError });
  t.is(error.reasonName, "ORDER_CANCEL_REJECTED_NOT_FOUND");
  t.is(error.origOrderId, 77n);
  t.regex(error.message, /cancel-replace rejected/);
});

test("replaceOrder with a bad price or quantity is answered by order-invalid echoing the seq", async (t) => {
  const { port, trading } = setup();
  const done = trading.replaceOrder(77n, { price: 2532, quantity: 300_000n });
  port.receive(incoming("seto.order_invalid", { seq: port.last("seto.order_cancel_replace").seq, reference: 1001n, reasons: [seto.OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY] }));
  await t.throwsAsync(done, { instanceOf: OrderInvalidError });
});

test("a cancel-rejected for a cancel-replace does not settle a plain cancel of the same order, and vice versa", async (t) => {
  const { port, trading } = setup();
  const cancel = watch(trading.cancelOrder(77n)); // reference 1001
  const replace = watch(trading.replaceOrder(77n, { price: 2532, quantity: 1n })); // reference 1002
  port.receive(incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND, origOrderId: 77n }));
  await tick();
  t.false(cancel.outcome.settled);
  t.true(replace.outcome.error instanceof OrderCancelRejectedError);
  port.receive(incoming("seto.order_cancel_rejected", { reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND, orderId: 77n }));
  await tick();
  t.true(cancel.outcome.error instanceof OrderCancelRejectedError);
});

// ---- settings ----

test("updateSettings: settings-accepted answers pending settings requests in the order they were sent", async (t) => {
  const { port, trading } = setup();
  const first = trading.updateSettings({ cancelAllOnFailure: true });
  const second = trading.updateSettings({ cancelAllOnFailure: false });
  t.deepEqual(port.last("seto.settings").body, { cancelAllOnFailure: false });
  port.receive(incoming("seto.settings_accepted", { cancelAllOnFailure: true }));
  port.receive(incoming("seto.settings_accepted", { cancelAllOnFailure: false }));
  t.true((await first).cancelAllOnFailure);
  t.false((await second).cancelAllOnFailure);
});

// ---- subscribe ----

test("subscribe resolves with the market's snapshot, which the book then holds; unsubscribe frees the book once sent", async (t) => {
  const { port, trading } = setup();
  const snapshot = trading.subscribe(9);
  t.deepEqual(port.last("seto.market_subscribe").body, { marketId: 9 });
  port.receive(incoming("seto.market_quotes", { marketId: 8, contractQuotes: [] }));
  port.receive(
    incoming("seto.market_quotes", {
      marketId: 9,
      contractQuotes: [{ marketId: 9, contractId: 3, bids: [{ price: 2500, quantity: 10n }], offers: [], executions: [] }],
    }),
  );
  t.is((await snapshot).marketId, 9);
  t.deepEqual(trading.books.contract(9, 3)?.bestBid, { price: 2500, quantity: 10n });
  t.is(trading.books.market(8), undefined);
  await trading.unsubscribe(9);
  t.deepEqual(port.last("seto.market_unsubscribe").body, { marketId: 9 });
  t.is(trading.books.market(9), undefined);
});

test("a second subscribe to the same market resolves with the next snapshot too", async (t) => {
  const { port, trading } = setup();
  const a = trading.subscribe(9);
  const b = trading.subscribe(9);
  port.receive(incoming("seto.market_quotes", { marketId: 9, contractQuotes: [] }));
  t.is((await a).marketId, 9);
  t.is((await b).marketId, 9);
  quiet(trading.subscribe(10));
  t.is(trading.inFlight, 1);
  trading.close();
});
