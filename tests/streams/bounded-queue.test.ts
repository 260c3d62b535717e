import test from "ava";
import fc from "fast-check";
import { getEventListeners } from "node:events";
import { AbortedError, ArgumentError, SmarketsError } from "../../runtime/errors.js";
import { BoundedQueue, QueueConsumedError, QueueOverflowError, type OverflowPolicy } from "../../runtime/streams/index.js";

async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

function queue<T = number>(capacity: number, overflow: OverflowPolicy = "error"): BoundedQueue<T> {
  return new BoundedQueue<T>({ capacity, overflow });
}

test("items come out in the order they went in, then the end after close()", async (t) => {
  const q = queue(10);
  for (const n of [1, 2, 3]) t.true(q.push(n));
  t.is(q.size, 3);
  q.close();
  t.false(q.isOpen);
  t.deepEqual(await drain(q), [1, 2, 3]);
  t.is(q.size, 0);
});

test("a waiting reader gets an item pushed later", async (t) => {
  const q = queue<string>(1);
  const it = q.iterate();
  const pending = it.next();
  q.push("a");
  t.deepEqual(await pending, { done: false, value: "a" });
  const end = it.next();
  q.close();
  t.deepEqual(await end, { done: true, value: undefined });
  t.deepEqual(await it.next(), { done: true, value: undefined });
});

test("long runs keep their order while the buffer is compacted", async (t) => {
  const q = queue(5000, "drop-oldest");
  const it = q.iterate();
  let next = 0;
  let expected = 0;
  for (let round = 0; round < 4; round += 1) {
    for (let i = 0; i < 3000; i += 1) q.push(next++);
    for (let i = 0; i < 2500; i += 1) {
      const r = await it.next();
      if (r.value !== expected++) return t.fail(`expected ${expected - 1}, got ${String(r.value)}`);
    }
  }
  t.is(q.size, next - expected);
  t.is(q.dropped, 0);
});

test("several outstanding next() calls are served in order", async (t) => {
  const q = queue(5);
  const it = q.iterate();
  const reads = [it.next(), it.next(), it.next()];
  q.push(1);
  q.push(2);
  q.close();
  t.deepEqual(await Promise.all(reads), [
    { done: false, value: 1 },
    { done: false, value: 2 },
    { done: true, value: undefined },
  ]);
});

test("drop-oldest keeps the newest `capacity` items and counts the evicted ones", async (t) => {
  const q = queue(3, "drop-oldest");
  for (let n = 1; n <= 10; n += 1) t.true(q.push(n));
  t.is(q.dropped, 7);
  t.is(q.size, 3);
  q.close();
  t.deepEqual(await drain(q), [8, 9, 10]);
});

test("drop-newest keeps the first `capacity` items and refuses the rest", async (t) => {
  const q = queue(3, "drop-newest");
  const accepted = [1, 2, 3, 4, 5].map((n) => q.push(n));
  t.deepEqual(accepted, [true, true, true, false, false]);
  t.is(q.dropped, 2);
  t.true(q.isOpen);
  q.close();
  t.deepEqual(await drain(q), [1, 2, 3]);
});

test("error: the item that does not fit is refused, the buffered ones arrive, then QueueOverflowError", async (t) => {
  const q = queue(2, "error");
  t.true(q.push(1));
  t.true(q.push(2));
  t.false(q.push(3));
  t.is(q.dropped, 1);
  t.false(q.isOpen);
  t.false(q.push(4)); // closed: refused, not counted as an overflow
  t.is(q.dropped, 1);
  const seen: number[] = [];
  const err = await t.throwsAsync(
    async () => {
      for await (const n of q) seen.push(n);
    },
    { instanceOf: QueueOverflowError },
  );
  t.deepEqual(seen, [1, 2]);
  t.true(err instanceof SmarketsError);
  t.is(err?.name, "QueueOverflowError");
  t.is(err?.capacity, 2);
  t.regex(err?.message ?? "", /capacity 2/);
});

test("items handed straight to a waiting reader do not count towards capacity", async (t) => {
  const q = queue(1, "error");
  const it = q.iterate();
  for (let n = 0; n < 5; n += 1) {
    const read = it.next();
    t.true(q.push(n));
    t.deepEqual(await read, { done: false, value: n });
  }
  t.is(q.dropped, 0);
});

test("fail(err): buffered items first, then err once, then the end", async (t) => {
  const q = queue(5);
  q.push(1);
  q.push(2);
  const boom = new Error("connection lost");
  q.fail(boom);
  q.fail(new Error("second failure is ignored"));
  q.close();
  const it = q.iterate();
  t.deepEqual(await it.next(), { done: false, value: 1 });
  t.deepEqual(await it.next(), { done: false, value: 2 });
  await t.throwsAsync(it.next(), { is: boom });
  t.deepEqual(await it.next(), { done: true, value: undefined });
});

test("fail(err) reaches a reader that is already waiting", async (t) => {
  const q = queue(5);
  const it = q.iterate();
  const read = it.next();
  const boom = new Error("boom");
  q.fail(boom);
  await t.throwsAsync(read, { is: boom });
});

test("break frees the buffer and refuses later pushes", async (t) => {
  const q = queue(100, "drop-newest");
  for (let n = 0; n < 50; n += 1) q.push(n);
  for await (const n of q) {
    if (n === 1) break;
  }
  t.is(q.size, 0);
  t.false(q.isOpen);
  t.false(q.push(99));
  t.is(q.dropped, 0);
});

