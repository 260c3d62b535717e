// Incremental frames → payloads. Bytes arrive in chunks cut anywhere (inside a
// header, a payload or the padding); each complete payload is pushed to a sink
// as soon as its last byte arrives. An empty payload has no last byte: it is
// complete only once its frame's padding has arrived, as the seed takes a
// frame only when all of it is buffered (else `01 aa 00` would yield a frame
// for a lone 00 that may be the start of anything).
//
// Cost is linear in the bytes received: every byte is looked at once, a frame
// lying wholly inside one chunk is handed up as a view of that chunk (no copy),
// and only a frame split across chunks is copied, once, into a buffer of
// exactly its payload's size. Nothing ever re-slices the accumulated input.

import { ArgumentError, DecodeError } from "../errors.js";
import { type FrameHeader, readFrameHeader } from "./frame-header.js";
import { checkMaxFrameSize, DEFAULT_MAX_FRAME_SIZE, maxHeaderLength } from "./max-frame-size.js";

/** Receives each complete payload, in stream order. */
export interface FrameSink {
  /**
   * `payload` may be a view into the chunk passed to `push`: copy it to keep it
   * beyond the chunk's life. It must not call `push` on the same decoder.
   */
  frame(payload: Uint8Array): void;
  /**
   * Optional: the payload as `bytes[start, end)`, where `bytes` may be the
   * chunk itself, so that no view is made for it (a view costs as much as
   * reading a small payload's header). When present the decoder calls it
   * instead of `frame`, under the same rules.
   */
  frameAt?(bytes: Uint8Array, start: number, end: number): void;
}

/** Limits of a {@link FrameDecoder}: the largest frame accepted. */
export interface FrameDecoderOptions {
  /** Largest payload length accepted, in bytes; default DEFAULT_MAX_FRAME_SIZE (16 MiB). */
  maxFrameSize?: number;
}

/** How many steps of decoding (about a frame each) `pushUntil` takes between two calls of its `stop`. */
const STOP_CHECK_FRAMES = 64;

/**
 * Error policy:
 * - A bad header (over-long, or a payload over `maxFrameSize`) throws
 *   DecodeError naming the value, the limit and the stream offset of the frame.
 *   The stream cannot be resynchronised after that (there is no frame marker to
 *   search for), so the decoder stays failed: it drops what it buffered and
 *   every later `push` throws a DecodeError too, until `reset()`.
 * - If the sink throws, the exception propagates out of `push` at once. The
 *   frame being handed up counts as consumed; the bytes of the chunk after it
 *   are kept (copied) and decoded first by the next `push`, so nothing is lost
 *   or delivered twice. `push(new Uint8Array(0))` delivers them without new data.
 */
export class FrameDecoder {
  readonly maxFrameSize: number;
  private readonly sink: FrameSink;
  /** Whether the sink takes payloads as ranges (`frameAt`). */
  private readonly sinkTakesRanges: boolean;
  private readonly headerLimit: number;
  /** A header split across chunks is collected here; it is at most `headerLimit` bytes. */
  private readonly header: Uint8Array;
  /** The frame header just read (one object reused for every frame). */
  private readonly current: FrameHeader = { payloadLength: 0, headerLength: 0, frameLength: 0 };
  private headerHave = 0;
  /** A payload split across chunks is assembled here, allocated at its exact size. */
  private body: Uint8Array | undefined;
  private bodyHave = 0;
  private bodyHeaderLength = 0;
  private bodyPadding = 0;
  /** Padding bytes of the last frame not yet arrived; skipped as they come. */
  private paddingLeft = 0;
  /** Frame length of an empty payload waiting for the rest of its padding (0: none). */
  private emptyFrameLength = 0;
  /** Stream offset of the next byte to decode. */
  private position = 0;
  /** Stream offset of the frame whose header is being collected. */
  private frameStart = 0;
  /** Bytes left undecoded because the sink threw. */
  private unread: Uint8Array | undefined;
  private failure: DecodeError | undefined;

  constructor(sink: FrameSink, options: FrameDecoderOptions = {}) {
    const maxFrameSize = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
    checkMaxFrameSize(maxFrameSize);
    this.sink = sink;
    this.sinkTakesRanges = typeof sink.frameAt === "function";
    this.maxFrameSize = maxFrameSize;
    this.headerLimit = maxHeaderLength(maxFrameSize);
    this.header = new Uint8Array(this.headerLimit);
  }

