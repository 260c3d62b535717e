// A connection lost while an order is in flight (sent, not yet answered):
// after an automatic reconnect that resumes the session, the exchange's
// replay answers it and placeOrder resolves exactly once; when the session
// cannot be resumed, placeOrder rejects with OutcomeUnknownError and the
// client carries on in a new session.
import test from "ava";
import * as eto from "../../generated/eto.js";
import type { IncomingEvent } from "../../runtime/client/index.js";
import { LoginError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { OutcomeUnknownError, type PlaceOrderInput } from "../../runtime/trading/index.js";
import { accountId, assertOrdersMatch, collectErrors, exchange, loggedIn, settled, StatusLog, until } from "./helpers.js";

const reconnect = { initialDelayMs: 5, maxDelayMs: 20, random: () => 0.5 };
const order = (reference: bigint): PlaceOrderInput => ({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n, reference });

/** Every order-accepted the client dispatches, in order. */
function acceptances(client: { payloads(): AsyncIterable<IncomingEvent> }): { reference: bigint | undefined; isReplay: boolean }[] {
  const seen: { reference: bigint | undefined; isReplay: boolean }[] = [];
  void (async () => {
    for await (const e of client.payloads()) if (e.name === "seto.order_accepted") seen.push({ reference: e.message.reference, isReplay: e.isReplay });
  })();
  return seen;
}

const variants = {
  lost: "order-accepted lost with the connection: placeOrder waits for the resume and resolves once, from the exchange's replay",
  delivered: "connection cut right after order-accepted went out: placeOrder resolves once, and the resume does not answer it again",
} as const;

for (const variant of ["lost", "delivered"] as const) {
  test(variants[variant], async (t) => {
    const ex = await exchange();
    t.teardown(() => ex.close());
    const client = await loggedIn(ex, {}, { reconnect });
    const statuses = new StatusLog(client);
    const errors = collectErrors(client);
    const accepted = acceptances(client);
    const sessionId = client.resumeState.sessionId!;

    const isAccepted = { sessionId, match: (p: { name: string }) => p.name === "seto.order_accepted" };
    // The rules act on the frame after the session numbered and stored it, so a replay can bring it back.
    if (variant === "lost") ex.faults.drop({ ...isAccepted, count: 1 });
    const cut = ex.faults.cutAfter(1, isAccepted);

    const events: string[] = [];
    void statuses.next((s) => s.state === "disconnected").then(() => events.push("disconnected"));
    void statuses.next((s) => s.state === "logged-in" && s.resumed).then(() => events.push("resumed"));
    const placed = client.trading.placeOrder(order(11n)).finally(() => events.push("placeOrder settled"));
    const acceptance = await placed;
    await statuses.next((s) => s.state === "logged-in" && s.resumed, 0);
    await settled(client);

    t.is(cut.hits, 1, "the connection was cut at the order-accepted");
    t.true(acceptance.orderId > 0n);
    t.is(acceptance.reference, 11n);
    if (variant === "lost") {
      t.deepEqual(events, ["disconnected", "resumed", "placeOrder settled"], "answered only after the resume");
      t.deepEqual(accepted, [{ reference: 11n, isReplay: true }], "the acceptance came once, by the exchange's replay");
    } else {
      t.deepEqual(accepted, [{ reference: 11n, isReplay: false }], "the acceptance came once, and was not replayed");
      t.true(statuses.states.includes("disconnected"));
    }
    t.is(client.resumeState.sessionId, sessionId, "the same session was resumed");
    t.is(client.trading.inFlight, 0);
    t.is(client.trading.orders.all().filter((o) => o.reference === 11n).length, 1, "one order for the reference");
    assertOrdersMatch(t, client, ex, accountId(ex, "demo"));

    // The resumed session trades on.
    t.true((await client.trading.placeOrder(order(12n))).orderId > acceptance.orderId);
    t.deepEqual(errors, []);
    await client.logout();
  });
}

test("a session that cannot be resumed: placeOrder rejects with OutcomeUnknownError, a new session starts and the account replay reconciles", async (t) => {
  // Both clocks are fake so the order of events is ours to set: the exchange
  // expires the session before the client's reconnect timer fires.
  const exchangeClock = new FakeClock();
  const clientClock = new FakeClock();
  const sessionExpiryMs = 1_000;
  const ex = await exchange({ clock: exchangeClock, sessionExpiryMs });
  t.teardown(() => ex.close());
  const client = await loggedIn(ex, {}, { clock: clientClock, reconnect: { initialDelayMs: 100, maxDelayMs: 100, jitter: 0 } });
  const statuses = new StatusLog(client);
  const errors = collectErrors(client);
  const oldSession = client.resumeState.sessionId!;

  // An order answered before the outage gives the client an account sequence to ask a new session to resend from.
  const before = await client.trading.placeOrder(order(21n));
  t.is(client.trading.lastAccountSequence, before.accountSequence);

  const isAccepted = { sessionId: oldSession, match: (p: { name: string }) => p.name === "seto.order_accepted" };
  ex.faults.drop({ ...isAccepted, count: 1 });
  ex.faults.cutAfter(1, isAccepted);
  const outcome = client.trading.placeOrder(order(22n)).then(
    () => undefined,
    (e: unknown) => e,
  );

  const firstRetry = await statuses.next((s) => s.state === "reconnecting");
  // The exchange keeps the session once it notices the connection is gone; then it expires.
  await until(() => ex.sessions.get(oldSession)?.connected === false);
  exchangeClock.advance(sessionExpiryMs);
  t.is(ex.sessions.get(oldSession), undefined, "the exchange has forgotten the session");
  t.is(ex.engine.liveOrders().length, 2, "the exchange did accept the order in flight");

  // The resuming login is refused; the next attempt starts a new session.
  clientClock.advance(firstRetry.state === "reconnecting" ? firstRetry.delayMs : 0);
  const refused = await statuses.next((s) => s.state === "logged-out");
  t.is(refused.state === "logged-out" && refused.reason, eto.LogoutReason.LOGOUT_UNKNOWN_SESSION);
  const secondRetry = await statuses.next((s) => s.state === "reconnecting");
  clientClock.advance(secondRetry.state === "reconnecting" ? secondRetry.delayMs : 0);
  const fresh = await statuses.next((s) => s.state === "logged-in");
  t.false(fresh.state === "logged-in" && fresh.resumed, "a new session, not a resumed one");

  const error = await outcome;
  t.true(error instanceof OutcomeUnknownError, `placeOrder rejected with ${String(error)}`);
  if (error instanceof OutcomeUnknownError) {
    t.is(error.reference, 22n);
    t.regex(error.message, /may or may not have acted on it/);
  }
  t.not(client.resumeState.sessionId, oldSession);
  t.is(client.state, "logged-in");
  t.true(
    errors.some((e) => e instanceof LoginError && e.reason === eto.LogoutReason.LOGOUT_UNKNOWN_SESSION),
    "the refused resume is reported on errors()",
  );

  // The new session resent the account's events after the last one applied: the tracker learns the order's fate.
  await settled(client);
  const view = client.trading.orders.byReference(22n);
  t.is(view?.status, "live", "the order the exchange did accept is known live");
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  t.true((await client.trading.placeOrder(order(23n))).orderId > 0n, "the new session trades");
  await client.logout();
});

test("an order-create lost on its way to the exchange is resent when the session resumes, and placed once", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex, {}, { reconnect });
  const statuses = new StatusLog(client);
  const errors = collectErrors(client);
  const sessionId = client.resumeState.sessionId!;
  const before = ex.sessions.get(sessionId)!.nextInSeq;

  // The request is numbered and queued now, and written a microtask later: the
  // exchange drops the connection first, so the bytes never reach its session.
  const placed = client.trading.placeOrder(order(31n));
  t.true(ex.sessions.disconnect(sessionId));
  const acceptance = await placed;
  t.true(statuses.states.includes("disconnected"), "the connection was lost while the order was in flight");
  t.true(statuses.all.some((s) => s.state === "replaying"), "the client resent what the exchange had missed");
  t.true(ex.sessions.get(sessionId)!.nextInSeq > before);
  t.is(acceptance.reference, 31n);
  t.deepEqual(
    ex.engine.liveOrders().map((o) => o.reference),
    [31n],
    "the exchange placed the order once",
  );
  await settled(client);
  assertOrdersMatch(t, client, ex, accountId(ex, "demo"));
  t.deepEqual(errors, []);
  await client.logout();
});

test("requests made while the connection is down wait, and go out once the session has resumed", async (t) => {
  const clientClock = new FakeClock();
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = await loggedIn(ex, {}, { clock: clientClock, reconnect: { initialDelayMs: 100, maxDelayMs: 100, jitter: 0 } });
  const statuses = new StatusLog(client);
  const sessionId = client.resumeState.sessionId!;
  const retry = statuses.next((s) => s.state === "reconnecting");
  t.true(ex.sessions.disconnect(sessionId));
  const r = await retry;

  const placed = client.trading.placeOrder(order(41n));
  t.is(client.trading.queued, 1, "held back while disconnected");
  t.is(ex.engine.liveOrders().length, 0);
  clientClock.advance(r.state === "reconnecting" ? r.delayMs : 0);
  const acceptance = await placed;
  const resumedAt = statuses.all.findIndex((s) => s.state === "logged-in" && s.resumed);
  t.true(resumedAt >= 0, "the session was resumed");
  t.is(acceptance.reference, 41n);
  t.deepEqual(ex.engine.liveOrders().map((o) => o.reference), [41n]);
  await client.logout();
});
