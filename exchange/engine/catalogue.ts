// What can be traded: events, their markets, and each market's contracts.
// Built from a plain spec (replaceable per test or per simulation); the only
// thing that changes afterwards is market and contract state.
import { ContractStateType, MarketStateType } from "../../generated/seto.js";
import { EngineConfigError } from "./errors.js";

/** An event of the simulated exchange's catalogue (optionally inside a parent event). */
export interface EventSpec {
  readonly id: number;
  readonly name: string;
  readonly parentId?: number;
}

/** A contract of a {@link MarketSpec}. */
export interface ContractSpec {
  readonly id: number;
  readonly name?: string;
  /** Defaults to the state matching the market's. */
  readonly state?: ContractStateType;
}

/** A market of the catalogue: its event, state and contracts. */
export interface MarketSpec {
  readonly id: number;
  readonly eventId: number;
  readonly name?: string;
  readonly state: MarketStateType;
  readonly contracts: readonly ContractSpec[];
}

/** The events, markets and contracts an exchange starts with (`ExchangeOptions.catalogue`). */
export interface CatalogueSpec {
  readonly events: readonly EventSpec[];
  readonly markets: readonly MarketSpec[];
}

export interface Contract {
  readonly id: number;
  readonly marketId: number;
  readonly name: string;
  state: ContractStateType;
}

export interface Market {
  readonly id: number;
  readonly eventId: number;
  readonly name: string;
  state: MarketStateType;
  readonly contracts: readonly Contract[];
}

/** Market 1 (open) with contracts 1 and 2, in event 100. */
export function defaultCatalogueSpec(): CatalogueSpec {
  return {
    events: [{ id: 100, name: "Simulated match" }],
    markets: [
      {
        id: 1,
        eventId: 100,
        name: "Match winner",
        state: MarketStateType.MARKET_STATE_OPEN,
        contracts: [
          { id: 1, name: "Home" },
          { id: 2, name: "Away" },
        ],
      },
    ],
  };
}

/** The contract state a market state implies (the two enums share names and numbering). */
export function contractStateFor(state: MarketStateType): ContractStateType {
  const byMarket: Record<number, ContractStateType> = {
    [MarketStateType.MARKET_STATE_NEW]: ContractStateType.CONTRACT_STATE_NEW,
    [MarketStateType.MARKET_STATE_OPEN]: ContractStateType.CONTRACT_STATE_OPEN,
    [MarketStateType.MARKET_STATE_LIVE]: ContractStateType.CONTRACT_STATE_LIVE,
    [MarketStateType.MARKET_STATE_HALTED]: ContractStateType.CONTRACT_STATE_HALTED,
    [MarketStateType.MARKET_STATE_SETTLED]: ContractStateType.CONTRACT_STATE_SETTLED,
    [MarketStateType.MARKET_STATE_VOIDED]: ContractStateType.CONTRACT_STATE_VOIDED,
  };
  return byMarket[state] ?? ContractStateType.UNRECOGNIZED;
}

export function isKnownMarketState(state: number): state is MarketStateType {
  return state >= MarketStateType.MARKET_STATE_NEW && state <= MarketStateType.MARKET_STATE_VOIDED && Number.isInteger(state);
}

function isKnownContractState(state: number): boolean {
  return Number.isInteger(state) && state >= ContractStateType.CONTRACT_STATE_NEW && state <= ContractStateType.CONTRACT_STATE_REDUCED;
}

function checkId(what: string, id: number): void {
  if (!Number.isInteger(id) || id < 1 || id > 0xffffffff) {
    throw new EngineConfigError(`${what} id ${id} is not a uint32 in 1..4294967295 (seto carries ids as uint32)`);
  }
}

export class Catalogue {
  readonly #events = new Map<number, EventSpec>();
  readonly #markets = new Map<number, Market>();
  readonly #contracts = new Map<number, Contract>();

  constructor(spec: CatalogueSpec = defaultCatalogueSpec()) {
    for (const event of spec.events) {
      checkId("event", event.id);
      if (this.#events.has(event.id)) throw new EngineConfigError(`event id ${event.id} appears twice in the catalogue`);
      this.#events.set(event.id, { ...event });
    }
    for (const event of spec.events) {
      if (event.parentId !== undefined && !this.#events.has(event.parentId)) {
        throw new EngineConfigError(`event ${event.id} names parent event ${event.parentId}, which is not in the catalogue`);
      }
    }
    for (const market of spec.markets) this.#addMarket(market);
  }

  #addMarket(spec: MarketSpec): void {
    checkId("market", spec.id);
    if (this.#markets.has(spec.id)) throw new EngineConfigError(`market id ${spec.id} appears twice in the catalogue`);
    if (!this.#events.has(spec.eventId)) {
      throw new EngineConfigError(`market ${spec.id} names event ${spec.eventId}, which is not in the catalogue`);
    }
    if (!isKnownMarketState(spec.state)) throw new EngineConfigError(`market ${spec.id} has unknown state ${spec.state} (expected 1..6)`);
    if (spec.contracts.length === 0) throw new EngineConfigError(`market ${spec.id} has no contracts (at least 1 is needed)`);
    const contracts: Contract[] = [];
    for (const c of spec.contracts) {
      checkId("contract", c.id);
      // Contract ids are global (seto order messages name a contract by id alone in positions and books).
      if (this.#contracts.has(c.id)) throw new EngineConfigError(`contract id ${c.id} appears twice in the catalogue`);
      const state = c.state ?? contractStateFor(spec.state);
      if (!isKnownContractState(state)) throw new EngineConfigError(`contract ${c.id} has unknown state ${state} (expected 1..7)`);
      const contract: Contract = { id: c.id, marketId: spec.id, name: c.name ?? `Contract ${c.id}`, state };
      this.#contracts.set(c.id, contract);
      contracts.push(contract);
    }
    this.#markets.set(spec.id, { id: spec.id, eventId: spec.eventId, name: spec.name ?? `Market ${spec.id}`, state: spec.state, contracts });
  }

  event(id: number): EventSpec | undefined {
    return this.#events.get(id);
  }

  market(id: number): Market | undefined {
    return this.#markets.get(id);
  }

  contract(id: number): Contract | undefined {
    return this.#contracts.get(id);
  }

  markets(): Market[] {
    return [...this.#markets.values()];
  }

  events(): EventSpec[] {
    return [...this.#events.values()];
  }
}
