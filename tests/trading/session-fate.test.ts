import test from "ava";
import * as seto from "../../generated/seto.js";
import { OutcomeUnknownError, RequestNotSentError } from "../../runtime/trading/index.js";
import { executed, incoming, quiet, tick, watch } from "./helpers/events.js";
import { ORDER, setup } from "./helpers/setup.js";

test("a request in flight when the connection drops stays pending and is answered by the replayed reply after the resume", async (t) => {
  const { clock, port, trading } = setup({ requestTimeoutMs: Infinity });
  const placed = watch(trading.placeOrder(ORDER));
  trading.connectionLost();
  clock.advance(60_000);
  await tick();
  t.false(placed.outcome.settled);
  trading.resumed(true);
  port.receive(incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 1001n, orderId: 5n, accountSequence64: 1n }, true));
  await tick();
  t.is((placed.outcome.value as { orderId: bigint }).orderId, 5n);
});

test("while disconnected nothing is sent; queued requests go once the session resumes", async (t) => {
  const { port, trading } = setup();
  trading.connectionLost();
  const cancel = trading.cancelOrder(1n);
  t.is(port.sent.length, 0);
  t.is(trading.queued, 1);
  trading.resumed(true);
  t.is(port.sent.length, 1);
  port.receive(incoming("seto.order_cancelled", { orderId: 1n, reference: 1001n, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED }));
  t.is((await cancel).orderId, 1n);
});

test("when the session cannot be resumed, sent requests reject with OutcomeUnknownError and queued ones with RequestNotSentError", async (t) => {
  const { port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 1, tickMs: 1000 } });
  const sent = watch(trading.placeOrder(ORDER));
  const queued = watch(trading.cancelOrder(9n));
  trading.connectionLost();
  trading.resumed(false);
  await tick();
  const unknown = sent.outcome.error as OutcomeUnknownError;
  t.true(unknown instanceof OutcomeUnknownError);
  t.is(unknown.seq, 1n);
  t.is(unknown.reference, 1001n);
  t.regex(unknown.message, /may or may not have acted/);
  const notSent = queued.outcome.error as RequestNotSentError;
  t.true(notSent instanceof RequestNotSentError);
  t.regex(notSent.message, /cancelOrder \(order 9.*was not sent: the session was lost/);
  t.is(trading.inFlight + trading.queued, 0);
  t.is(port.sent.length, 1);
  // The order's fate is unknown, and the tracker says so; a later
  // account-sequence replay (in the new session) settles it there.
  t.is(trading.orders.byReference(1001n)?.status, "outcome-unknown");
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 1001n, orderId: 5n, accountSequence64: 3n }));
  t.is(trading.orders.byReference(1001n)?.status, "live");
});

test("a reply arriving after the outcome was declared unknown settles nothing again", async (t) => {
  const { port, trading } = setup();
  let settles = 0;
  const placed = trading.placeOrder(ORDER).finally(() => (settles += 1));
  quiet(placed);
  trading.connectionLost();
  trading.resumed(false);
  port.receive(incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 1001n, orderId: 5n }));
  await t.throwsAsync(placed, { instanceOf: OutcomeUnknownError });
  await tick();
  t.is(settles, 1);
});

test("after a lost session the trading layer keeps working in the new one", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder(ORDER));
  trading.connectionLost();
  trading.resumed(false);
  port.nextSeq = 1n; // the new session numbers from 1 again
  const again = trading.placeOrder(ORDER);
  t.is(port.last("seto.order_create").seq, 1n);
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 1002n, orderId: 6n }));
  t.is((await again).orderId, 6n);
});

test("close() settles everything and refuses new requests with RequestNotSentError", async (t) => {
  const { port, trading } = setup();
  const sent = trading.cancelOrder(1n);
  trading.close();
  await t.throwsAsync(sent, { instanceOf: OutcomeUnknownError });
  const error = await t.throwsAsync(trading.cancelOrder(2n), { instanceOf: RequestNotSentError });
  t.regex(error.message, /closed/);
  t.is(port.sent.length, 1);
});

