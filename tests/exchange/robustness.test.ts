// Hostile and broken input: garbage, oversized frames, unknown payload types,
// requests missing their body or with values outside the protocol, clients
// vanishing mid-frame. The exchange answers what it can, closes what it must,
// never crashes, and other sessions carry on.
import test from "ava";
import fc from "fast-check";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { encodeFrame, encodeUleb128 } from "../../runtime/framing/index.js";
import { pingPayload } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import type { ExchangeHandle } from "../../exchange/index.js";
import { RawClient } from "./helpers/raw-client.js";
import { ALICE, as, BOB, eventually, setup } from "./helpers/setup.js";

/** A raw connection logged in as Bob (login seq 1); the next seq to send is 2. */
async function rawBob(exchange: ExchangeHandle): Promise<{ raw: RawClient; sessionId: string }> {
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(loginPayload({ username: BOB.username, password: BOB.password, token: undefined }, { sessionId: undefined, accountSequence: undefined }), 1n);
  const response = await raw.next("eto.login_response");
  return { raw, sessionId: response.payload.etoPayload?.loginResponse?.session as string };
}

test("garbage before login gets LOGOUT_LOGIN_NOT_FIRST_SEQ and a closed connection; others carry on", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  const raw = await RawClient.connect(exchange);
  raw.send(new Uint8Array(16).fill(0xff)); // a length header that never ends
  const logout = await raw.next("eto.logout");
  t.is(logout.payload.etoPayload?.logout?.reason, eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ);
  await raw.closed;
  await alice.session.ping();
  t.deepEqual(exchange.sessions.list().map((s) => s.username), [ALICE.username]);
});

test("an oversized frame after login drops that connection (the session stays resumable); others carry on", async (t) => {
  const { exchange, loggedIn } = await setup(t, { maxFrameSize: 1024 });
  const alice = await loggedIn();
  const { raw, sessionId } = await rawBob(exchange);
  raw.send(encodeUleb128(1025));
  await raw.closed;
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  t.is(raw.inbox.all.filter((p) => p.name === "eto.logout").length, 0);
  await alice.session.ping();
});

test("an unreadable payload in a good frame is skipped; the session goes on", async (t) => {
  const { exchange } = await setup(t);
  const { raw, sessionId } = await rawBob(exchange);
  raw.send(encodeFrame(new Uint8Array([0xff, 0xff, 0xff, 0x01])));
  raw.sendPayload(pingPayload(), 2n);
  await raw.next("eto.pong");
  t.is(exchange.sessions.get(sessionId)?.nextInSeq, 3n);
  raw.destroy();
});

test("an unknown payload type, or one only the exchange sends, is ignored; the session goes on", async (t) => {
  const { exchange } = await setup(t);
  const { raw, sessionId } = await rawBob(exchange);
  raw.sendPayload({ type: 99 as seto.PayloadType }, 2n);
  raw.sendPayload({ type: seto.PayloadType.PAYLOAD_ORDER_ACCEPTED, orderAccepted: { seq: 1n, orderId: 1n } }, 3n);
  raw.sendPayload(pingPayload(), 4n);
  await raw.next("eto.pong");
  t.is(exchange.sessions.get(sessionId)?.nextInSeq, 5n);
  t.true(exchange.sessions.get(sessionId)?.connected);
  raw.destroy();
});

for (const [title, payload] of [
  ["an order-create without its body", { type: seto.PayloadType.PAYLOAD_ORDER_CREATE }],
  [
    "an order-create with a side outside the protocol",
    { type: seto.PayloadType.PAYLOAD_ORDER_CREATE, orderCreate: { side: 7 as seto.Side, quantity: 10_000n, price: 5000, marketId: 1, contractId: 1 } },
  ],
  ["a market-subscribe without its body", { type: seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE }],
] as const) {
  test(`${title} is a protocol violation: logout (LOGOUT_NONE), session ended; others carry on`, async (t) => {
    const { exchange, loggedIn } = await setup(t);
    const alice = await loggedIn();
    const { raw, sessionId } = await rawBob(exchange);
    raw.sendPayload(payload, 2n);
    const logout = await raw.next("eto.logout");
    t.is(logout.payload.etoPayload?.logout?.reason, eto.LogoutReason.LOGOUT_NONE);
    await raw.closed;
    t.is(exchange.sessions.get(sessionId), undefined);
    t.is(exchange.engine.liveOrders().length, 0);
    await alice.session.ping();
  });
}

test("a client vanishing mid-frame leaves the exchange and other sessions unharmed", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn(as(ALICE));
  const { raw, sessionId } = await rawBob(exchange);
  const frame = encodeFrame(new Uint8Array(200).fill(8));
  raw.send(frame.subarray(0, 50));
  raw.destroy();
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  t.is(exchange.sessions.get(sessionId)?.nextInSeq, 2n, "kept for resuming, nothing taken from the half frame");
  t.is(typeof (await alice.session.ping()), "number");
  t.is(exchange.sessions.connections, 1);
});

test("property: random bytes from many connections never disturb a logged-in session", async (t) => {
  const { exchange, loggedIn } = await setup(t);
  const alice = await loggedIn();
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.boolean(), async (bytes, loginFirst) => {
      const raw = loginFirst ? (await rawBob(exchange)).raw : await RawClient.connect(exchange);
      raw.send(bytes);
      raw.sendPayload(pingPayload(), 2n);
      raw.destroy();
      await raw.closed;
      await alice.session.ping();
    }),
    { numRuns: 40 },
  );
  await eventually(() => exchange.sessions.connections === 1);
  t.true(exchange.sessions.list().every((s) => s.username === ALICE.username || !s.connected));
});
