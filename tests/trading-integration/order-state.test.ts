// Property: after any sequence of places, fills (a second account trading
// against ours), cancels, reduces and replaces, the order tracker of each
// client equals the exchange's own view of that account's orders.
import test from "ava";
import fc from "fast-check";
import * as seto from "../../generated/seto.js";
import { ticksAbove, ticksBelow } from "../../runtime/odds/index.js";
import { SmarketsError } from "../../runtime/errors.js";
import { OrderValidationError, type OrderView } from "../../runtime/trading/index.js";
import { accountId, collectErrors, DEMO2, exchange, GENEROUS_THROTTLE, loggedIn, orderMismatches, settled } from "./helpers.js";

/** Prices a few ticks either side of 50%, so orders meet. */
const PRICES = [...ticksBelow(5000, 3).reverse(), 5000, ...ticksAbove(5000, 3)];
const UNIT = 10_000n;

type Command =
  | { kind: "place"; side: "buy" | "sell"; price: number; units: number; contractId: number }
  | { kind: "fill"; pick: number; units: number }
  | { kind: "cancel"; pick: number }
  | { kind: "reduce"; pick: number; keep: number }
  | { kind: "replace"; pick: number; price: number; units: number };

const price = fc.constantFrom(...PRICES);
const units = fc.integer({ min: 1, max: 8 });
const pick = fc.nat();
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("place" as const), side: fc.constantFrom("buy" as const, "sell" as const), price, units, contractId: fc.constantFrom(1, 2) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("fill" as const), pick, units }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reduce" as const), pick, keep: fc.integer({ min: 0, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick, price, units }) },
);

/** One of `orders` by a generated index, preferring resting ones (so most commands act on something live). */
function choose(orders: OrderView[], n: number): OrderView | undefined {
  const resting = orders.filter((o) => o.status === "live" || o.status === "partially-executed");
  const pool = resting.length > 0 && n % 4 !== 0 ? resting : orders;
  return pool.length === 0 ? undefined : pool[n % pool.length];
}

test("property: after random places, fills, cancels, reduces and replaces, each client's orders equal the exchange's", async (t) => {
  t.timeout(120_000);
  let runs = 0;
  let executions = 0;
  /** Per command kind: answered requests and exchange refusals. */
  const outcomes: Record<string, { ok: number; refused: number }> = {};
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 20, maxLength: 80 }), async (commands) => {
      runs++;
      const ex = await exchange({ throttle: GENEROUS_THROTTLE });
      try {
        const us = await loggedIn(ex);
        const them = await loggedIn(ex, DEMO2);
        const errors = [us, them].map(collectErrors);
        // Refusals by the exchange are part of the sequence; anything else (timeouts, our own validation) is a failure.
        const run = async (kind: Command["kind"], request: Promise<unknown>): Promise<void> => {
          const tally = (outcomes[kind] ??= { ok: 0, refused: 0 });
          try {
            await request;
            tally.ok++;
          } catch (e) {
            if (!(e instanceof SmarketsError) || e instanceof OrderValidationError || !/Order\w*Error$/.test(e.name)) throw e;
            tally.refused++;
          }
        };
        for (const c of commands) {
          const target = c.kind === "place" ? undefined : choose(us.trading.orders.all().filter((o) => o.orderId !== undefined), c.pick);
          switch (c.kind) {
            case "place":
              await run(c.kind, us.trading.placeOrder({ marketId: 1, contractId: c.contractId, side: c.side, price: c.price, quantity: BigInt(c.units) * UNIT }));
              break;
            case "fill":
              // The other account takes liquidity at our price; immediate-or-cancel, so it never rests and never crosses itself.
              if (target?.price === undefined || target.contractId === undefined) break;
              await run(
                c.kind,
                them.trading.placeOrder({
                  marketId: 1,
                  contractId: target.contractId,
                  side: target.side === seto.Side.SIDE_BUY ? "sell" : "buy",
                  price: target.price,
                  quantity: BigInt(c.units) * UNIT,
                  timeInForce: "immediate-or-cancel",
                }),
              );
              break;
            case "cancel":
              if (target) await run(c.kind, us.trading.cancelOrder(target.orderId!));
              break;
            case "reduce":
              // A new size from what has executed up to 8 units more: some are refused (not below the
              // current size), some leave nothing open and end the order.
              if (target) await run(c.kind, us.trading.reduceOrder(target.orderId!, target.executedQuantity + BigInt(c.keep) * UNIT || UNIT));
              break;
            case "replace":
              if (target) await run(c.kind, us.trading.replaceOrder(target.orderId!, { price: c.price, quantity: BigInt(c.units) * UNIT }));
              break;
          }
        }
        await settled(us, them);
        executions += us.trading.orders.all().filter((o) => o.executedQuantity > 0n).length;
        // Thrown, not asserted, so fast-check sees a failure and shrinks it.
        const mismatches = [
          ...orderMismatches(us, ex, accountId(ex, "demo")).map((m) => `us: ${m}`),
          ...orderMismatches(them, ex, accountId(ex, "demo2")).map((m) => `them: ${m}`),
          ...errors.flat().map((e) => `error reported: ${String(e)}`),
        ];
        if (mismatches.length > 0) throw new Error(mismatches.join("\n"));
        await Promise.all([us.logout(), them.logout()]);
      } finally {
        await ex.close();
      }
    }),
    { seed: 20_240_611, numRuns: 10, includeErrorInReport: true },
  );
  t.log(`${runs} runs; ${executions} of our orders executed; requests by kind: ${JSON.stringify(outcomes)}`);
  t.true(executions > 0, "the sequences did trade");
  t.true(Object.values(outcomes).some((o) => o.refused > 0), "the sequences did provoke refusals");
});
