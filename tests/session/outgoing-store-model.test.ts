import test from "ava";
import fc from "fast-check";
import { MemoryOutgoingStore, type StoredPayload } from "../../runtime/session/outgoing-store.js";

// The store against the plainest model of its contract: a list in seq order,
// truncated on a rewind, trimmed from the front past capacity.
type Op = { kind: "put"; seq: bigint } | { kind: "clear" };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.bigInt(1n, 40n).map((seq): Op => ({ kind: "put", seq })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "clear" }) },
);

test("property: the store matches a list model through puts, rewinds, jumps, evictions and clears", (t) => {
  fc.assert(
    // Seqs around 2^53 too, where the store's keys change representation.
    fc.property(fc.integer({ min: 1, max: 8 }), fc.constantFrom(0n, 2n ** 53n - 20n), fc.array(op, { maxLength: 200 }), (capacity, base, ops) => {
      const store = new MemoryOutgoingStore(capacity);
      let model: StoredPayload[] = [];
      let n = 0;
      for (const o of ops) {
        if (o.kind === "clear") {
          store.clear();
          model = [];
        } else {
          // Mostly the next seq, as the sequencer sends; the generator also rewinds and jumps.
          const newest = model.at(-1)?.seq;
          const seq = newest !== undefined && n++ % 3 !== 0 ? newest + 1n : base + o.seq;
          const p: StoredPayload = { seq, setoType: 1, etoType: 5, bytes: Uint8Array.of(n & 0xff) };
          store.put(p);
          model = model.filter((m) => m.seq < seq);
          model.push(p);
          if (model.length > capacity) model.shift();
        }
        t.is(store.size, model.length);
        t.is(store.oldestSeq(), model[0]?.seq);
        t.is(store.newestSeq(), model.at(-1)?.seq);
        for (let seq = base; seq <= base + 42n; seq++) t.is(store.get(seq), model.find((m) => m.seq === seq));
      }
    }),
    { numRuns: 300 },
  );
});
