// OutboundQueue against a scripted sink: one write per flush, nothing written
// while waiting for drain, order kept, failures reported to every flush.
import test from "ava";
import fc from "fast-check";
import { CHUNK_COST, OutboundQueue } from "../../runtime/transport/outbound-queue.js";

interface SinkWrite {
  bytes: Uint8Array;
  done: (err?: Error | null) => void;
}

/** A sink that records writes; `accept` decides what write() returns. */
function sink(accept: (n: number) => boolean = () => true) {
  const writes: SinkWrite[] = [];
  const queue = new OutboundQueue(
    (bytes, done) => {
      writes.push({ bytes: Uint8Array.from(bytes), done });
      return accept(writes.length);
    },
    { onWritten: (n) => (written += n) },
  );
  let written = 0;
  return { queue, writes, written: () => written };
}

/** A sink that keeps the arrays written (not copies) and completes each write at once. */
function referenceSink() {
  const writes: Uint8Array[] = [];
  const queue = new OutboundQueue((bytes, done) => {
    writes.push(bytes);
    done();
    return true;
  });
  return { queue, writes };
}

const b = (...xs: number[]): Uint8Array => Uint8Array.from(xs);

function flag(p: Promise<unknown>): { settled: boolean; failed: unknown } {
  const state = { settled: false, failed: undefined as unknown };
  p.then(
    () => (state.settled = true),
    (err: unknown) => {
      state.settled = true;
      state.failed = err;
    },
  );
  return state;
}

test("push only queues; flush makes one write of everything queued, resolved when the sink confirms", async (t) => {
  const { queue, writes, written } = sink();
  queue.push(b(1, 2));
  queue.push(b());
  queue.push(b(3));
  queue.push(b(4, 5, 6));
  t.is(writes.length, 0);
  t.is(queue.queuedBytes, 6);
  const f = flag(queue.flush());
  t.is(writes.length, 1);
  t.deepEqual([...writes[0]!.bytes], [1, 2, 3, 4, 5, 6]);
  await Promise.resolve();
  t.false(f.settled, "not resolved before the sink's callback");
  writes[0]!.done();
  await Promise.resolve();
  t.true(f.settled);
  t.is(written(), 6);
});

test("a single queued chunk is written as is, without copying", (t) => {
  const { queue, writes } = referenceSink();
  const chunk = b(9, 9);
  queue.push(chunk);
  void queue.flush();
  t.is(writes[0], chunk);
});

test("small pushes are copied into one buffer, which is never written into again once handed to the socket", (t) => {
  const { queue, writes } = referenceSink();
  const first = b(1, 2);
  queue.push(first);
  queue.push(b(3));
  void queue.flush();
  t.not(writes[0], first, "two pushes: gathered in one buffer");
  t.deepEqual([...writes[0]!], [1, 2, 3]);
  first.fill(0);
  queue.push(b(4, 5));
  queue.push(b(6));
  void queue.flush();
  t.deepEqual([...writes[0]!], [1, 2, 3], "the first write's bytes are its own");
  t.deepEqual([...writes[1]!], [4, 5, 6]);
});

test("a large push is queued as it is, between the small ones gathered before and after it", (t) => {
  const { queue, writes } = referenceSink();
  const large = new Uint8Array(10_000).fill(7);
  queue.push(large);
  void queue.flush();
  t.is(writes[0], large, "alone: written without a copy");
  queue.push(b(1));
  queue.push(b(2));
  queue.push(large);
  queue.push(b(3));
  t.is(queue.queuedBytes, 10_003);
  void queue.flush();
  t.deepEqual([...writes[1]!], [1, 2, ...large, 3]);
});

test("the backlog counts CHUNK_COST per push, however the pushes are gathered", (t) => {
  const queue = new OutboundQueue(() => true);
  for (let i = 0; i < 100; i++) queue.push(b(i));
  t.is(queue.backlogBytes, 100 + 100 * CHUNK_COST);
});

test("an empty flush waits for the write still in flight", async (t) => {
  const { queue, writes } = sink();
  t.is(await queue.flush(), undefined, "nothing ever written: resolves at once");
  queue.push(b(1));
  void queue.flush();
  const empty = flag(queue.flush());
  t.is(writes.length, 1, "an empty flush writes nothing");
  await Promise.resolve();
  t.false(empty.settled);
  writes[0]!.done();
  await new Promise((r) => setImmediate(r));
  t.true(empty.settled);
});

