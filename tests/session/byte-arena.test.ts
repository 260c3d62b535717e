import test from "ava";
import fc from "fast-check";
import { ByteArena } from "../../runtime/session/byte-arena.js";

// The arena against a model: a list of records, appended at the back,
// dropped from the front or the back; every record still held reads back
// as appended, at its absolute offset, across the moves that make room.
type Op = { kind: "append"; size: number } | { kind: "dropFront"; n: number } | { kind: "dropBack"; n: number } | { kind: "clear" };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("append" as const), size: fc.oneof(fc.nat(16), fc.nat(9000)) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("dropFront" as const), n: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropBack" as const), n: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "clear" }) },
);

test("property: records read back as appended through drops, clears and the moves that make room", (t) => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
      const arena = new ByteArena();
      let held: { at: number; bytes: Uint8Array }[] = [];
      let fill = 0;
      for (const o of ops) {
        if (o.kind === "append") {
          const bytes = new Uint8Array(o.size).map(() => fill++ & 0xff);
          held.push({ at: arena.append(bytes), bytes });
        } else if (o.kind === "dropFront") {
          held = held.slice(o.n);
          arena.dropBefore(held[0]?.at ?? Number.MAX_SAFE_INTEGER);
        } else if (o.kind === "dropBack") {
          const dropped = held.splice(Math.max(0, held.length - o.n));
          if (dropped.length > 0) arena.dropFrom(dropped[0]!.at);
        } else {
          arena.clear();
          held = [];
        }
        const live = held.reduce((a, r) => a + r.bytes.length, 0);
        t.is(arena.liveBytes, live);
        // Room for what is live, within a small multiple of it (or the smallest buffer).
        t.true(arena.capacity <= Math.max(4096, 6 * live + 6 * 9000), `capacity ${arena.capacity} for ${live} live bytes`);
        for (const r of held) t.deepEqual(arena.view(r.at, r.bytes.length), r.bytes);
      }
    }),
    { numRuns: 200 },
  );
});

test("a view is of the arena's own bytes: the caller's array can change after the append", (t) => {
  const arena = new ByteArena();
  const bytes = Uint8Array.of(1, 2, 3);
  const at = arena.append(bytes);
  bytes.fill(9);
  t.deepEqual([...arena.view(at, 3)], [1, 2, 3]);
});
