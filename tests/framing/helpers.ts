// Small tools shared by the framing tests.
import { FrameDecoder, type FrameDecoderOptions } from "../../runtime/framing/index.js";

/** Bytes from a hex string ("e5 8e 26" or "e58e26"). */
export function hex(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));
}

/** Bytes of an ASCII string. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, "latin1"));
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** Cuts `bytes` at the given positions (any order, duplicates allowed), keeping empty pieces. */
export function splitAt(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...cuts].map((c) => c % (bytes.length + 1)).sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  pieces.push(bytes.slice(start));
  return pieces;
}

/** One-byte pieces. */
export function bytewise(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (b) => Uint8Array.of(b));
}

/** A decoder whose sink records every payload (copied, so later chunks cannot alter them). */
export function collecting(options?: FrameDecoderOptions): { decoder: FrameDecoder; payloads: Uint8Array[] } {
  const payloads: Uint8Array[] = [];
  const decoder = new FrameDecoder({ frame: (payload) => payloads.push(payload.slice()) }, options);
  return { decoder, payloads };
}

/** Pushes each piece in turn and returns the payloads handed up. */
export function decodeAll(pieces: readonly Uint8Array[], options?: FrameDecoderOptions): Uint8Array[] {
  const { decoder, payloads } = collecting(options);
  for (const piece of pieces) decoder.push(piece);
  return payloads;
}
