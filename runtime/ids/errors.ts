import { SmarketsError, type ErrorOptions } from "../errors.js";

/**
 * A bad id or id argument: a malformed slug or hex string, a base outside
 * 2..62, an unknown tag or prefix, a number outside 0..2^128-1. The message
 * names the offending value and the limit; `value` holds it.
 */
export class IdError extends SmarketsError {
  override readonly name = "IdError";
  constructor(
    message: string,
    /** The offending input, as given. */
    readonly value: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** How a value appears in an error message: strings quoted, bigints with their `n`. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === null || value === undefined || typeof value !== "object") return String(value);
  return Object.prototype.toString.call(value);
}
