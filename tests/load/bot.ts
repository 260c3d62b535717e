// One simulated trader of the load test: a loop of random orders on prices a
// tick or two either side of 50% (so traders meet each other) and cancels of
// its own resting orders, each request awaited, until its deadline. It stops
// by itself; what it did and every failure that is not an exchange refusal
// are in its report.
import { Prng } from "../../exchange/engine/index.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";
import { ticksAbove, ticksBelow } from "../../runtime/odds/index.js";
import { isEnded, OrderCancelRejectedError, OrderRejectedError } from "../../runtime/trading/index.js";

export interface BotReport {
  /** References of the orders it placed. */
  readonly references: bigint[];
  accepted: number;
  /** Exchange refusals of its orders, by reason name. */
  readonly rejected: Map<string, number>;
  cancels: number;
  /** Cancels refused because the order had meanwhile executed (or was cancelled by a sibling session). */
  cancelsTooLate: number;
  /** Anything else that went wrong: these fail the test. */
  readonly failures: string[];
}

export interface BotOptions {
  /** Distinguishes this bot's references from every other's. */
  readonly index: number;
  readonly seed: number;
  /** performance.now() value at which it stops. */
  readonly deadline: number;
  /** Buys or sells mostly one side per contract (parity), so an account's sessions seldom meet each other. */
  readonly parity: 0 | 1;
  readonly maxResting: number;
}

/** Buys go a tick or two either side of 50%, sells likewise: they overlap, so they trade. */
const BUY_PRICES = [...ticksBelow(5000, 2), 5000, ...ticksAbove(5000, 1)];
const SELL_PRICES = [...ticksBelow(5000, 1), 5000, ...ticksAbove(5000, 2)];

export async function runBot(client: StreamingAPIClient, o: BotOptions): Promise<BotReport> {
  const rng = new Prng(o.seed);
  const report: BotReport = { references: [], accepted: 0, rejected: new Map(), cancels: 0, cancelsTooLate: 0, failures: [] };
  const resting: bigint[] = [];
  let n = 0;
  while (performance.now() < o.deadline) {
    // Forget orders that ended (executed, or cancelled) since the last look.
    for (let i = resting.length - 1; i >= 0; i--) {
      const view = client.trading.orders.get(resting[i]!);
      if (view === undefined || isEnded(view.status)) resting.splice(i, 1);
    }
    try {
      if (resting.length > 0 && (resting.length >= o.maxResting || rng.chance(0.25))) {
        const [orderId] = resting.splice(rng.int(0, resting.length - 1), 1);
        await client.trading.cancelOrder(orderId!);
        report.cancels++;
      } else {
        const contractId = rng.int(1, 2);
        const buy = rng.chance(0.9) ? (contractId + o.parity) % 2 === 0 : rng.chance(0.5);
        const reference = BigInt(o.index) * 1_000_000n + BigInt(++n);
        report.references.push(reference);
        const accepted = await client.trading.placeOrder({
          marketId: 1,
          contractId,
          side: buy ? "buy" : "sell",
          price: rng.pick(buy ? BUY_PRICES : SELL_PRICES),
          quantity: 10_000n * BigInt(rng.int(1, 5)),
          reference,
        });
        report.accepted++;
        resting.push(accepted.orderId);
      }
    } catch (e) {
      if (e instanceof OrderRejectedError) report.rejected.set(e.reasonName, (report.rejected.get(e.reasonName) ?? 0) + 1);
      else if (e instanceof OrderCancelRejectedError && e.reasonName === "ORDER_CANCEL_REJECTED_NOT_LIVE") report.cancelsTooLate++;
      else report.failures.push(String(e));
    }
  }
  return report;
}
