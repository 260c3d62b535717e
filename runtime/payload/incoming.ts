// One received payload: the header is read eagerly (the session routes on it),
// the body is decoded only if someone asks for it, and then only once.
import {
  lookupPayload,
  payloadBody,
  payloadInfo,
  type PayloadInfo,
  type PayloadMessages,
  type PayloadName,
} from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../errors.js";
import { setoBodyByField, type SetoBodyProperty } from "../../generated/body-codecs.js";
import { envelope, NOT_PLAIN, scanEnvelope, scannedSeq } from "./envelope-scan.js";
import { payloadName } from "./names.js";
import { sharedReaderAt } from "./shared-reader.js";
import type { PayloadHeader } from "./peek.js";

/** A received payload: its type, seq and replay flag read from the envelope without decoding the body, which is decoded on first use. */
export class IncomingPayload implements PayloadHeader {
  readonly seq: bigint;
  readonly setoType: number;
  readonly etoType: number | undefined;
  readonly isReplay: boolean;
  #decoded: seto.Payload | undefined;
  /** The plain envelope's one other field (0: none), or NOT_PLAIN (also when the layout is unknown); and where it lies in `bytes`. */
  #bodyField = NOT_PLAIN;
  #bodyStart = 0;
  #bodyEnd = 0;
  /** That field, decoded alone by `message`, and its property: kept so the whole payload later shares it. */
  #body: unknown;
  #bodyProperty: SetoBodyProperty | undefined;

  /**
   * `bytes` is kept as given, not copied: it must not change while this object
   * is in use (see `detach`). Throws ParseError if the header cannot be read.
   */
  constructor(
    readonly bytes: Uint8Array,
    header?: PayloadHeader,
  ) {
    if (header !== undefined) {
      this.seq = header.seq;
      this.setoType = header.setoType;
      this.etoType = header.etoType;
      this.isReplay = header.isReplay;
      return;
    }
    scanEnvelope(bytes);
    const scan = envelope;
    this.seq = scannedSeq();
    this.setoType = scan.setoType;
    this.etoType = scan.etoType;
    this.isReplay = scan.isReplay;
    this.#bodyField = scan.bodyField;
    this.#bodyStart = scan.bodyStart;
    this.#bodyEnd = scan.bodyEnd;
  }

  /** The payload's name, e.g. `seto.order_accepted`, `eto.login_response`. */
  get name(): string {
    return payloadName(this.setoType, this.etoType);
  }

  /** The whole decoded payload, decoded on first access. Throws ParseError (with the bytes) if it does not decode. */
  get payload(): seto.Payload {
    if (this.#decoded === undefined) {
      let decoded: seto.Payload;
      try {
        decoded = seto.Payload.decode(this.bytes);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new ParseError(`${this.name} seq ${this.seq} does not decode: ${why}`, this.bytes, { cause: e });
      }
      // The body `message` decoded is equal to the one just decoded; share it, so both views agree.
      if (this.#bodyProperty !== undefined) (decoded as unknown as Record<string, unknown>)[this.#bodyProperty] = this.#body;
      this.#decoded = decoded;
    }
    return this.#decoded;
  }

  /**
   * The body this payload carries as payload type `name` — what
   * `payloadBody(name, this.payload)` gives — decoding no more than needed:
   * in a plain envelope (see envelope-scan.ts) only the body's own field is
   * decoded, by the codec the whole decode would use, at the same place;
   * otherwise, or if that field alone does not decode cleanly, the whole
   * payload is, and its ParseError is thrown. Undefined when absent.
   */
  message<N extends PayloadName>(name: N): PayloadMessages[N] | undefined {
    if (this.#decoded !== undefined) return payloadBody(name, this.#decoded);
    const field = this.#bodyField;
    // Plain with nothing beside type and eto_payload: no body for any name, and nothing to fail.
    if (field === 0) return undefined;
    if (field > 0) {
      // Usually `name` is this payload's own type: an indexed lookup, not one by name.
      const own = lookupPayload(this.setoType, this.etoType);
      const info: PayloadInfo = own !== undefined && own.name === name ? own : payloadInfo[name];
      if (info.layer === "seto" && info.fieldNumber === field) {
        if (this.#bodyProperty === undefined) this.#decodeField(field);
        if (this.#bodyProperty !== undefined) return this.#body as PayloadMessages[N];
      }
    }
    return payloadBody(name, this.payload);
  }

  /** A copy that owns its bytes, for keeping past the moment the receive buffer may be reused. */
  detach(): IncomingPayload {
    const copy = new IncomingPayload(this.bytes.slice(), this);
    copy.#decoded = this.#decoded;
    copy.#bodyField = this.#bodyField;
    copy.#bodyStart = this.#bodyStart;
    copy.#bodyEnd = this.#bodyEnd;
    copy.#body = this.#body;
    copy.#bodyProperty = this.#bodyProperty;
    return copy;
  }

  /**
   * Decodes the body field alone with the codec the envelope's decoder uses
   * for it, one level deep as there. Keeps it only if decoding ended exactly
   * at the field's end: reads only move forward, so then nothing outside the
   * field was read, and the result is what the whole decode produces. Else
   * (or if it throws) the caller decodes the whole payload, whose result or
   * error is the authority.
   */
  #decodeField(field: number): void {
    const known = setoBodyByField[field];
    if (known === undefined) return;
    const reader = sharedReaderAt(this.bytes, this.#bodyStart);
    const end = this.bytes.byteOffset + this.#bodyEnd;
    // The generated decoders count nesting on the reader; inside the envelope they start at 1.
    (reader as unknown as { __tsProtoDecodeDepth: number }).__tsProtoDecodeDepth = 1;
    let body: unknown;
    try {
      body = known.codec.decode(reader, this.#bodyEnd - this.#bodyStart);
    } catch {
      return;
    }
    if (reader.pos !== end) return;
    this.#body = body;
    this.#bodyProperty = known.property;
  }
}
