import test from "ava";
import fc from "fast-check";
import { ArgumentError, DecodeError } from "../../runtime/errors.js";
import {
  MAX_ULEB128_LENGTH,
  decodeUleb128,
  encodeUleb128,
  uleb128Length,
  writeUleb128,
} from "../../runtime/framing/index.js";
import { hex } from "./helpers.js";

// The reference SDK's test vectors (smk_python_sdk, streaming_api framing tests).
const vectors: ReadonlyArray<readonly [number, string]> = [
  [0, "00"],
  [127, "7f"],
  [128, "80 01"],
  [624485, "e5 8e 26"],
  [268435202, "82 fe ff 7f"],
];

for (const [value, bytes] of vectors) {
  test(`encodes ${value} as ${bytes}`, (t) => {
    t.deepEqual(encodeUleb128(value), hex(bytes));
    t.is(uleb128Length(value), hex(bytes).length);
  });
  test(`decodes ${bytes} as ${value}`, (t) => {
    t.deepEqual(decodeUleb128(hex(bytes)), { value, length: hex(bytes).length });
  });
  test(`decodes ${bytes} at an offset, ignoring what follows`, (t) => {
    const input = hex(`ff ff ${bytes} ff ff`);
    t.deepEqual(decodeUleb128(input, 2), { value, length: hex(bytes).length });
  });
  test(`every proper prefix of ${bytes} is incomplete`, (t) => {
    const full = hex(bytes);
    for (let n = 0; n < full.length; n++) t.is(decodeUleb128(full.subarray(0, n)), undefined, `prefix of ${n} bytes`);
  });
}

test("round-trips every safe integer and uses the shortest encoding", (t) => {
  fc.assert(
    fc.property(fc.maxSafeNat(), (value) => {
      const bytes = encodeUleb128(value);
      const decoded = decodeUleb128(bytes);
      // Shortest: the last byte is non-zero unless the value is 0.
      return decoded?.value === value && decoded.length === bytes.length && (value === 0 || bytes[bytes.length - 1] !== 0);
    }),
  );
  t.deepEqual(decodeUleb128(encodeUleb128(Number.MAX_SAFE_INTEGER)), {
    value: Number.MAX_SAFE_INTEGER,
    length: MAX_ULEB128_LENGTH,
  });
});

test("lengths change at each power of 128", (t) => {
  t.is(uleb128Length(127), 1);
  t.is(uleb128Length(128), 2);
  t.is(uleb128Length(2 ** 14 - 1), 2);
  t.is(uleb128Length(2 ** 14), 3);
  t.is(uleb128Length(2 ** 35), 6);
});

test("accepts a non-minimal encoding, as protobuf does", (t) => {
  t.deepEqual(decodeUleb128(hex("80 00")), { value: 0, length: 2 });
  t.deepEqual(decodeUleb128(hex("ff 80 00")), { value: 127, length: 3 });
});

test("refuses a 10-byte number", (t) => {
  const error = t.throws(() => decodeUleb128(hex("ff ff ff ff ff ff ff ff ff 01")), { instanceOf: DecodeError });
  t.regex(error.message, /longer than 8 bytes/);
  t.is(error.offset, 0);
});

test("refuses an over-long number before it ends", (t) => {
  // Nine continuation bytes and no end yet: already past the limit, so not "incomplete".
  t.throws(() => decodeUleb128(hex("80 80 80 80 80 80 80 80 80")), { instanceOf: DecodeError });
});

test("refuses a value beyond the safe integer range", (t) => {
  // 2^53 takes 8 bytes, like MAX_SAFE_INTEGER, but cannot be held exactly.
  const error = t.throws(() => decodeUleb128(hex("80 80 80 80 80 80 80 10")), { instanceOf: DecodeError });
  t.regex(error.message, /9007199254740992.*9007199254740991/);
});

test("encoding refuses negative, fractional and unsafe numbers", (t) => {
  for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
    const error = t.throws(() => encodeUleb128(bad), { instanceOf: ArgumentError });
    t.true(error.message.includes(String(bad)), error.message);
  }
});

test("writeUleb128 writes in place and returns the next offset", (t) => {
  const target = new Uint8Array(6).fill(0xaa);
  t.is(writeUleb128(624485, target, 2), 5);
  t.deepEqual(target, hex("aa aa e5 8e 26 aa"));
});

test("writeUleb128 refuses a target without room, writing nothing", (t) => {
  const target = new Uint8Array(3);
  t.throws(() => writeUleb128(624485, target, 1), { instanceOf: ArgumentError, message: /3-byte ULEB128 at offset 1 of a 3-byte buffer/ });
  t.deepEqual(target, new Uint8Array(3));
});

test("decoding refuses a negative offset", (t) => {
  t.throws(() => decodeUleb128(hex("00"), -1), { instanceOf: ArgumentError, message: /-1/ });
});
