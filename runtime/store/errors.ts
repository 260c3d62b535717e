// Errors of the durable session store. A store file that cannot be trusted is
// never read as "no session": the client refuses to start, with an error
// naming the file, where it went wrong and why, so nothing resumes (or starts
// afresh) on state that is not what it claims.
import { SmarketsError, type ErrorOptions } from "../errors.js";

/** The session store failed: a file could not be read, written or locked. `path` names the file. */
export class StoreError extends SmarketsError {
  override readonly name: string = "StoreError";
  constructor(
    message: string,
    /** The store's file. */
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * A store file is damaged before its last record: a record whose checksum,
 * length or content is wrong with whole records after it. (A damaged or cut
 * last record is what a crash in mid-write leaves: it is dropped and
 * reported, not an error.) Nothing is read from it; move it aside to start a
 * new session.
 */
export class StoreCorruptError extends StoreError {
  override readonly name = "StoreCorruptError";
  constructor(
    message: string,
    path: string,
    /** Byte offset of the damaged record. */
    readonly offset: number,
    options?: ErrorOptions,
  ) {
    super(message, path, options);
  }
}

/**
 * A store file belongs to something else: not a session store at all, or one
 * kept for another account, host or protocol version than the client's.
 */
export class StoreForeignError extends StoreError {
  override readonly name = "StoreForeignError";
  constructor(
    message: string,
    path: string,
    /** What differs: "format", "account", "host", "port", "protocol". */
    readonly field: string,
    /** What the file holds (undefined when it is not a store file). */
    readonly stored: string | undefined,
    /** What the client has. */
    readonly expected: string,
    options?: ErrorOptions,
  ) {
    super(message, path, options);
  }
}
