// What a bounded queue does with an item that arrives when it is full.
import { ArgumentError } from "../errors.js";

/**
 * - `drop-oldest`: evict the oldest waiting item to make room (latest state matters, e.g. quotes);
 * - `drop-newest`: refuse the new item (what is queued stays intact);
 * - `error`: refuse it and end the queue with a QueueOverflowError, so the loss is never silent.
 */
export type OverflowPolicy = "drop-oldest" | "drop-newest" | "error";

/** Every {@link OverflowPolicy}. */
export const overflowPolicies: readonly OverflowPolicy[] = ["drop-oldest", "drop-newest", "error"];

/** Checks options that may arrive untyped; throws ArgumentError naming the bad value. */
export function checkQueueLimits(capacity: unknown, overflow: unknown): void {
  if (typeof capacity !== "number" || !Number.isSafeInteger(capacity) || capacity < 1) {
    throw new ArgumentError(`queue capacity must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}; got ${describe(capacity)}`);
  }
  if (!(overflowPolicies as readonly unknown[]).includes(overflow)) {
    throw new ArgumentError(`queue overflow policy must be one of ${overflowPolicies.join(", ")}; got ${describe(overflow)}`);
  }
}

/** Checks a queue's byte bound (Infinity for none); throws ArgumentError naming the bad value. */
export function checkQueueBytes(maxBytes: unknown): void {
  if (maxBytes === Infinity) return;
  if (typeof maxBytes !== "number" || !Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new ArgumentError(`queue maxBytes must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER} (or Infinity); got ${describe(maxBytes)}`);
  }
}

function describe(value: unknown): string {
  try {
    return typeof value === "string" ? JSON.stringify(value) : String(value);
  } catch {
    return typeof value;
  }
}
