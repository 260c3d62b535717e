import test from "ava";
import * as seto from "../../generated/seto.js";
import { SmarketsError } from "../../runtime/errors.js";
import { OrderInvalidError, OrderRejectedError, OrderValidationError } from "../../runtime/trading/index.js";
import { BUY, incoming, quiet, tick, watch } from "./helpers/events.js";
import { ORDER, setup } from "./helpers/setup.js";

test("placeOrder sends an order-create and resolves with the acceptance that echoes its seq and reference", async (t) => {
  const { port, trading } = setup();
  const placed = trading.placeOrder({ ...ORDER, label: "mm-1" });
  const sent = port.last("seto.order_create");
  t.deepEqual(sent.body, {
    marketId: 1,
    contractId: 2,
    side: BUY,
    price: 2500,
    quantity: 400_000n,
    tif: undefined,
    label: "mm-1",
    reference: 1001n,
  });
  port.receive(incoming("seto.order_accepted", { seq: sent.seq, reference: 1001n, orderId: 77n, accountSequence64: 5n, price: 2500, quantity: 400_000n }));
  const acceptance = await placed;
  t.is(acceptance.orderId, 77n);
  t.is(acceptance.seq, sent.seq);
  t.is(acceptance.reference, 1001n);
  t.is(acceptance.accountSequence, 5n);
  t.is(trading.orders.get(77n)?.status, "live");
  t.is(trading.inFlight, 0);
});

test("time in force and side may be given as names or enum values", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder({ ...ORDER, side: "sell", timeInForce: "immediate-or-cancel" }));
  t.is(port.last("seto.order_create").body.side, seto.Side.SIDE_SELL);
  t.is(port.last("seto.order_create").body.tif, seto.TimeInForceType.IMMEDIATE_OR_CANCEL);
  quiet(trading.placeOrder({ ...ORDER, side: seto.Side.SIDE_BUY, timeInForce: seto.TimeInForceType.KEEP_IN_PLAY }));
  t.is(port.last("seto.order_create").body.tif, seto.TimeInForceType.KEEP_IN_PLAY);
  trading.close();
});

test("order-rejected rejects with OrderRejectedError carrying the reason as value and name", async (t) => {
  const { port, trading } = setup();
  const placed = trading.placeOrder(ORDER);
  const { seq } = port.last("seto.order_create");
  port.receive(
    incoming("seto.order_rejected", { seq, reference: 1001n, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS, accountSequence64: 1n }),
  );
  const error = await t.throwsAsync(placed, { instanceOf: OrderRejectedError });
  t.is(error.reason, seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS);
  t.is(error.reasonName, "ORDER_REJECTED_INSUFFICIENT_FUNDS");
  t.regex(error.message, /ORDER_REJECTED_INSUFFICIENT_FUNDS \(1\)/);
  t.regex(error.message, /reference 1001/);
  t.true(error instanceof SmarketsError);
  t.is(trading.orders.byReference(1001n)?.status, "rejected");
});

test("order-rejected without a seq is matched by its reference", async (t) => {
  const { port, trading } = setup();
  const placed = trading.placeOrder(ORDER);
  port.receive(incoming("seto.order_rejected", { reference: 1001n, reason: seto.OrderRejectedReason.ORDER_REJECTED_MARKET_HALTED }));
  const error = await t.throwsAsync(placed, { instanceOf: OrderRejectedError });
  t.is(error.reasonName, "ORDER_REJECTED_MARKET_HALTED");
});

test("order-invalid rejects with OrderInvalidError listing every reason", async (t) => {
  const { port, trading } = setup();
  const placed = trading.placeOrder(ORDER);
  const { seq } = port.last("seto.order_create");
  port.receive(
    incoming("seto.order_invalid", {
      seq,
      reference: 1001n,
      reasons: [seto.OrderInvalidReason.ORDER_INVALID_INVALID_PRICE, seto.OrderInvalidReason.ORDER_INVALID_INVALID_QUANTITY],
    }),
  );
  const error = await t.throwsAsync(placed, { instanceOf: OrderInvalidError });
  t.deepEqual(error.reasonNames, ["ORDER_INVALID_INVALID_PRICE", "ORDER_INVALID_INVALID_QUANTITY"]);
  t.regex(error.message, /ORDER_INVALID_INVALID_PRICE \(1\), ORDER_INVALID_INVALID_QUANTITY \(2\)/);
  t.is(trading.orders.byReference(1001n)?.status, "invalid");
});

