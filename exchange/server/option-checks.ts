// Small checks for option values: each throws ArgumentError naming the
// option, the value it got and the limit it broke.
import { ArgumentError } from "../../runtime/errors.js";

/** Node's timers overflow above this (about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export function describeValue(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" && v !== null ? "an object" : String(v);
}

/** An integer in min..max, or `fallback` when undefined. */
export function integerOption(name: string, v: unknown, fallback: number | undefined, min: number, max: number): number {
  const value = v ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new ArgumentError(`${name} must be an integer in ${min}..${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** A positive number of milliseconds a timer can wait, or `fallback` when undefined. */
export function durationOption(name: string, v: unknown, fallback: number | undefined): number {
  const value = v ?? fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > MAX_TIMER_MS) {
    throw new ArgumentError(`${name} must be a number of milliseconds in (0, ${MAX_TIMER_MS}], got ${describeValue(value)}`);
  }
  return value;
}

/** A non-empty string. */
export function textOption(name: string, v: unknown): string {
  if (typeof v !== "string" || v === "") throw new ArgumentError(`${name} must be a non-empty string, got ${describeValue(v)}`);
  return v;
}

/** A uint64 id of at least 1 (bigint), or `fallback` when undefined. */
export function orderIdOption(name: string, v: unknown, fallback: bigint): bigint {
  const value = v ?? fallback;
  if (typeof value !== "bigint" || value < 1n || value >= 2n ** 64n) {
    throw new ArgumentError(`${name} must be a bigint in 1..2^64-1, got ${describeValue(value)}`);
  }
  return value;
}
