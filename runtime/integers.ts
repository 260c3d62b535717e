// Ids, quantities and sequences are uint64 on the wire and bigint in this
// package. Users coming from Long-based code (the `long` package) or holding
// small values as numbers can pass those too; this is the one place they are
// checked and converted. A Long is recognised as the `long` package itself
// recognises one (Long.isLong), so this package does not depend on it.
import { ArgumentError } from "./errors.js";

/**
 * A 64-bit integer from the `long` package (or any object it would accept as
 * one): the shape this package reads from a Long, without depending on `long`.
 */
export interface LongLike {
  readonly low: number;
  readonly high: number;
  readonly unsigned: boolean;
  toString(radix?: number): string;
}

/** A 64-bit integer as a bigint, a safe-integer number, or a `Long`. */
export type IntegerLike = bigint | number | LongLike;

/** Whether `value` is a Long, tested as `Long.isLong` does (the marker its prototype carries). */
export function isLong(value: unknown): value is LongLike {
  return typeof value === "object" && value !== null && (value as { __isLong__?: unknown }).__isLong__ === true;
}

const MAX_U64 = (1n << 64n) - 1n;

/** `value` as a bigint within 0..2^64-1; ArgumentError naming `what` otherwise. */
export function toUint64(value: IntegerLike, what: string): bigint {
  let v: bigint;
  if (typeof value === "bigint") v = value;
  else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      throw new ArgumentError(`${what} must be a safe integer (|n| <= 2^53-1) or a bigint, got ${value}`);
    }
    v = BigInt(value);
  } else if (isLong(value)) v = BigInt(value.toString());
  else throw new ArgumentError(`${what} must be a bigint, a safe integer or a Long, got ${typeof value}`);
  if (v < 0n || v > MAX_U64) throw new ArgumentError(`${what} must be within 0..2^64-1, got ${v}`);
  return v;
}

/** `value` as a number within 0..2^32-1 (market, contract and event ids, prices). */
export function toUint32(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 0xffff_ffff) {
    throw new ArgumentError(`${what} must be an integer within 0..4294967295, got ${String(value)}`);
  }
  return value;
}
