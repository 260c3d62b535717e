// A queue can be bounded in bytes as well as count (`weigh`, `maxBytes`):
// what a queued item holds, not only how many there are. The overflow policy
// applies to either bound.
import test from "ava";
import { BoundedQueue, QueueOverflowError } from "../../runtime/streams/index.js";

const item = (n: number) => new Uint8Array(n);
const weigh = (b: Uint8Array) => b.length;

test("drop-newest: an item that would take the queue past maxBytes is refused", (t) => {
  const q = new BoundedQueue<Uint8Array>({ capacity: 100, overflow: "drop-newest", weigh, maxBytes: 1_000 });
  t.true(q.push(item(600)));
  t.true(q.push(item(400)));
  t.false(q.push(item(1)));
  t.is(q.size, 2);
  t.is(q.bytes, 1_000);
  t.is(q.dropped, 1);
});

test("drop-oldest: the oldest are evicted until the new item fits", async (t) => {
  const q = new BoundedQueue<Uint8Array>({ capacity: 100, overflow: "drop-oldest", weigh, maxBytes: 1_000 });
  for (const n of [300, 300, 300]) q.push(item(n));
  t.true(q.push(item(700)));
  t.is(q.size, 2);
  t.is(q.bytes, 1_000);
  t.is(q.dropped, 2);
  const it = q[Symbol.asyncIterator]();
  t.is((await it.next()).value?.length, 300);
  t.is(q.bytes, 700, "taking an item frees its bytes");
});

test("error: the queue ends with a QueueOverflowError naming the bytes and the limit", async (t) => {
  const q = new BoundedQueue<Uint8Array>({ capacity: 100, overflow: "error", weigh, maxBytes: 1_000 });
  q.push(item(900));
  t.false(q.push(item(200)));
  const it = q[Symbol.asyncIterator]();
  t.is((await it.next()).value?.length, 900);
  const error = await t.throwsAsync(it.next(), { instanceOf: QueueOverflowError });
  t.is(error.maxBytes, 1_000);
  t.regex(error.message, /1100 bytes.*maxBytes 1000/);
});

test("one item larger than maxBytes still goes through an empty queue (else it could never be delivered)", (t) => {
  const q = new BoundedQueue<Uint8Array>({ capacity: 10, overflow: "drop-newest", weigh, maxBytes: 100 });
  t.true(q.push(item(5_000)));
  t.false(q.push(item(1)));
});
