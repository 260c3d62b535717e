// ULEB128: little-endian base-128 varints, the length prefix of every frame.
// Seven value bits per byte, least significant group first; the top bit of a
// byte says another byte follows. Values are kept within Number's safe
// integer range so no precision is ever silently lost.

import { ArgumentError, DecodeError } from "../errors.js";

/** Bytes needed for Number.MAX_SAFE_INTEGER (53 bits); anything longer is refused. */
export const MAX_ULEB128_LENGTH = 8;

/** A decoded ULEB128 length prefix: its value and how many bytes it took. */
export interface Uleb128 {
  /** The decoded number. */
  value: number;
  /** How many bytes encoded it. */
  length: number;
}

/** How many bytes `encodeUleb128(value)` produces. */
export function uleb128Length(value: number): number {
  checkEncodable(value);
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    length += 1;
  }
  return length;
}

/** The shortest ULEB128 encoding of `value`, a non-negative safe integer. */
export function encodeUleb128(value: number): Uint8Array {
  const bytes = new Uint8Array(uleb128Length(value));
  writeUleb128(value, bytes, 0);
  return bytes;
}

/**
 * Writes the shortest encoding of `value` into `target` at `offset` and returns
 * the offset just past it. The caller makes room (see `uleb128Length`).
 */
export function writeUleb128(value: number, target: Uint8Array, offset: number): number {
  const length = uleb128Length(value);
  if (!Number.isInteger(offset) || offset < 0 || offset + length > target.length) {
    throw new ArgumentError(
      `cannot write a ${length}-byte ULEB128 at offset ${offset} of a ${target.length}-byte buffer`,
    );
  }
  // Division, not `>>> 7`: bit operators truncate to 32 bits.
  while (value >= 0x80) {
    target[offset++] = (value % 0x80) | 0x80;
    value = Math.floor(value / 0x80);
  }
  target[offset++] = value;
  return offset;
}

/**
 * Decodes the ULEB128 number starting at `bytes[offset]`. Returns `undefined`
 * when `bytes` ends before the number does (wait for more input). Throws
 * DecodeError when the encoding runs past MAX_ULEB128_LENGTH bytes or the value
 * is not a safe integer. Non-minimal encodings (`80 00` for 0) are accepted,
 * as protobuf and the reference SDK accept them.
 */
export function decodeUleb128(bytes: Uint8Array, offset = 0): Uleb128 | undefined {
  checkOffset(offset);
  let value = 0;
  let scale = 1;
  for (let length = 1; length <= MAX_ULEB128_LENGTH; length++) {
    const index = offset + length - 1;
    if (index >= bytes.length) return undefined;
    const byte = bytes[index]!;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) {
      if (!Number.isSafeInteger(value)) {
        throw new DecodeError(
          `ULEB128 number at offset ${offset} decodes to ${value}, over the largest safe integer ${Number.MAX_SAFE_INTEGER}`,
          offset,
        );
      }
      return { value, length };
    }
    scale *= 0x80;
  }
  throw new DecodeError(
    `ULEB128 number at offset ${offset} is longer than ${MAX_ULEB128_LENGTH} bytes (${hexBytes(bytes, offset, MAX_ULEB128_LENGTH)} …), the longest a safe integer needs`,
    offset,
  );
}

/** `count` bytes from `offset` as space-separated hex, for error messages. */
export function hexBytes(bytes: Uint8Array, offset: number, count: number): string {
  return Array.from(bytes.subarray(offset, offset + count), (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** Throws ArgumentError unless `offset` is a non-negative integer (past the end is allowed: nothing to read yet). */
export function checkOffset(offset: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new ArgumentError(`offset must be a non-negative integer; got ${String(offset)}`);
  }
}

function checkEncodable(value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ArgumentError(
      `ULEB128 encodes non-negative safe integers (0 to ${Number.MAX_SAFE_INTEGER}); got ${String(value)}`,
    );
  }
}
