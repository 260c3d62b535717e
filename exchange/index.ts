// Public entry point of the simulated Smarkets exchange: a server speaking
// the streaming protocol over TCP or TLS, on top of the matching engine.
export { startExchange, type ExchangeHandle, type ExchangeAccountInfo } from "./server/start-exchange.js";
export {
  EXCHANGE_DEFAULTS,
  type ExchangeOptions,
  type ThrottleOptions,
  type ActivityOptions,
  type TlsOptions,
} from "./server/options.js";
export { DEMO_ACCOUNTS, DEFAULT_BALANCE, type ExchangeAccount } from "./server/accounts.js";
export { FaultInjector, type FaultRule, type FaultScope, type FrameMatch } from "./server/faults.js";
export type { SessionInfo, SessionsView } from "./server/sessions-view.js";
export type { ExchangeStats } from "./server/stats.js";
export { MalformedRequest } from "./server/errors.js";
