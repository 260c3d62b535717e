// One received payload: the header is read eagerly (the session routes on it),
// the body is decoded only if someone asks for it, and then only once.
import * as seto from "../../generated/seto.js";
import { ParseError } from "../errors.js";
import { payloadName } from "./names.js";
import { peekPayload, type PayloadHeader } from "./peek.js";

export class IncomingPayload implements PayloadHeader {
  readonly seq: bigint;
  readonly setoType: number;
  readonly etoType: number | undefined;
  readonly isReplay: boolean;
  #decoded: seto.Payload | undefined;

  /**
   * `bytes` is kept as given, not copied: it must not change while this object
   * is in use (see `detach`). Throws ParseError if the header cannot be read.
   */
  constructor(
    readonly bytes: Uint8Array,
    header: PayloadHeader = peekPayload(bytes),
  ) {
    this.seq = header.seq;
    this.setoType = header.setoType;
    this.etoType = header.etoType;
    this.isReplay = header.isReplay;
  }

  /** The payload's name, e.g. `seto.order_accepted`, `eto.login_response`. */
  get name(): string {
    return payloadName(this.setoType, this.etoType);
  }

  /** The whole decoded payload, decoded on first access. Throws ParseError (with the bytes) if it does not decode. */
  get payload(): seto.Payload {
    if (this.#decoded === undefined) {
      try {
        this.#decoded = seto.Payload.decode(this.bytes);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new ParseError(`${this.name} seq ${this.seq} does not decode: ${why}`, this.bytes, { cause: e });
      }
    }
    return this.#decoded;
  }

  /** A copy that owns its bytes, for keeping past the moment the receive buffer may be reused. */
  detach(): IncomingPayload {
    const copy = new IncomingPayload(this.bytes.slice(), this);
    copy.#decoded = this.#decoded;
    return copy;
  }
}
