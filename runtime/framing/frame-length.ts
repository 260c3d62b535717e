// Frame size arithmetic shared by the encoder and the header reader.

import { uleb128Length } from "./uleb128.js";

/** Every frame is padded with zero bytes up to at least this many bytes. */
export const MIN_FRAME_LENGTH = 4;

/**
 * Bytes on the wire for a payload of `payloadLength` bytes: the ULEB128 length
 * header, the payload, then zero padding up to MIN_FRAME_LENGTH.
 */
export function frameLength(payloadLength: number): number {
  return Math.max(MIN_FRAME_LENGTH, uleb128Length(payloadLength) + payloadLength);
}
