// The cap on a frame's payload length, checked from the header before any of
// the payload is buffered, so a corrupt or hostile length cannot make the
// decoder allocate gigabytes.

import { ArgumentError } from "../errors.js";
import { uleb128Length } from "./uleb128.js";

/** Default cap on a payload's length: 16 MiB, far above any real message. */
export const DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

/**
 * The largest cap that may be configured (2 GiB − 1). It keeps a length header
 * at 5 bytes or fewer and every payload allocatable as one Uint8Array.
 */
export const MAX_FRAME_SIZE_LIMIT = 0x7fff_ffff;

/** Throws ArgumentError unless `maxFrameSize` is an integer from 0 to MAX_FRAME_SIZE_LIMIT. */
export function checkMaxFrameSize(maxFrameSize: number): void {
  if (!Number.isInteger(maxFrameSize) || maxFrameSize < 0 || maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
    throw new ArgumentError(
      `maxFrameSize must be an integer from 0 to ${MAX_FRAME_SIZE_LIMIT} bytes; got ${String(maxFrameSize)}`,
    );
  }
}

/**
 * The longest length header a frame under `maxFrameSize` can need. A header
 * still going after that many bytes is refused without reading further.
 */
export function maxHeaderLength(maxFrameSize: number): number {
  return uleb128Length(maxFrameSize);
}
