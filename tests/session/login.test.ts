import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { AbortedError, ArgumentError, LoginError, LoginTimeout, ProtocolError } from "../../runtime/errors.js";
import { SessionStateError } from "../../runtime/session/errors.js";
import { marketQuotes, setup, credentials } from "./helpers/fixtures.js";

test("login with username and password: seq 1 both ways, session id remembered", async (t) => {
  const { session, wire, rec, peer } = setup();
  session.connected();
  const login = session.login();
  const [w, ...more] = wire.take();
  t.is(more.length, 0);
  t.true(w!.urgent);
  t.is(w!.payload.type, seto.PayloadType.PAYLOAD_LOGIN);
  t.deepEqual(w!.payload.etoPayload, { seq: 1n, type: eto.PayloadType.PAYLOAD_LOGIN, isReplay: undefined, replay: undefined, login: undefined, loginResponse: undefined, logout: undefined });
  t.is(w!.payload.login?.username, "user");
  t.is(w!.payload.login?.password, "pass");
  t.is(w!.payload.login?.cookie, undefined);
  t.is(session.state, "logging-in");

  session.receive(peer.loginResponse("abc"));
  const info = await login;
  t.is(info.sessionId, "abc");
  t.false(info.resumed);
  t.is(info.reset, undefined);
  t.is(session.state, "logged-in");
  t.deepEqual(session.resumeState, { sessionId: "abc", nextInSeq: 2n, nextOutSeq: 2n });
  t.deepEqual(rec.states(), ["connected", "logging-in", "logged-in"]);
  // The login response itself reaches the listener too.
  t.deepEqual(rec.payloads.map((p) => p.name), ["eto.login_response"]);
});

test("token login sends the token as the seto login cookie (UTF-8) and no username/password", async (t) => {
  const { session, wire, peer } = setup({ token: "tök" });
  session.connected();
  const login = session.login();
  const w = wire.take()[0]!;
  t.deepEqual(w.payload.login?.cookie, new TextEncoder().encode("tök"));
  t.is(w.payload.login?.username, undefined);
  t.is(w.payload.login?.password, undefined);
  session.receive(peer.loginResponse("tok-session"));
  t.is((await login).sessionId, "tok-session");
});

test("resuming: the login names the session and carries the saved outgoing seq; the response is expected at the saved incoming seq", async (t) => {
  // The docs' example: client Out 20, In 78.
  const { session, wire, rec, peer } = setup({ ...credentials, sessionId: "s-9", inSeq: 78n, outSeq: 20n });
  peer.next = 78n;
  session.connected();
  const login = session.login();
  const w = wire.take()[0]!;
  t.is(w.payload.etoPayload?.seq, 20n);
  t.deepEqual(w.payload.etoPayload?.login, { session: "s-9" });
  t.is(w.payload.login?.accountSequence, undefined);
  t.is(w.payload.login?.accountSequence64, undefined);
  t.deepEqual(rec.statuses[1], { state: "logging-in", resuming: true });
  session.receive(peer.loginResponse("s-9"));
  const info = await login;
  t.true(info.resumed);
  t.deepEqual(session.resumeState, { sessionId: "s-9", nextInSeq: 79n, nextOutSeq: 21n });
  t.deepEqual(wire.take(), [], "no replay needed: nothing was missed");
});

test("resuming with payloads missed: the response is ahead, one replay is requested, the replay fills the gap (docs' example)", async (t) => {
  const { session, wire, rec, peer } = setup({ ...credentials, sessionId: "s", inSeq: 54n, outSeq: 40n });
  peer.next = 58n;
  session.connected();
  const login = session.login();
  wire.take();
  session.receive(peer.loginResponse("s"));
  await login; // the login completes on arrival, even though its seq is ahead
  const writes = wire.take();
  t.is(writes.length, 1);
  t.is(writes[0]!.payload.etoPayload?.type, eto.PayloadType.PAYLOAD_REPLAY);
  t.is(writes[0]!.payload.etoPayload?.replay?.seq, 54n);
  t.is(writes[0]!.payload.etoPayload?.seq, 41n);
  t.deepEqual(rec.payloads, []);
  for (const seq of [54n, 55n, 56n, 57n]) session.receive(peer.at(seq, { type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_PONG } }, true));
  session.receive(peer.at(58n, { type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_GAPFILL } }, true));
  t.deepEqual(rec.seqs, [54n, 55n, 56n, 57n, 58n]);
  t.is(rec.payloads[4]!.name, "eto.login_response");
  t.deepEqual(session.resumeState, { sessionId: "s", nextInSeq: 59n, nextOutSeq: 42n });
  t.deepEqual(rec.errors, []);
});

