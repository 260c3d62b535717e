// One received payload, and the one event every consumer of it sees: the
// session sequences it, handlers receive it as their second argument,
// `payloads()` yields it. The header is read eagerly (the session routes on
// it); the body is decoded only if someone asks for it, and then only once —
// a body that does not decode fails the same way (one ParseError) for
// everyone who asks.
import { lookupPayload, payloadBody, type PayloadInfo } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../errors.js";
import { setoBodyByField, type SetoBodyProperty } from "../../generated/body-codecs.js";
import { envelope, NOT_PLAIN, scanEnvelope, scannedSeq } from "./envelope-scan.js";
import { payloadName } from "./names.js";
import { sharedReaderAt } from "./shared-reader.js";
import type { PayloadHeader } from "./peek.js";

/** `IncomingPayload.message` not decoded yet. */
const UNDECODED: unique symbol = Symbol("undecoded");

/** A received payload: type, seq and replay flag read from the envelope at once; the body decoded on first use, once. The event every consumer sees. */
export class IncomingPayload implements PayloadHeader {
  readonly seq: bigint;
  readonly setoType: number;
  readonly etoType: number | undefined;
  readonly isReplay: boolean;
  /** The payload type, from the generated payload map; undefined for a type this protocol version does not know. */
  readonly info: PayloadInfo | undefined;
  #decoded: seto.Payload | undefined;
  /** The one ParseError of this payload, once a decode failed: every later access throws it again. */
  #failure: ParseError | undefined;
  /** The plain envelope's one other field (0: none), or NOT_PLAIN (also when the layout is unknown); and where it lies in `bytes`. */
  #bodyField = NOT_PLAIN;
  #bodyStart = 0;
  #bodyEnd = 0;
  /** The body, once decoded; and, when it was decoded alone, its property on seto.Payload, so the whole payload later shares it. */
  #message: unknown = UNDECODED;
  #bodyProperty: SetoBodyProperty | undefined;
  #redelivered = false;

  /** Where the payload lies: `#source[#start, #end)`; `#bytes` is that range as a view, once asked for. */
  readonly #source: Uint8Array;
  readonly #start: number;
  readonly #end: number;
  #bytes: Uint8Array | undefined;

  /**
   * The payload is `source[start, end)` (by default all of `source`), kept
   * as given, not copied: it must not change while this object is in use
   * (see `detach`). Throws ParseError if the header cannot be read.
   */
  constructor(source: Uint8Array, header?: PayloadHeader, start = 0, end = source.length) {
    this.#source = source;
    this.#start = start;
    this.#end = end;
    if (header !== undefined) {
      this.seq = header.seq;
      this.setoType = header.setoType;
      this.etoType = header.etoType;
      this.isReplay = header.isReplay;
    } else {
      scanEnvelope(source, start, end);
      const scan = envelope;
      this.seq = scannedSeq();
      this.setoType = scan.setoType;
      this.etoType = scan.etoType;
      this.isReplay = scan.isReplay;
      this.#bodyField = scan.bodyField;
      this.#bodyStart = scan.bodyStart;
      this.#bodyEnd = scan.bodyEnd;
    }
    this.info = lookupPayload(this.setoType, this.etoType);
  }

