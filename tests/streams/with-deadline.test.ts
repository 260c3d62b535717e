import test from "ava";
import { getEventListeners } from "node:events";
import { AbortedError, ArgumentError, TimeoutError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { withDeadline } from "../../runtime/streams/index.js";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function setup() {
  const clock = new FakeClock();
  const controller = new AbortController();
  let cancels = 0;
  const onCancel = () => void (cancels += 1);
  const listeners = () => getEventListeners(controller.signal, "abort").length;
  return { clock, controller, onCancel, cancels: () => cancels, listeners };
}

test("resolves with the promise's value, leaving no timer or listener behind", async (t) => {
  const s = setup();
  const work = deferred<string>();
  const result = withDeadline(work.promise, { what: "login", timeoutMs: 1000, signal: s.controller.signal, clock: s.clock, onCancel: s.onCancel });
  t.is(s.clock.pendingTimers, 1);
  t.is(s.listeners(), 1);
  work.resolve("ok");
  t.is(await result, "ok");
  t.is(s.clock.pendingTimers, 0);
  t.is(s.listeners(), 0);
  s.clock.advance(5000);
  s.controller.abort();
  t.is(s.cancels(), 0);
});

test("rejects with the promise's error, leaving no timer or listener behind", async (t) => {
  const s = setup();
  const work = deferred<string>();
  const result = withDeadline(work.promise, { what: "login", timeoutMs: 1000, signal: s.controller.signal, clock: s.clock, onCancel: s.onCancel });
  const boom = new Error("refused");
  work.reject(boom);
  await t.throwsAsync(result, { is: boom });
  t.is(s.clock.pendingTimers, 0);
  t.is(s.listeners(), 0);
  t.is(s.cancels(), 0);
});

test("times out with TimeoutError naming the operation and the limit; a late result is ignored", async (t) => {
  const s = setup();
  const work = deferred<string>();
  const result = withDeadline(work.promise, { what: "order 17 acknowledgement", timeoutMs: 250, signal: s.controller.signal, clock: s.clock, onCancel: s.onCancel });
  s.clock.advance(249);
  t.is(s.cancels(), 0);
  s.clock.advance(1);
  const err = await t.throwsAsync(result, { instanceOf: TimeoutError });
  t.is(err?.message, "order 17 acknowledgement did not complete within 250 ms");
  t.is(err?.timeoutMs, 250);
  t.is(s.cancels(), 1);
  t.is(s.listeners(), 0);
  t.is(s.clock.pendingTimers, 0);
  work.reject(new Error("late")); // observed, not an unhandled rejection
  await Promise.resolve();
  t.is(s.cancels(), 1);
});

test("an abort rejects with AbortedError carrying the signal's reason, and cancels the timer", async (t) => {
  const s = setup();
  const work = deferred<number>();
  const result = withDeadline(work.promise, { what: "subscribe", timeoutMs: 1000, signal: s.controller.signal, clock: s.clock, onCancel: s.onCancel });
  const reason = new Error("shutting down");
  s.controller.abort(reason);
  const err = await t.throwsAsync(result, { instanceOf: AbortedError });
  t.is(err?.message, "subscribe was aborted");
  t.is(err?.cause, reason);
  t.is(s.cancels(), 1);
  t.is(s.clock.pendingTimers, 0);
  t.is(s.listeners(), 0);
  work.resolve(1);
});

test("an already-aborted signal rejects at once without setting a timer or listener", async (t) => {
  const s = setup();
  s.controller.abort("early");
  const result = withDeadline(new Promise<never>(() => {}), { what: "connect", timeoutMs: 1000, signal: s.controller.signal, clock: s.clock, onCancel: s.onCancel });
  const err = await t.throwsAsync(result, { instanceOf: AbortedError });
  t.is(err?.cause, "early");
  t.is(s.clock.pendingTimers, 0);
  t.is(s.listeners(), 0);
  t.is(s.cancels(), 1);
});

test("without timeout or signal it is the promise itself", async (t) => {
  const clock = new FakeClock();
  t.is(await withDeadline(Promise.resolve("v"), { what: "x", clock }), "v");
  t.is(await withDeadline(Promise.resolve("v"), { what: "x", timeoutMs: Infinity, clock }), "v");
  t.is(clock.pendingTimers, 0);
});

test("a bad timeout is refused with ArgumentError naming it", async (t) => {
  for (const timeoutMs of [-1, Number.NaN]) {
    const s = setup();
    const err = await t.throwsAsync(withDeadline(new Promise(() => {}), { what: "login", timeoutMs, signal: s.controller.signal, clock: s.clock }), {
      instanceOf: ArgumentError,
    });
    t.true(err?.message.includes(String(timeoutMs)), err?.message);
    t.true(err?.message.includes("login"));
    t.is(s.clock.pendingTimers, 0);
    t.is(s.listeners(), 0);
  }
});

test("an onCancel that throws does not replace the deadline's error", async (t) => {
  const clock = new FakeClock();
  const result = withDeadline(new Promise(() => {}), {
    what: "w",
    timeoutMs: 1,
    clock,
    onCancel: () => {
      throw new Error("cleanup failed");
    },
  });
  clock.advance(1);
  await t.throwsAsync(result, { instanceOf: TimeoutError });
});