test("account sequence: sent as account_sequence_64 with account_sequence = 0, on the first login only", async (t) => {
  const { session, wire, peer } = setup({ ...credentials, accountSequence: 7n });
  session.connected();
  const login = session.login();
  const first = wire.take()[0]!;
  t.is(first.payload.login?.accountSequence, 0);
  t.is(first.payload.login?.accountSequence64, 7n);
  session.receive(peer.loginResponse("acc"));
  await login;
  session.disconnected();
  session.connected();
  const again = session.login();
  const second = wire.take()[0]!;
  t.is(second.payload.login?.accountSequence64, undefined, "the eto session resume covers account events now");
  t.deepEqual(second.payload.etoPayload?.login, { session: "acc" });
  session.receive(peer.loginResponse("acc"));
  t.true((await again).resumed);
});

for (const [name, reason] of Object.entries(eto.LogoutReason).filter(([, v]) => typeof v === "number" && v > 0) as [string, number][]) {
  test(`login refused with ${name}: LoginError carries the reason`, async (t) => {
    const { session, rec, peer } = setup();
    session.connected();
    const login = session.login();
    session.receive(peer.logout(reason));
    const e = await t.throwsAsync(login, { instanceOf: LoginError, message: new RegExp(name) });
    t.is(e?.reason, reason);
    t.is(session.state, "logged-out");
    t.deepEqual(rec.statuses.at(-1), { state: "logged-out", reason });
  });
}

test("login refused with a logout that gives no reason: LOGOUT_NONE", async (t) => {
  const { session, peer } = setup();
  session.connected();
  const login = session.login();
  session.receive(peer.logout(undefined));
  const e = await t.throwsAsync(login, { instanceOf: LoginError });
  t.is(e?.reason, eto.LogoutReason.LOGOUT_NONE);
});

test("no login response within loginTimeoutMs: LoginTimeout", async (t) => {
  const { session, clock } = setup({ ...credentials, loginTimeoutMs: 2_000 });
  session.connected();
  const login = session.login();
  clock.advance(1_999);
  let settled = false;
  login.then(
    () => (settled = true),
    () => (settled = true),
  );
  await Promise.resolve();
  t.false(settled);
  clock.advance(1);
  const e = await t.throwsAsync(login, { instanceOf: LoginTimeout });
  t.is(e?.timeoutMs, 2_000);
});

test("login timeoutMs option overrides the setting; abort rejects with AbortedError", async (t) => {
  const { session, clock } = setup();
  session.connected();
  const timed = session.login({ timeoutMs: 50 });
  clock.advance(50);
  t.is((await t.throwsAsync(timed, { instanceOf: LoginTimeout }))?.timeoutMs, 50);

  const s2 = setup();
  s2.session.connected();
  const controller = new AbortController();
  const aborted = s2.session.login({ signal: controller.signal });
  controller.abort(new Error("user gave up"));
  await t.throwsAsync(aborted, { instanceOf: AbortedError, message: /login was aborted/ });
});

test("an already-aborted signal rejects the login without sending it", async (t) => {
  const { session, wire } = setup();
  session.connected();
  await t.throwsAsync(session.login({ signal: AbortSignal.abort() }), { instanceOf: AbortedError });
  t.deepEqual(wire.take(), []);
  t.is(session.state, "connected");
});

