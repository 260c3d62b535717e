// Engine configuration, checked once up front.
import type { Clock } from "../../runtime/clock.js";
import type { AccountSpec } from "./accounts.js";
import type { CatalogueSpec } from "./catalogue.js";
import { EngineConfigError } from "./errors.js";
import { SCALE } from "./money.js";

export interface EngineConfig {
  /** Whether a price (an integer in 1..9999) is on the price ladder. */
  readonly isTick: (price: number) => boolean;
  /** Timestamps executions (microseconds = clock.now() x 1000). */
  readonly clock: Clock;
  /** Events, markets and contracts; defaults to defaultCatalogueSpec(). */
  readonly catalogue?: CatalogueSpec;
  /** Accounts open from the start. */
  readonly accounts?: readonly AccountSpec[];
  /**
   * Order quantities must be whole multiples of this (default 10000, i.e. 1.00
   * of payoff). It must itself be a multiple of 10000 so that every stake,
   * quantity x price / 10000, is a whole money unit and no rounding is needed.
   */
  readonly quantityUnit?: bigint;
  /** Events kept per account for replay by account sequence (default 10000). */
  readonly replayLimit?: number;
  /** Ended orders remembered so late cancels get NOT_LIVE rather than NOT_FOUND (default 100000). */
  readonly endedOrderLimit?: number;
  /** The first order id handed out (default 1). */
  readonly firstOrderId?: bigint;
  /**
   * Live orders one account may have (default 10000); one more is rejected
   * with CAPACITY_REACHED. Funds alone allow millions of tiny orders, each
   * held in memory until it ends.
   */
  readonly maxLiveOrdersPerAccount?: number;
  /**
   * Levels per side that market data shows (default: all). Smarkets shows 5;
   * a level that comes into view is published with its quantity, one that
   * empties with 0, and one pushed out of view by better ones not at all (the
   * docs' contract-quotes example), so a client keeping that many levels
   * stays exact.
   */
  readonly publishedDepth?: number;
}

export interface ResolvedConfig {
  readonly isTick: (price: number) => boolean;
  readonly clock: Clock;
  readonly quantityUnit: bigint;
  readonly replayLimit: number;
  readonly endedOrderLimit: number;
  readonly firstOrderId: bigint;
  readonly maxLiveOrdersPerAccount: number;
  readonly publishedDepth: number;
}

function positiveInteger(what: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new EngineConfigError(`${what} ${value} is not a positive integer (minimum 1)`);
  return value;
}

export function resolveConfig(config: EngineConfig): ResolvedConfig {
  const quantityUnit = config.quantityUnit ?? SCALE;
  if (quantityUnit <= 0n || quantityUnit % SCALE !== 0n) {
    throw new EngineConfigError(`quantityUnit ${quantityUnit} is not a positive multiple of ${SCALE} (needed for exact stakes)`);
  }
  const firstOrderId = config.firstOrderId ?? 1n;
  if (firstOrderId < 1n) throw new EngineConfigError(`firstOrderId ${firstOrderId} is below 1`);
  return {
    isTick: config.isTick,
    clock: config.clock,
    quantityUnit,
    replayLimit: positiveInteger("replayLimit", config.replayLimit ?? 10000),
    endedOrderLimit: positiveInteger("endedOrderLimit", config.endedOrderLimit ?? 100000),
    firstOrderId,
    maxLiveOrdersPerAccount: positiveInteger("maxLiveOrdersPerAccount", config.maxLiveOrdersPerAccount ?? 10000),
    publishedDepth: config.publishedDepth === undefined ? Number.POSITIVE_INFINITY : positiveInteger("publishedDepth", config.publishedDepth),
  };
}
