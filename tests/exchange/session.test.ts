// The session layer as the exchange runs it: ping, heartbeats both ways,
// logout, resuming with replays in both directions, and the faults that
// provoke them.
import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { LoginError, ProtocolError } from "../../runtime/errors.js";
import { pingPayload } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import { RawClient } from "./helpers/raw-client.js";
import { orderCreate } from "./helpers/test-client.js";
import { ALICE, as, BOB, eventually, setup } from "./helpers/setup.js";

const QTY = 10_000n * 10n; // 10.00 of payoff

test("ping is answered with pong", async (t) => {
  const { loggedIn } = await setup(t);
  const alice = await loggedIn();
  t.is(typeof (await alice.session.ping()), "number");
  t.is(alice.all("eto.pong").length, 1);
});

test("logout is confirmed with LOGOUT_CONFIRMATION, the connection closes and the session ends", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  t.is(await alice.logout(), eto.LogoutReason.LOGOUT_CONFIRMATION);
  t.is(exchange.sessions.list().length, 0);
});

test("an idle client gets a heartbeat after heartbeatIntervalMs", async (t) => {
  const { clock, loggedIn } = await setup(t, { heartbeatIntervalMs: 1_000, deadAfterMs: 10_000 });
  const alice = await loggedIn();
  await alice.next("seto.throttle_limits_changed");
  clock.advance(1_000);
  await alice.next("eto.heartbeat");
  t.pass();
});

test("a client silent for deadAfterMs is logged out with LOGOUT_HEARTBEAT_TIMEOUT and disconnected", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t, { heartbeatIntervalMs: 1_000, deadAfterMs: 3_000 });
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  clock.advance(3_000);
  t.deepEqual(await alice.next("eto.logout"), { reason: eto.LogoutReason.LOGOUT_HEARTBEAT_TIMEOUT });
  await alice.closed;
  await bob.closed;
  t.is(exchange.sessions.list().length, 0);
});

test("resume after a cut mid-stream: what the exchange sent meanwhile is replayed, nothing lost or duplicated", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const bob = await loggedIn(as(BOB));
  const sessionId = alice.session.resumeState.sessionId as string;
  for (const price of [5000, 5051, 5102]) alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price }));
  for (let i = 0; i < 3; i++) await alice.next("seto.order_accepted");
  // Bob takes all three; Alice's connection is cut two frames into the news.
  exchange.faults.cutAfter(2, { sessionId });
  const before = alice.inbox.all.length;
  bob.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_SELL, quantity: 3n * QTY, price: 5000 }));
  await bob.next("seto.order_executed", (e) => e.totalExecutedQuantity === 3n * QTY);
  await alice.closed;
  t.is(alice.inbox.all.length, before + 2, "the two frames before the cut arrived");
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);

  const info = await alice.resume();
  t.true(info.resumed);
  t.is(info.sessionId, sessionId);
  for (let i = 0; i < 3; i++) await alice.next("seto.order_executed");
  await alice.session.ping();
  // Every payload the exchange numbered reached her listener once, in order.
  const seqs = alice.inbox.all.map((p) => p.seq);
  const last = exchange.sessions.get(sessionId)!.nextOutSeq - 1n;
  t.deepEqual(seqs, [...Array(Number(last)).keys()].map((i) => BigInt(i + 1)));
  t.is(alice.all("seto.order_accepted").length, 3);
  t.is(alice.all("seto.order_executed").length, 3);
  t.true(alice.inbox.all.some((p) => p.isReplay), "some came by replay");
});

test("resume after payloads from the client were lost: the exchange asks for them and processes each once", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const sessionId = alice.session.resumeState.sessionId as string;
  alice.loseOutgoing = true;
  const seqs = [1, 2, 3].map((i) => alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: [2041, 2083, 2128][i - 1], reference: BigInt(i) })));
  t.is(exchange.sessions.get(sessionId)?.nextInSeq, seqs[0]);
  exchange.sessions.disconnect(sessionId);
  await alice.closed;
  alice.loseOutgoing = false;
  await alice.resume();
  const accepted = await Promise.all([1n, 2n, 3n].map((ref) => alice.next("seto.order_accepted", (a) => a.reference === ref)));
  t.deepEqual(
    accepted.map((a) => a.seq),
    seqs,
  );
  t.is(exchange.engine.liveOrders({ accountId: 1 }).length, 3);
  await alice.session.ping();
  t.is(alice.all("seto.order_accepted").length, 3);
});