test("replayed account events (sequence already applied) are skipped: fills are not counted twice", async (t) => {
  const { port, trading } = setup({ orders: { lastAccountSequence: 0n } });
  const placed = trading.placeOrder(ORDER);
  const accept = incoming("seto.order_accepted", { seq: port.sent[0]!.seq, reference: 1001n, orderId: 5n, accountSequence64: 1n, quantity: 400_000n, price: 2500 });
  const fill = incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n }));
  port.receive(accept);
  port.receive(fill);
  await placed;
  // Reconnect with a new session; the login names sequence 2, the exchange resends from 2 on.
  trading.connectionLost();
  trading.resumed(false);
  t.is(trading.lastAccountSequence, 2n);
  port.receive(incoming("seto.order_executed", executed({ orderId: 5n, price: 2500, quantity: 100_000n, accountSequence64: 2n })));
  port.receive(incoming("seto.order_executed", executed({ orderId: 5n, price: 2532, quantity: 50_000n, accountSequence64: 3n })));
  port.receive(incoming("seto.order_executed", executed({ orderId: 5n, price: 2532, quantity: 50_000n, accountSequence64: 3n })));
  const order = trading.orders.get(5n)!;
  t.is(order.executedQuantity, 150_000n);
  t.is(order.executedValue, 2500n * 100_000n + 2532n * 50_000n);
  t.is(order.remainingQuantity, 250_000n);
  t.is(trading.lastAccountSequence, 3n);
});

test("a replayed reply carrying an applied account sequence does not answer a new request with the same seq", async (t) => {
  const { port, trading } = setup();
  quiet(trading.placeOrder({ ...ORDER, reference: 7n }));
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 7n, orderId: 5n, accountSequence64: 4n }));
  trading.connectionLost();
  trading.resumed(false);
  port.nextSeq = 1n;
  const fresh = watch(trading.placeOrder({ ...ORDER, reference: 7n })); // same seq, same reference: only the sequence tells
  port.receive(incoming("seto.order_accepted", { seq: 1n, reference: 7n, orderId: 5n, accountSequence64: 4n }));
  await tick();
  t.false(fresh.outcome.settled);
  trading.close();
});

test("books go stale when the session is lost and are subscribed to again; the fresh snapshot replaces them", async (t) => {
  const { port, trading } = setup();
  const sub = trading.subscribe(3);
  port.receive(incoming("seto.market_quotes", { marketId: 3, contractQuotes: [{ marketId: 3, contractId: 1, bids: [{ price: 2500, quantity: 5n }], offers: [], executions: [] }] }));
  await sub;
  trading.connectionLost();
  trading.resumed(false);
  t.true(trading.books.market(3)?.stale);
  t.deepEqual(port.last("seto.market_subscribe").body, { marketId: 3 });
  // Deltas have no sound base until the snapshot.
  port.receive(incoming("seto.contract_quotes", { marketId: 3, contractId: 1, bids: [{ price: 2532, quantity: 1n }], offers: [], executions: [] }));
  t.deepEqual(trading.books.contract(3, 1)?.bids, [{ price: 2500, quantity: 5n }]);
  port.receive(incoming("seto.market_quotes", { marketId: 3, contractQuotes: [{ marketId: 3, contractId: 2, bids: [], offers: [{ price: 3030, quantity: 8n }], executions: [] }] }));
  const market = trading.books.market(3)!;
  t.false(market.stale);
  t.deepEqual(
    market.contracts.map((c) => c.contractId),
    [2],
  );
  t.is(trading.inFlight, 0);
});

test("resubscribing can be turned off", async (t) => {
  const { port, trading } = setup({ resubscribe: false });
  quiet(trading.subscribe(3));
  trading.connectionLost();
  trading.resumed(false);
  t.is(port.sent.length, 1);
  t.true(trading.books.market(3)?.stale);
});
