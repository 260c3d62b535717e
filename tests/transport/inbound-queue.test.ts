// InboundQueue with a recording flow controller: bounded buffering, pause above
// the high-water mark, resume at half of it, end and failure after the data.
import test from "ava";
import fc from "fast-check";
import { ArgumentError } from "../../runtime/errors.js";
import { InboundQueue, TURN_BUDGET_MS } from "../../runtime/transport/inbound-queue.js";

function queue(highWaterMark: number) {
  const events: string[] = [];
  const q = new InboundQueue(highWaterMark, { pause: () => events.push("pause"), resume: () => events.push("resume") });
  return { q, events };
}

const chunk = (n: number, fill = 0): Uint8Array => new Uint8Array(n).fill(fill);

test("pauses once buffered bytes exceed the mark, resumes at half of it", async (t) => {
  const { q, events } = queue(100);
  t.is(q.lowWaterMark, 50);
  q.push(chunk(60));
  q.push(chunk(40));
  t.deepEqual(events, [], "exactly at the mark is not over it");
  q.push(chunk(30));
  t.deepEqual(events, ["pause"]);
  t.true(q.paused);
  q.push(chunk(30)); // a chunk already read is kept, not dropped
  t.deepEqual(events, ["pause"], "no second pause");
  t.is(q.bufferedBytes, 160);

  await q.next(); // 100 left
  await q.next(); // 60 left
  t.deepEqual(events, ["pause"]);
  await q.next(); // 30 left
  t.deepEqual(events, ["pause", "resume"]);
  t.false(q.paused);
});

test("a waiting reader gets a chunk directly, without buffering", async (t) => {
  const { q, events } = queue(1);
  const next = q.next();
  q.push(chunk(10, 7));
  t.deepEqual([...(await next).value!], new Array(10).fill(7));
  t.is(q.bufferedBytes, 0);
  t.deepEqual(events, []);
});

test("end: buffered chunks are delivered first, then done (repeatedly)", async (t) => {
  const { q } = queue(100);
  q.push(chunk(1, 1));
  q.push(chunk(1, 2));
  q.end();
  q.push(chunk(1, 3)); // after the end: ignored
  t.deepEqual([...(await q.next()).value!], [1]);
  t.deepEqual([...(await q.next()).value!], [2]);
  t.true((await q.next()).done);
  t.true((await q.next()).done);
});

test("end wakes a waiting reader", async (t) => {
  const { q } = queue(100);
  const next = q.next();
  q.end();
  t.true((await next).done);
});

test("failure: buffered chunks first, then the error once, then done", async (t) => {
  const { q } = queue(100);
  const err = new Error("reset");
  q.push(chunk(1, 1));
  q.fail(err);
  q.end(); // the first outcome stands
  t.deepEqual([...(await q.next()).value!], [1]);
  t.is(await t.throwsAsync(q.next()), err);
  t.true((await q.next()).done);
});

test("failure rejects a waiting reader", async (t) => {
  const { q } = queue(100);
  const next = q.next();
  const err = new Error("reset");
  q.fail(err);
  t.is(await t.throwsAsync(next), err);
});

test("no resume after the end: there is nothing more to read", async (t) => {
  const { q, events } = queue(10);
  q.push(chunk(20));
  q.end();
  await q.next();
  t.deepEqual(events, ["pause"]);
});

test("discard drops buffered chunks and ends the iteration", async (t) => {
  const { q } = queue(100);
  q.push(chunk(5));
  q.fail(new Error("ignored once the consumer left"));
  q.discard();
  t.is(q.bufferedBytes, 0);
  t.true((await q.next()).done);
});

test("concurrent next() calls are refused", async (t) => {
  const { q } = queue(100);
  void q.next();
  await t.throwsAsync(q.next(), { instanceOf: ArgumentError, message: /one sequential reader/ });
});

