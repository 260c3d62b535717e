// The simulated exchange's core: commands in, events out. No sockets, no
// sessions, no timers; the network layer owns those and translates seto
// requests into these calls and the returned events into seto payloads.
import type { AccountReplay } from "./account-log.js";
import type { AccountSpec, AccountView } from "./accounts.js";
import type { ContractStateType, MarketStateType } from "../../generated/seto.js";
import type { EventSpec } from "./catalogue.js";
import { cancelAll } from "./commands/cancel-all.js";
import { cancelOrder } from "./commands/cancel-order.js";
import { cancelReplace } from "./commands/cancel-replace.js";
import { createOrder } from "./commands/create-order.js";
import { setMarketState } from "./commands/market-state.js";
import { reduceOrder } from "./commands/reduce-order.js";
import type {
  CancelAllCommand,
  CancelOrderCommand,
  CancelReplaceCommand,
  CreateOrderCommand,
  MarketStateCommand,
  ReduceOrderCommand,
} from "./commands/types.js";
import type { EngineConfig } from "./config.js";
import type { CommandResult } from "./events.js";
import type { MarketQuotesSnapshot } from "./market-data.js";
import { viewOrder, type OrderView } from "./order.js";
import { EngineState } from "./state.js";

/** A market as the engine reports it: id, event, name, state and contracts. */
export interface MarketView {
  readonly id: number;
  readonly eventId: number;
  readonly name: string;
  readonly state: MarketStateType;
  readonly contracts: readonly { readonly id: number; readonly name: string; readonly state: ContractStateType }[];
}

export interface OrderFilter {
  readonly accountId?: number;
  readonly marketId?: number;
  readonly contractId?: number;
}

/** The simulated exchange's matching engine (`exchange.engine`): accounts, markets, order books with price-time priority, on the Smarkets ladder; pure, with no I/O. */
export class ExchangeEngine {
  readonly #state: EngineState;

  /** Throws EngineConfigError for a malformed configuration, catalogue or account. */
  constructor(config: EngineConfig) {
    this.#state = new EngineState(config);
  }

  // --- accounts --------------------------------------------------------

  /** Opens an account; throws EngineConfigError for a taken id or username or a negative balance. */
  openAccount(spec: AccountSpec): AccountView {
    return this.#state.accounts.open(spec).view();
  }

  /** Throws EngineCommandError for an unknown account. */
  account(accountId: number): AccountView {
    return this.#state.accounts.get(accountId).view();
  }

  accountByUsername(username: string): AccountView | undefined {
    return this.#state.accounts.byUsername(username)?.view();
  }

  accounts(): AccountView[] {
    return this.#state.accounts.all().map((a) => a.view());
  }

  /** The account's retained events from `accountSequence` on (seto login's account_sequence). */
  eventsSince(accountId: number, accountSequence: bigint): AccountReplay {
    this.#state.accounts.get(accountId);
    return this.#state.logs.since(accountId, accountSequence);
  }

  // --- commands (each throws EngineCommandError only for an unknown account or an out-of-range enum) ---

  createOrder(cmd: CreateOrderCommand): CommandResult {
    return createOrder(this.#state, cmd);
  }

  cancelOrder(cmd: CancelOrderCommand): CommandResult {
    return cancelOrder(this.#state, cmd);
  }

  cancelAll(cmd: CancelAllCommand): CommandResult {
    return cancelAll(this.#state, cmd);
  }

  reduceOrder(cmd: ReduceOrderCommand): CommandResult {
    return reduceOrder(this.#state, cmd);
  }

  cancelReplace(cmd: CancelReplaceCommand): CommandResult {
    return cancelReplace(this.#state, cmd);
  }

  /** Throws EngineCommandError for an unknown market or a forbidden change (see commands/market-state.ts). */
  setMarketState(cmd: MarketStateCommand): CommandResult {
    return setMarketState(this.#state, cmd);
  }

  // --- queries -----------------------------------------------------------

  /** An order by id, while it is live and for a while after it ends. */
  order(orderId: bigint): OrderView | undefined {
    const order = this.#state.orders.get(orderId);
    return order === undefined ? undefined : viewOrder(order);
  }

  /** Live orders, oldest first. */
  liveOrders(filter: OrderFilter = {}): OrderView[] {
    return this.#state.orders
      .live()
      .filter(
        (o) =>
          (filter.accountId === undefined || o.accountId === filter.accountId) &&
          (filter.marketId === undefined || o.marketId === filter.marketId) &&
          (filter.contractId === undefined || o.contractId === filter.contractId),
      )
      .map(viewOrder);
  }

  market(marketId: number): MarketView | undefined {
    const m = this.#state.catalogue.market(marketId);
    if (m === undefined) return undefined;
    return {
      id: m.id,
      eventId: m.eventId,
      name: m.name,
      state: m.state,
      contracts: m.contracts.map((c) => ({ id: c.id, name: c.name, state: c.state })),
    };
  }

  /** The catalogue's events (what markets are about), as given. */
  catalogueEvents(): EventSpec[] {
    return this.#state.catalogue.events().map((e) => ({ ...e }));
  }

  markets(): MarketView[] {
    return this.#state.catalogue.markets().map((m) => this.market(m.id) as MarketView);
  }

  /** The market's current depth per contract (seto market-quotes), or undefined for an unknown market. */
  marketQuotes(marketId: number): MarketQuotesSnapshot | undefined {
    const market = this.#state.catalogue.market(marketId);
    if (market === undefined) return undefined;
    const contracts = market.contracts.map((c) => this.#state.marketData.snapshot(marketId, this.#state.book(c.id)));
    return { marketId, executedVolume: contracts.reduce((sum, c) => sum + c.executedVolume, 0n), contracts };
  }

  /** The configured quantity unit (order quantities must be multiples of it). */
  get quantityUnit(): bigint {
    return this.#state.config.quantityUnit;
  }
}
