// The transport: sockets for the client (TCP/TLS, inbound chunks, batched
// writes with backpressure) and the reconnect backoff policy.
export { connect } from "./connect.js";
export { Connection, type ConnectionSettings, type ConnectionStats } from "./connection.js";
export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_INBOUND_HIGH_WATER_MARK,
  DEFAULT_MAX_OUTBOUND_BYTES,
  type TransportOptions,
} from "./options.js";
export { TURN_BUDGET_MS } from "./inbound-queue.js";
export { Backoff, backoffCeiling, type BackoffOptions, type JitterStrategy } from "./backoff.js";