  /**
   * Bytes received but not yet handed to the sink: a partial frame (its header
   * and the payload bytes so far), plus any bytes left unread when the sink
   * threw. Padding is skipped as it arrives and never counts, except that of
   * an empty payload still waiting for it (its frame is not complete yet).
   */
  get bufferedBytes(): number {
    const partial = this.body === undefined ? this.headerHave : this.bodyHeaderLength + this.bodyHave;
    const empty = this.emptyFrameLength === 0 ? 0 : this.emptyFrameLength - this.paddingLeft;
    return partial + empty + (this.unread?.length ?? 0);
  }

  /** Decodes `chunk`, handing each payload it completes to the sink. See the class comment for errors. */
  push(chunk: Uint8Array): void {
    if (this.failure !== undefined) throw this.stillFailed(this.failure);
    if (!(chunk instanceof Uint8Array)) {
      throw new ArgumentError(`FrameDecoder.push takes a Uint8Array; got ${describe(chunk)}`);
    }
    const unread = this.unread;
    if (unread !== undefined) {
      this.unread = undefined;
      try {
        this.decode(unread, undefined);
      } catch (error) {
        // The sink threw again: keep this chunk behind what is still unread.
        if (this.failure === undefined) this.unread = concat(this.unread, chunk);
        throw error;
      }
    }
    this.decode(chunk, undefined);
  }

  /**
   * `push`, but stops at a frame boundary once `stop()` says so (asked about
   * every STOP_CHECK_FRAMES frames): returns how many bytes of `chunk` were
   * decoded, and the caller pushes the rest later. For a consumer with a
   * budget per turn of the event loop; no byte is copied for stopping.
   * After the sink threw, the bytes it left come first, and this chunk is
   * taken whole, as `push` takes it (errors as in `push`).
   */
  pushUntil(chunk: Uint8Array, stop: () => boolean): number {
    if (this.failure !== undefined) throw this.stillFailed(this.failure);
    if (!(chunk instanceof Uint8Array)) {
      throw new ArgumentError(`FrameDecoder.pushUntil takes a Uint8Array; got ${describe(chunk)}`);
    }
    if (this.unread !== undefined) {
      this.push(chunk);
      return chunk.length;
    }
    return this.decode(chunk, stop);
  }

  /** Forgets all state, including a failure, ready for a new stream (e.g. after reconnecting). */
  reset(): void {
    this.dropBuffers();
    this.position = 0;
    this.frameStart = 0;
    this.failure = undefined;
  }

  /** Decodes `chunk` from its start; with `stop`, may end early at a frame boundary. Returns the bytes decoded. */
  private decode(chunk: Uint8Array, stop: (() => boolean) | undefined): number {
    const base = this.position;
    const end = chunk.length;
    let pos = 0;
    let frames = 0;
    while (pos < end) {
      if (
        stop !== undefined &&
        ++frames % STOP_CHECK_FRAMES === 0 &&
        this.body === undefined &&
        this.headerHave === 0 &&
        this.paddingLeft === 0 &&
        stop()
      ) {
        // Between two frames: nothing of the next one is taken.
        this.position = base + pos;
        return pos;
      }
      if (this.paddingLeft > 0) {
        const skip = Math.min(this.paddingLeft, end - pos);
        this.paddingLeft -= skip;
        pos += skip;
        if (this.paddingLeft === 0 && this.emptyFrameLength !== 0) {
          this.emptyFrameLength = 0;
          pos = this.deliver(chunk, pos, pos, 0, chunk, pos, base);
        }
      } else if (this.body !== undefined) {
        pos = this.continueBody(chunk, pos, base);
      } else if (this.headerHave > 0) {
        pos = this.continueHeader(chunk, pos, base);
      } else {
        const header = this.readHeader(chunk, pos, base + pos);
        if (header === undefined) {
          // The chunk ends inside a header, so fewer than headerLimit bytes remain.
          this.header.set(chunk.subarray(pos), 0);
          this.headerHave = end - pos;
          this.frameStart = base + pos;
          pos = end;
        } else {
          pos = this.startPayload(header, chunk, pos + header.headerLength, base);
        }
      }
    }
    this.position = base + end;
    return end;
  }

  /** Adds bytes to a split header; once it is complete, goes on to its payload. */
  private continueHeader(chunk: Uint8Array, pos: number, base: number): number {
    const have = this.headerHave;
    const take = Math.min(this.headerLimit - have, chunk.length - pos);
    this.header.set(chunk.subarray(pos, pos + take), have);
    const header = this.readHeader(this.header.subarray(0, have + take), 0, this.frameStart);
    if (header === undefined) {
      // Still incomplete (not over-long), so `take` used up the chunk.
      this.headerHave = have + take;
      return pos + take;
    }
    this.headerHave = 0;
    return this.startPayload(header, chunk, pos + header.headerLength - have, base);
  }

