// The eto session layer.
export * from "./settings.js";
export * from "./status.js";
export * from "./errors.js";
export * from "./logger.js";
export * from "./ports.js";
export * from "./outgoing-store.js";
export { InboundSequencer, type Placement, type HoldResult } from "./inbound-sequencer.js";
export { OutboundSequencer, type Stamped } from "./outbound-sequencer.js";
export { ReplayServer, type ReplayServerDeps, SLICE_BYTES, SLICE_PAYLOADS } from "./replay-server.js";
export { HeartbeatMonitor, type HeartbeatActions } from "./heartbeat.js";
export { awaitable, type Awaitable, type CallOptions } from "./awaitable.js";
export { SessionCore, type SessionCoreOptions } from "./core.js";
export { loginPayload, describeLogoutReason, type LoginInfo, type LoginCredentials, type LoginResume } from "./login.js";
export { Session, type SessionOptions, type ResumeState, type ClientState } from "./session.js";
