import test from "ava";
import { AbortedError, TimeoutError } from "../../runtime/errors.js";
import { OrderValidationError } from "../../runtime/trading/index.js";
import { cancelled, incoming, tick, watch } from "./helpers/events.js";
import { ORDER, setup } from "./helpers/setup.js";

const slow = { averageRatePs: 1, burstSize: 1, tickMs: 1000 };

test("a sent request with no reply rejects with TimeoutError saying it was sent; the late reply is then ignored", async (t) => {
  const { clock, port, trading } = setup();
  const placed = watch(trading.placeOrder(ORDER, { timeoutMs: 500 }));
  clock.advance(499);
  await tick();
  t.false(placed.outcome.settled);
  clock.advance(1);
  await tick();
  const error = placed.outcome.error as TimeoutError;
  t.true(error instanceof TimeoutError);
  t.is(error.timeoutMs, 500);
  t.regex(error.message, /sent as seq 1/);
  t.regex(error.message, /may still act on it/);
  t.is(trading.inFlight, 0);
  // The late acceptance settles nothing, but the tracker records the order.
  port.receive(incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 1001n, orderId: 5n }));
  await tick();
  t.is(trading.orders.get(5n)?.status, "live");
  t.is(clock.pendingTimers, 0);
});

test("the default time limit comes from the options; Infinity means none", async (t) => {
  const { clock, trading } = setup({ requestTimeoutMs: 100 });
  const a = watch(trading.cancelOrder(1n));
  const b = watch(trading.cancelOrder(2n, { timeoutMs: Infinity }));
  clock.advance(100);
  await tick();
  t.true(a.outcome.error instanceof TimeoutError);
  clock.advance(1_000_000);
  await tick();
  t.false(b.outcome.settled);
  trading.close();
  await tick();
  t.true(b.outcome.settled);
});

test("a request queued by the throttle that times out is removed from the queue and never sent", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: slow });
  const first = watch(trading.cancelOrder(1n, { timeoutMs: 10_000 }));
  const second = watch(trading.cancelOrder(2n, { timeoutMs: 500 }));
  t.is(port.sent.length, 1);
  t.is(trading.queued, 1);
  clock.advance(500);
  await tick();
  const error = second.outcome.error as TimeoutError;
  t.true(error instanceof TimeoutError);
  t.regex(error.message, /still queued .* nothing was sent/);
  t.is(trading.queued, 0);
  clock.advance(5000);
  t.is(port.sent.length, 1);
  t.false(first.outcome.settled);
  trading.close();
});

test("aborting a queued request removes it from the queue: nothing is sent, the next in line goes in its place", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: slow });
  const controller = new AbortController();
  const a = watch(trading.cancelOrder(1n));
  const b = watch(trading.cancelOrder(2n, { signal: controller.signal }));
  const c = watch(trading.cancelOrder(3n));
  controller.abort(new Error("changed my mind"));
  await tick();
  const error = b.outcome.error as AbortedError;
  t.true(error instanceof AbortedError);
  t.regex(error.message, /nothing was sent/);
  t.is((error.cause as Error).message, "changed my mind");
  // The first is answered (freeing its in-flight slot); the next token goes to the third.
  port.receive(incoming("seto.order_cancelled", cancelled({ orderId: 1n, reference: port.last("seto.order_cancel").body.reference })));
  clock.advance(1000);
  t.deepEqual(
    port.sent.map((p) => (p.body as { orderId: bigint }).orderId),
    [1n, 3n],
  );
  await tick();
  t.true(a.outcome.settled);
  t.false(c.outcome.settled);
  trading.close();
});

test("aborting a sent request rejects at once and says the exchange may still act on it", async (t) => {
  const { trading } = setup();
  const controller = new AbortController();
  const done = trading.cancelOrder(1n, { signal: controller.signal });
  controller.abort();
  const error = await t.throwsAsync(done, { instanceOf: AbortedError });
  t.regex(error.message, /sent as seq 1/);
  t.is(trading.inFlight, 0);
});

test("an already aborted signal: rejected with AbortedError and nothing is sent", async (t) => {
  const { port, trading } = setup();
  const controller = new AbortController();
  controller.abort();
  await t.throwsAsync(trading.placeOrder(ORDER, { signal: controller.signal }), { instanceOf: AbortedError });
  t.is(port.sent.length, 0);
});

test("a bad time limit or signal is refused before anything is sent", async (t) => {
  const { port, trading } = setup();
  for (const timeoutMs of [0, -1, Number.NaN]) {
    const error = await t.throwsAsync(trading.placeOrder(ORDER, { timeoutMs }), { instanceOf: OrderValidationError });
    t.is(error.field, "timeoutMs");
  }
  await t.throwsAsync(trading.placeOrder(ORDER, { signal: {} as AbortSignal }), { instanceOf: OrderValidationError });
  t.is(port.sent.length, 0);
});

test("settling releases the timer and the abort listener", async (t) => {
  const { clock, port, trading } = setup();
  const controller = new AbortController();
  const done = trading.placeOrder(ORDER, { signal: controller.signal, timeoutMs: 1000 });
  t.is(clock.pendingTimers, 1);
  port.receive(incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 1001n, orderId: 5n }));
  await done;
  t.is(clock.pendingTimers, 0);
  controller.abort(); // nothing left listening: no effect
  t.is((await done).orderId, 5n);
});