  /** Hands up a payload lying wholly in `chunk` as a view, or starts assembling a split one. */
  private startPayload(header: FrameHeader, chunk: Uint8Array, pos: number, base: number): number {
    const payloadEnd = pos + header.payloadLength;
    const padding = header.frameLength - header.headerLength - header.payloadLength;
    if (header.payloadLength === 0 && pos + padding > chunk.length) {
      // An empty payload waits for its padding (see the file comment).
      this.paddingLeft = pos + padding - chunk.length;
      this.emptyFrameLength = header.frameLength;
      return chunk.length;
    }
    if (payloadEnd <= chunk.length) {
      return this.deliver(chunk, pos, payloadEnd, padding, chunk, payloadEnd, base);
    }
    const body = assemblyBuffer(header.payloadLength);
    body.set(chunk.subarray(pos), 0);
    this.body = body;
    this.bodyHave = chunk.length - pos;
    this.bodyHeaderLength = header.headerLength;
    this.bodyPadding = padding;
    return chunk.length;
  }

  /** Copies more of a split payload; hands it up once complete. */
  private continueBody(chunk: Uint8Array, pos: number, base: number): number {
    const body = this.body!;
    const take = Math.min(body.length - this.bodyHave, chunk.length - pos);
    body.set(chunk.subarray(pos, pos + take), this.bodyHave);
    this.bodyHave += take;
    pos += take;
    if (this.bodyHave < body.length) return pos;
    this.body = undefined;
    this.bodyHave = 0;
    return this.deliver(body, 0, body.length, this.bodyPadding, chunk, pos, base);
  }

  /**
   * Consumes the frame's padding (what of it is in `chunk`) and then hands the
   * payload, `source[start, end)`, to the sink, so the decoder is already past
   * the frame if the sink throws. Returns the position after the padding.
   */
  private deliver(source: Uint8Array, start: number, end: number, padding: number, chunk: Uint8Array, pos: number, base: number): number {
    const next = Math.min(pos + padding, chunk.length);
    this.paddingLeft = pos + padding - next;
    try {
      if (this.sinkTakesRanges) this.sink.frameAt!(source, start, end);
      else this.sink.frame(start === 0 && end === source.length ? source : source.subarray(start, end));
    } catch (error) {
      this.position = base + next;
      if (next < chunk.length) this.unread = chunk.slice(next);
      throw error;
    }
    return next;
  }

  /** The header at `bytes[offset]` (in `current`, valid until the next call), or undefined if `bytes` ends inside it. */
  private readHeader(bytes: Uint8Array, offset: number, streamOffset: number): FrameHeader | undefined {
    try {
      return readFrameHeader(bytes, offset, this.maxFrameSize, this.headerLimit, streamOffset, this.current) ? this.current : undefined;
    } catch (error) {
      this.dropBuffers();
      this.failure = error as DecodeError;
      throw error;
    }
  }

  private dropBuffers(): void {
    this.headerHave = 0;
    this.body = undefined;
    this.bodyHave = 0;
    this.bodyHeaderLength = 0;
    this.bodyPadding = 0;
    this.paddingLeft = 0;
    this.emptyFrameLength = 0;
    this.unread = undefined;
  }

  private stillFailed(failure: DecodeError): DecodeError {
    return new DecodeError(
      `frame decoder failed at stream offset ${failure.offset} and cannot resume (${failure.message}); reset() it for a new stream`,
      failure.offset,
      { cause: failure },
    );
  }
}

/**
 * Room for a payload assembled from chunks, not zero-filled: each of its
 * bytes is written before it is handed up, and zeroing it first would cost a
 * peer's announced length at once — the allocator may hand back 16 MiB it
 * used before, which it then clears in one go (measured: up to 46 ms, for a
 * frame whose bytes may never come). Unfilled, its pages are touched as the
 * bytes arrive.
 */
function assemblyBuffer(length: number): Uint8Array {
  const room = Buffer.allocUnsafeSlow(length);
  return new Uint8Array(room.buffer, room.byteOffset, length);
}

function concat(head: Uint8Array | undefined, tail: Uint8Array): Uint8Array | undefined {
  const length = (head?.length ?? 0) + tail.length;
  if (length === 0) return undefined;
  const bytes = new Uint8Array(length);
  if (head !== undefined) bytes.set(head, 0);
  bytes.set(tail, head?.length ?? 0);
  return bytes;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}
