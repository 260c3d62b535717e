import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { MemoryOutgoingStore, STORED_ENTRY_OVERHEAD } from "../../runtime/session/outgoing-store.js";

const entry = (seq: bigint) => ({ seq, setoType: 10, etoType: undefined, bytes: Uint8Array.of(Number(seq)) });

test("keeps payloads by seq and reports the range held", (t) => {
  const store = new MemoryOutgoingStore(10);
  t.is(store.oldestSeq(), undefined);
  t.is(store.newestSeq(), undefined);
  for (let s = 1n; s <= 3n; s++) store.put(entry(s));
  t.is(store.get(2n)?.bytes[0], 2);
  t.is(store.get(4n), undefined);
  t.is(store.oldestSeq(), 1n);
  t.is(store.newestSeq(), 3n);
});

test("bounded by count: the oldest are evicted", (t) => {
  const store = new MemoryOutgoingStore(3);
  for (let s = 1n; s <= 5n; s++) store.put(entry(s));
  t.is(store.size, 3);
  t.is(store.get(2n), undefined);
  t.is(store.oldestSeq(), 3n);
  t.is(store.newestSeq(), 5n);
});

test("a seq at or below the newest (a reset) replaces it and drops everything after", (t) => {
  const store = new MemoryOutgoingStore(10);
  for (let s = 1n; s <= 6n; s++) store.put(entry(s));
  store.put({ ...entry(4n), bytes: Uint8Array.of(44) });
  t.is(store.get(4n)?.bytes[0], 44);
  t.is(store.get(5n), undefined);
  t.is(store.get(6n), undefined);
  t.is(store.newestSeq(), 4n);
  store.put(entry(5n));
  t.deepEqual([store.oldestSeq(), store.newestSeq()], [1n, 5n]);
});

test("a jump upward leaves a hole", (t) => {
  const store = new MemoryOutgoingStore(10);
  store.put(entry(1n));
  store.put(entry(5n));
  t.is(store.get(3n), undefined);
  t.deepEqual([store.oldestSeq(), store.newestSeq()], [1n, 5n]);
});

test("clear forgets everything", (t) => {
  const store = new MemoryOutgoingStore(10);
  store.put(entry(1n));
  store.clear();
  t.is(store.size, 0);
  t.is(store.newestSeq(), undefined);
});

test("capacity must be a positive integer", (t) => {
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    t.throws(() => new MemoryOutgoingStore(bad), { instanceOf: ArgumentError, message: /capacity must be an integer >= 1/ });
  }
});

test("bounded by bytes too: payload length plus a per-entry overhead; the oldest go first, the newest always stays", (t) => {
  const sized = (seq: bigint, length: number) => ({ seq, setoType: 10, etoType: undefined, bytes: new Uint8Array(length) });
  const per = 100 + STORED_ENTRY_OVERHEAD;
  const store = new MemoryOutgoingStore(1_000, 3 * per);
  for (let s = 1n; s <= 5n; s++) store.put(sized(s, 100));
  t.deepEqual([store.size, store.bytes, store.oldestSeq(), store.newestSeq()], [3, 3 * per, 3n, 5n]);
  store.put(sized(6n, 10_000));
  t.deepEqual([store.size, store.oldestSeq()], [1, 6n], "one payload over the cap is still kept");
  store.put(sized(4n, 100)); // a rewind drops 6 and what it cost
  t.deepEqual([store.size, store.bytes], [1, per]);
  store.clear();
  t.is(store.bytes, 0);
  t.throws(() => new MemoryOutgoingStore(10, 0), { instanceOf: ArgumentError, message: /maxBytes must be an integer >= 1 or Infinity, got 0/ });
});
