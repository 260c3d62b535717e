import { readFileSync } from "node:fs";
import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { decodeUleb128, encodeFrame, encodeFrames, frameLength, MIN_FRAME_LENGTH, writeFrame } from "../../runtime/framing/index.js";
import { sharedPath, withShared } from "../helpers/shared.js";
import { ascii, hex } from "./helpers.js";

// The reference SDK's padding vectors: frames are padded with zeros to 4 bytes.
const padding: ReadonlyArray<readonly [string, string]> = [
  ["", "00 00 00 00"],
  ["a", "01 61 00 00"],
  ["ab", "02 61 62 00"],
  ["abc", "03 61 62 63"],
  ["abcd", "04 61 62 63 64"],
];

for (const [payload, frame] of padding) {
  test(`frames ${JSON.stringify(payload)} as ${frame}`, (t) => {
    t.deepEqual(encodeFrame(ascii(payload)), hex(frame));
    t.is(frameLength(payload.length), hex(frame).length);
  });
}

test("MIN_FRAME_LENGTH is the reference SDK's 4 bytes", (t) => {
  t.is(MIN_FRAME_LENGTH, 4);
});

test("a 128-byte payload takes a 2-byte header and no padding", (t) => {
  const payload = new Uint8Array(128).fill(7);
  const frame = encodeFrame(payload);
  t.is(frame.length, 130);
  t.deepEqual(frame.subarray(0, 2), hex("80 01"));
  t.deepEqual(frame.subarray(2), payload);
});

test("encodeFrame returns an array of exactly the frame's size", (t) => {
  const frame = encodeFrame(ascii("abcdefgh"));
  t.is(frame.byteOffset, 0);
  t.is(frame.buffer.byteLength, 9);
});

test("encodeFrames concatenates the frames in order", (t) => {
  const payloads = ["a", "ab", "abc", "abcd", ""].map(ascii);
  t.deepEqual(encodeFrames(payloads), hex("01 61 00 00 02 61 62 00 03 61 62 63 04 61 62 63 64 00 00 00 00"));
  t.deepEqual(encodeFrames([]), new Uint8Array(0));
});

test("writeFrame batches frames into one buffer, zeroing the padding over old bytes", (t) => {
  const target = new Uint8Array(frameLength(1) + frameLength(3) + 1).fill(0xee);
  let offset = writeFrame(ascii("a"), target, 0);
  t.is(offset, 4);
  offset = writeFrame(ascii("abc"), target, offset);
  t.is(offset, 8);
  t.deepEqual(target, hex("01 61 00 00 03 61 62 63 ee"));
});

test("writeFrame refuses a frame that does not fit, writing nothing", (t) => {
  const target = new Uint8Array(6).fill(0xee);
  const error = t.throws(() => writeFrame(ascii("a"), target, 3), { instanceOf: ArgumentError });
  t.regex(error.message, /4-byte frame does not fit at offset 3 of a 6-byte buffer/);
  t.deepEqual(target, new Uint8Array(6).fill(0xee));
  t.throws(() => writeFrame(ascii("a"), target, -1), { instanceOf: ArgumentError });
  t.throws(() => writeFrame(ascii("a"), target, 0.5), { instanceOf: ArgumentError });
});

test("frameLength refuses a negative length", (t) => {
  t.throws(() => frameLength(-1), { instanceOf: ArgumentError, message: /-1/ });
});

// The golden file holds whole frames the Python SDK sent; re-framing their
// payloads must reproduce them byte for byte.
withShared(test)("re-frames the Python SDK's golden frames identically", (t) => {
  for (const file of ["python-sdk-frames.txt", "python-sdk-frames-reset5.txt"]) {
    const lines = readFileSync(sharedPath("golden", file), "utf8").split("\n").filter((l) => l.trim() !== "");
    t.true(lines.length > 0);
    for (const line of lines) {
      const [name, frameHex] = line.trim().split(/\s+/) as [string, string];
      const frame = hex(frameHex);
      const header = decodeUleb128(frame)!;
      const payload = frame.subarray(header.length, header.length + header.value);
      t.deepEqual(encodeFrame(payload), frame, `${file}: ${name}`);
    }
  }
});
