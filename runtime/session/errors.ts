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

/**
 * Incoming payloads `from`..`to` that the peer could no longer replay (its
 * store had dropped them): its replay answered them with one gapfill, and
 * they were skipped. What they carried is lost.
 */
export class PayloadsLost extends SmarketsError {
  override readonly name = "PayloadsLost";
  constructor(
    message: string,
    readonly from: bigint,
    readonly to: bigint,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
