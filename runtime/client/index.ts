// The client API.
export { StreamingAPIClient, type OrderInput, type ReadOptions, type StreamOptions } from "./streaming-api-client.js";
export { ReadInProgressError } from "./errors.js";
export type { IncomingEvent } from "../dispatch/handler-types.js";
export type { ClientOptions } from "./options.js";
export type { ClientStatus, ClientStatusState } from "./status.js";
export { FATAL_LOGOUT_REASONS, type ReconnectOptions } from "./reconnect-policy.js";
