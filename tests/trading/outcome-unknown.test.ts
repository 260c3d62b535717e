// Orders whose request was in flight when the session was lost (their
// promises reject with OutcomeUnknownError) do not stay `pending` for ever in
// trading.orders: they are `outcome-unknown` until the account's events in
// the new session (replayed from the last account sequence) show what
// happened, or `expired` after unknownOutcomeExpiryMs (default 60 s).
import test from "ava";
import * as seto from "../../generated/seto.js";
import { OutcomeUnknownError, type OrderChange } from "../../runtime/trading/index.js";
import { incoming, tick, watch } from "./helpers/events.js";
import { ORDER, setup } from "./helpers/setup.js";

function lostWithOrderInFlight(options: Parameters<typeof setup>[0] = {}) {
  const s = setup(options);
  const changes: OrderChange[] = [];
  void (async () => {
    for await (const c of s.trading.orders.changes()) changes.push(c);
  })();
  const placed = watch(s.trading.placeOrder(ORDER));
  s.trading.connectionLost();
  s.trading.resumed(false); // the new session: the old one could not be resumed
  return { ...s, placed, changes };
}

test("after a failed resume an order sent in the lost session is outcome-unknown, not pending", async (t) => {
  const { trading, placed, changes } = lostWithOrderInFlight();
  await tick();
  t.true(placed.outcome.error instanceof OutcomeUnknownError);
  const order = trading.orders.byReference(1001n)!;
  t.is(order.status, "outcome-unknown");
  t.is(order.seq, 1n);
  t.deepEqual(trading.orders.live(), [], "not known to rest on the book");
  t.deepEqual(
    changes.map((c) => [c.order.status, c.cause]),
    [
      ["pending", "seto.order_create"],
      ["outcome-unknown", "session-lost"],
    ],
  );
});

test("the new session's account events resolve it: accepted (with executions after)", async (t) => {
  const { port, trading } = lostWithOrderInFlight();
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 1001n, orderId: 5n, accountSequence64: 3n }, true));
  t.is(trading.orders.byReference(1001n)?.status, "live");
  port.receive(incoming("seto.order_executed", { orderId: 5n, price: 2500, quantity: 400_000n, side: seto.Side.SIDE_BUY, marketId: 1, contractId: 2, accountSequence64: 4n }));
  t.is(trading.orders.get(5n)?.status, "executed");
});

test("the new session's account events resolve it: rejected", (t) => {
  const { port, trading } = lostWithOrderInFlight();
  port.receive(incoming("seto.order_rejected", { seq: 1n, reference: 1001n, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS, accountSequence64: 3n }));
  const order = trading.orders.byReference(1001n)!;
  t.is(order.status, "rejected");
  t.is(order.reason, "ORDER_REJECTED_INSUFFICIENT_FUNDS");
});

test("with no account event about it, it expires after unknownOutcomeExpiryMs (default 60 s)", async (t) => {
  const { clock, port, trading, changes } = lostWithOrderInFlight();
  clock.advance(59_999);
  t.is(trading.orders.byReference(1001n)?.status, "outcome-unknown");
  clock.advance(1);
  const order = trading.orders.byReference(1001n)!;
  t.is(order.status, "expired");
  t.regex(order.reason!, /OUTCOME_UNKNOWN/);
  await tick();
  t.deepEqual(changes.at(-1) && [changes.at(-1)!.order.status, changes.at(-1)!.cause], ["expired", "expired"]);
  // A late event about it is news about an order first heard of: it does not revive the expired record.
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 1001n, orderId: 5n, accountSequence64: 3n }));
  t.is(trading.orders.byReference(1001n)?.orderId, 5n);
});

test("the expiry is an option", (t) => {
  const { clock, trading } = lostWithOrderInFlight({ orders: { unknownOutcomeExpiryMs: 1_000 } });
  clock.advance(1_000);
  t.is(trading.orders.byReference(1001n)?.status, "expired");
});

test("an order of the new session reusing the lost order's seq is not mistaken for it", (t) => {
  const { port, trading } = lostWithOrderInFlight();
  port.nextSeq = 1n; // the new session numbers from 1 again
  void trading.placeOrder(ORDER).catch(() => undefined);
  port.receive(incoming("seto.order_accepted", { seq: 1n, orderId: 6n, accountSequence64: 5n })); // no reference: by seq, the new one
  t.is(trading.orders.byReference(1002n)?.status, "live");
  t.is(trading.orders.byReference(1001n)?.status, "outcome-unknown");
});

test("closing the trading layer with an order in flight leaves it outcome-unknown too, not pending", async (t) => {
  const { trading } = setup();
  const placed = watch(trading.placeOrder(ORDER));
  trading.close();
  await tick();
  t.true(placed.outcome.error instanceof OutcomeUnknownError);
  t.is(trading.orders.byReference(1001n)?.status, "outcome-unknown");
});
