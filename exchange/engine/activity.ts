// Simulated market participants. Given a view of the market, `step` returns
// the orders and cancels a handful of traders would send now: mostly passive
// quotes a few ticks either side of a drifting fair price, now and then an
// order that takes the best opposite price, and cancels that keep each
// trader's resting orders bounded. It reads the engine but never changes it;
// the caller submits the commands (the network layer does so on a timer, and
// simply does not call it when a test wants a quiet market). Deterministic:
// the same seed and the same market give the same commands.
import { MarketStateType, Side, TimeInForceType } from "../../generated/seto.js";
import type { CancelOrderCommand, CreateOrderCommand } from "./commands/types.js";
import type { ExchangeEngine, MarketView, OrderFilter } from "./engine.js";
import { EngineConfigError } from "./errors.js";
import type { EngineEvent } from "./events.js";
import type { MarketQuotesSnapshot } from "./market-data.js";
import { MAX_PRICE, MIN_PRICE } from "./money.js";
import type { OrderView } from "./order.js";
import { Prng } from "./prng.js";

export interface ActivityOptions {
  readonly seed: number;
  readonly marketId: number;
  /** Accounts the simulated orders belong to (open them with enough balance). */
  readonly participants: readonly number[];
  /** Every valid price, ascending (see ladderOf). */
  readonly ladder: readonly number[];
  /** The engine's quantity unit; sizes are 1..maxUnits of it. */
  readonly quantityUnit: bigint;
  readonly ordersPerStep?: number;
  readonly maxUnits?: number;
  /** Passive quotes sit 1..spreadTicks ticks from the fair price. */
  readonly spreadTicks?: number;
  /** Chance that an order takes the best opposite price instead of quoting. */
  readonly crossChance?: number;
  /** Chance per step of cancelling one random resting simulated order. */
  readonly cancelChance?: number;
  /** Resting orders per participant and contract above this are cancelled, oldest first. */
  readonly maxOrdersPerParticipant?: number;
  /** Chance per step and contract that the fair price moves one tick. */
  readonly driftChance?: number;
}

/** What the generator reads; ExchangeEngine provides it. */
export interface ActivityView {
  market(marketId: number): MarketView | undefined;
  marketQuotes(marketId: number): MarketQuotesSnapshot | undefined;
  liveOrders(filter: OrderFilter): OrderView[];
}

export type SimulatedCommand =
  | { readonly kind: "create"; readonly command: CreateOrderCommand }
  | { readonly kind: "cancel"; readonly command: CancelOrderCommand };

/** The valid prices of a ladder, ascending. */
export function ladderOf(isTick: (price: number) => boolean): number[] {
  const prices: number[] = [];
  for (let p = MIN_PRICE; p <= MAX_PRICE; p++) if (isTick(p)) prices.push(p);
  return prices;
}

/** Submits simulated commands to the engine, returning all their events in order. */
export function applyActivity(engine: ExchangeEngine, commands: readonly SimulatedCommand[]): EngineEvent[] {
  return commands.flatMap((c) => (c.kind === "create" ? engine.createOrder(c.command) : engine.cancelOrder(c.command)).events);
}

export class SimulatedActivity {
  readonly #o: Required<ActivityOptions>;
  readonly #rng: Prng;
  /** Fair price per contract, as an index into the ladder. */
  readonly #fair = new Map<number, number>();

