import test from "ava";
import fc from "fast-check";
import { MemoryOutgoingStore, STORED_ENTRY_OVERHEAD, type StoredPayload } from "../../runtime/session/outgoing-store.js";

// The store against the plainest model of its contract: a list in seq order,
// truncated on a rewind, trimmed from the front past its count or its bytes
// (the newest always kept). Payloads come back equal, not the same objects:
// the store keeps their bytes packed and hands out copies.
type Op = { kind: "put"; seq: bigint; size: number } | { kind: "clear" };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant("put" as const), seq: fc.bigInt(1n, 40n), size: fc.oneof(fc.nat(8), fc.nat(3000)) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "clear" }) },
);

const cost = (p: StoredPayload): number => p.bytes.length + STORED_ENTRY_OVERHEAD;

test("property: the store matches a list model through puts, rewinds, jumps, evictions by count and bytes, and clears", (t) => {
  fc.assert(
    // Seqs around 2^53 too, and at the top of the 64-bit range.
    fc.property(
      fc.integer({ min: 1, max: 100 }),
      fc.constantFrom(0n, 2n ** 53n - 20n, 2n ** 64n - 50n),
      fc.constantFrom(Number.POSITIVE_INFINITY, 2_000, 20_000),
      fc.array(op, { maxLength: 200 }),
      (capacity, base, maxBytes, ops) => {
        const store = new MemoryOutgoingStore(capacity, maxBytes);
        let model: StoredPayload[] = [];
        let n = 0;
        for (const o of ops) {
          if (o.kind === "clear") {
            store.clear();
            model = [];
          } else {
            // Mostly the next seq, as the sequencer sends; the generator also rewinds and jumps.
            const newest = model.at(-1)?.seq;
            const seq = newest !== undefined && n++ % 3 !== 0 && newest + 1n < 2n ** 64n ? newest + 1n : base + o.seq;
            const bytes = new Uint8Array(o.size).map((_, i) => (i * 7 + n) & 0xff);
            const p: StoredPayload = { seq, setoType: n % 5, etoType: n % 2 === 0 ? undefined : n % 7, bytes };
            store.put(p);
            bytes.fill(0); // the store keeps its own copy
            model = model.filter((m) => m.seq < seq);
            model.push({ ...p, bytes: new Uint8Array(o.size).map((_, i) => (i * 7 + n) & 0xff) });
            let held = model.reduce((a, m) => a + cost(m), 0);
            while (model.length > capacity || (held > maxBytes && model.length > 1)) held -= cost(model.shift()!);
          }
          t.is(store.size, model.length);
          t.is(store.bytes, model.reduce((a, m) => a + cost(m), 0));
          t.is(store.oldestSeq(), model[0]?.seq);
          t.is(store.newestSeq(), model.at(-1)?.seq);
          for (let seq = base; seq <= base + 42n; seq++) t.deepEqual(store.get(seq), model.find((m) => m.seq === seq));
        }
        t.deepEqual([...store.values()], model);
      },
    ),
    { numRuns: 300 },
  );
});

test("a seq outside the unsigned 64-bit range is refused, and nothing is stored", (t) => {
  const store = new MemoryOutgoingStore(10);
  for (const seq of [-1n, 2n ** 64n]) {
    t.throws(() => store.put({ seq, setoType: 1, etoType: undefined, bytes: new Uint8Array(1) }), { message: new RegExp(`got ${seq}`) });
  }
  t.is(store.size, 0);
});

test("a hundred thousand small payloads through a store of ten thousand: the newest kept, each get a copy of its own", (t) => {
  const store = new MemoryOutgoingStore(10_000);
  const bytes = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  for (let seq = 1n; seq <= 100_000n; seq++) store.put({ seq, setoType: 1, etoType: 7, bytes });
  t.is(store.size, 10_000);
  t.is(store.oldestSeq(), 90_001n);
  t.deepEqual(store.get(95_000n), { seq: 95_000n, setoType: 1, etoType: 7, bytes });
  t.not(store.get(95_000n)!.bytes, store.get(95_000n)!.bytes, "each get hands out its own copy");
});