test("login-response reset sets the next outgoing seq", async (t) => {
  const { session, wire, peer } = setup();
  session.connected();
  const login = session.login();
  session.receive(peer.loginResponse("r", 5n));
  t.is((await login).reset, 5n);
  t.is(session.resumeState.nextOutSeq, 5n);
  wire.take();
  t.is(session.send(marketQuotes(1)), 5n);
  t.is(wire.take()[0]!.payload.etoPayload?.seq, 5n);
});

test("a login response with reset 0 is reported as a protocol error and the seq kept", async (t) => {
  const { session, rec, peer } = setup();
  session.connected();
  const login = session.login();
  session.receive(peer.loginResponse("r", 0n));
  await login;
  t.true(rec.errors.some((e) => e instanceof ProtocolError && /reset 0/.test(e.message)));
  t.is(session.resumeState.nextOutSeq, 2n);
});

test("login is refused before connected() and twice on one connection", async (t) => {
  const { session } = setup();
  await t.throwsAsync(session.login(), { instanceOf: SessionStateError, message: /disconnected/ });
  session.connected();
  void session.login().catch(() => {});
  await t.throwsAsync(session.login(), { instanceOf: SessionStateError, message: /logging-in/ });
});

test("a fresh login lost to a disconnect starts over at seq 1", async (t) => {
  const { session, wire, peer } = setup();
  session.connected();
  const login = session.login();
  session.disconnected(new Error("reset by peer"));
  const e = await t.throwsAsync(login, { instanceOf: LoginError, message: /connection closed/ });
  t.is(e?.reason, undefined);
  session.connected();
  const again = session.login();
  t.is(wire.take().at(-1)!.payload.etoPayload?.seq, 1n);
  session.receive(peer.loginResponse());
  await again;
});

test("send, ping and logout before login are refused with SessionStateError", async (t) => {
  const { session } = setup();
  session.connected();
  t.throws(() => session.send(marketQuotes(1)), { instanceOf: SessionStateError, message: /seto\.market_subscribe.*connected, not logged-in/ });
  await t.throwsAsync(session.ping(), { instanceOf: SessionStateError });
  t.is(await session.logout(), undefined);
});

test("connected() twice is refused; forgetSession() only while disconnected, then the next login is new", async (t) => {
  const { session, wire, peer } = setup();
  session.connected();
  t.throws(() => session.connected(), { instanceOf: SessionStateError });
  const login = session.login();
  session.receive(peer.loginResponse("old"));
  await login;
  session.send(marketQuotes(1));
  t.throws(() => session.forgetSession(), { instanceOf: SessionStateError, message: /logged-in/ });
  session.disconnected();
  session.forgetSession();
  t.deepEqual(session.resumeState, { sessionId: undefined, nextInSeq: 1n, nextOutSeq: 1n });
  session.connected();
  void session.login();
  const w = wire.take().at(-1)!;
  t.is(w.payload.etoPayload?.seq, 1n);
  t.is(w.payload.etoPayload?.login, undefined);
});

test("send refuses payloads only the session may send, and unknown types", async (t) => {
  const { session, peer } = setup();
  session.connected();
  const login = session.login();
  session.receive(peer.loginResponse());
  await login;
  t.throws(() => session.send({ type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_PING } }), { instanceOf: ArgumentError, message: /eto\.ping cannot be sent with send\(\)/ });
  t.throws(() => session.send({ type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_GAPFILL } }), { instanceOf: ArgumentError });
  t.throws(() => session.send({ type: seto.PayloadType.PAYLOAD_LOGIN, login: {} }), { instanceOf: ArgumentError });
  t.throws(() => session.send({ ...marketQuotes(1), etoPayload: { isReplay: true } }), { instanceOf: ArgumentError, message: /is_replay is set by the session/ });
  t.throws(() => session.send({ type: 99 as seto.PayloadType }), { instanceOf: ArgumentError, message: /unknown payload type: seto 99/ });
  t.throws(() => session.send({ type: seto.PayloadType.PAYLOAD_ORDER_CANCEL, orderCancel: { orderId: 2n ** 64n } }), { instanceOf: ArgumentError, message: /does not encode/ });
  t.is(session.resumeState.nextOutSeq, 2n, "nothing refused used a seq");
});