  /** The payload's bytes (the frame's body): a view into the receive buffer, made on first access. */
  get bytes(): Uint8Array {
    const source = this.#source;
    return (this.#bytes ??= this.#start === 0 && this.#end === source.length ? source : source.subarray(this.#start, this.#end));
  }

  /**
   * True when this payload may have been delivered before, by a process that
   * crashed after its handlers ran but before it saved its incoming seq (see
   * the session store): it is being delivered again, and a handler with side
   * effects should check whether it already acted on it. False for every
   * payload delivered for the first time without doubt — a client without a
   * durable store never sets it.
   */
  get redelivered(): boolean {
    return this.#redelivered;
  }

  /** Flags the payload as possibly delivered before (the session does this, before handing it over). */
  markRedelivered(): void {
    this.#redelivered = true;
  }

  /** The payload's name, e.g. `seto.order_accepted`, `eto.login_response`; unknown types are named by number. */
  get name(): string {
    return this.info?.name ?? payloadName(this.setoType, this.etoType);
  }

  /** The whole decoded payload, decoded on first access. Throws ParseError (with the bytes) if it does not decode. */
  get payload(): seto.Payload {
    if (this.#decoded === undefined) {
      if (this.#failure !== undefined) throw this.#failure;
      let decoded: seto.Payload;
      try {
        decoded = seto.Payload.decode(this.bytes);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        this.#failure = new ParseError(`${this.name} seq ${this.seq} does not decode: ${why}`, this.bytes, { cause: e });
        throw this.#failure;
      }
      // The body decoded alone is equal to the one just decoded; share it, so both views agree.
      if (this.#bodyProperty !== undefined) (decoded as unknown as Record<string, unknown>)[this.#bodyProperty] = this.#message;
      this.#decoded = decoded;
    }
    return this.#decoded;
  }

  /**
   * The body — the message this payload type carries, e.g. an OrderAccepted
   * for `seto.order_accepted`; undefined for a type without one (heartbeat)
   * or an unknown type — decoded on first access, and no more than needed: in
   * a plain envelope (see envelope-scan.ts) only the body's own field is
   * decoded, by the codec the whole decode would use, at the same place;
   * otherwise, or if that field alone does not decode cleanly, the whole
   * payload is, and its ParseError is thrown.
   */
  get message(): unknown {
    const known = this.#message;
    if (known !== UNDECODED) return known;
    const info = this.info;
    let body: unknown;
    if (info === undefined || info.property === undefined) {
      body = undefined;
    } else if (this.#decoded === undefined && this.#bodyField === 0) {
      // Plain with nothing beside type and eto_payload: no body, and nothing to fail.
      body = undefined;
    } else if (this.#decoded === undefined && info.layer === "seto" && info.fieldNumber === this.#bodyField && this.#decodeField(this.#bodyField)) {
      return this.#message;
    } else {
      body = payloadBody(info.name, this.payload);
    }
    this.#message = body;
    return body;
  }

  /** A copy that owns its bytes, for keeping past the moment the receive buffer may be reused. */
  detach(): IncomingPayload {
    const copy = new IncomingPayload(this.#source.slice(this.#start, this.#end), this);
    copy.#decoded = this.#decoded;
    copy.#failure = this.#failure;
    // The body's place, from positions in the source to positions in the copy.
    copy.#bodyField = this.#bodyField;
    copy.#bodyStart = this.#bodyStart - this.#start;
    copy.#bodyEnd = this.#bodyEnd - this.#start;
    copy.#message = this.#message;
    copy.#bodyProperty = this.#bodyProperty;
    copy.#redelivered = this.#redelivered;
    return copy;
  }

  /**
   * Decodes the body field alone with the codec the envelope's decoder uses
   * for it, one level deep as there. Keeps it (and returns true) only if
   * decoding ended exactly at the field's end: reads only move forward, so
   * then nothing outside the field was read, and the result is what the whole
   * decode produces. Else (or if it throws) the caller decodes the whole
   * payload, whose result or error is the authority.
   */
  #decodeField(field: number): boolean {
    const known = setoBodyByField[field];
    if (known === undefined) return false;
    const source = this.#source;
    const reader = sharedReaderAt(source, this.#bodyStart);
    const end = source.byteOffset + this.#bodyEnd;
    // The generated decoders count nesting on the reader; inside the envelope they start at 1.
    (reader as unknown as { __tsProtoDecodeDepth: number }).__tsProtoDecodeDepth = 1;
    let body: unknown;
    try {
      body = known.codec.decode(reader, this.#bodyEnd - this.#bodyStart);
    } catch {
      return false;
    }
    if (reader.pos !== end) return false;
    this.#message = body;
    this.#bodyProperty = known.property;
    return true;
  }
}
