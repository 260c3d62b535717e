// How many faults a peer may commit on one connection — payloads that do not
// decode, or that break the protocol — before the connection is dropped. Each
// fault is reported, and reporting costs (an error object, its stack, a
// queued report): a peer sending nothing else, 16,000 empty frames a 64 KiB
// read, would hold the event loop for a tenth of a second per read and flood
// errors() for as long as it is connected. Past the budget the connection is
// given up and the reconnect policy decides what next.
import { ProtocolError } from "../errors.js";

/** Counts one connection's peer faults against a limit. */
export class PeerFaultBudget {
  readonly #limit: number;
  #count = 0;

  /** `limit`: faults allowed on one connection (Infinity: no limit). */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** A new connection: its peer starts with a clean record. */
  reset(): void {
    this.#count = 0;
  }

  /** Counts one fault; past the limit, throws the ProtocolError that ends the connection. */
  charge(): void {
    this.#count += 1;
    if (this.#count > this.#limit) {
      throw new ProtocolError(
        `the peer sent ${this.#count} payloads on this connection that did not decode or broke the protocol, over the limit of ${this.#limit} (maxPeerFaults): dropping the connection`,
      );
    }
  }
}
