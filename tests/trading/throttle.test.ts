import test from "ava";
import * as seto from "../../generated/seto.js";
import fc from "fast-check";
import { ArgumentError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { Throttle, ThrottleQueueFullError, TokenBucket } from "../../runtime/trading/index.js";
import { CancelDesk } from "./helpers/cancel-desk.js";
import { incoming, quiet, tick, watch } from "./helpers/events.js";
import { worstExcess } from "./helpers/rate.js";
import { setup } from "./helpers/setup.js";

test("token bucket: starts full, refills in whole ticks, never above the burst size", (t) => {
  const bucket = new TokenBucket({ averageRatePs: 10, burstSize: 3, tickMs: 100 }, 0);
  t.true(bucket.tryTake(0));
  t.true(bucket.tryTake(0));
  t.true(bucket.tryTake(0));
  t.false(bucket.tryTake(0));
  t.is(bucket.msUntilAvailable(0), 100);
  t.false(bucket.tryTake(99));
  t.is(bucket.msUntilAvailable(99), 1);
  t.true(bucket.tryTake(100));
  t.false(bucket.tryTake(150));
  t.is(bucket.level(10_000), 3000);
});

test("token bucket: fractional refills per tick add up exactly", (t) => {
  // 3 per second in 100 ms ticks: 0.3 of a request per tick.
  const bucket = new TokenBucket({ averageRatePs: 3, burstSize: 2, tickMs: 100 }, 0, 0);
  t.is(bucket.msUntilAvailable(0), 400);
  t.false(bucket.tryTake(300));
  t.true(bucket.tryTake(400));
  t.is(bucket.level(400), 200);
  t.is(bucket.msUntilAvailable(400), 300);
});

test("token bucket: no refill means never", (t) => {
  const bucket = new TokenBucket({ averageRatePs: 0, burstSize: 1, tickMs: 100 }, 0);
  t.true(bucket.tryTake(0));
  t.is(bucket.msUntilAvailable(0), undefined);
});

test("limits are checked", (t) => {
  const clock = new FakeClock();
  const throttle = new Throttle({ clock, queueCapacity: 10 });
  t.throws(() => throttle.setLimits({ averageRatePs: -1, burstSize: 1, tickMs: 1 }), { instanceOf: ArgumentError, message: /averageRatePs/ });
  t.throws(() => throttle.setLimits({ averageRatePs: 1, burstSize: 1.5, tickMs: 1 }), { instanceOf: ArgumentError, message: /burstSize/ });
});

test("a burst of 1,000 requests under a low limit never exceeds the rate and all of them go, in order", async (t) => {
  const limits = { averageRatePs: 20, burstSize: 5, tickMs: 250 };
  const { clock, port, trading } = setup({ throttleLimits: limits, requestTimeoutMs: Infinity });
  const desk = new CancelDesk(port);
  const outcomes = Array.from({ length: 1000 }, (_, i) => watch(trading.cancelOrder(BigInt(i + 1))));
  t.is(port.sent.length, limits.burstSize);
  t.is(trading.queued, 1000 - limits.burstSize);
  for (let elapsed = 0; port.sent.length < 1000 && elapsed < 200_000; elapsed += 50) {
    clock.advance(50);
    desk.answer();
  }
  t.is(port.sent.length, 1000);
  t.is(trading.queued, 0);
  t.deepEqual(
    port.sent.map((p) => (p.body as { orderId: bigint }).orderId),
    Array.from({ length: 1000 }, (_, i) => BigInt(i + 1)),
  );
  const times = port.sent.map((p) => p.at);
  t.true(worstExcess(times, limits) <= 0, `worst window exceeded the limit by ${worstExcess(times, limits)}`);
  // (1000 - 5) at 20/s needs at least 49.75 s.
  t.true(times.at(-1)! >= 49_750);
  desk.answer();
  await tick();
  t.true(outcomes.every((o) => o.outcome.value !== undefined));
  trading.close();
});

test("any limits and any arrival pattern: sends stay within the limits (property)", async (t) => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ averageRatePs: fc.integer({ min: 1, max: 50 }), burstSize: fc.integer({ min: 1, max: 10 }), tickMs: fc.integer({ min: 1, max: 500 }) }),
      fc.array(fc.record({ gap: fc.integer({ min: 0, max: 300 }), count: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 15 }),
      async (limits, arrivals) => {
        const { clock, port, trading } = setup({ throttleLimits: limits, requestTimeoutMs: Infinity });
        const desk = new CancelDesk(port);
        let total = 0;
        for (const { gap, count } of arrivals) {
          clock.advance(gap);
          desk.answer();
          for (let i = 0; i < count; i += 1) quiet(trading.cancelOrder(BigInt(++total)));
        }
        // Long enough for all: each request past the burst waits at most this long.
        const perRequest = Math.ceil(1000 / (limits.averageRatePs * limits.tickMs)) * limits.tickMs;
        for (let i = 0; i <= total; i += 1) {
          clock.advance(perRequest);
          desk.answer();
        }
        trading.close();
        return port.sent.length === total && worstExcess(port.sent.map((p) => p.at), limits) <= 0;
      },
    ),
    { numRuns: 60 },
  );
  t.pass();
});

