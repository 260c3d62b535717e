import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "ava";
import fc from "fast-check";
import { ArgumentError, DecodeError } from "../../runtime/errors.js";
import { encodeFrame, encodeFrames, FrameDecoder, frameLength, uleb128Length } from "../../runtime/framing/index.js";
import * as seto from "../../generated/seto.js";
import { sharedPath, withShared } from "../helpers/shared.js";
import { ascii, bytewise, collecting, concat, decodeAll, hex, splitAt } from "./helpers.js";

const abcd = ["a", "ab", "abc", "abcd"].map(ascii);
const abcdFrames = hex("01 61 00 00  02 61 62 00  03 61 62 63  04 61 62 63 64");

// The reference SDK's frame_decode_all vectors: the payloads decoded, and the
// bytes left waiting for more input.
const referenceCases: ReadonlyArray<readonly [string, string, string[], number]> = [
  ["an empty input", "", [], 0],
  ["frames ending on the boundary", "01 61 00 00 02 61 62 00 03 61 62 63 04 61 62 63 64", ["a", "ab", "abc", "abcd"], 0],
  ["a complete header and part of a payload", "03 61 62", [], 3],
  ["frames then part of one", "01 61 00 00 02 61 62 00 03 61 62 63 04 61 62 63 64 03 61 62", ["a", "ab", "abc", "abcd"], 3],
  ["a payload missing its last byte", "05 61 62 63 64", [], 5],
  ["an incomplete header", "80", [], 1],
];

for (const [what, input, expected, buffered] of referenceCases) {
  test(`reference vector: ${what}`, (t) => {
    const { decoder, payloads } = collecting();
    decoder.push(hex(input));
    t.deepEqual(payloads, expected.map(ascii));
    t.is(decoder.bufferedBytes, buffered);
  });
}

test("decodes frames pushed whole, byte by byte and in uneven pieces", (t) => {
  t.deepEqual(decodeAll([abcdFrames]), abcd);
  t.deepEqual(decodeAll(bytewise(abcdFrames)), abcd);
  t.deepEqual(decodeAll(splitAt(abcdFrames, [1, 2, 7, 7, 13])), abcd);
});

test("zero-length payloads are frames, handed up as empty arrays", (t) => {
  const stream = hex("00 00 00 00  00 00 00 00  01 78 00 00  00 00 00 00");
  for (const pieces of [[stream], bytewise(stream), splitAt(stream, [2, 5, 9])]) {
    t.deepEqual(decodeAll(pieces), [new Uint8Array(0), new Uint8Array(0), ascii("x"), new Uint8Array(0)]);
  }
});

// Properties assert with node:assert, which throws, so fast-check can shrink a failure.
test("property: any payloads, cut anywhere, come out whole and in order", (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 }),
      fc.array(fc.nat(), { maxLength: 30 }),
      (payloads, cuts) => {
        const stream = encodeFrames(payloads);
        const { decoder, payloads: out } = collecting();
        for (const piece of splitAt(stream, cuts)) decoder.push(piece);
        assert.deepEqual(out, payloads);
        assert.equal(decoder.bufferedBytes, 0);
      },
    ),
  );
  t.pass(); // fc.assert threw on any counterexample
});

test("property: byte-by-byte decoding matches whole-stream decoding", (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 10 }), (payloads) => {
      const stream = encodeFrames(payloads);
      assert.deepEqual(decodeAll(bytewise(stream)), payloads);
      assert.deepEqual(decodeAll([stream]), payloads);
    }),
  );
  t.pass(); // fc.assert threw on any counterexample
});

test("property: a stream cut short leaves exactly the unfinished frame's bytes buffered", (t) => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 1, maxLength: 10 }), fc.nat(), (payloads, n) => {
      const last = payloads[payloads.length - 1]!;
      const before = encodeFrames(payloads.slice(0, -1));
      const lastFrame = encodeFrame(last);
      // Keep part of the last frame's header and payload, short of its last payload byte.
      const keep = n % (uleb128Length(last.length) + last.length);
      const { decoder, payloads: out } = collecting();
      decoder.push(concat([before, lastFrame.subarray(0, keep)]));
      assert.deepEqual(out, payloads.slice(0, -1));
      assert.equal(decoder.bufferedBytes, keep);
    }),
  );
  t.pass(); // fc.assert threw on any counterexample
});