test("a client resuming behind the exchange's expected seq is told where to continue (login-response reset)", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  const creds = { username: ALICE.username, password: ALICE.password, token: undefined };
  raw.sendPayload(loginPayload(creds, { sessionId: undefined, accountSequence: undefined }), 1n);
  const response = await raw.next("eto.login_response");
  const session = response.payload.etoPayload?.loginResponse?.session as string;
  raw.sendPayload(pingPayload(), 2n);
  raw.sendPayload(pingPayload(), 3n);
  await raw.next("eto.pong");
  await raw.next("eto.pong");
  raw.destroy();
  await raw.closed;

  const again = await RawClient.connect(exchange);
  again.sendPayload(loginPayload(creds, { sessionId: session, accountSequence: undefined }), 2n);
  const resumed = await again.next("eto.login_response");
  t.is(resumed.payload.etoPayload?.loginResponse?.session, session);
  t.is(resumed.payload.etoPayload?.loginResponse?.reset, 4n);
  t.is(resumed.seq, exchange.sessions.get(session)!.nextOutSeq - 2n, "numbered after the payloads sent before (throttle limits follow it)");
  again.sendPayload(pingPayload(), 4n);
  await again.next("eto.pong");
  t.is(exchange.sessions.get(session)?.nextInSeq, 5n);
  again.destroy();
});

test("a frame sent with a wrong seq is caught by the client, and the replay it asks for brings the right one", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const sessionId = alice.session.resumeState.sessionId as string;
  const rule = exchange.faults.wrongSeq({ sessionId, match: (p) => p.name === "seto.order_accepted", count: 1 }, -1n);
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4000, reference: 1n }));
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4032, reference: 2n }));
  await alice.next("seto.order_accepted", (a) => a.reference === 1n);
  await alice.next("seto.order_accepted", (a) => a.reference === 2n);
  t.is(rule.hits, 1);
  t.true(alice.errors.some((e) => e instanceof ProtocolError), "the client saw a seq below the expected one");
  const seqs = alice.inbox.all.map((p) => p.seq);
  t.is(new Set(seqs).size, seqs.length);
  t.is(alice.all("seto.order_accepted").length, 2);
});

test("dropped frames are noticed at the next payload and replayed", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const sessionId = alice.session.resumeState.sessionId as string;
  const rule = exchange.faults.drop({ sessionId, match: (p) => p.name === "seto.order_accepted", count: 1 });
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4000, reference: 1n }));
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4032, reference: 2n }));
  await alice.next("seto.order_accepted", (a) => a.reference === 1n);
  await alice.next("seto.order_accepted", (a) => a.reference === 2n);
  t.is(rule.hits, 1);
  t.true(alice.statuses.some((s) => s.state === "gap"));
  t.true(alice.statuses.some((s) => s.state === "gap-filled"));
});

test("delayed frames arrive late, out of order, and the client still gets each once", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const sessionId = alice.session.resumeState.sessionId as string;
  exchange.faults.delay(500, { sessionId, match: (p) => p.name === "seto.order_accepted", count: 1 });
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4000, reference: 1n }));
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 4032, reference: 2n }));
  await alice.next("seto.order_accepted", (a) => a.reference === 1n); // via the replay the gap triggers
  await alice.next("seto.order_accepted", (a) => a.reference === 2n);
  clock.advance(500);
  await alice.session.ping();
  t.is(alice.all("seto.order_accepted").length, 2);
  t.true(alice.errors.some((e) => e instanceof ProtocolError), "the late original is not taken again");
});

test("a session left without logout ends after sessionExpiryMs; resuming it then fails", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t, { sessionExpiryMs: 60_000 });
  const alice = await loggedIn();
  const sessionId = alice.session.resumeState.sessionId as string;
  await alice.drop();
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  clock.advance(59_999);
  t.truthy(exchange.sessions.get(sessionId));
  clock.advance(1);
  t.is(exchange.sessions.get(sessionId), undefined);
  const refused = await t.throwsAsync(alice.resume(), { instanceOf: LoginError });
  t.is(refused?.reason, eto.LogoutReason.LOGOUT_UNKNOWN_SESSION, "the client hears why the resume was refused");
});

test("resuming from a second connection while the first is still up takes the session over", async (t) => {
  const { exchange, loggedIn, client } = await setup(t);
  const first = await loggedIn();
  const state = first.session.resumeState;
  const second = client({ ...as(ALICE), sessionId: state.sessionId, inSeq: state.nextInSeq, outSeq: state.nextOutSeq });
  const info = await second.login();
  t.true(info.resumed);
  await first.closed;
  await second.session.ping();
  t.is(exchange.sessions.list().length, 1);
  t.true(exchange.sessions.get(info.sessionId)?.connected);
});

test("a heartbeat timeout counts as a failure for cancel_all_on_failure", async (t) => {
  const { exchange, clock, loggedIn } = await setup(t, { heartbeatIntervalMs: 1_000, deadAfterMs: 3_000 });
  const alice = await loggedIn();
  alice.send("seto.settings", { cancelAllOnFailure: true });
  await alice.next("seto.settings_accepted");
  alice.send("seto.order_create", orderCreate({ side: seto.Side.SIDE_BUY, quantity: QTY, price: 2000 }));
  await alice.next("seto.order_accepted");
  clock.advance(3_000);
  await alice.next("eto.logout");
  t.is(exchange.engine.liveOrders().length, 0);
});
