import { SmarketsError, type ErrorOptions } from "../errors.js";

/**
 * Bad input to an odds conversion or ladder function: not a number, not an
 * integer price, out of range, a malformed fraction or decimal string. The
 * message names the offending value and the limit it broke; `value` holds it.
 */
export class OddsError extends SmarketsError {
  override readonly name = "OddsError";
  constructor(
    message: string,
    /** The offending input, as given. */
    readonly value: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** How a value appears in an error message: strings quoted, so "" and " 1" stay visible. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "object") return Object.prototype.toString.call(value);
  return String(value);
}
