// Errors of the exchange's network side.
import { SmarketsError, type ErrorOptions } from "../../runtime/errors.js";

/** A client request the exchange cannot act on: its body is missing or a field is outside the protocol. */
export class MalformedRequest extends SmarketsError {
  override readonly name = "MalformedRequest";
  constructor(
    message: string,
    /** The request's payload name, e.g. `seto.order_create`. */
    readonly payloadName: string,
    /** The eto seq of the request. */
    readonly seq: bigint,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
