// Follows the frame boundaries of one direction of a stream, chunk by chunk,
// from the length headers alone (payload bytes are skipped, never copied), so
// the proxy can cut a connection strictly inside a frame. Built on the
// framing layer's own header reader.
import { MAX_FRAME_SIZE_LIMIT, peekFrameHeader } from "../../runtime/framing/index.js";

export class FrameCursor {
  /** Bytes of the current frame still to come; 0 between frames. */
  #left = 0;
  /** Header bytes of a frame whose header was split across chunks. */
  #header: number[] = [];
  /** Set once the stream stopped making sense as frames: boundaries are unknown from then on. */
  #lost = false;
  #frames = 0;

  /** Whole frames seen so far. */
  get frames(): number {
    return this.#frames;
  }

  /**
   * Takes the next chunk; returns the offsets in it (0..chunk.length) that
   * lie between two frames. Every other offset splits a frame. After bytes
   * that are not frames, every offset is reported as a boundary (no cut is
   * claimed to be mid-frame when it cannot be known).
   */
  feed(chunk: Uint8Array): Set<number> {
    const boundaries = new Set<number>();
    if (this.#lost) {
      for (let i = 0; i <= chunk.length; i++) boundaries.add(i);
      return boundaries;
    }
    let pos = 0;
    for (;;) {
      if (this.#left === 0 && this.#header.length === 0) boundaries.add(pos);
      if (pos >= chunk.length) break;
      if (this.#left > 0) {
        const take = Math.min(this.#left, chunk.length - pos);
        pos += take;
        this.#left -= take;
        if (this.#left === 0) this.#frames++;
        continue;
      }
      this.#header.push(chunk[pos++]!);
      let header;
      try {
        header = peekFrameHeader(Uint8Array.from(this.#header), 0, MAX_FRAME_SIZE_LIMIT);
      } catch {
        this.#lost = true;
        for (let i = 0; i <= chunk.length; i++) boundaries.add(i);
        return boundaries;
      }
      if (header === undefined) continue;
      this.#header = [];
      this.#left = header.frameLength - header.headerLength;
    }
    return boundaries;
  }
}

/** A random offset of `length + 1` candidates that is not in `boundaries`, or undefined if every one is. */
export function midFrameOffset(length: number, boundaries: ReadonlySet<number>, random: () => number): number | undefined {
  const inside: number[] = [];
  for (let i = 0; i <= length; i++) if (!boundaries.has(i)) inside.push(i);
  return inside.length === 0 ? undefined : inside[Math.floor(random() * inside.length)];
}
