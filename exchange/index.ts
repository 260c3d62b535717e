// "smarkets-streaming/exchange": the simulated Smarkets exchange, a server
// speaking the streaming protocol over TCP or TLS on top of a matching
// engine, for offline bots and users' own tests. Every name is listed on
// purpose (tests/package/api-report.test.ts holds the list).
/**
 * The simulated Smarkets exchange, for offline bots and tests.
 *
 * @module smarkets-streaming/exchange
 */
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
export type { ExchangeStats } from "./server/stats.js";
export { MalformedRequest } from "./server/errors.js";
// The matching engine behind `exchange.engine`, and the catalogue of events,
// markets and contracts an exchange is started with.
export type { ExchangeEngine, MarketView } from "./engine/engine.js";
export type { MarketStateCommand } from "./engine/commands/types.js";
export type { CommandResult } from "./engine/events.js";
export { defaultCatalogueSpec, type CatalogueSpec, type EventSpec, type MarketSpec, type ContractSpec } from "./engine/catalogue.js";
export { EngineCommandError, EngineConfigError } from "./engine/errors.js";
