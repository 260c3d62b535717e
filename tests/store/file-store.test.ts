// The file store on its own: what is committed comes back when it is opened
// again; a torn last record is dropped and said so; damage before it, or a
// file of another account, host or protocol, is a typed error; one process
// per file; the file stays bounded by compaction.
import test from "ava";
import * as fs from "node:fs";
import { ArgumentError } from "../../runtime/errors.js";
import { StoreCorruptError, StoreError, StoreForeignError } from "../../runtime/store/errors.js";
import { FileSessionStore, LEASE_STEP } from "../../runtime/store/file-session-store.js";
import { IDENTITY, order, payload, snapshot, storePath } from "./helpers.js";

const STEP_N = BigInt(LEASE_STEP);

function reopen(file: string, options = {}) {
  const store = new FileSessionStore(file, options);
  return { store, saved: store.open(IDENTITY) };
}

test("a new file holds nothing; what is committed comes back when it is opened again", (t) => {
  const file = storePath(t);
  const { store, saved } = reopen(file);
  t.is(saved, undefined);
  for (let s = 1n; s <= 5n; s++) store.put(payload(s));
  store.commit(snapshot({ sessionId: "abc", nextInSeq: 42n, nextOutSeq: 6n, lastAccountSequence: 9n, orders: [order(1, "pending"), order(2, "live")] }));
  store.close();
  const again = reopen(file);
  t.like(again.saved, { sessionId: "abc", nextInSeq: 42n, nextOutSeq: 6n, lastAccountSequence: 9n, recovered: undefined });
  t.deepEqual(again.saved!.orders, [order(1, "pending"), order(2, "live")]);
  t.deepEqual(again.store.get(3n), payload(3n));
  t.is(again.store.oldestSeq(), 1n);
  t.is(again.store.newestSeq(), 5n);
  again.store.close();
});

test("later saves of an order replace earlier ones; forgotten orders are gone; the order is that of the last change", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot({ orders: [order(1, "pending"), order(2, "pending"), order(3, "pending")] }));
  store.commit(snapshot({ orders: [order(1, "live")], forgotten: [2] }));
  store.close();
  const { store: again, saved } = reopen(file);
  t.deepEqual(
    saved!.orders.map((o) => [o.key, o.order.status]),
    [
      [3, "pending"],
      [1, "live"],
    ],
  );
  again.close();
});

test("a payload stored but not followed by a state record (a commit cut short) still counts: its seq is never used again", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.put(payload(1n));
  store.commit(snapshot({ nextOutSeq: 2n }));
  store.close();
  // Append an OUT record for seq 2 by hand, as a commit whose state record never made it would leave it.
  const { store: s2 } = reopen(file);
  s2.put(payload(2n));
  (s2 as unknown as { close(): void }).close(); // close writes what is queued
  const { store: s3, saved } = reopen(file);
  t.is(saved!.nextOutSeq, 3n);
  s3.close();
});

test("a torn last record (a crash in mid-write) is dropped and reported; everything before it comes back, and the store goes on", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.put(payload(1n));
  store.commit(snapshot({ nextInSeq: 10n, nextOutSeq: 2n }));
  store.put(payload(2n, 200));
  store.commit(snapshot({ nextInSeq: 20n, nextOutSeq: 3n }));
  store.close();
  const whole = fs.statSync(file).size;
  // Cut the last commit in its middle: its OUT record survives whole? No: cut inside the OUT record's body.
  fs.truncateSync(file, whole - 100);
  const { store: again, saved } = reopen(file);
  t.like(saved, { nextInSeq: 10n, nextOutSeq: 2n });
  t.truthy(saved!.recovered);
  t.regex(saved!.recovered!.why, /cut short/);
  t.is(fs.statSync(file).size, saved!.recovered!.offset, "the file now ends after the last whole record");
  again.put(payload(2n));
  again.commit(snapshot({ nextInSeq: 11n, nextOutSeq: 3n }));
  again.close();
  const third = reopen(file);
  t.like(third.saved, { nextInSeq: 11n, nextOutSeq: 3n, recovered: undefined });
  third.store.close();
});

