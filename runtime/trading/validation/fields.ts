// Checks of request fields before anything is sent: every one either returns
// the value in its wire type or throws OrderValidationError naming the field,
// the value and the limit.
import { isLong, type IntegerLike } from "../../integers.js";
import { OrderValidationError } from "../errors.js";

const MAX_U32 = 0xffff_ffff;
const MAX_U64 = (1n << 64n) - 1n;

/** A value as it appears in a message: strings quoted, bigints with `n`. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return String(value);
  if (isLong(value)) return `Long(${value.toString()})`;
  return Object.prototype.toString.call(value);
}

/** An IntegerLike as a bigint, or undefined if it is not one (wrong type, unsafe number). */
function asBigint(value: unknown): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (isLong(value)) return BigInt(value.toString());
  return undefined;
}

/** A uint64 field within `min`..2^64-1. */
function uint64(value: unknown, field: string, min: bigint): bigint {
  const v = asBigint(value);
  if (v === undefined) {
    throw new OrderValidationError(`${field} must be a whole number (bigint, safe-integer number or Long), got ${show(value)}`, field, value);
  }
  if (v < min || v > MAX_U64) throw new OrderValidationError(`${field} must be within ${min}..${MAX_U64}, got ${v}`, field, value);
  return v;
}

/** A market or contract id: uint32 on the wire, and 0 names nothing. */
export function checkId32(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_U32) {
    throw new OrderValidationError(`${field} must be a whole number within 1..${MAX_U32}, got ${show(value)}`, field, value);
  }
  return value;
}

/** An order id: uint64, and 0 names no order. */
export function checkOrderId(value: IntegerLike, field = "orderId"): bigint {
  return uint64(value, field, 1n);
}

/** An order quantity: a positive whole number of quantity units (uint64). */
export function checkQuantity(value: IntegerLike, field = "quantity"): bigint {
  return uint64(value, field, 1n);
}

/** A client reference: any uint64. */
export function checkReference(value: IntegerLike, field = "reference"): bigint {
  return uint64(value, field, 0n);
}

/** An order label: free text the exchange echoes. */
export function checkLabel(value: unknown, field = "label"): string {
  if (typeof value !== "string") throw new OrderValidationError(`${field} must be a string, got ${show(value)}`, field, value);
  return value;
}

export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw new OrderValidationError(`${field} must be true or false, got ${show(value)}`, field, value);
  return value;
}
