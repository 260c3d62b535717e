// Public entry point of the simulated exchange's engine.
export { ExchangeEngine, type MarketView, type OrderFilter } from "./engine.js";
export type { EngineConfig } from "./config.js";
export { EngineCommandError, EngineConfigError } from "./errors.js";
export type * from "./events.js";
export type * from "./commands/types.js";
export type { AccountReplay } from "./account-log.js";
export type { AccountSpec, AccountView, PositionView } from "./accounts.js";
export { defaultCatalogueSpec, type CatalogueSpec, type ContractSpec, type EventSpec, type MarketSpec } from "./catalogue.js";
export type { ContractQuotesSnapshot, MarketQuotesSnapshot } from "./market-data.js";
export type { OrderStatus, OrderView } from "./order.js";
export { averagePrice, buyerStake, MAX_PRICE, MIN_PRICE, moneyToCurrency, orderRisk, SCALE, sellerStake } from "./money.js";
export { Prng } from "./prng.js";
export {
  applyActivity,
  ladderOf,
  SimulatedActivity,
  type ActivityOptions,
  type ActivityView,
  type SimulatedCommand,
} from "./activity.js";
