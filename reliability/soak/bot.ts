// The soak's trader: a few loops, each placing, cancelling, reducing and
// replacing orders through `client.trading` (the public API) around 50%, so
// they meet the exchange's simulated traders and each other. Every call is
// tracked by the ledger; none of them is expected to fail other than by an
// exchange refusal, or (across faults) a timeout or unknown outcome, each a
// typed error the ledger counts.
import { Prng } from "../../exchange/engine/index.js";
import * as seto from "../../generated/seto.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";
import { ticksAbove, ticksBelow } from "../../runtime/odds/index.js";
import type { RequestLedger } from "../checks/request-ledger.js";

export interface BotOptions {
  readonly seed: number;
  /** Loops running at once (requests in flight at once, at most). */
  readonly loops: number;
  /** Most orders each loop keeps resting. */
  readonly maxResting: number;
  /** Pause between one loop's requests, drawn from 0..maxPauseMs. */
  readonly maxPauseMs: number;
}

const BUY_PRICES = [...ticksBelow(5000, 3), 5000, ...ticksAbove(5000, 1)];
const SELL_PRICES = [...ticksBelow(5000, 1), 5000, ...ticksAbove(5000, 3)];

export class Bot {
  #stopping = false;
  #running: Promise<void> | undefined;

  constructor(
    readonly client: StreamingAPIClient,
    readonly ledger: RequestLedger,
    readonly o: BotOptions,
  ) {}

  start(): void {
    this.#running = Promise.all(Array.from({ length: this.o.loops }, (_, i) => this.#loop(i))).then(() => undefined);
  }

  /** Stops issuing requests; resolves once every loop's last request settled. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#running;
  }

  async #loop(index: number): Promise<void> {
    const rng = new Prng((this.o.seed + index * 7919) >>> 0);
    const trading = this.client.trading;
    // This loop's own orders: the ones it may cancel, reduce or replace.
    const mine: bigint[] = [];
    while (!this.#stopping) {
      for (let i = mine.length - 1; i >= 0; i--) {
        const view = trading.orders.get(mine[i]!);
        if (view === undefined || (view.status !== "live" && view.status !== "partially-executed")) mine.splice(i, 1);
      }
      const action = mine.length === 0 ? "place" : mine.length >= this.o.maxResting ? rng.pick(["cancel", "reduce", "replace"] as const) : rng.pick(["place", "place", "place", "cancel", "reduce", "replace"] as const);
      const buy = rng.chance(0.5);
      const price = rng.pick(buy ? BUY_PRICES : SELL_PRICES);
      const quantity = 10_000n * BigInt(rng.int(1, 8));
      if (action === "place") {
        const accepted = await this.ledger.track(
          "placeOrder",
          trading.placeOrder({ marketId: 1, contractId: rng.int(1, 2), side: buy ? "buy" : "sell", price, quantity }),
        );
        if (accepted !== undefined) mine.push(accepted.orderId);
      } else {
        const [orderId] = mine.splice(rng.int(0, mine.length - 1), 1) as [bigint];
        const view = trading.orders.get(orderId);
        if (action === "cancel") {
          await this.ledger.track("cancelOrder", trading.cancelOrder(orderId));
        } else if (action === "reduce") {
          // Anything from just above what executed to just below the size: the exchange decides.
          const size = view?.quantity ?? quantity;
          const executed = view?.executedQuantity ?? 0n;
          const to = executed + 1n + BigInt(rng.int(0, Math.max(0, Number(size - executed) - 2)));
          const reduced = await this.ledger.track("reduceOrder", trading.reduceOrder(orderId, to));
          if (reduced !== undefined) mine.push(orderId);
        } else {
          const prices = view?.side === seto.Side.SIDE_SELL ? SELL_PRICES : BUY_PRICES;
          const replaced = await this.ledger.track("replaceOrder", trading.replaceOrder(orderId, { price: rng.pick(prices), quantity }));
          if (replaced !== undefined) mine.push(replaced.orderId);
        }
      }
      const pause = rng.int(0, this.o.maxPauseMs);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
