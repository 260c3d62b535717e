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

export { show } from "../show-value.js";
