import test from "ava";
import { ArgumentError, DecodeError } from "../../runtime/errors.js";
import { DEFAULT_MAX_FRAME_SIZE, MAX_FRAME_SIZE_LIMIT, peekFrameHeader } from "../../runtime/framing/index.js";
import { hex } from "./helpers.js";

test("the default cap is 16 MiB", (t) => {
  t.is(DEFAULT_MAX_FRAME_SIZE, 16 * 1024 * 1024);
});

test("reads a padded header", (t) => {
  t.deepEqual(peekFrameHeader(hex("00"), 0), { payloadLength: 0, headerLength: 1, frameLength: 4 });
  t.deepEqual(peekFrameHeader(hex("01 61"), 0), { payloadLength: 1, headerLength: 1, frameLength: 4 });
  t.deepEqual(peekFrameHeader(hex("03"), 0), { payloadLength: 3, headerLength: 1, frameLength: 4 });
  t.deepEqual(peekFrameHeader(hex("04"), 0), { payloadLength: 4, headerLength: 1, frameLength: 5 });
});

test("reads a multi-byte header at an offset, needing only the header", (t) => {
  t.deepEqual(peekFrameHeader(hex("ff e5 8e 26"), 1), { payloadLength: 624485, headerLength: 3, frameLength: 624488 });
});

test("an incomplete header reads as undefined", (t) => {
  t.is(peekFrameHeader(new Uint8Array(0), 0), undefined);
  t.is(peekFrameHeader(hex("e5 8e"), 0), undefined);
  t.is(peekFrameHeader(hex("00 e5"), 1), undefined);
});

test("refuses a payload over the cap from the header alone", (t) => {
  const error = t.throws(() => peekFrameHeader(hex("81 01"), 0, 128, 5000), { instanceOf: DecodeError });
  t.is(error.message, "frame at stream offset 5000 declares a payload of 129 bytes, over the maximum frame size of 128 bytes");
  t.is(error.offset, 5000);
  t.deepEqual(peekFrameHeader(hex("80 01"), 0, 128), { payloadLength: 128, headerLength: 2, frameLength: 130 });
});

test("refuses a payload over the default cap", (t) => {
  // 16 MiB + 1 = 0x1000001.
  const error = t.throws(() => peekFrameHeader(hex("81 80 80 08"), 0), { instanceOf: DecodeError });
  t.regex(error.message, /16777217 bytes, over the maximum frame size of 16777216 bytes/);
  t.is(peekFrameHeader(hex("80 80 80 08"), 0)?.payloadLength, DEFAULT_MAX_FRAME_SIZE);
});

test("refuses a header longer than the cap needs, before it ends", (t) => {
  // A cap of 16 MiB needs at most 4 header bytes; a 4th continuation byte means a 5th byte.
  const error = t.throws(() => peekFrameHeader(hex("80 80 80 80"), 0, DEFAULT_MAX_FRAME_SIZE, 12), { instanceOf: DecodeError });
  t.is(
    error.message,
    "frame header at stream offset 12 runs past 4 bytes (80 80 80 80 …), the longest a payload length up to the maximum frame size of 16777216 bytes needs",
  );
  t.is(error.offset, 12);
  // Under a cap needing 5 bytes the same bytes are merely incomplete.
  t.is(peekFrameHeader(hex("80 80 80 80"), 0, 2 ** 28), undefined);
});

test("refuses a non-minimal header only once it is longer than the cap needs", (t) => {
  t.deepEqual(peekFrameHeader(hex("81 80 00"), 0, 200_000), { payloadLength: 1, headerLength: 3, frameLength: 4 });
  t.throws(() => peekFrameHeader(hex("81 80 00"), 0, 200), { instanceOf: DecodeError, message: /runs past 2 bytes/ });
});

test("refuses a 10-byte header at any cap", (t) => {
  const tenBytes = hex("80 80 80 80 80 80 80 80 80 00");
  t.throws(() => peekFrameHeader(tenBytes, 0, MAX_FRAME_SIZE_LIMIT), { instanceOf: DecodeError, message: /runs past 5 bytes/ });
});

test("a cap of 0 admits only empty payloads", (t) => {
  t.deepEqual(peekFrameHeader(hex("00 00 00 00"), 0, 0), { payloadLength: 0, headerLength: 1, frameLength: 4 });
  t.throws(() => peekFrameHeader(hex("01"), 0, 0), { instanceOf: DecodeError });
  t.throws(() => peekFrameHeader(hex("80"), 0, 0), { instanceOf: DecodeError });
});

test("refuses a bad cap", (t) => {
  for (const bad of [-1, 1.5, Number.NaN, MAX_FRAME_SIZE_LIMIT + 1]) {
    const error = t.throws(() => peekFrameHeader(hex("00"), 0, bad), { instanceOf: ArgumentError });
    t.true(error.message.includes(String(bad)) && error.message.includes(String(MAX_FRAME_SIZE_LIMIT)), error.message);
  }
});

test("refuses a negative or fractional offset", (t) => {
  t.throws(() => peekFrameHeader(hex("00"), -1), { instanceOf: ArgumentError, message: /offset .* got -1/ });
  t.throws(() => peekFrameHeader(hex("00"), 0.5), { instanceOf: ArgumentError });
  t.is(peekFrameHeader(hex("00"), 1), undefined);
});
