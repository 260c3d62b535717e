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

export { show } from "../show-value.js";
