// The framing layer: seto.Payload bytes ↔ length-prefixed, padded frames.
// Pure: no I/O, no timers; the connection feeds it bytes and takes bytes out.
export { MAX_ULEB128_LENGTH, type Uleb128, uleb128Length, encodeUleb128, writeUleb128, decodeUleb128 } from "./uleb128.js";
export { MIN_FRAME_LENGTH, frameLength } from "./frame-length.js";
export { DEFAULT_MAX_FRAME_SIZE, MAX_FRAME_SIZE_LIMIT } from "./max-frame-size.js";
export { type FrameHeader, peekFrameHeader } from "./frame-header.js";
export { encodeFrame, encodeFrames, writeFrame } from "./frame-encoder.js";
export { type FrameSink, type FrameDecoderOptions, FrameDecoder } from "./frame-decoder.js";
