// Errors of the session domain beyond those in runtime/errors.ts.
import { SmarketsError, type ErrorOptions } from "../errors.js";

/** An API call was made in a session state that does not allow it (e.g. `send` before login). */
export class SessionStateError extends SmarketsError {
  override readonly name = "SessionStateError";
  constructor(
    message: string,
    /** The state the session was in. */
    readonly state: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
