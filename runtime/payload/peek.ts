// Reads the routing header of a seto payload — its type, and the eto seq,
// type and is_replay — without decoding the body. Every incoming payload goes
// through here, so it allocates only the result and the seq's bigint.
import { fail, readLength, readTag, readVarint, skipField, varint, WIRE_LEN, WIRE_VARINT } from "./wire-scanner.js";

/** What the session needs from a payload before (and usually instead of) decoding it. */
export interface PayloadHeader {
  /** seto.PayloadType (field 1 of seto.Payload). */
  readonly setoType: number;
  /** eto seq (field 1 of the eto_payload, field 2 of seto.Payload). */
  readonly seq: bigint;
  /** eto.PayloadType, or undefined for a seto message (whose eto_payload holds only its seq). */
  readonly etoType: number | undefined;
  /** True when the sender resent this payload in answer to a replay request. */
  readonly isReplay: boolean;
}

// seto.Payload fields
const SETO_TYPE = 1;
const SETO_ETO_PAYLOAD = 2;
// eto.Payload fields
const ETO_SEQ = 1;
const ETO_TYPE = 2;
const ETO_IS_REPLAY = 3;

/**
 * Peeks at a seto payload's header. Throws ParseError (carrying the bytes) for
 * truncated or malformed protobuf, or a missing seto type, eto_payload or seq.
 * A field that occurs twice takes its last value, and a second eto_payload
 * replaces the first, exactly as the generated decoder does, so the header
 * always agrees with the decoded payload.
 */
export function peekPayload(bytes: Uint8Array): PayloadHeader {
  const end = bytes.length;
  let pos = 0;
  let setoType: number | undefined;
  let haveEto = false;
  let haveSeq = false;
  let seqLo = 0;
  let seqHi = 0;
  let etoType: number | undefined;
  let isReplay = false;

  while (pos < end) {
    pos = readTag(bytes, pos, end);
    const field = varint.lo >>> 3;
    const wireType = varint.lo & 7;
    if (field === SETO_TYPE && wireType === WIRE_VARINT) {
      pos = readVarint(bytes, pos, end, "seto type");
      setoType = varint.lo | 0; // int32 enum: the low 32 bits, signed
    } else if (field === SETO_ETO_PAYLOAD && wireType === WIRE_LEN) {
      const bodyStart = readLength(bytes, pos, end, "eto_payload");
      const bodyEnd = bodyStart + varint.lo;
      haveEto = true;
      haveSeq = false;
      etoType = undefined;
      isReplay = false;
      pos = bodyStart;
      while (pos < bodyEnd) {
        pos = readTag(bytes, pos, bodyEnd);
        const f = varint.lo >>> 3;
        const w = varint.lo & 7;
        if (f === ETO_SEQ && w === WIRE_VARINT) {
          pos = readVarint(bytes, pos, bodyEnd, "eto seq");
          seqLo = varint.lo;
          seqHi = varint.hi;
          haveSeq = true;
        } else if (f === ETO_TYPE && w === WIRE_VARINT) {
          pos = readVarint(bytes, pos, bodyEnd, "eto type");
          etoType = varint.lo | 0;
        } else if (f === ETO_IS_REPLAY && w === WIRE_VARINT) {
          pos = readVarint(bytes, pos, bodyEnd, "eto is_replay");
          isReplay = (varint.lo | varint.hi) !== 0;
        } else {
          pos = skipField(bytes, pos, bodyEnd, w, f);
        }
      }
    } else {
      pos = skipField(bytes, pos, end, wireType, field);
    }
  }

  if (setoType === undefined) fail(bytes, "missing seto type (field 1)", end);
  if (!haveEto) fail(bytes, "missing eto_payload (field 2)", end);
  if (!haveSeq) fail(bytes, "missing eto_payload.seq (field 2.1)", end);
  const seq = seqHi === 0 ? BigInt(seqLo) : (BigInt(seqHi) << 32n) | BigInt(seqLo);
  return { setoType, seq, etoType, isReplay };
}
