// One pass over a seto envelope: the routing header (seto type, eto seq, eto
// type, is_replay) and, when the envelope is "plain", where its body lies.
// Every incoming payload goes through here, so it allocates nothing: results
// land in the module-level `envelope` scratch, which the caller copies out at
// once. One-byte tags and values (nearly all of them) are read inline; the
// rest goes through the checked wire reader.
//
// Plain: the envelope holds only the type (field 1, varint), eto_payloads
// (field 2) holding only seq, type and is_replay (varints), and at most one
// other field, length-delimited, occurring once. Decoding such an envelope
// whole cannot fail outside that field, so decoding the field alone gives the
// same body and the same errors (see incoming.ts).
import { fail, readLength, readTag, readVarint, skipField, varint, WIRE_LEN, WIRE_VARINT } from "./wire-scanner.js";

export interface EnvelopeScan {
  setoType: number;
  seqLo: number;
  seqHi: number;
  etoType: number | undefined;
  isReplay: boolean;
  /** Field number of the plain envelope's one other field; 0 if it has none; NOT_PLAIN if the envelope is not plain. */
  bodyField: number;
  /** Where that field's value starts and ends in the bytes scanned. */
  bodyStart: number;
  bodyEnd: number;
}

/** `bodyField` of an envelope that is not plain. */
export const NOT_PLAIN = -1;

/** The last scan's results. */
export const envelope: EnvelopeScan = {
  setoType: 0,
  seqLo: 0,
  seqHi: 0,
  etoType: undefined,
  isReplay: false,
  bodyField: 0,
  bodyStart: 0,
  bodyEnd: 0,
};

// Tags as they appear on the wire: (field << 3) | wire type.
const TAG_SETO_TYPE = (1 << 3) | WIRE_VARINT;
const TAG_ETO_PAYLOAD = (2 << 3) | WIRE_LEN;
const TAG_ETO_SEQ = (1 << 3) | WIRE_VARINT;
const TAG_ETO_TYPE = (2 << 3) | WIRE_VARINT;
const TAG_ETO_IS_REPLAY = (3 << 3) | WIRE_VARINT;

/**
 * Scans the seto payload `bytes[start, end)` (the whole of `bytes` by
 * default) into `envelope`; the body's place is given in positions of
 * `bytes`. Throws ParseError (carrying the payload's bytes, with positions
 * within them) for truncated or malformed protobuf, or a missing seto type,
 * eto_payload or seq. A field that occurs twice takes its last value, and a
 * second eto_payload replaces the first, exactly as the generated decoder
 * does, so the header always agrees with the decoded payload.
 */
export function scanEnvelope(bytes: Uint8Array, start = 0, end = bytes.length): void {
  try {
    scan(bytes, start, end);
  } catch (error) {
    if (start === 0 && end === bytes.length) throw error;
    // Scanned within a larger buffer: scan the payload alone again, so the
    // error carries its bytes and positions within it (this throws).
    scan(bytes.subarray(start, end), 0, end - start);
    throw error;
  }
}

function scan(bytes: Uint8Array, start: number, end: number): void {
  let pos = start;
  let haveType = false;
  let setoType = 0;
  let haveEto = false;
  let haveSeq = false;
  let seqLo = 0;
  let seqHi = 0;
  let etoType: number | undefined;
  let isReplay = false;
  let plain = true;
  let bodyField = 0;
  let bodyStart = 0;
  let bodyEnd = 0;

  while (pos < end) {
    let tag = bytes[pos]!;
    if (tag >= 8 && tag < 0x80) pos++;
    else {
      pos = readTag(bytes, pos, end);
      tag = varint.lo;
    }
    if (tag === TAG_SETO_TYPE) {
      const b = pos < end ? bytes[pos]! : 0x80;
      if (b < 0x80) {
        setoType = b;
        pos++;
      } else {
        pos = readVarint(bytes, pos, end, "seto type");
        setoType = varint.lo | 0; // int32 enum: the low 32 bits, signed
      }
      haveType = true;
    } else if (tag === TAG_ETO_PAYLOAD) {
      let bodyAt: number;
      let etoEnd: number;
      const length = pos < end ? bytes[pos]! : 0x80;
      if (length < 0x80 && length < end - pos) {
        bodyAt = pos + 1;
        etoEnd = bodyAt + length;
      } else {
        bodyAt = readLength(bytes, pos, end, "eto_payload");
        etoEnd = bodyAt + varint.lo;
      }
      haveEto = true;
      haveSeq = false;
      etoType = undefined;
      isReplay = false;
      pos = bodyAt;
      while (pos < etoEnd) {
        let t = bytes[pos]!;
        if (t >= 8 && t < 0x80) pos++;
        else {
          pos = readTag(bytes, pos, etoEnd);
          t = varint.lo;
        }
        if (t === TAG_ETO_SEQ) {
          pos = readVarint(bytes, pos, etoEnd, "eto seq");
          seqLo = varint.lo;
          seqHi = varint.hi;
          haveSeq = true;
        } else if (t === TAG_ETO_TYPE) {
          const b = pos < etoEnd ? bytes[pos]! : 0x80;
          if (b < 0x80) {
            etoType = b;
            pos++;
          } else {
            pos = readVarint(bytes, pos, etoEnd, "eto type");
            etoType = varint.lo | 0;
          }
        } else if (t === TAG_ETO_IS_REPLAY) {
          pos = readVarint(bytes, pos, etoEnd, "eto is_replay");
          isReplay = (varint.lo | varint.hi) !== 0;
        } else {
          plain = false;
          pos = skipField(bytes, pos, etoEnd, t & 7, t >>> 3);
        }
      }
    } else {
      const field = tag >>> 3;
      const wireType = tag & 7;
      if (plain && bodyField === 0 && field > 2 && wireType === WIRE_LEN) {
        const length = pos < end ? bytes[pos]! : 0x80;
        if (length < 0x80 && length < end - pos) {
          bodyStart = pos + 1;
          bodyEnd = bodyStart + length;
        } else {
          bodyStart = readLength(bytes, pos, end, `field ${field}`);
          bodyEnd = bodyStart + varint.lo;
        }
        bodyField = field;
        pos = bodyEnd;
      } else {
        plain = false;
        pos = skipField(bytes, pos, end, wireType, field);
      }
    }
  }

  if (!haveType) fail(bytes, "missing seto type (field 1)", end);
  if (!haveEto) fail(bytes, "missing eto_payload (field 2)", end);
  if (!haveSeq) fail(bytes, "missing eto_payload.seq (field 2.1)", end);
  const out = envelope;
  out.setoType = setoType;
  out.seqLo = seqLo;
  out.seqHi = seqHi;
  out.etoType = etoType;
  out.isReplay = isReplay;
  out.bodyField = plain ? bodyField : NOT_PLAIN;
  out.bodyStart = bodyStart;
  out.bodyEnd = bodyEnd;
}

/** The scanned seq as the bigint the API exposes. */
export function scannedSeq(): bigint {
  const { seqLo, seqHi } = envelope;
  return seqHi === 0 ? BigInt(seqLo) : (BigInt(seqHi) << 32n) | BigInt(seqLo);
}
