// Errors of the client API beyond those in runtime/errors.ts.
import { SmarketsError } from "../errors.js";

/** `read()` was called while another `read()` was still pending; the connection is left as it was. */
export class ReadInProgressError extends SmarketsError {
  override readonly name = "ReadInProgressError";
}
