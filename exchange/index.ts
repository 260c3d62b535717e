// "smarkets-streaming/exchange": the simulated Smarkets exchange, a server
// speaking the streaming protocol over TCP or TLS on top of a matching
// engine, for offline bots and users' own tests. Every name is listed on
// purpose (tests/package/api-report.test.ts holds the list).
export {
  startExchange,
  startWarmExchange,
  WARM_UP_ROUNDS,
  type ExchangeHandle,
  type ExchangeAccountInfo,
} from "./server/start-exchange.js";
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
export { MalformedRequest } from "./server/errors.js";
