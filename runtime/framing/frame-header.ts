// Reading a frame's length header: how long the payload is, how many bytes the
// header took, and how many bytes the whole frame (with padding) occupies.

import { DecodeError } from "../errors.js";
import { MIN_FRAME_LENGTH } from "./frame-length.js";
import { checkMaxFrameSize, DEFAULT_MAX_FRAME_SIZE, maxHeaderLength } from "./max-frame-size.js";
import { checkOffset, hexBytes } from "./uleb128.js";

/** A frame's length prefix, read without consuming the frame: payload, header and whole-frame lengths. */
export interface FrameHeader {
  /** Bytes of payload after the header. */
  payloadLength: number;
  /** Bytes the ULEB128 length header took. */
  headerLength: number;
  /** Bytes of the whole frame: header, payload and padding. */
  frameLength: number;
}

/**
 * Reads the frame header at `bytes[offset]`, without consuming anything.
 * Returns `undefined` if `bytes` ends inside the header. Throws DecodeError if
 * the header is longer than a length up to `maxFrameSize` needs, or declares a
 * payload longer than `maxFrameSize`; both are detected from the header
 * alone, before any payload arrives. `streamOffset` is where `bytes[offset]`
 * sits in the whole stream, for the error's message and `offset`.
 */
export function peekFrameHeader(
  bytes: Uint8Array,
  offset: number,
  maxFrameSize: number = DEFAULT_MAX_FRAME_SIZE,
  streamOffset: number = offset,
): FrameHeader | undefined {
  checkOffset(offset);
  checkMaxFrameSize(maxFrameSize);
  const header: FrameHeader = { payloadLength: 0, headerLength: 0, frameLength: 0 };
  return readFrameHeader(bytes, offset, maxFrameSize, maxHeaderLength(maxFrameSize), streamOffset, header) ? header : undefined;
}

/**
 * peekFrameHeader without argument checks, for the decoder's hot loop, which
 * checked its cap once and precomputed `headerLimit` (= maxHeaderLength(cap)).
 * Not `decodeUleb128`: the cap bounds the header far more tightly than a safe
 * integer does, so an over-long header is refused at the first byte past it.
 * The header is written into `out` (the decoder reuses one: nothing is
 * allocated per frame); returns false, leaving `out` alone, if `bytes` ends
 * inside the header.
 */
export function readFrameHeader(
  bytes: Uint8Array,
  offset: number,
  maxFrameSize: number,
  headerLimit: number,
  streamOffset: number,
  out: FrameHeader,
): boolean {
  let payloadLength = 0;
  let scale = 1;
  for (let headerLength = 1; ; headerLength++) {
    const index = offset + headerLength - 1;
    if (index >= bytes.length) return false;
    const byte = bytes[index]!;
    payloadLength += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) {
      if (payloadLength > maxFrameSize) {
        throw new DecodeError(
          `frame at stream offset ${streamOffset} declares a payload of ${payloadLength} bytes, over the maximum frame size of ${maxFrameSize} bytes`,
          streamOffset,
        );
      }
      out.payloadLength = payloadLength;
      out.headerLength = headerLength;
      out.frameLength = headerLength + payloadLength < MIN_FRAME_LENGTH ? MIN_FRAME_LENGTH : headerLength + payloadLength;
      return true;
    }
    if (headerLength >= headerLimit) {
      throw new DecodeError(
        `frame header at stream offset ${streamOffset} runs past ${headerLimit} bytes (${hexBytes(bytes, offset, headerLength)} …), the longest a payload length up to the maximum frame size of ${maxFrameSize} bytes needs`,
        streamOffset,
      );
    }
    scale *= 0x80;
  }
}
