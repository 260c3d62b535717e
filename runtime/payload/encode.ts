// Building and encoding outgoing payloads. The session stamps the seq; callers
// build everything else. Encoding follows the reference Python SDK byte for
// byte: a seto message that is not an eto message still carries an
// eto_payload holding only its seq, and eto payloads ride in a seto envelope
// of type PAYLOAD_ETO.
import * as eto from "../../generated/eto.js";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import * as seto from "../../generated/seto.js";

/** The eto part of a payload before the session numbers it. */
export type UnsequencedEto = Omit<eto.Payload, "seq"> & { seq?: bigint | undefined };

/** A seto payload before the session gives it a seq (any `etoPayload.seq` given is overwritten). */
export type UnsequencedPayload = Omit<seto.Payload, "etoPayload"> & { etoPayload?: UnsequencedEto | undefined };

/** Optional eto fields an admin payload may carry besides its type. */
export type EtoFields = Partial<Omit<eto.Payload, "seq" | "type">>;

/**
 * One writer for every payload encoded: `finish()` hands out a copy of what
 * was written and starts the writer over, keeping its grown buffer, so a
 * payload costs no fresh writer and no regrowing. (A writer left midway by a
 * failed encode is dropped.)
 */
let writer = new BinaryWriter();

/** Encodes a payload to its protobuf bytes (the frame body). */
export function encodePayload(p: seto.Payload): Uint8Array {
  try {
    return seto.Payload.encode(p, writer).finish();
  } catch (error) {
    writer = new BinaryWriter();
    throw error;
  }
}

/** `p` numbered `seq`: its eto_payload gets the seq (and is created, holding only the seq, if absent). */
export function withSeq(p: UnsequencedPayload, seq: bigint): seto.Payload {
  return { ...p, etoPayload: { ...p.etoPayload, seq } };
}

/** An eto (session-layer) payload: a PAYLOAD_ETO envelope around an eto payload of `type`. */
export function etoPayload(type: eto.PayloadType, fields?: EtoFields): UnsequencedPayload {
  return { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { ...fields, type } };
}

/** An eto ping, ready to be numbered and sent. */
export const pingPayload = (): UnsequencedPayload => etoPayload(eto.PayloadType.PAYLOAD_PING);
/** An eto pong, ready to be numbered and sent. */
export const pongPayload = (): UnsequencedPayload => etoPayload(eto.PayloadType.PAYLOAD_PONG);
/** An eto heartbeat, ready to be numbered and sent. */
export const heartbeatPayload = (): UnsequencedPayload => etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT);

/** Asks the peer to resend everything from `from` upward. */
export const replayRequestPayload = (from: bigint): UnsequencedPayload =>
  etoPayload(eto.PayloadType.PAYLOAD_REPLAY, { replay: { seq: from } });

/** An eto logout with `reason`, ready to be numbered and sent. */
export const logoutPayload = (reason: eto.LogoutReason): UnsequencedPayload =>
  etoPayload(eto.PayloadType.PAYLOAD_LOGOUT, { logout: { reason } });

/** The server's answer to a login (for the server role and for scripted peers). */
export const loginResponsePayload = (session: string, reset?: bigint): UnsequencedPayload =>
  etoPayload(eto.PayloadType.PAYLOAD_LOGIN_RESPONSE, { loginResponse: { session, reset } });

/** Seqs up to this are written by `encodeBodylessEto` itself; larger ones by the generated encoder. */
const MAX_DIRECT_SEQ = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * `encodePayload(withSeq(etoPayload(type), seq))`, byte for byte, written
 * directly for an eto payload without a body (heartbeat, pong): the session
 * answers these on the inbound path, and the generated encoder costs
 * microseconds per payload (a growable writer, a copy of the message).
 * Layout: seto type PAYLOAD_ETO (field 1), eto_payload (field 2) holding the
 * seq (field 1) and the eto type (field 2). Anything outside that fast case
 * (a seq over 2^53, a type over 127) goes to the generated encoder.
 */
export function encodeBodylessEto(type: eto.PayloadType, seq: bigint): Uint8Array {
  if (seq < 0n || seq > MAX_DIRECT_SEQ || !Number.isInteger(type) || type < 0 || type > 0x7f) {
    return encodePayload(withSeq(etoPayload(type), seq));
  }
  let value = Number(seq);
  let seqLength = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) seqLength++;
  const bytes = new Uint8Array(7 + seqLength);
  bytes[0] = 0x08; // field 1, varint: the seto type
  bytes[1] = seto.PayloadType.PAYLOAD_ETO;
  bytes[2] = 0x12; // field 2, length-delimited: the eto_payload
  bytes[3] = 3 + seqLength;
  bytes[4] = 0x08; // eto field 1, varint: the seq
  let at = 5;
  // Division, not `>>> 7`: bit operators truncate to 32 bits.
  for (; value >= 0x80; value = Math.floor(value / 0x80)) bytes[at++] = (value % 0x80) | 0x80;
  bytes[at++] = value;
  bytes[at++] = 0x10; // eto field 2, varint: the eto type
  bytes[at] = type;
  return bytes;
}

/** Stands in, during a replay, for the payload at `seq` that must not be resent. */
export function gapfillPayload(seq: bigint): seto.Payload {
  return withSeq(etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true }), seq);
}

/** The same payload flagged `is_replay`, for resending it in answer to a replay request. */
export function markReplay(bytes: Uint8Array): Uint8Array {
  const p = seto.Payload.decode(bytes);
  p.etoPayload = { ...(p.etoPayload ?? { seq: 0n }), isReplay: true };
  return encodePayload(p);
}
