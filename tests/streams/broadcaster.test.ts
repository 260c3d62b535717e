import test from "ava";
import { AbortedError, ArgumentError } from "../../runtime/errors.js";
import { Broadcaster, QueueConsumedError, QueueOverflowError } from "../../runtime/streams/index.js";

test("every subscriber gets every item published after it subscribed, in order", async (t) => {
  const hub = new Broadcaster<number>();
  hub.publish(0); // nobody listening: gone
  const a = hub.subscribe()[Symbol.asyncIterator]();
  const b = hub.subscribe()[Symbol.asyncIterator]();
  t.is(hub.subscriberCount, 2);
  t.is(hub.publish(1), 2);
  t.is(hub.publish(2), 2);
  hub.close();
  const read = async (it: AsyncIterator<number>) => {
    const out: number[] = [];
    for (let r = await it.next(); !r.done; r = await it.next()) out.push(r.value);
    return out;
  };
  t.deepEqual(await read(a), [1, 2]);
  t.deepEqual(await read(b), [1, 2]);
  t.is(hub.subscriberCount, 0);
});

test("a slow subscriber loses only its own items; the fast one and the publisher are unaffected", async (t) => {
  const hub = new Broadcaster<number>();
  const slow = hub.subscribe({ capacity: 3, overflow: "drop-oldest" })[Symbol.asyncIterator]();
  const fast = hub.subscribe({ capacity: 3, overflow: "error" })[Symbol.asyncIterator]();
  const fastSeen: number[] = [];
  for (let n = 1; n <= 10; n += 1) {
    t.is(hub.publish(n), 2); // publish never waits, both queued it
    const r = await fast.next(); // the fast subscriber keeps up
    if (!r.done) fastSeen.push(r.value);
  }
  t.deepEqual(fastSeen, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  hub.close();
  const slowSeen: number[] = [];
  for (let r = await slow.next(); !r.done; r = await slow.next()) slowSeen.push(r.value);
  t.deepEqual(slowSeen, [8, 9, 10]);
});

test("a subscriber that overflows with 'error' is removed and gets QueueOverflowError after its items", async (t) => {
  const hub = new Broadcaster<string>();
  const lagging = hub.subscribe({ capacity: 2, overflow: "error" });
  const other = hub.subscribe({ capacity: 10 })[Symbol.asyncIterator]();
  t.is(hub.publish("a"), 2);
  t.is(hub.publish("b"), 2);
  t.is(hub.publish("c"), 1); // lagging is full: refused and closed
  t.is(hub.subscriberCount, 1);
  t.is(hub.publish("d"), 1);
  const seen: string[] = [];
  await t.throwsAsync(
    async () => {
      for await (const s of lagging) seen.push(s);
    },
    { instanceOf: QueueOverflowError },
  );
  t.deepEqual(seen, ["a", "b"]);
  t.deepEqual(await other.next(), { done: false, value: "a" });
});

test("breaking out of a subscription unsubscribes it", async (t) => {
  const hub = new Broadcaster<number>();
  const sub = hub.subscribe();
  hub.publish(1);
  hub.publish(2);
  for await (const n of sub) {
    t.is(n, 1);
    break;
  }
  t.is(hub.subscriberCount, 0);
  t.is(hub.publish(3), 0);
});

test("aborting a subscription unsubscribes it, even before it is read", async (t) => {
  const hub = new Broadcaster<number>();
  const controller = new AbortController();
  const sub = hub.subscribe({ signal: controller.signal });
  hub.publish(1);
  controller.abort(new Error("done with it"));
  t.is(hub.subscriberCount, 0);
  t.is(hub.publish(2), 0);
  await t.throwsAsync(
    async () => {
      for await (const _ of sub) t.fail("the buffered item was dropped by the abort");
    },
    { instanceOf: AbortedError },
  );
});

test("an already-aborted signal never joins", async (t) => {
  const hub = new Broadcaster<number>();
  const sub = hub.subscribe({ signal: AbortSignal.abort() });
  t.is(hub.subscriberCount, 0);
  await t.throwsAsync(sub[Symbol.asyncIterator]().next(), { instanceOf: AbortedError });
});

test("fail(err) ends every subscription with err after its items; later subscribers get err", async (t) => {
  const hub = new Broadcaster<number>();
  const sub = hub.subscribe()[Symbol.asyncIterator]();
  hub.publish(1);
  const boom = new Error("socket closed");
  hub.fail(boom);
  t.true(hub.isClosed);
  t.is(hub.publish(2), 0);
  t.deepEqual(await sub.next(), { done: false, value: 1 });
  await t.throwsAsync(sub.next(), { is: boom });
  await t.throwsAsync(hub.subscribe()[Symbol.asyncIterator]().next(), { is: boom });
  t.is(hub.subscriberCount, 0);
});

test("after close() new subscriptions end at once", async (t) => {
  const hub = new Broadcaster<number>();
  hub.close();
  t.deepEqual(await hub.subscribe()[Symbol.asyncIterator]().next(), { done: true, value: undefined });
  t.is(hub.subscriberCount, 0);
});

test("a subscription is iterated once", (t) => {
  const sub = new Broadcaster<number>().subscribe();
  sub[Symbol.asyncIterator]();
  t.throws(() => sub[Symbol.asyncIterator](), { instanceOf: QueueConsumedError });
});

test("subscriber defaults come from the broadcaster and are checked", (t) => {
  t.throws(() => new Broadcaster({ capacity: 0 }), { instanceOf: ArgumentError });
  const hub = new Broadcaster<number>({ capacity: 1, overflow: "drop-newest" });
  hub.subscribe();
  t.is(hub.publish(1), 1);
  t.is(hub.publish(2), 0); // full, drop-newest: refused but still subscribed
  t.is(hub.subscriberCount, 1);
  t.throws(() => hub.subscribe({ capacity: -5 }), { instanceOf: ArgumentError, message: /-5/ });
});