test("after a write returns false nothing is written until drained(); waiting flushes then go out as one write", async (t) => {
  const { queue, writes } = sink((n) => n !== 1);
  queue.push(b(1));
  const f1 = flag(queue.flush());
  t.true(queue.awaitingDrain);
  queue.push(b(2));
  const f2 = flag(queue.flush());
  queue.push(b(3, 4));
  const f3 = flag(queue.flush());
  queue.push(b(5)); // queued but never flushed before the drain
  t.is(writes.length, 1, "no write while waiting for drain");
  writes[0]!.done();
  await new Promise((r) => setImmediate(r));
  t.true(f1.settled);
  t.false(f2.settled, "the kernel took the first write, but the second has not been written");

  queue.drained();
  t.false(queue.awaitingDrain);
  t.is(writes.length, 2);
  t.deepEqual([...writes[1]!.bytes], [2, 3, 4, 5], "everything queued at drain time, in order");
  writes[1]!.done();
  await new Promise((r) => setImmediate(r));
  t.true(f2.settled && f3.settled);
  t.is(f2.failed, undefined);
});

test("drained() with no waiting flush writes nothing", (t) => {
  const { queue, writes } = sink((n) => n !== 1);
  queue.push(b(1));
  void queue.flush();
  queue.push(b(2));
  queue.drained();
  t.is(writes.length, 1);
  t.is(queue.queuedBytes, 1);
});

test("fail() rejects waiting flushes, reports the unsent bytes, and refuses later pushes and flushes", async (t) => {
  const { queue, writes } = sink(() => false);
  queue.push(b(1));
  void queue.flush().catch(() => {});
  queue.push(b(2, 3));
  const waiting = queue.flush();
  const err = new Error("gone");
  t.is(queue.fail(err), 2);
  t.is(queue.fail(new Error("again")), 0, "only the first failure counts");
  t.is(await t.throwsAsync(waiting), err);
  t.is(t.throws(() => queue.push(b(4))), err);
  t.is(await t.throwsAsync(queue.flush()), err);
  t.is(writes.length, 1);
});

test("a write the sink reports as failed rejects its flush with the translated error", async (t) => {
  const translated = new Error("translated");
  const writes: SinkWrite[] = [];
  const queue = new OutboundQueue(
    (bytes, done) => {
      writes.push({ bytes, done });
      return true;
    },
    { toError: () => translated },
  );
  queue.push(b(1));
  const p = queue.flush();
  writes[0]!.done(new Error("EPIPE"));
  t.is(await t.throwsAsync(p), translated);
});

test("property: any interleaving of pushes, flushes, write completions and drains delivers every byte once, in order", async (t) => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constant("push" as const), bytes: fc.uint8Array({ maxLength: 8 }) }),
          // Around the size above which pushes are queued as they are, not copied.
          fc.record({ op: fc.constant("push" as const), bytes: fc.uint8Array({ minLength: 4090, maxLength: 4100 }) }),
          fc.record({ op: fc.constant("flush" as const) }),
          fc.record({ op: fc.constant("complete" as const) }),
          fc.record({ op: fc.constant("drain" as const) }),
        ),
        { maxLength: 60 },
      ),
      fc.infiniteStream(fc.boolean()),
      async (ops, accepts) => {
        const it = accepts[Symbol.iterator]();
        const pending: Array<() => void> = [];
        // The arrays written, not copies: later pushes must not change what was handed to the socket.
        const writes: Uint8Array[] = [];
        let needDrain = false;
        const queue = new OutboundQueue((bytes, done) => {
          if (needDrain) throw new Error("wrote while waiting for drain");
          writes.push(bytes);
          pending.push(() => done());
          needDrain = !it.next().value;
          return !needDrain;
        });
        const pushed: number[] = [];
        const flushes: Array<{ upTo: number; settled: boolean }> = [];
        for (const o of ops) {
          if (o.op === "push") {
            queue.push(o.bytes);
            pushed.push(...o.bytes);
          } else if (o.op === "flush") {
            const f = { upTo: pushed.length, settled: false };
            flushes.push(f);
            void queue.flush().then(() => (f.settled = true));
          } else if (o.op === "complete") {
            pending.shift()?.();
          } else if (needDrain && pending.length === 0) {
            needDrain = false; // a socket drains only after its writes completed
            queue.drained();
          }
        }
        // Let everything finish: complete writes and drain until quiet.
        for (let i = 0; i < 1000 && (pending.length > 0 || needDrain); i++) {
          while (pending.length > 0) pending.shift()!();
          await new Promise((r) => setImmediate(r));
          if (needDrain) {
            needDrain = false;
            queue.drained();
          }
        }
        await new Promise((r) => setImmediate(r));
        // What was written is a prefix of what was pushed (nothing lost, duplicated
        // or reordered), covers every byte a flush asked for, and every flush resolved.
        // (A drain may also carry bytes pushed after the last flush: harmless.)
        const out = writes.flatMap((w) => [...w]);
        const flushedUpTo = Math.max(0, ...flushes.map((f) => f.upTo));
        if (out.length > pushed.length || out.some((x, i) => x !== pushed[i])) return false;
        if (out.length < flushedUpTo) return false;
        return flushes.every((f) => f.settled);
      },
    ),
  );
  t.pass();
});