  constructor(options: ActivityOptions) {
    if (options.participants.length === 0) throw new EngineConfigError("simulated activity needs at least 1 participant, got 0");
    if (options.ladder.length < 3) throw new EngineConfigError(`simulated activity needs a ladder of at least 3 prices, got ${options.ladder.length}`);
    this.#o = {
      ordersPerStep: 2,
      maxUnits: 10,
      spreadTicks: 3,
      crossChance: 0.15,
      cancelChance: 0.3,
      maxOrdersPerParticipant: 5,
      driftChance: 0.2,
      ...options,
    };
    this.#rng = new Prng(options.seed);
  }

  step(view: ActivityView): SimulatedCommand[] {
    const market = view.market(this.#o.marketId);
    const quotes = view.marketQuotes(this.#o.marketId);
    const tradable = market?.state === MarketStateType.MARKET_STATE_OPEN || market?.state === MarketStateType.MARKET_STATE_LIVE;
    if (market === undefined || quotes === undefined || !tradable) return [];
    const resting = this.#o.participants.flatMap((accountId) => view.liveOrders({ accountId, marketId: market.id }));
    const commands: SimulatedCommand[] = this.#cancels(resting);
    const cancelled = new Set(commands.map((c) => (c.kind === "cancel" ? c.command.orderId : -1n)));
    // Orders planned in this step count as resting too, so no trader's orders meet each other.
    const stillResting: Quote[] = resting.filter((o) => !cancelled.has(o.id));
    for (const c of quotes.contracts) this.#drift(c.contractId, quotes.contracts.length);
    for (let i = 0; i < this.#o.ordersPerStep; i++) {
      const create = this.#order(quotes, stillResting);
      if (create === undefined) continue;
      commands.push({ kind: "create", command: create });
      stillResting.push({ ...create, price: create.price as number });
    }
    return commands;
  }

  #cancels(resting: readonly OrderView[]): SimulatedCommand[] {
    const doomed: OrderView[] = [];
    const groups = new Map<string, OrderView[]>();
    for (const o of resting) {
      const key = `${o.accountId}/${o.contractId}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    for (const group of groups.values()) doomed.push(...group.slice(0, Math.max(0, group.length - this.#o.maxOrdersPerParticipant)));
    const rest = resting.filter((o) => !doomed.includes(o));
    if (rest.length > 0 && this.#rng.chance(this.#o.cancelChance)) doomed.push(this.#rng.pick(rest));
    return doomed.map((o) => ({ kind: "cancel", command: { accountId: o.accountId, orderId: o.id } }));
  }

  #drift(contractId: number, contracts: number): void {
    const ladder = this.#o.ladder;
    let fair = this.#fair.get(contractId);
    if (fair === undefined) fair = nearestIndex(ladder, Math.round(10000 / contracts));
    if (this.#rng.chance(this.#o.driftChance)) fair += this.#rng.chance(0.5) ? 1 : -1;
    // Keep room for quotes on both sides.
    this.#fair.set(contractId, Math.min(ladder.length - 2, Math.max(1, fair)));
  }

  #order(quotes: MarketQuotesSnapshot, resting: readonly Quote[]): CreateOrderCommand | undefined {
    const rng = this.#rng;
    const contract = rng.pick(quotes.contracts);
    const side = rng.chance(0.5) ? Side.SIDE_BUY : Side.SIDE_SELL;
    const best = side === Side.SIDE_BUY ? contract.offers[0]?.price : contract.bids[0]?.price;
    const price = best !== undefined && rng.chance(this.#o.crossChance) ? best : this.#quote(contract.contractId, side);
    // Traders do not send orders that would meet their own resting ones (the exchange would refuse them).
    const free = this.#o.participants.filter(
      (a) => !resting.some((o) => o.accountId === a && o.contractId === contract.contractId && o.side !== side && crosses(side, price, o.price)),
    );
    if (free.length === 0) return undefined;
    return {
      accountId: rng.pick(free),
      marketId: quotes.marketId,
      contractId: contract.contractId,
      side,
      price,
      quantity: this.#o.quantityUnit * BigInt(rng.int(1, this.#o.maxUnits)),
      tif: rng.chance(0.8) ? TimeInForceType.GOOD_TIL_CANCELLED : TimeInForceType.KEEP_IN_PLAY,
      label: "simulated",
    };
  }

  #quote(contractId: number, side: Side): number {
    const ladder = this.#o.ladder;
    const fair = this.#fair.get(contractId) ?? Math.floor(ladder.length / 2);
    const ticks = this.#rng.int(1, this.#o.spreadTicks);
    const at = side === Side.SIDE_BUY ? fair - ticks : fair + ticks;
    return ladder[Math.min(ladder.length - 1, Math.max(0, at))] as number;
  }
}

/** Enough of an order to tell whether another would meet it. */
interface Quote {
  readonly accountId: number;
  readonly contractId: number;
  readonly side: Side;
  readonly price: number;
}

function crosses(side: Side, price: number, restingPrice: number): boolean {
  return side === Side.SIDE_BUY ? restingPrice <= price : restingPrice >= price;
}

function nearestIndex(ladder: readonly number[], price: number): number {
  let best = 0;
  ladder.forEach((p, i) => {
    if (Math.abs(p - price) < Math.abs((ladder[best] as number) - price)) best = i;
  });
  return best;
}
