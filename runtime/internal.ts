// "smarkets-streaming/internal": the lower-level building blocks the client
// is made of — framing, payload scanning and encoding, the sockets-free eto
// session core, streams, the transport, clocks — for tools, custom
// transports, servers and tests. Less settled than the main entry: a minor
// version may change them (see CHANGELOG.md). Bots want the main entry.
/**
 * Lower-level building blocks (framing, payloads, the session core, streams, transport, clocks) for tools and advanced users; less settled than the main entry.
 *
 * @module smarkets-streaming/internal
 */

// Framing: seto.Payload bytes ↔ length-prefixed, padded frames.
export {
  MAX_ULEB128_LENGTH,
  uleb128Length,
  encodeUleb128,
  writeUleb128,
  decodeUleb128,
  type Uleb128,
} from "./framing/uleb128.js";
export { MIN_FRAME_LENGTH, frameLength } from "./framing/frame-length.js";
export { DEFAULT_MAX_FRAME_SIZE, MAX_FRAME_SIZE_LIMIT } from "./framing/max-frame-size.js";
export { peekFrameHeader, type FrameHeader } from "./framing/frame-header.js";
export { encodeFrame, encodeFrames, writeFrame } from "./framing/frame-encoder.js";
export { FrameDecoder, type FrameSink, type FrameDecoderOptions } from "./framing/frame-decoder.js";

// Payloads: header scan without decoding, lazy bodies, builders.
export { peekPayload, type PayloadHeader } from "./payload/peek.js";
export { IncomingPayload } from "./payload/incoming.js";
export { payloadName } from "./payload/names.js";
export {
  encodePayload,
  withSeq,
  etoPayload,
  pingPayload,
  pongPayload,
  heartbeatPayload,
  replayRequestPayload,
  logoutPayload,
  loginResponsePayload,
  gapfillPayload,
  markReplay,
  type UnsequencedPayload,
  type UnsequencedEto,
  type EtoFields,
} from "./payload/encode.js";

// The eto session on an injected clock, no sockets.
export { Session, type SessionOptions } from "./session/session.js";
export { SessionCore, type SessionCoreOptions } from "./session/core.js";
export type { SessionOutput, SessionListener, PayloadSink } from "./session/ports.js";
export { MemoryOutgoingStore, type OutgoingStore, type StoredPayload } from "./session/outgoing-store.js";
export type { DeliveryLedger } from "./session/delivery-ledger.js";
export { storeIdentity } from "./store/identity.js";
export { loginPayload, describeLogoutReason, type LoginCredentials, type LoginResume } from "./session/login.js";
export { resolveSessionSettings } from "./session/settings.js";

// Dispatch: the handler lists a session delivers to (the client's payload sink).
export { HandlerRegistry, type HandlerRegistryOptions, type HandlerPosition } from "./dispatch/handler-registry.js";

// Streams: bounded queues, broadcasting, deadlines.
export { BoundedQueue, type BoundedQueueOptions, type IterateOptions } from "./streams/bounded-queue.js";
export { Broadcaster, type BroadcasterOptions, type SubscribeOptions } from "./streams/broadcaster.js";
export { withDeadline, type DeadlineOptions } from "./streams/abortable.js";
export { overflowPolicies } from "./streams/overflow-policy.js";

// Transport: TCP/TLS connections and the reconnect backoff.
export { connect } from "./transport/connect.js";
export { Connection, type ConnectionSettings, type ConnectionStats } from "./transport/connection.js";
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_INBOUND_HIGH_WATER_MARK, type TransportOptions } from "./transport/options.js";
export { Backoff, backoffCeiling, type BackoffOptions, type JitterStrategy } from "./transport/backoff.js";

// Time.
export { systemClock } from "./clock.js";
export { FakeClock } from "./fake-clock.js";

// Logging helpers.
export { redactSettings, isSecretKey, REDACTED } from "./logging/secrets.js";
export { isLogLevel, logLevels } from "./logging/logger.js";
