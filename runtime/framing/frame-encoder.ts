// Payload bytes → frames: ULEB128 length header, payload, zero padding up to
// MIN_FRAME_LENGTH. Each function builds its output with a single allocation
// (or none, writing into the caller's buffer).

import { ArgumentError } from "../errors.js";
import { frameLength } from "./frame-length.js";
import { writeUleb128 } from "./uleb128.js";

/** One frame holding `payload`, in a new array of exactly `frameLength(payload.length)` bytes. */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(frameLength(payload.length));
  writeFrame(payload, frame, 0);
  return frame;
}

/** The frames of `payloads`, in order, in one array: ready for a single socket write. */
export function encodeFrames(payloads: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const payload of payloads) total += frameLength(payload.length);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const payload of payloads) offset = writeFrame(payload, bytes, offset);
  return bytes;
}

/**
 * Writes the frame of `payload` into `target` at `offset` and returns the
 * offset just past it, so several frames can be batched into one buffer (size
 * it with `frameLength`). Padding is written as zeros even over old data.
 * Throws ArgumentError, writing nothing, if the frame does not fit.
 */
export function writeFrame(payload: Uint8Array, target: Uint8Array, offset: number): number {
  const length = frameLength(payload.length);
  if (!Number.isInteger(offset) || offset < 0 || offset + length > target.length) {
    throw new ArgumentError(
      `a ${length}-byte frame does not fit at offset ${offset} of a ${target.length}-byte buffer`,
    );
  }
  const payloadStart = writeUleb128(payload.length, target, offset);
  target.set(payload, payloadStart);
  target.fill(0, payloadStart + payload.length, offset + length);
  return offset + length;
}