test("many frames in one 64 KiB chunk, all handed up as views of it", (t) => {
  const payloads: Uint8Array[] = [];
  let used = 0;
  for (let i = 0; used < 65536 - 400; i++) {
    const payload = Uint8Array.from({ length: (i * 37) % 300 }, (_, j) => (i + j) & 0xff);
    payloads.push(payload);
    used += frameLength(payload.length);
  }
  // One last payload sized to fill the chunk exactly.
  let last = 0;
  while (frameLength(last) < 65536 - used) last++;
  payloads.push(new Uint8Array(last).fill(0xab));
  const chunk = encodeFrames(payloads);
  t.is(chunk.length, 65536);
  const seen: Uint8Array[] = [];
  const decoder = new FrameDecoder({ frame: (payload) => seen.push(payload) });
  decoder.push(chunk);
  t.true(payloads.length > 300, `${payloads.length} frames`);
  t.deepEqual(seen, payloads);
  t.true(seen.every((payload) => payload.buffer === chunk.buffer));
  t.is(decoder.bufferedBytes, 0);
});

test("a frame wholly inside a chunk is a view of it, even when its header was split", (t) => {
  const seen: Uint8Array[] = [];
  const decoder = new FrameDecoder({ frame: (payload) => seen.push(payload) });
  const frame = encodeFrame(new Uint8Array(200).fill(9)); // 2-byte header
  const second = frame.slice(1);
  decoder.push(frame.slice(0, 1));
  decoder.push(second);
  t.is(seen.length, 1);
  t.is(seen[0]!.buffer, second.buffer);
  t.deepEqual(seen[0], new Uint8Array(200).fill(9));
});

test("a frame split across chunks is assembled once into a buffer of exactly its size", (t) => {
  const seen: Uint8Array[] = [];
  const decoder = new FrameDecoder({ frame: (payload) => seen.push(payload) });
  const payload = Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff);
  const pieces = splitAt(encodeFrame(payload), [1, 300, 301, 700]);
  for (const piece of pieces) decoder.push(piece);
  t.is(seen.length, 1);
  t.deepEqual(seen[0], payload);
  t.is(seen[0]!.byteOffset, 0);
  t.is(seen[0]!.buffer.byteLength, 1000);
  t.false(pieces.some((piece) => piece.buffer === seen[0]!.buffer));
});

test("a header split one byte at a time is read correctly", (t) => {
  const payload = new Uint8Array(624485).fill(3);
  const frame = encodeFrame(payload); // header e5 8e 26
  const { decoder, payloads } = collecting();
  decoder.push(frame.subarray(0, 1));
  t.is(decoder.bufferedBytes, 1);
  decoder.push(frame.subarray(1, 2));
  t.is(decoder.bufferedBytes, 2);
  decoder.push(frame.subarray(2, 3));
  t.is(decoder.bufferedBytes, 3);
  decoder.push(frame.subarray(3));
  t.deepEqual(payloads, [payload]);
  t.is(decoder.bufferedBytes, 0);
});

test("padding split across chunks is skipped, not taken for the next header", (t) => {
  // "a" then "" : 01 61 00 00 | 00 00 00 00 ; cut inside the first frame's padding.
  const stream = hex("01 61 00 00 00 00 00 00 02 62 63 00");
  const { decoder, payloads } = collecting();
  decoder.push(stream.subarray(0, 3));
  t.deepEqual(payloads, [ascii("a")]);
  t.is(decoder.bufferedBytes, 0);
  decoder.push(stream.subarray(3, 4));
  decoder.push(stream.subarray(4, 11));
  t.deepEqual(payloads, [ascii("a"), new Uint8Array(0), ascii("bc")]);
  decoder.push(stream.subarray(11));
  decoder.push(hex("01 7a 00 00"));
  t.deepEqual(payloads, [ascii("a"), new Uint8Array(0), ascii("bc"), ascii("z")]);
});

test("a payload is handed up as soon as its last byte arrives, before its padding", (t) => {
  const { decoder, payloads } = collecting();
  decoder.push(hex("02 61 62"));
  t.deepEqual(payloads, [ascii("ab")]);
});

test("an oversized frame is refused from its header before its body arrives", (t) => {
  let frames = 0;
  const decoder = new FrameDecoder({ frame: () => frames++ }, { maxFrameSize: 1000 });
  decoder.push(encodeFrame(ascii("ok")));
  const header = hex("e9 07"); // 1001
  const error = t.throws(() => decoder.push(header), { instanceOf: DecodeError });
  t.is(error.message, "frame at stream offset 4 declares a payload of 1001 bytes, over the maximum frame size of 1000 bytes");
  t.is(error.offset, 4);
  t.is(decoder.bufferedBytes, 0);
  t.is(frames, 1);
});

