// A minimal protobuf wire reader for peeking at a few header fields without
// decoding the whole message. It allocates nothing: the last varint read is
// left in the module-level `varint` scratch (low and high 32 bits), and every
// function returns the new read position.
import { ParseError } from "../errors.js";

/** The last varint read: bits 0..31 in `lo`, 32..63 in `hi`, both unsigned. */
export const varint = { lo: 0, hi: 0 };

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

/** Groups nested deeper than this are refused rather than recursed into. */
const MAX_GROUP_DEPTH = 32;

export function fail(bytes: Uint8Array, what: string, at: number): never {
  throw new ParseError(`malformed payload: ${what} at byte ${at} of ${bytes.length}`, bytes);
}

/** Reads a varint (at most 10 bytes, 64 bits) at `pos` ending before `end`; returns the position after it. */
export function readVarint(bytes: Uint8Array, pos: number, end: number, what: string): number {
  const start = pos;
  let lo = 0;
  let hi = 0;
  let b = 0;
  // Bytes 1..4 carry bits 0..27.
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) fail(bytes, `truncated varint (${what})`, start);
    b = bytes[pos++]!;
    lo |= (b & 0x7f) << shift;
    if (b < 0x80) return done(lo, 0, pos);
  }
  // Byte 5 straddles the halves: 4 bits low, 3 bits high.
  if (pos >= end) fail(bytes, `truncated varint (${what})`, start);
  b = bytes[pos++]!;
  lo |= (b & 0x0f) << 28;
  hi = (b & 0x7f) >> 4;
  if (b < 0x80) return done(lo, hi, pos);
  // Bytes 6..10 carry bits 35..63; the tenth may only hold bit 63.
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= end) fail(bytes, `truncated varint (${what})`, start);
    b = bytes[pos++]!;
    if (shift === 31 && b > 1) fail(bytes, `varint over 64 bits (${what})`, start);
    hi |= (b & 0x7f) << shift;
    if (b < 0x80) return done(lo, hi, pos);
  }
  return fail(bytes, `varint longer than 10 bytes (${what})`, start);
}

function done(lo: number, hi: number, pos: number): number {
  varint.lo = lo >>> 0;
  varint.hi = hi >>> 0;
  return pos;
}

/** Reads a length prefix at `pos` and checks the bytes it announces lie before `end`; returns the body start (length in `varint.lo`). */
export function readLength(bytes: Uint8Array, pos: number, end: number, what: string): number {
  const at = pos;
  pos = readVarint(bytes, pos, end, `length of ${what}`);
  if (varint.hi !== 0 || varint.lo > end - pos) {
    const len = varint.hi === 0 ? String(varint.lo) : "over 2^32";
    fail(bytes, `${what} of length ${len} runs past the ${end - pos} bytes left`, at);
  }
  return pos;
}

/** Skips the value of a field of wire type `wireType` at `pos`; returns the position after it. */
export function skipField(
  bytes: Uint8Array,
  pos: number,
  end: number,
  wireType: number,
  field: number,
  depth = 0,
): number {
  switch (wireType) {
    case WIRE_VARINT:
      return readVarint(bytes, pos, end, `field ${field}`);
    case WIRE_FIXED64:
      if (end - pos < 8) fail(bytes, `truncated 64-bit field ${field}`, pos);
      return pos + 8;
    case WIRE_FIXED32:
      if (end - pos < 4) fail(bytes, `truncated 32-bit field ${field}`, pos);
      return pos + 4;
    case WIRE_LEN: {
      const body = readLength(bytes, pos, end, `field ${field}`);
      return body + varint.lo;
    }
    case WIRE_START_GROUP:
      return skipGroup(bytes, pos, end, field, depth + 1);
    case WIRE_END_GROUP:
      return fail(bytes, `end-group for field ${field} without a matching start`, pos);
    default:
      return fail(bytes, `invalid wire type ${wireType} for field ${field}`, pos);
  }
}

function skipGroup(bytes: Uint8Array, pos: number, end: number, group: number, depth: number): number {
  if (depth > MAX_GROUP_DEPTH) fail(bytes, `groups nested over ${MAX_GROUP_DEPTH} deep`, pos);
  for (;;) {
    if (pos >= end) fail(bytes, `group ${group} is not closed`, pos);
    const tagAt = pos;
    pos = readTag(bytes, pos, end);
    const field = varint.lo >>> 3;
    const wireType = varint.lo & 7;
    if (wireType === WIRE_END_GROUP) {
      if (field !== group) fail(bytes, `end-group ${field} closes group ${group}`, tagAt);
      return pos;
    }
    pos = skipField(bytes, pos, end, wireType, field, depth);
  }
}

/** Reads a field tag; `varint.lo` holds it. Refuses tags over 32 bits and field number 0. */
export function readTag(bytes: Uint8Array, pos: number, end: number): number {
  const at = pos;
  pos = readVarint(bytes, pos, end, "tag");
  if (varint.hi !== 0 || varint.lo >>> 3 === 0) fail(bytes, `invalid field tag`, at);
  return pos;
}