test("the limits follow throttle-limits-changed; until then requests go at once", async (t) => {
  const { clock, port, trading } = setup({ requestTimeoutMs: Infinity });
  const desk = new CancelDesk(port);
  for (let i = 0; i < 50; i += 1) quiet(trading.cancelOrder(BigInt(i + 1)));
  t.is(port.sent.length, 50);
  port.receive(incoming("seto.throttle_limits_changed", { averageRatePs: 1, burstSize: 2, tickMs: 1000 }));
  t.deepEqual(trading.throttleLimits, { averageRatePs: 1, burstSize: 2, tickMs: 1000 });
  for (let i = 0; i < 5; i += 1) quiet(trading.cancelOrder(BigInt(100 + i)));
  t.is(port.sent.length, 50, "50 unanswered: more than a burst, so nothing more goes");
  desk.answer();
  t.is(port.sent.length, 50, "answered, but the exchange counted those 50 too: its bucket is empty");
  clock.advance(1000);
  t.is(port.sent.length, 51, "a token a second");
  desk.answer();
  clock.advance(1000);
  t.is(port.sent.length, 52);
  desk.answer();
  // Raised limits take effect at once, carrying over what is left.
  port.receive(incoming("seto.throttle_limits_changed", { averageRatePs: 100, burstSize: 10, tickMs: 10 }));
  clock.advance(10);
  t.is(port.sent.length, 53);
  clock.advance(10);
  t.is(port.sent.length, 54);
  trading.close();
});

test("throttle-exceeded from the exchange empties the bucket", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 3, tickMs: 1000 }, requestTimeoutMs: Infinity });
  quiet(trading.cancelOrder(1n));
  port.receive(incoming("eto.throttle_exceeded", undefined));
  quiet(trading.cancelOrder(2n));
  t.is(port.sent.length, 1);
  port.receive(incoming("seto.order_cancelled", { orderId: 1n, reference: 1001n, reason: 1 }));
  t.is(port.sent.length, 1, "two tokens were left, but the bucket was emptied");
  clock.advance(1000);
  t.is(port.sent.length, 2);
  trading.close();
});

test("a rejection for exceeding the throttle empties the bucket too (and the refused request goes first when a token comes)", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 3, tickMs: 1000 }, requestTimeoutMs: Infinity });
  const placed = watch(trading.placeOrder({ marketId: 1, contractId: 2, side: "buy", price: 2500, quantity: 10_000n }));
  port.receive(incoming("seto.order_rejected", { seq: 1n, reference: 1001n, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED }));
  quiet(trading.cancelOrder(2n));
  t.is(port.sent.length, 1, "two tokens were left, but the bucket was emptied");
  clock.advance(1000);
  t.deepEqual(port.sent.map((p) => p.name), ["seto.order_create", "seto.order_create"]);
  clock.advance(1000);
  t.is(port.last("seto.order_cancel").body.orderId, 2n);
  await tick();
  t.false(placed.outcome.settled);
  trading.close();
});

test("a full queue refuses the new request with ThrottleQueueFullError and keeps the queued ones", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 1, tickMs: 1000 }, queueCapacity: 2, requestTimeoutMs: Infinity });
  const desk = new CancelDesk(port);
  const kept = [watch(trading.cancelOrder(1n)), watch(trading.cancelOrder(2n)), watch(trading.cancelOrder(3n))];
  const error = await t.throwsAsync(trading.cancelOrder(4n), { instanceOf: ThrottleQueueFullError });
  t.is(error.capacity, 2);
  t.regex(error.message, /capacity 2/);
  t.false(kept.some((k) => k.outcome.settled));
  for (let i = 0; i < 2; i += 1) {
    desk.answer();
    clock.advance(1000);
  }
  t.deepEqual(
    port.sent.map((p) => (p.body as { orderId: bigint }).orderId),
    [1n, 2n, 3n],
  );
  desk.answer();
  await tick();
  t.true(kept.every((k) => k.outcome.value !== undefined));
  trading.close();
});

test("limits that never refill leave requests queued until their time limits", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 0, burstSize: 1, tickMs: 1000 }, requestTimeoutMs: 5000 });
  quiet(trading.cancelOrder(1n));
  const stuck = watch(trading.cancelOrder(2n));
  t.is(clock.pendingTimers, 2); // the two time limits; no throttle wake-up
  clock.advance(5000);
  await tick();
  t.truthy(stuck.outcome.error);
  t.is(port.sent.length, 1);
});