test("a last record whose checksum fails, and a tail of zeros, are torn writes too", (t) => {
  for (const damage of ["checksum", "zeros"] as const) {
    const file = storePath(t, `${damage}.store`);
    const { store } = reopen(file);
    store.commit(snapshot({ nextInSeq: 5n }));
    store.commit(snapshot({ nextInSeq: 6n }));
    store.close();
    const bytes = fs.readFileSync(file);
    if (damage === "checksum") bytes[bytes.length - 3]! ^= 0xff;
    fs.writeFileSync(file, damage === "zeros" ? Buffer.concat([bytes, Buffer.alloc(4096)]) : bytes);
    const { store: again, saved } = reopen(file);
    t.is(saved!.nextInSeq, damage === "checksum" ? 5n : 6n, damage);
    t.truthy(saved!.recovered, damage);
    again.close();
  }
});

test("damage before the last record is a StoreCorruptError naming the offset; the file is left as it is", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot({ nextInSeq: 5n }));
  store.commit(snapshot({ nextInSeq: 6n }));
  store.commit(snapshot({ nextInSeq: 7n }));
  store.close();
  const bytes = fs.readFileSync(file);
  const size = bytes.length;
  bytes[size - 60]! ^= 0x55; // inside the second-to-last record
  fs.writeFileSync(file, bytes);
  const e = t.throws(() => reopen(file), { instanceOf: StoreCorruptError });
  t.regex(e!.message, /is damaged: record at offset \d+ .* fails its checksum, with records after it/);
  t.true(e!.offset > 0 && e!.offset < size);
  t.is(e!.path, file);
  t.is(fs.statSync(file).size, size, "not truncated");
  t.false(fs.existsSync(`${file}.lock`), "the lock is released");
});

test("a store of another account, host, port or protocol, or a file that is no store, is a StoreForeignError", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot());
  store.close();
  const cases: [keyof typeof IDENTITY, unknown][] = [
    ["account", "user other"],
    ["host", "api.smarkets.com"],
    ["port", 3702],
    ["protocol", "seto: smk_api_common v7.0.0; eto: eto_common v1.2.3"],
  ];
  for (const [field, value] of cases) {
    const e = t.throws(() => new FileSessionStore(file).open({ ...IDENTITY, [field]: value }), { instanceOf: StoreForeignError });
    t.is(e!.field, field);
    t.is(e!.expected, String(value));
    t.is(e!.stored, String(IDENTITY[field]));
  }
  const notAStore = storePath(t, "notes.txt");
  fs.writeFileSync(notAStore, "these are my notes, not a session store\n");
  const e = t.throws(() => new FileSessionStore(notAStore).open(IDENTITY), { instanceOf: StoreForeignError });
  t.is(e!.field, "format");
  t.regex(e!.message, /is not a session store/);
});

test("one process per file: a live owner's lock is refused; a dead owner's lock is taken over", (t) => {
  const file = storePath(t);
  fs.writeFileSync(`${file}.lock`, String(process.ppid)); // our parent: alive
  const e = t.throws(() => new FileSessionStore(file).open(IDENTITY), { instanceOf: StoreError });
  t.regex(e!.message, new RegExp(`in use by process ${process.ppid}`));
  fs.writeFileSync(`${file}.lock`, "2147483646"); // no such process
  const store = new FileSessionStore(file);
  t.is(store.open(IDENTITY), undefined);
  t.is(fs.readFileSync(`${file}.lock`, "utf8"), String(process.pid));
  store.close();
  t.false(fs.existsSync(`${file}.lock`));
});

test("a delivery lease is written before it returns and comes back as deliveredBelow; a commit brings it back to the seq saved", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot({ nextInSeq: 10n }));
  t.is(store.leaseEnd, 10n, "nothing beyond the seq saved was delivered");
  store.extendLease(10n);
  t.is(store.leaseEnd, 10n + STEP_N);
  store.extendLease(12n);
  t.is(store.leaseEnd, 10n + STEP_N, "covered: nothing written");
  store.extendLease(10n + STEP_N);
  t.is(store.leaseEnd, 10n + 3n * STEP_N, "each extension before the next save runs twice as far");
  // No close, no commit: as a process killed now leaves it.
  const copy = storePath(t, "copy.store");
  fs.copyFileSync(file, copy);
  const { store: again, saved } = reopen(copy);
  t.like(saved, { nextInSeq: 10n, deliveredBelow: 10n + 3n * STEP_N });
  again.close();
  store.commit(snapshot({ nextInSeq: 50n }));
  t.is(store.leaseEnd, 50n);
  store.extendLease(50n);
  t.is(store.leaseEnd, 50n + STEP_N, "a save resets the step");
  store.commit(snapshot({ nextInSeq: 60n, deliveredBelow: 61n }));
  store.close();
  const third = reopen(file);
  t.like(third.saved, { nextInSeq: 60n, deliveredBelow: 61n }, "a payload delivery stopped at (onHandlerError stop) stays flagged");
  third.store.close();
});