test("a reply whose seq matches but whose reference does not (an earlier session's) is not taken as the answer", async (t) => {
  const { port, trading } = setup();
  const placed = watch(trading.placeOrder(ORDER));
  const { seq } = port.last("seto.order_create");
  port.receive(incoming("seto.order_accepted", { seq, reference: 999n, orderId: 5n }));
  await tick();
  t.false(placed.outcome.settled);
  port.receive(incoming("seto.order_accepted", { seq, reference: 1001n, orderId: 6n }));
  await tick();
  t.is((placed.outcome.value as { orderId: bigint }).orderId, 6n);
});

test("each of several concurrent orders gets its own reply, whatever the order of the replies", async (t) => {
  const { port, trading } = setup();
  const a = trading.placeOrder(ORDER);
  const b = trading.placeOrder({ ...ORDER, price: 3030 });
  const c = trading.placeOrder({ ...ORDER, price: 3333 });
  const [sa, sb, sc] = port.sent;
  port.receive(incoming("seto.order_accepted", { seq: sc!.seq, reference: 1003n, orderId: 3n }));
  port.receive(incoming("seto.order_rejected", { seq: sb!.seq, reference: 1002n, reason: seto.OrderRejectedReason.ORDER_REJECTED_CROSSED_SELF }));
  port.receive(incoming("seto.order_accepted", { seq: sa!.seq, reference: 1001n, orderId: 1n }));
  t.is((await a).orderId, 1n);
  await t.throwsAsync(b, { instanceOf: OrderRejectedError });
  t.is((await c).orderId, 3n);
});

test("duplicated replies settle the request once: the first reply wins, later ones are ignored", async (t) => {
  const { port, trading } = setup();
  let settles = 0;
  const placed = trading.placeOrder(ORDER).then(
    (v) => {
      settles += 1;
      return v;
    },
    (e: unknown) => {
      settles += 1;
      throw e;
    },
  );
  const { seq } = port.last("seto.order_create");
  const reply = incoming("seto.order_accepted", { seq, reference: 1001n, orderId: 9n });
  port.receive(reply);
  port.receive(reply);
  // A contradicting duplicate (no account sequence to reveal it) cannot unsettle it either.
  port.receive(incoming("seto.order_invalid", { seq, reference: 1001n, reasons: [] }));
  await tick();
  t.is((await placed).orderId, 9n);
  t.is(settles, 1);
  t.is(trading.orders.get(9n)?.status, "live");
});

test("a reference given by the caller is sent, and one still awaiting a reply cannot be reused", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder({ ...ORDER, reference: 42 }));
  t.is(port.last("seto.order_create").body.reference, 42n);
  const error = await t.throwsAsync(trading.placeOrder({ ...ORDER, reference: 42n }), { instanceOf: OrderValidationError });
  t.is(error.field, "reference");
  t.is(port.sent.length, 1);
  // Once answered, the reference is free again.
  port.receive(incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 42n, orderId: 1n }));
  quiet(trading.placeOrder({ ...ORDER, reference: 42n }));
  t.is(port.sent.length, 2);
  trading.close();
});

test("generated references skip any held by a request awaiting its reply", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder({ ...ORDER, reference: 1001n }));
  quiet(trading.placeOrder(ORDER)); // the source's next value is 1001: taken, so 1002
  t.is(port.last("seto.order_create").body.reference, 1002n);
  trading.close();
});

test("sends in one turn of the event loop are flushed once", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder(ORDER));
  quiet(trading.placeOrder(ORDER));
  quiet(trading.placeOrder(ORDER));
  t.is(port.flushes, 0);
  await tick();
  t.is(port.flushes, 1);
  quiet(trading.cancelOrder(1n));
  await tick();
  t.is(port.flushes, 2);
  trading.close();
});

test("when the session refuses to send, the request rejects with its error and nothing is pending", async (t) => {
  const { port, trading } = setup();
  port.refuse = new Error("not logged in");
  await t.throwsAsync(trading.placeOrder(ORDER), { message: "not logged in" });
  t.is(trading.inFlight, 0);
  t.deepEqual(trading.orders.all(), []);
  // The reference was released with it.
  port.refuse = undefined;
  quiet(trading.placeOrder({ ...ORDER, reference: 1001n }));
  t.is(port.sent.length, 1);
  trading.close();
});