test("an oversized frame whose header arrives byte by byte is refused at its last header byte", (t) => {
  const decoder = new FrameDecoder({ frame: () => t.fail("no frame expected") });
  decoder.push(hex("81"));
  decoder.push(hex("80"));
  decoder.push(hex("80"));
  t.is(decoder.bufferedBytes, 3);
  const error = t.throws(() => decoder.push(hex("08")), { instanceOf: DecodeError }); // 16 MiB + 1
  t.regex(error.message, /16777217 bytes, over the maximum frame size of 16777216 bytes/);
  t.is(error.offset, 0);
  t.is(decoder.bufferedBytes, 0);
});

test("a 10-byte ULEB128 header is refused", (t) => {
  const { decoder } = collecting({ maxFrameSize: 2 ** 31 - 1 });
  const error = t.throws(() => decoder.push(hex("80 80 80 80 80 80 80 80 80 00")), { instanceOf: DecodeError });
  t.regex(error.message, /runs past 5 bytes/);
  t.is(decoder.bufferedBytes, 0);
});

test("a header longer than the cap needs is refused as soon as it is over-long, even split", (t) => {
  // With the default 16 MiB cap the reference SDK's incomplete "80 80 80 80" is already over-long.
  const { decoder } = collecting();
  decoder.push(hex("01 61 00 00 80 80"));
  decoder.push(hex("80"));
  const error = t.throws(() => decoder.push(hex("80")), { instanceOf: DecodeError });
  t.regex(error.message, /^frame header at stream offset 4 runs past 4 bytes \(80 80 80 80 …\)/);
  t.is(error.offset, 4);
  t.is(decoder.bufferedBytes, 0);
});

test("under a cap needing 5 header bytes, 4 continuation bytes wait for more", (t) => {
  const { decoder } = collecting({ maxFrameSize: 2 ** 28 });
  decoder.push(hex("80 80 80 80"));
  t.is(decoder.bufferedBytes, 4);
  t.throws(() => decoder.push(hex("80")), { instanceOf: DecodeError, message: /runs past 5 bytes/ });
});

test("error offsets count every byte of the stream, across chunks", (t) => {
  const { decoder } = collecting({ maxFrameSize: 100 });
  decoder.push(encodeFrames([ascii("a"), new Uint8Array(100)])); // 4 + 101 bytes
  decoder.push(hex("02 61"));
  decoder.push(hex("62 00"));
  const error = t.throws(() => decoder.push(hex("65")), { instanceOf: DecodeError });
  t.is(error.offset, 109);
  t.regex(error.message, /stream offset 109 declares a payload of 101 bytes/);
});

test("a failed decoder stays failed until reset", (t) => {
  const { decoder, payloads } = collecting({ maxFrameSize: 10 });
  t.throws(() => decoder.push(hex("0b")), { instanceOf: DecodeError });
  for (const more of [encodeFrame(ascii("a")), new Uint8Array(0)]) {
    const error = t.throws(() => decoder.push(more), { instanceOf: DecodeError });
    t.regex(error.message, /failed at stream offset 0 and cannot resume .*11 bytes.*10 bytes/);
    t.is(error.offset, 0);
    t.true(error.cause instanceof DecodeError);
  }
  t.deepEqual(payloads, []);
  decoder.reset();
  decoder.push(encodeFrame(ascii("a")));
  t.deepEqual(payloads, [ascii("a")]);
});

test("reset discards a partial frame and restarts stream offsets", (t) => {
  const { decoder, payloads } = collecting({ maxFrameSize: 10 });
  decoder.push(hex("05 61 62"));
  t.is(decoder.bufferedBytes, 3);
  decoder.reset();
  t.is(decoder.bufferedBytes, 0);
  decoder.push(hex("01 7a 00 00"));
  t.deepEqual(payloads, [ascii("z")]);
  const error = t.throws(() => decoder.push(hex("0b")), { instanceOf: DecodeError });
  t.is(error.offset, 4);
});

test("a sink that throws: the frame counts as consumed and later bytes are kept", (t) => {
  const seen: string[] = [];
  const boom = new Error("handler failed");
  const decoder = new FrameDecoder({
    frame(payload) {
      const text = Buffer.from(payload).toString("latin1");
      seen.push(text);
      if (text === "ab") throw boom;
    },
  });
  t.is(t.throws(() => decoder.push(abcdFrames)), boom);
  t.deepEqual(seen, ["a", "ab"]);
  t.is(decoder.bufferedBytes, abcdFrames.length - 8);
  // The kept bytes come first, then the new chunk; nothing is delivered twice.
  decoder.push(encodeFrame(ascii("e")));
  t.deepEqual(seen, ["a", "ab", "abc", "abcd", "e"]);
  t.is(decoder.bufferedBytes, 0);
});