test("regression: a crash window is kept until the seq saved passes it, whichever process saves meanwhile (a process killed before delivering it must not shrink it)", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot({ nextInSeq: 50n }));
  store.extendLease(50n);
  store.extendLease(50n + STEP_N); // process 1 delivered up to here, and dies
  const window = store.leaseEnd;
  const copy = storePath(t, "copy.store");
  fs.copyFileSync(file, copy);
  store.close();
  const second = reopen(copy); // process 2 saves (its login, say) before delivering anything, and dies
  t.is(second.saved!.deliveredBelow, window);
  second.store.commit(snapshot({ nextInSeq: 50n, nextOutSeq: 9n }));
  t.is(second.store.leaseEnd, window);
  const copy2 = storePath(t, "copy2.store");
  fs.copyFileSync(copy, copy2);
  second.store.close();
  const third = reopen(copy2);
  t.is(third.saved!.deliveredBelow, window, "process 3 still flags what process 1 delivered");
  third.store.commit(snapshot({ nextInSeq: window + 5n }));
  t.is(third.store.leaseEnd, window + 5n, "once the seq saved passes it, the window is gone");
  third.store.close();
});

test("a new stream restarts the lease", (t) => {
  const file = storePath(t);
  const { store } = reopen(file);
  store.commit(snapshot({ sessionId: "old", nextInSeq: 5_000n }));
  store.restartLease();
  t.is(store.leaseEnd, 0n);
  store.extendLease(1n);
  t.is(store.leaseEnd, 1n + STEP_N);
  const copy = storePath(t, "copy.store");
  fs.copyFileSync(file, copy);
  const { store: again, saved } = reopen(copy);
  t.like(saved, { sessionId: "old", deliveredBelow: 5_000n }, "the lease record of the new stream does not lower the old one's (until the new session is saved)");
  again.close();
  store.commit(snapshot({ sessionId: "new", nextInSeq: 3n }));
  store.close();
  const third = reopen(file);
  t.like(third.saved, { sessionId: "new", nextInSeq: 3n, deliveredBelow: 3n });
  third.store.close();
});

test("the file stays bounded: compacted once it outgrows twice its compacted size, keeping exactly what it holds", (t) => {
  const file = storePath(t);
  const { store } = reopen(file, { compactAtBytes: 64 * 1024, maxPayloads: 100 });
  let largest = 0;
  for (let s = 1n; s <= 20_000n; s++) {
    store.put(payload(s, 50));
    store.commit(snapshot({ nextInSeq: s, nextOutSeq: s + 1n, orders: s % 10n === 0n ? [order(Number(s % 50n), "live")] : [] }));
    largest = Math.max(largest, fs.statSync(file).size);
  }
  t.true(store.stats.compactions > 10, `${store.stats.compactions} compactions`);
  // What it holds: 100 payloads of 50 bytes and 5 orders — a few KB; the file never passed 64 KiB plus one commit.
  t.true(largest < 64 * 1024 + 1024, `largest file ${largest} bytes`);
  store.close();
  const { store: again, saved } = reopen(file, { maxPayloads: 100 });
  t.like(saved, { nextInSeq: 20_000n, nextOutSeq: 20_001n });
  t.is(again.oldestSeq(), 19_901n);
  t.is(again.newestSeq(), 20_000n);
  t.deepEqual(again.get(19_950n), payload(19_950n, 50));
  t.deepEqual(saved!.orders.map((o) => o.key).sort((a, b) => a - b), [0, 10, 20, 30, 40]);
  again.close();
});

test("options are checked", (t) => {
  t.throws(() => new FileSessionStore(""), { instanceOf: ArgumentError });
  t.throws(() => new FileSessionStore("x", { fsync: "sometimes" as never }), { instanceOf: ArgumentError, message: /fsync must be one of always, batched, never/ });
  t.throws(() => new FileSessionStore("x", { compactAtBytes: 0 }), { instanceOf: ArgumentError });
});

test("writing before open, or after close, is a StoreError", (t) => {
  const file = storePath(t);
  const store = new FileSessionStore(file);
  t.throws(() => store.put(payload(1n)), { instanceOf: StoreError, message: /not open/ });
  store.open(IDENTITY);
  store.close();
  t.throws(() => store.put(payload(1n)), { instanceOf: StoreError, message: /closed/ });
});
