// Reads the routing header of a seto payload — its type, and the eto seq,
// type and is_replay — without decoding the body (the scan is envelope-scan.ts;
// the session's hot path reads it without this wrapper's result object).
import { envelope, scanEnvelope, scannedSeq } from "./envelope-scan.js";

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

/**
 * Peeks at a seto payload's header. Throws ParseError (carrying the bytes) for
 * truncated or malformed protobuf, or a missing seto type, eto_payload or seq.
 * A field that occurs twice takes its last value, and a second eto_payload
 * replaces the first, exactly as the generated decoder does, so the header
 * always agrees with the decoded payload.
 */
export function peekPayload(bytes: Uint8Array): PayloadHeader {
  scanEnvelope(bytes);
  return { setoType: envelope.setoType, seq: scannedSeq(), etoType: envelope.etoType, isReplay: envelope.isReplay };
}