test("after a sink throws, an empty push delivers the kept frames", (t) => {
  const seen: string[] = [];
  let failOnce = true;
  const decoder = new FrameDecoder({
    frame(payload) {
      seen.push(Buffer.from(payload).toString("latin1"));
      if (failOnce) {
        failOnce = false;
        throw new Error("once");
      }
    },
  });
  t.throws(() => decoder.push(abcdFrames), { message: "once" });
  t.deepEqual(seen, ["a"]);
  decoder.push(new Uint8Array(0));
  t.deepEqual(seen, ["a", "ab", "abc", "abcd"]);
});

test("a sink that throws again while kept bytes are decoded loses nothing", (t) => {
  const seen: string[] = [];
  const decoder = new FrameDecoder({
    frame(payload) {
      const text = Buffer.from(payload).toString("latin1");
      seen.push(text);
      if (text === "a" || text === "abc") throw new Error(`no ${text}`);
    },
  });
  t.throws(() => decoder.push(abcdFrames), { message: "no a" });
  t.throws(() => decoder.push(encodeFrame(ascii("e"))), { message: "no abc" });
  t.deepEqual(seen, ["a", "ab", "abc"]);
  decoder.push(encodeFrame(ascii("f")));
  t.deepEqual(seen, ["a", "ab", "abc", "abcd", "e", "f"]);
});

test("a sink that throws on a split frame whose padding is still to come keeps the stream aligned", (t) => {
  const seen: string[] = [];
  const decoder = new FrameDecoder({
    frame(payload) {
      seen.push(Buffer.from(payload).toString("latin1"));
      if (seen.length === 1) throw new Error("first");
    },
  });
  decoder.push(hex("01"));
  t.throws(() => decoder.push(hex("61 00")), { message: "first" });
  t.is(decoder.bufferedBytes, 0);
  decoder.push(hex("00 02 62 63 00"));
  t.deepEqual(seen, ["a", "bc"]);
});

test("a sink throwing DecodeError does not fail the decoder", (t) => {
  let calls = 0;
  const decoder = new FrameDecoder({
    frame() {
      calls++;
      if (calls === 1) throw new DecodeError("not mine");
    },
  });
  t.throws(() => decoder.push(hex("00 00 00 00 00 00 00 00")), { message: "not mine" });
  decoder.push(new Uint8Array(0));
  t.is(calls, 2);
});

test("refuses a bad cap and a chunk that is not bytes", (t) => {
  const sink = { frame() {} };
  t.throws(() => new FrameDecoder(sink, { maxFrameSize: -1 }), { instanceOf: ArgumentError, message: /-1/ });
  t.throws(() => new FrameDecoder(sink, { maxFrameSize: 2 ** 31 }), { instanceOf: ArgumentError, message: /2147483648/ });
  const decoder = new FrameDecoder(sink);
  t.is(decoder.maxFrameSize, 16 * 1024 * 1024);
  t.throws(() => decoder.push("01 61" as unknown as Uint8Array), { instanceOf: ArgumentError, message: /got string/ });
});

test("a Node Buffer chunk works and payloads are views of it", (t) => {
  const seen: Uint8Array[] = [];
  const decoder = new FrameDecoder({ frame: (payload) => seen.push(payload) });
  const chunk = Buffer.from(abcdFrames);
  decoder.push(chunk);
  t.deepEqual(seen.map((p) => Buffer.from(p).toString("latin1")), ["a", "ab", "abc", "abcd"]);
  t.true(seen.every((p) => p.buffer === chunk.buffer));
});

// The golden file holds whole frames the Python SDK sent: decoded as one
// stream, byte by byte, each must yield a payload that parses as seto.Payload.
withShared(test)("decodes the Python SDK's golden frames into parseable payloads", (t) => {
  const lines = readFileSync(sharedPath("golden", "python-sdk-frames.txt"), "utf8").split("\n").filter((l) => l.trim() !== "");
  const frames = lines.map((line) => hex(line.trim().split(/\s+/)[1]!));
  for (const pieces of [[concat(frames)], bytewise(concat(frames))]) {
    const payloads = decodeAll(pieces);
    t.is(payloads.length, frames.length);
    payloads.forEach((payload, i) => t.deepEqual(encodeFrame(payload), frames[i]));
    t.is(seto.Payload.decode(payloads[0]!).type, seto.PayloadType.PAYLOAD_LOGIN);
    for (const payload of payloads) t.notThrows(() => seto.Payload.decode(payload));
  }
});

