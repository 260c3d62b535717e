// The throttle's second gate: at most `burstSize` requests unanswered at
// once, so that however the exchange's reading is delayed, it never receives
// more than a burst together.
import test from "ava";
import fc from "fast-check";
import { incoming, quiet, tick, watch } from "./helpers/events.js";
import { CancelDesk } from "./helpers/cancel-desk.js";
import { worstExcess } from "./helpers/rate.js";
import { setup } from "./helpers/setup.js";

/** A rate so high that tokens are never what holds a request back: only slots are. */
const slotsOnly = { averageRatePs: 1_000_000, burstSize: 3, tickMs: 1 };

test("no more than burstSize requests go unanswered, however many tokens there are; each reply lets one more go", (t) => {
  const { clock, port, trading } = setup({ throttleLimits: slotsOnly, requestTimeoutMs: Infinity });
  const desk = new CancelDesk(port);
  for (let i = 1; i <= 10; i += 1) quiet(trading.cancelOrder(BigInt(i)));
  t.is(port.sent.length, 3);
  clock.advance(60_000);
  t.is(port.sent.length, 3, "a minute of tokens, but three requests still unanswered");
  t.is(trading.inFlight, 3);
  t.is(trading.queued, 7);
  port.receive(incoming("seto.order_cancelled", { orderId: 2n, reference: 1002n, reason: 1 }));
  t.is(port.sent.length, 3, "a reply spends its request's token (the exchange may have read it only now)");
  clock.advance(1);
  t.is(port.sent.length, 4, "one reply, one more goes at the next tick");
  t.is(port.last("seto.order_cancel").body.orderId, 4n);
  for (let ms = 0; ms < 10 && port.sent.length < 10; ms += 1) {
    desk.answer();
    clock.advance(1);
  }
  t.is(port.sent.length, 10);
  trading.close();
});

test("a stall delivers at most a burst: ticks that pass while a burst is unanswered send nothing", (t) => {
  const limits = { averageRatePs: 200, burstSize: 20, tickMs: 100 };
  const { clock, port, trading } = setup({ throttleLimits: limits, requestTimeoutMs: Infinity });
  const desk = new CancelDesk(port);
  for (let i = 1; i <= 100; i += 1) quiet(trading.cancelOrder(BigInt(i)));
  t.is(port.sent.length, 20);
  clock.advance(100);
  desk.answer();
  t.is(port.sent.length, 20, "answered a tick later: the exchange may have read them only now, its bucket full meanwhile");
  clock.advance(100);
  t.is(port.sent.length, 40, "the next tick's refill goes");
  // Five ticks with no answer (the exchange is not reading): nothing more goes.
  clock.advance(500);
  t.is(port.sent.length, 40);
  t.is(clock.pendingTimers, 0, "no wake-up while every slot is taken: a reply is what frees one");
  // The answers come: a burst at most goes (at the next tick), not five ticks' worth.
  desk.answer();
  clock.advance(100);
  t.is(port.sent.length, 60);
  desk.answer();
  clock.advance(100);
  t.is(port.sent.length, 80, "then the refill of each tick, as before");
  trading.close();
});

test("a slot is freed when its request settles without a reply: timeout, abort, refused send; a request with no reply holds none", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { ...slotsOnly, burstSize: 1 }, requestTimeoutMs: Infinity });
  const controller = new AbortController();
  const timedOut = watch(trading.cancelOrder(1n, { timeoutMs: 100 }));
  const aborted = watch(trading.cancelOrder(2n, { signal: controller.signal }));
  quiet(trading.cancelOrder(3n));
  t.is(port.sent.length, 1);
  clock.advance(100);
  await tick();
  t.truthy(timedOut.outcome.error);
  clock.advance(1); // its token is spent all the same (it may have reached the exchange): the next one
  t.is(port.sent.length, 2, "the time limit freed the slot");
  controller.abort();
  await tick();
  t.truthy(aborted.outcome.error);
  clock.advance(1); // the next token
  t.is(port.sent.length, 3, "the abort freed the slot");
  // An unsubscribe gets no reply: it settles when sent and keeps no slot.
  port.receive(incoming("seto.order_cancelled", { orderId: 3n, reference: 1003n, reason: 1 }));
  const unsubscribed = [watch(trading.unsubscribe(7)), watch(trading.unsubscribe(8))];
  clock.advance(2); // a token each
  await tick();
  t.true(unsubscribed.every((u) => u.outcome.settled && u.outcome.error === undefined));
  t.is(trading.inFlight, 0);
  // A send the session refuses frees the slot it was given.
  port.refuse = new Error("not logged in");
  const refused = watch(trading.cancelOrder(9n));
  quiet(trading.cancelOrder(10n));
  clock.advance(1);
  port.refuse = undefined;
  clock.advance(1);
  await tick();
  t.is((refused.outcome.error as Error).message, "not logged in");
  t.is(port.last("seto.order_cancel").body.orderId, 10n);
  t.is(trading.inFlight, 1);
  trading.close();
});

test("a lower burst size holds new requests back until the unanswered ones fall below it", (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { ...slotsOnly, burstSize: 5 }, requestTimeoutMs: Infinity });
  for (let i = 1; i <= 5; i += 1) quiet(trading.cancelOrder(BigInt(i)));
  port.receive(incoming("seto.throttle_limits_changed", { ...slotsOnly, burstSize: 2 }));
  quiet(trading.cancelOrder(6n));
  clock.advance(1000);
  t.is(port.sent.length, 5);
  for (const orderId of [1n, 2n, 3n]) port.receive(incoming("seto.order_cancelled", { orderId, reference: 1000n + orderId, reason: 1 }));
  t.is(port.sent.length, 5, "still two unanswered: the new burst size");
  port.receive(incoming("seto.order_cancelled", { orderId: 4n, reference: 1004n, reason: 1 }));
  clock.advance(1); // the replies spent their tokens: the next tick's
  t.is(port.sent.length, 6);
  trading.close();
});

test("any limits, arrivals and reply delays: never more than burstSize unanswered, sends within the rate, every request sent (property)", async (t) => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ averageRatePs: fc.integer({ min: 1, max: 100 }), burstSize: fc.integer({ min: 1, max: 8 }), tickMs: fc.integer({ min: 1, max: 300 }) }),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant("submit" as const), count: fc.integer({ min: 1, max: 12 }) }),
          fc.record({ op: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 700 }) }),
          fc.record({ op: fc.constant("answer" as const) }),
        ),
        { maxLength: 30 },
      ),
      async (limits, ops) => {
        const { clock, port, trading } = setup({ throttleLimits: limits, requestTimeoutMs: Infinity });
        const desk = new CancelDesk(port);
        let total = 0;
        let answered = 0;
        const within = (): boolean => port.sent.length - answered <= limits.burstSize && trading.inFlight <= limits.burstSize;
        for (const o of ops) {
          if (o.op === "submit") for (let i = 0; i < o.count; i += 1) quiet(trading.cancelOrder(BigInt(++total)));
          else if (o.op === "wait") clock.advance(o.ms);
          else answered += desk.answer();
          if (!within()) return false;
        }
        // Then an exchange that keeps up: everything goes.
        const perRequest = Math.ceil(1000 / (limits.averageRatePs * limits.tickMs)) * limits.tickMs;
        for (let i = 0; i <= total && port.sent.length < total; i += 1) {
          answered += desk.answer();
          clock.advance(perRequest);
          if (!within()) return false;
        }
        trading.close();
        return port.sent.length === total && worstExcess(port.sent.map((p) => p.at), limits) <= 0;
      },
    ),
    { numRuns: 80 },
  );
  t.pass();
});
