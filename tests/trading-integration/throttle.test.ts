// A burst far above the exchange's rate limit: the client-side throttle paces
// it by the limits the exchange announced, so the exchange never answers
// throttle-exceeded and every order is answered.
//
// Time is one FakeClock shared by the exchange and the client. In the first
// test it moves a tick at a time once the exchange has answered everything
// sent so far: the pacing logic at its tightest (both buckets refill at the
// same instants). The second test stalls the exchange's reading, as a loaded
// machine does over real time: requests sent on different ticks then reach
// the exchange together, which no sender-side pacing alone can rule out.
import test from "ava";
import * as seto from "../../generated/seto.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import type { OrderAcceptance } from "../../runtime/trading/index.js";
import { clientFor } from "../client/helpers.js";
import { accountId, collectErrors, exchange, first, settled, StatusLog } from "./helpers.js";

const ORDERS = 1_000;
const limits = { averageRatePs: 200, burstSize: 20, tickMs: 100 };

test(`a burst of ${ORDERS} orders against a limit of ${limits.averageRatePs}/s (burst ${limits.burstSize}) provokes no throttle-exceeded`, async (t) => {
  const clock = new FakeClock();
  const ex = await exchange({ throttle: limits, clock });
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { clock });
  const statuses = new StatusLog(client);
  const errors = collectErrors(client);
  const throttledReplies: string[] = [];
  client.addHandler("eto.throttle_exceeded", () => throttledReplies.push("eto.throttle_exceeded"));
  client.addHandler("seto.order_rejected", (m) => {
    if (m.reason === seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED) throttledReplies.push("order_rejected THROTTLE_EXCEEDED");
  });
  const announced = first(client.payloads(), (e) => e.name === "seto.throttle_limits_changed");
  await client.login();
  await announced;
  t.deepEqual(client.trading.throttleLimits, limits, "the client follows the limits the exchange announced");

  const results = Promise.allSettled(
    Array.from({ length: ORDERS }, (_, i) =>
      // All buys, so none meets another: each is simply accepted.
      client.trading.placeOrder({ marketId: 1, contractId: 1 + (i % 2), side: "buy", price: 1000, quantity: 10_000n, reference: BigInt(i + 1) }),
    ),
  );
  // The ping goes out behind whatever the throttle released: its pong means the exchange has answered all of that.
  await settled(client);
  const perTick: number[] = [ex.engine.liveOrders().length];
  // Bounded, so a request that is never answered fails the test instead of hanging it.
  const ticksNeeded = Math.ceil(ORDERS / ((limits.averageRatePs * limits.tickMs) / 1000));
  for (let tick = 0; tick <= ticksNeeded && client.trading.queued + client.trading.inFlight > 0; tick++) {
    clock.advance(limits.tickMs);
    await settled(client);
    perTick.push(ex.engine.liveOrders().length - perTick.reduce((a, b) => a + b, 0));
  }
  const outcomes = await results;

  const failed = outcomes.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
  t.deepEqual(failed.slice(0, 3), [], `no order failed (${failed.length} did)`);
  const ids = new Set(outcomes.map((r) => (r as PromiseFulfilledResult<OrderAcceptance>).value?.orderId));
  t.is(ids.size, ORDERS, "every order answered, each with its own id");
  t.deepEqual(throttledReplies, [], "the exchange never said too fast");
  t.false(statuses.states.includes("throttle-exceeded"));
  t.is(ex.engine.liveOrders({ accountId: accountId(ex, "demo") }).length, ORDERS);
  t.deepEqual(errors, []);

  // The whole allowance was used: the burst at once, then a full refill every tick.
  const perTickRefill = (limits.averageRatePs * limits.tickMs) / 1000;
  t.is(perTick[0], limits.burstSize);
  t.true(perTick.slice(1, -1).every((n) => n === perTickRefill), `${perTickRefill} orders every tick: ${perTick.join(" ")}`);
  t.is(clock.now(), Math.ceil((ORDERS - limits.burstSize) / perTickRefill) * limits.tickMs, "no tick went unused");
  await client.logout();
});

// The same burst, but the exchange's reading stalls now and then: two (or
// five) ticks of the client's allowance reach it at once, as when a loaded
// machine holds up the exchange's side. The exchange counts requests as it
// reads them, so what the client paced by its send times could arrive too
// fast. The client keeps at most `burstSize` requests unanswered, so a stall
// delivers at most one burst, and it counts a request's token as spent only
// once it is answered (the exchange may have read it only then): the
// exchange never has reason to refuse one for speed.
test(`a burst of ${ORDERS} orders whose reading stalls: every order is accepted, none fails for speed`, async (t) => {
  const clock = new FakeClock();
  const ex = await exchange({ throttle: limits, clock });
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { clock });
  const errors = collectErrors(client);
  let refusals = 0;
  // Sampled as each reply arrives (before the client takes it) and after each stall.
  let mostUnanswered = 0;
  const sample = (): void => void (mostUnanswered = Math.max(mostUnanswered, client.trading.inFlight));
  client.addHandler("seto.order_accepted", sample);
  client.addHandler("seto.order_rejected", (m) => {
    sample();
    if (m.reason === seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED) refusals++;
  });
  const announced = first(client.payloads(), (e) => e.name === "seto.throttle_limits_changed");
  await client.login();
  await announced;

  const results = Promise.allSettled(
    Array.from({ length: ORDERS }, (_, i) =>
      client.trading.placeOrder({ marketId: 1, contractId: 1 + (i % 2), side: "buy", price: 1000, quantity: 10_000n, reference: BigInt(i + 1) }),
    ),
  );
  // Lets the exchange read and answer, at this instant, what the client sends, then what it sends on
  // those answers, and so on (each ping's pong comes after the replies to everything sent before it).
  const drain = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await settled(client);
  };
  await drain();
  // Ticks between the exchange's reads: mostly one, now and then a stall of two or five.
  const pattern = [1, 2, 1, 1, 5];
  const bound = 3 * Math.ceil(ORDERS / ((limits.averageRatePs * limits.tickMs) / 1000));
  for (let step = 0; step < bound && client.trading.queued + client.trading.inFlight > 0; step++) {
    clock.advance(pattern[step % pattern.length]! * limits.tickMs);
    sample();
    await drain();
  }
  const outcomes = await results;

  const failed = outcomes.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
  t.deepEqual(failed.slice(0, 3), [], `no order failed (${failed.length} did)`);
  const ids = new Set(outcomes.map((r) => (r as PromiseFulfilledResult<OrderAcceptance>).value?.orderId));
  t.is(ids.size, ORDERS, "every order answered, each with its own id");
  t.is(ex.engine.liveOrders({ accountId: accountId(ex, "demo") }).length, ORDERS);
  t.true(mostUnanswered <= limits.burstSize, `at most a burst unanswered at once (${mostUnanswered})`);
  t.is(refusals, 0, "the stalls did not make the exchange refuse any request for speed");
  t.true(client.trading.orders.all().every((o) => o.status === "live"), "no order was marked refused by a refusal that was resent");
  t.is(client.trading.orders.all().length, ORDERS, "one order per reference, resends included");
  t.deepEqual(errors, []);
  await client.logout();
});
