// A sink with `frameAt` takes each payload as a range of the chunk (or of the
// assembled body of a split frame) instead of a view: the same payloads, in
// the same order, at any split, and the same recovery when the sink throws.
import assert from "node:assert/strict";
import test from "ava";
import fc from "fast-check";
import { encodeFrames, FrameDecoder, type FrameSink } from "../../runtime/framing/index.js";
import { ascii, bytewise, splitAt } from "./helpers.js";

/** A sink taking ranges, recording copies of them, and counting calls of `frame` (there should be none). */
function rangeSink(): { sink: FrameSink; payloads: Uint8Array[]; viaFrame: number } {
  const state = {
    payloads: [] as Uint8Array[],
    viaFrame: 0,
    sink: {
      frame: (payload: Uint8Array) => {
        state.viaFrame++;
        state.payloads.push(payload.slice());
      },
      frameAt: (bytes: Uint8Array, start: number, end: number) => {
        assert.ok(start >= 0 && start <= end && end <= bytes.length, `range [${start}, ${end}) within ${bytes.length} bytes`);
        state.payloads.push(bytes.slice(start, end));
      },
    },
  };
  return state;
}

test("property: ranges give the payloads `frame` would, at any split, without frame being called", (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 30 }), (payloads, cuts) => {
      const stream = encodeFrames(payloads);
      for (const pieces of [[stream], splitAt(stream, cuts), bytewise(stream)]) {
        const r = rangeSink();
        const decoder = new FrameDecoder(r.sink);
        for (const piece of pieces) decoder.push(piece);
        assert.deepEqual(r.payloads, payloads);
        assert.equal(r.viaFrame, 0);
        assert.equal(decoder.bufferedBytes, 0);
      }
    }),
  );
  t.pass(); // fc.assert threw on any counterexample
});

test("a payload inside one chunk is a range of that chunk, not a copy", (t) => {
  const stream = encodeFrames([ascii("abc"), ascii("defgh")]);
  const seen: [Uint8Array, number, number][] = [];
  new FrameDecoder({ frame: () => t.fail("frame() called"), frameAt: (bytes, start, end) => seen.push([bytes, start, end]) }).push(stream);
  t.deepEqual(
    seen.map(([bytes, start, end]) => [bytes === stream, start, end]),
    [
      [true, 1, 4],
      [true, 5, 10],
    ],
  );
});

test("a sink taking ranges that throws: the frame counts as delivered, the rest of the chunk comes with the next push", (t) => {
  const stream = encodeFrames([ascii("one"), ascii("two"), ascii("three")]);
  const got: string[] = [];
  let fail = true;
  const decoder = new FrameDecoder({
    frame: () => t.fail("frame() called"),
    frameAt: (bytes, start, end) => {
      const text = Buffer.from(bytes.subarray(start, end)).toString("latin1");
      got.push(text);
      if (text === "two" && fail) {
        fail = false;
        throw new Error("sink failed");
      }
    },
  });
  t.throws(() => decoder.push(stream), { message: "sink failed" });
  decoder.push(new Uint8Array(0));
  t.deepEqual(got, ["one", "two", "three"]);
});