test("property: chunks come out in order and the buffer stays within mark + one chunk", async (t) => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 200 }),
      fc.array(fc.oneof(fc.integer({ min: 1, max: 64 }), fc.constant(0)), { maxLength: 200 }),
      async (highWaterMark, script) => {
        // n > 0: the source pushes n bytes if not paused (a paused source sends nothing); 0: the consumer reads one chunk.
        let paused = false;
        const q = new InboundQueue(highWaterMark, { pause: () => (paused = true), resume: () => (paused = false) });
        let sent = 0;
        const received: number[] = [];
        for (const step of script) {
          if (step > 0) {
            if (paused) continue;
            q.push(Uint8Array.from({ length: step }, (_, i) => (sent + i) % 256));
            sent += step;
            if (q.bufferedBytes > highWaterMark + 64) return false;
            if (q.bufferedBytes > highWaterMark && !paused) return false;
            if (paused !== q.paused) return false;
          } else if (q.bufferedBytes > 0) {
            received.push(...(await q.next()).value!);
            if (paused && q.bufferedBytes <= q.lowWaterMark) return false;
            if (paused !== q.paused) return false;
          }
        }
        q.end();
        for (let r = await q.next(); !r.done; r = await q.next()) received.push(...r.value);
        return received.length === sent && received.every((x, i) => x === i % 256);
      },
    ),
  );
  t.pass();
});

// A socket that has much to read hands Node several chunks in one turn of the
// event loop (libuv reads up to 32 times before returning), each followed by
// its microtasks. A reader that took one and waits again gets the next in that
// same turn only while the turn has spent less than TURN_BUDGET_MS, or a
// flooding peer would hold the loop for all of them.
test("within the turn's budget a waiting reader gets chunks at once; past it, the next comes on a later turn", async (t) => {
  let now = 0;
  const q = new InboundQueue(1024, { pause: () => undefined, resume: () => undefined }, () => now);
  const got: number[] = [];
  let turns = 0;
  const reader = (async () => {
    for (let r = await q.next(); !r.done; r = await q.next()) got.push(r.value[0]!);
  })();
  const microtasks = async () => {
    for (let i = 0; i < 10; i++) await null;
  };
  setImmediate(() => turns++);
  q.push(chunk(8, 1));
  await microtasks();
  now += TURN_BUDGET_MS - 1; // the first chunk took most of the budget
  q.push(chunk(8, 2));
  await microtasks();
  t.deepEqual(got, [1, 2], "still within the budget: straight to the reader");
  now += 1; // the budget is spent
  q.push(chunk(8, 3));
  q.push(chunk(8, 4));
  await microtasks();
  t.deepEqual(got, [1, 2], "past the budget: later chunks of the same turn wait for a later turn");
  t.is(turns, 0);
  t.is(q.bufferedBytes, 16);
  while (got.length < 4) await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(got, [1, 2, 3, 4], "nothing lost, in order");
  // A new turn has a new budget.
  now += 100;
  q.push(chunk(8, 5));
  await microtasks();
  t.deepEqual(got, [1, 2, 3, 4, 5]);
  q.end();
  await reader;
});

test("a chunk waiting for its turn is still delivered before the end, and discard drops it", async (t) => {
  let now = 0;
  const queueAt = () => new InboundQueue(1024, { pause: () => undefined, resume: () => undefined }, () => now);
  const q = queueAt();
  const first = q.next();
  q.push(chunk(1, 1));
  t.deepEqual([...(await first).value!], [1]);
  now += TURN_BUDGET_MS;
  const second = q.next();
  q.push(chunk(1, 2));
  q.end();
  t.deepEqual([...(await second).value!], [2]);
  t.true((await q.next()).done);

  const r = queueAt();
  const a = r.next();
  r.push(chunk(1, 1));
  await a;
  now += TURN_BUDGET_MS;
  const b = r.next();
  r.push(chunk(1, 2));
  r.discard();
  t.true((await b).done, "discarded: the reader gets the end, not the dropped chunk");
});

test("a chunk given back (unshift) is handed over first, on a later turn, and counts as buffered meanwhile", async (t) => {
  const { q, events } = queue(100);
  q.push(chunk(10, 1));
  q.push(chunk(10, 2));
  const first = await q.next();
  t.is(first.value![0], 1);
  // The reader processed part of it and gives back the rest.
  q.unshift(first.value!.subarray(4));
  t.is(q.bufferedBytes, 16);
  let handed = false;
  const again = q.next().then((r) => {
    handed = true;
    return r;
  });
  await Promise.resolve();
  t.false(handed, "not in the same turn");
  t.deepEqual([...(await again).value!], [1, 1, 1, 1, 1, 1]);
  t.is((await q.next()).value![0], 2);
  q.unshift(chunk(200, 3));
  t.deepEqual(events, ["pause"], "given back over the mark: the source pauses");
  q.discard();
  q.unshift(chunk(5, 4));
  t.is(q.bufferedBytes, 0, "ignored once the consumer left");
  t.true((await q.next()).done);
});