test("pushUntil: stops between frames once told, returns the bytes decoded; the rest pushed later comes out whole and in order", (t) => {
  // 300 tiny frames: the first look at `stop` comes after STOP_CHECK_FRAMES (64) of them.
  const payloads = Array.from({ length: 300 }, (_, i) => Uint8Array.of(i & 0xff, i >> 8));
  const stream = encodeFrames(payloads);
  const { decoder, payloads: out } = collecting();
  const taken = decoder.pushUntil(stream, () => true);
  t.is(out.length, 63, "stopped at the first look, between two frames");
  t.is(taken, frameLength(2) * 63);
  t.is(decoder.bufferedBytes, 0, "nothing of the next frame taken");
  let rest = stream.subarray(taken);
  while (rest.length > 0) rest = rest.subarray(decoder.pushUntil(rest, () => true));
  t.deepEqual(out, payloads);
  t.is(decoder.pushUntil(new Uint8Array(0), () => true), 0);
});

test("property: pushUntil with any stop, on any cuts, decodes as push does", (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 400 }),
      fc.array(fc.nat(), { maxLength: 30 }),
      fc.infiniteStream(fc.boolean()),
      (payloads, cuts, stops) => {
        const stream = encodeFrames(payloads);
        const { decoder, payloads: out } = collecting();
        const stop = stops[Symbol.iterator]();
        let offset = 0;
        for (const piece of splitAt(stream, cuts)) {
          let rest = piece;
          for (;;) {
            const taken = decoder.pushUntil(rest, () => stop.next().value as boolean);
            assert.ok(taken >= 0 && taken <= rest.length);
            offset += taken;
            rest = rest.subarray(taken);
            if (rest.length === 0) break;
          }
        }
        assert.equal(offset, stream.length);
        assert.deepEqual(out, payloads);
        assert.equal(decoder.bufferedBytes, 0);
      },
    ),
  );
  t.pass();
});

test("pushUntil after a sink threw: the kept bytes come first, whole", (t) => {
  const out: number[] = [];
  let throwOn = 1;
  const decoder = new FrameDecoder({
    frame: (p) => {
      if (p[0] === throwOn) {
        throwOn = -1;
        throw new Error("handler failed");
      }
      out.push(p[0]!);
    },
  });
  t.throws(() => decoder.push(encodeFrames([Uint8Array.of(0), Uint8Array.of(1), Uint8Array.of(2)])), { message: "handler failed" });
  t.deepEqual(out, [0]);
  const next = encodeFrames([Uint8Array.of(3)]);
  t.is(decoder.pushUntil(next, () => false), next.length);
  t.deepEqual(out, [0, 2, 3]);
});

test("pushUntil when the sink throws again on the bytes it left: this chunk is kept behind them, nothing lost", (t) => {
  const out: number[] = [];
  const throwOn = new Set([1, 2]);
  const decoder = new FrameDecoder({
    frame: (p) => {
      if (throwOn.delete(p[0]!)) throw new Error(`handler failed on ${p[0]}`);
      out.push(p[0]!);
    },
  });
  t.throws(() => decoder.push(encodeFrames([Uint8Array.of(0), Uint8Array.of(1), Uint8Array.of(2)])), { message: "handler failed on 1" });
  t.throws(() => decoder.pushUntil(encodeFrames([Uint8Array.of(3)]), () => true), { message: "handler failed on 2" });
  // Frames handed up count as consumed even when the sink threw; the chunk waits behind them.
  t.is(decoder.pushUntil(new Uint8Array(0), () => true), 0);
  t.deepEqual(out, [0, 3]);
});

test("pushUntil refuses a chunk that is not bytes, and a failed decoder stays failed through it", (t) => {
  const decoder = new FrameDecoder({ frame() {} }, { maxFrameSize: 100 });
  t.throws(() => decoder.pushUntil([1, 2] as unknown as Uint8Array, () => false), { instanceOf: ArgumentError, message: /pushUntil.*got Array/ });
  // A header longer than a 100-byte cap needs: DecodeError naming it, and the next pushUntil says the decoder is failed.
  t.throws(() => decoder.pushUntil(hex("c8 01"), () => false), { instanceOf: DecodeError, message: /stream offset 0.*maximum frame size of 100/ });
  t.throws(() => decoder.pushUntil(encodeFrame(ascii("a")), () => false), { instanceOf: DecodeError, message: /cannot resume/ });
});