test("return() ends a pending read", async (t) => {
  const q = queue(5);
  const it = q.iterate();
  const read = it.next();
  await it.return?.();
  t.deepEqual(await read, { done: true, value: undefined });
});

test("abort: a pending read throws AbortedError with the signal's reason, the buffer is dropped", async (t) => {
  const q = queue(5);
  const controller = new AbortController();
  const it = q.iterate({ signal: controller.signal });
  q.push(1);
  t.deepEqual(await it.next(), { done: false, value: 1 });
  const read = it.next();
  controller.abort("user cancelled");
  const err = await t.throwsAsync(read, { instanceOf: AbortedError });
  t.is(err?.cause, "user cancelled");
  t.false(q.push(2));
  t.deepEqual(await it.next(), { done: true, value: undefined });
});

test("abort while items are buffered drops them: the next read throws at once", async (t) => {
  const q = queue(5);
  const controller = new AbortController();
  const it = q.iterate({ signal: controller.signal });
  q.push(1);
  q.push(2);
  q.close();
  controller.abort();
  t.is(q.size, 0);
  await t.throwsAsync(it.next(), { instanceOf: AbortedError });
});

test("an already-aborted signal ends the iteration before any item", async (t) => {
  const q = queue(5);
  q.push(1);
  const seen: number[] = [];
  await t.throwsAsync(
    async () => {
      for await (const n of q.iterate({ signal: AbortSignal.abort() })) seen.push(n);
    },
    { instanceOf: AbortedError },
  );
  t.deepEqual(seen, []);
});

test("the abort listener is removed when the iteration ends by any route", async (t) => {
  const routes: ((q: BoundedQueue<number>, it: AsyncIterator<number>) => Promise<unknown>)[] = [
    async (q, it) => (q.close(), it.next()),
    async (q, it) => (q.fail(new Error("x")), it.next().catch(() => undefined)),
    async (_q, it) => it.return?.(),
  ];
  for (const route of routes) {
    const controller = new AbortController();
    const q = queue(5);
    const it = q.iterate({ signal: controller.signal });
    t.is(getEventListeners(controller.signal, "abort").length, 1);
    await route(q, it);
    t.is(getEventListeners(controller.signal, "abort").length, 0);
  }
});

test("one consumer only: a second iteration throws QueueConsumedError", (t) => {
  const q = queue(5);
  q.iterate();
  t.throws(() => q[Symbol.asyncIterator](), { instanceOf: QueueConsumedError });
});

test("onClose runs once, whatever closes the queue", async (t) => {
  const causes: [string, (q: BoundedQueue<number>) => unknown][] = [
    ["close", (q) => q.close()],
    ["fail", (q) => q.fail(new Error("x"))],
    ["overflow", (q) => (q.push(1), q.push(2))],
    ["break", (q) => q.iterate().return?.()],
    ["abort", (q) => q.iterate({ signal: AbortSignal.abort() })],
  ];
  for (const [name, cause] of causes) {
    let calls = 0;
    const q = new BoundedQueue<number>({ capacity: 1, overflow: "error", onClose: () => (calls += 1) });
    await cause(q);
    q.close();
    q.fail(new Error("again"));
    t.is(calls, 1, name);
  }
});

test("bad options are refused with an ArgumentError naming the value", (t) => {
  for (const capacity of [0, -1, 1.5, Number.NaN, Infinity, "3"]) {
    const err = t.throws(() => new BoundedQueue({ capacity: capacity as number, overflow: "error" }), { instanceOf: ArgumentError });
    t.true(err?.message.includes(String(typeof capacity === "string" ? capacity : capacity)), err?.message);
  }
  const err = t.throws(() => new BoundedQueue({ capacity: 1, overflow: "drop" as OverflowPolicy }), { instanceOf: ArgumentError });
  t.is(err?.message, 'queue overflow policy must be one of drop-oldest, drop-newest, error; got "drop"');
});

test("property: the consumer sees exactly what each policy promises", async (t) => {
  // Random interleavings of pushes and reads, checked against a plain-array model.
  const op = fc.oneof(fc.constant<"read">("read"), fc.integer({ min: 0, max: 1000 }));
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom<OverflowPolicy>("drop-oldest", "drop-newest", "error"),
      fc.array(op, { maxLength: 60 }),
      async (capacity, overflow, ops) => {
        const q = queue(capacity, overflow);
        const it = q.iterate();
        const model: number[] = [];
        let modelDropped = 0;
        let failed = false;
        for (const step of ops) {
          if (step === "read") {
            if (model.length === 0) continue; // a read would wait; the model has nothing to say
            const got = await it.next();
            if (got.done || got.value !== model.shift()) return false;
          } else if (!failed) {
            let expected = true;
            if (model.length >= capacity) {
              modelDropped += 1;
              if (overflow === "drop-oldest") model.shift();
              else {
                expected = false;
                if (overflow === "error") failed = true;
              }
            }
            if (expected) model.push(step);
            if (q.push(step) !== expected) return false;
          } else if (q.push(step)) return false;
        }
        if (q.dropped !== modelDropped) return false;
        q.close();
        const rest: number[] = [];
        try {
          for (;;) {
            const r = await it.next();
            if (r.done) break;
            rest.push(r.value);
          }
          if (failed) return false;
        } catch (err) {
          if (!failed || !(err instanceof QueueOverflowError)) return false;
        }
        return JSON.stringify(rest) === JSON.stringify(model);
      },
    ),
  );
  t.pass();
});
