// The outgoing half of sequencing: every payload sent gets the next seq and
// is kept in the store (for replays) before it is written.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { ArgumentError } from "../errors.js";
import { encodeBodylessEto, encodePayload, withSeq, type UnsequencedPayload } from "../payload/encode.js";
import type { OutgoingStore } from "./outgoing-store.js";

export interface Stamped {
  readonly seq: bigint;
  readonly bytes: Uint8Array;
}

export class OutboundSequencer {
  #next: bigint;

  constructor(
    readonly store: OutgoingStore,
    next: bigint,
  ) {
    this.#next = next;
  }

  /** The seq the next payload will get. */
  get next(): bigint {
    return this.#next;
  }

  /**
   * Numbers `p`, encodes it and stores it. If it does not encode (a value out
   * of range), throws ArgumentError and the seq is not used.
   */
  stamp(p: UnsequencedPayload): Stamped {
    const seq = this.#next;
    let bytes: Uint8Array;
    try {
      bytes = encodePayload(withSeq(p, seq));
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new ArgumentError(`payload of type ${p.type} does not encode: ${why}`, { cause });
    }
    return this.#record(seq, p.type, p.etoPayload?.type, bytes);
  }

  /**
   * `stamp(etoPayload(type))` for an eto payload without a body (heartbeat,
   * pong), encoded directly: the session sends these in answer to the peer's
   * on the inbound path. Same bytes, same errors.
   */
  stampBodylessEto(type: eto.PayloadType): Stamped {
    const seq = this.#next;
    let bytes: Uint8Array;
    try {
      bytes = encodeBodylessEto(type, seq);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new ArgumentError(`payload of type ${seto.PayloadType.PAYLOAD_ETO} does not encode: ${why}`, { cause });
    }
    return this.#record(seq, seto.PayloadType.PAYLOAD_ETO, type, bytes);
  }

  #record(seq: bigint, setoType: number, etoType: number | undefined, bytes: Uint8Array): Stamped {
    this.#next = seq + 1n;
    this.store.put({ seq, setoType, etoType, bytes });
    return { seq, bytes };
  }

  /** Continues numbering at `next` (the peer's login-response `reset`, or a new session). */
  reset(next: bigint): void {
    this.#next = next;
  }
}
