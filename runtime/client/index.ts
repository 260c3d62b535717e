// The client API.
export { StreamingAPIClient, type OrderInput, type StreamOptions } from "./streaming-api-client.js";
export type { ClientOptions } from "./options.js";
export type { ClientStatus, ClientStatusState } from "./status.js";
export type { IncomingEvent } from "./incoming-event.js";
export { FATAL_LOGOUT_REASONS, type ReconnectOptions } from "./reconnect-policy.js";
