// Each way a login can go: accepted (password or token), refused (bad
// credentials, not a login first, seq not 1, unknown session), timed out.
import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { LoginError } from "../../runtime/errors.js";
import { pingPayload } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import { RawClient } from "./helpers/raw-client.js";
import { ALICE, as, BOB, eventually, setup } from "./helpers/setup.js";

const credentials = { username: ALICE.username, password: ALICE.password, token: undefined };
const noResume = { sessionId: undefined, accountSequence: undefined };

async function refusal(raw: RawClient): Promise<{ seq: bigint; reason: eto.LogoutReason | undefined }> {
  const p = await raw.next("eto.logout");
  await raw.closed;
  return { seq: p.seq, reason: p.payload.etoPayload?.logout?.reason };
}

test("the right password gets a login response (seq 1, a session id), then the throttle limits", async (t) => {
  const { exchange, client } = await setup(t, { throttle: { averageRatePs: 7, burstSize: 9, tickMs: 250 } });
  const alice = client();
  const info = await alice.login();
  t.regex(info.sessionId, /^[0-9a-f-]{36}$/);
  t.false(info.resumed);
  t.is(info.reset, 2n, "the seq the exchange expects next");
  t.deepEqual(await alice.next("seto.throttle_limits_changed"), { averageRatePs: 7, burstSize: 9, tickMs: 250 });
  const [s] = exchange.sessions.list();
  t.is(s?.id, info.sessionId);
  t.is(s?.username, "alice");
  t.true(s?.connected);
  t.is(s?.nextInSeq, 2n);
});

test("a token sent as the login cookie logs in to its account", async (t) => {
  const { exchange, client } = await setup(t);
  const bob = client({ token: BOB.token });
  await bob.login();
  t.is(exchange.sessions.list()[0]?.username, "bob");
});

for (const [title, login] of [
  ["a wrong password", { ...credentials, password: "nope" }],
  ["an unknown user", { ...credentials, username: "mallory" }],
  ["a wrong token", { username: undefined, password: undefined, token: "forged" }],
  ["no credentials", { username: undefined, password: undefined, token: undefined }],
] as const) {
  test(`${title} is refused with LOGOUT_UNAUTHORISED and the connection closed`, async (t) => {
    const { exchange } = await setup(t);
    const raw = await RawClient.connect(exchange);
    raw.sendPayload(loginPayload(login, noResume), 1n);
    t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_UNAUTHORISED });
    t.is(exchange.sessions.list().length, 0);
  });
}

test("the client Session sees a refused login as a LoginError with the reason", async (t) => {
  const { client } = await setup(t);
  const alice = client({ username: "alice", password: "wrong" });
  const err = await t.throwsAsync(alice.login(), { instanceOf: LoginError });
  t.is(err?.reason, eto.LogoutReason.LOGOUT_UNAUTHORISED);
});

test("a first payload that is not a login is refused with LOGOUT_LOGIN_NOT_FIRST_SEQ", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(pingPayload(), 1n);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ });
});

test("a new session's login with a seq other than 1 is refused with LOGOUT_LOGIN_NOT_FIRST_SEQ", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(loginPayload(credentials, noResume), 5n);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ });
});

test("a seto order before any login is refused with LOGOUT_LOGIN_NOT_FIRST_SEQ", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload({ type: seto.PayloadType.PAYLOAD_ORDER_CANCEL, orderCancel: { orderId: 1n } }, 1n);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ });
});

test("no login within loginTimeoutMs gets LOGOUT_LOGIN_TIMEOUT and the connection closed", async (t) => {
  const { exchange, clock } = await setup(t, { loginTimeoutMs: 5_000 });
  const raw = await RawClient.connect(exchange);
  await eventually(() => exchange.sessions.connections === 1);
  clock.advance(4_999);
  t.is(raw.inbox.all.length, 0);
  clock.advance(1);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_LOGIN_TIMEOUT });
});

test("a login resuming a session that does not exist is refused with LOGOUT_UNKNOWN_SESSION", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(loginPayload(credentials, { sessionId: "no-such-session", accountSequence: undefined }), 7n);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_UNKNOWN_SESSION });
});

test("another account's session id is unknown to this account", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const bob = await loggedIn(as(BOB));
  const bobsSession = bob.session.resumeState.sessionId as string;
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(loginPayload(credentials, { sessionId: bobsSession, accountSequence: undefined }), 2n);
  t.deepEqual(await refusal(raw), { seq: 1n, reason: eto.LogoutReason.LOGOUT_UNKNOWN_SESSION });
  t.true(exchange.sessions.get(bobsSession)?.connected);
});
