// A zero-length payload is complete only with its padding: its frame is the
// header byte 00 and three padding bytes, and until all four have arrived the
// decoder waits, as the seed's frame_decode_all does (it takes a frame only
// when the whole frame is buffered). A non-empty payload is still handed up at
// its last byte: its padding carries nothing more.
import assert from "node:assert/strict";
import test from "ava";
import fc from "fast-check";
import { encodeFrames, frameLength, uleb128Length } from "../../runtime/framing/index.js";
import { bytewise, collecting, decodeAll, hex, splitAt } from "./helpers.js";

const empty = new Uint8Array(0);
const aa = Uint8Array.of(0xaa);

test("01 aa 00 00 00: the second frame's header alone yields nothing; its padding completes it", (t) => {
  const { decoder, payloads } = collecting();
  decoder.push(hex("01 aa 00 00 00"));
  t.deepEqual(payloads, [aa]);
  t.is(decoder.bufferedBytes, 1, "the empty frame's header waits");
  decoder.push(hex("00 00"));
  t.deepEqual(payloads, [aa]);
  t.is(decoder.bufferedBytes, 3);
  decoder.push(hex("00"));
  t.deepEqual(payloads, [aa, empty]);
  t.is(decoder.bufferedBytes, 0);
});

test("01 aa 00 00 00, whole, byte by byte and cut anywhere, never yields the empty frame", (t) => {
  const stream = hex("01 aa 00 00 00");
  t.deepEqual(decodeAll([stream]), [aa]);
  t.deepEqual(decodeAll(bytewise(stream)), [aa]);
  for (let cut = 0; cut <= stream.length; cut++) t.deepEqual(decodeAll(splitAt(stream, [cut])), [aa], `cut at ${cut}`);
});

test("empty frames arrive once their 4 bytes have, however the stream is cut", (t) => {
  const stream = hex("00 00 00 00  00 00 00 00  01 78 00 00  00 00 00 00");
  for (const pieces of [[stream], bytewise(stream), splitAt(stream, [1, 2, 3]), splitAt(stream, [5, 13, 14])]) {
    t.deepEqual(decodeAll(pieces), [empty, empty, Uint8Array.of(0x78), empty]);
  }
  // Byte by byte, each empty frame appears exactly at its 4th byte.
  const { decoder, payloads } = collecting();
  const counts = bytewise(stream).map((b) => (decoder.push(b), payloads.length));
  t.deepEqual(counts, [0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 4]);
});

/** For each frame of `payloads` in `stream`: the stream length at which it is complete. */
function completions(payloads: readonly Uint8Array[]): number[] {
  const at: number[] = [];
  let start = 0;
  for (const p of payloads) {
    const payloadEnd = start + uleb128Length(p.length) + p.length;
    const frameEnd = start + frameLength(p.length);
    at.push(p.length === 0 ? frameEnd : payloadEnd);
    start = frameEnd;
  }
  return at;
}

// Properties assert with node:assert, which throws, so fast-check can shrink a failure.
test("property: after every chunk, exactly the frames complete so far are handed up", (t) => {
  const payload = fc.oneof(fc.constant(empty), fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.uint8Array({ maxLength: 300 }));
  fc.assert(
    fc.property(fc.array(payload, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 20 }), (payloads, cuts) => {
      const stream = encodeFrames(payloads);
      const done = completions(payloads);
      const { decoder, payloads: out } = collecting();
      let received = 0;
      for (const piece of splitAt(stream, cuts)) {
        decoder.push(piece);
        received += piece.length;
        const expected = done.filter((end) => end <= received).length;
        assert.deepEqual(out, payloads.slice(0, expected), `after ${received} of ${stream.length} bytes`);
      }
      assert.equal(decoder.bufferedBytes, 0);
    }),
  );
  t.pass(); // fc.assert threw on any counterexample
});
