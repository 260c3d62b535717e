// The exchange's memory stays bounded whatever clients do (issue 11, defect 4:
// 13,708 abandoned logins took it to a 3.7 GB heap): sessions per account and
// in all, the replay store of each session in bytes, connections, inbound
// frames, what waits unread for a slow client. Each limit is checked on the
// counts and bytes the exchange reports (`exchange.sessions.stats()`).
import test from "ava";
import * as net from "node:net";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { encodeFrame, encodeUleb128 } from "../../runtime/framing/index.js";
import { encodePayload, pingPayload, replayRequestPayload, withSeq, type UnsequencedPayload } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import type { IncomingPayload } from "../../runtime/payload/incoming.js";
import type { ExchangeAccount, ExchangeHandle } from "../../exchange/index.js";
import { RawClient } from "./helpers/raw-client.js";
import { ALICE, BOB, eventually, setup } from "./helpers/setup.js";

const login = (a: ExchangeAccount, sessionId?: string) =>
  loginPayload({ username: a.username, password: a.password, token: undefined }, { sessionId, accountSequence: undefined });

/** Logs in on a new connection; returns the raw client and the session id. */
async function loginRaw(exchange: ExchangeHandle, account: ExchangeAccount = ALICE): Promise<{ raw: RawClient; sessionId: string }> {
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(account), 1n);
  const response = await raw.next("eto.login_response");
  return { raw, sessionId: response.payload.etoPayload?.loginResponse?.session as string };
}

/** Logs in and drops the connection without logout: an abandoned session. */
async function abandon(exchange: ExchangeHandle, account: ExchangeAccount = ALICE): Promise<string> {
  const { raw, sessionId } = await loginRaw(exchange, account);
  raw.destroy();
  await raw.closed;
  await eventually(() => exchange.sessions.get(sessionId)?.connected !== true);
  return sessionId;
}

async function refusal(raw: RawClient): Promise<eto.LogoutReason | undefined> {
  const p = await raw.next("eto.logout");
  await raw.closed;
  return p.payload.etoPayload?.logout?.reason;
}

test("logins abandoned beyond maxSessionsPerAccount end the account's oldest waiting sessions: N are kept", async (t) => {
  const { exchange } = await setup(t, { maxSessionsPerAccount: 3 });
  const ids: string[] = [];
  for (let i = 0; i < 8; i++) ids.push(await abandon(exchange));
  t.deepEqual(
    exchange.sessions.ofUser(ALICE.username).map((s) => s.id).sort(),
    ids.slice(-3).sort(),
    "the newest three are kept",
  );
  const stats = exchange.sessions.stats();
  t.is(stats.sessions, 3);
  t.is(stats.waitingSessions, 3);
  t.is(stats.sessionsEvicted, 5);
  // An evicted session is over: resuming it is refused.
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(ALICE, ids[0]), 2n);
  t.is(await refusal(raw), eto.LogoutReason.LOGOUT_UNKNOWN_SESSION);
  // Another account is not affected.
  await abandon(exchange, BOB);
  t.is(exchange.sessions.stats().sessions, 4);
});

test("with maxSessionsPerAccount sessions connected, one more login is refused (LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE); they carry on", async (t) => {
  const { exchange } = await setup(t, { maxSessionsPerAccount: 2 });
  const a = await loginRaw(exchange);
  const b = await loginRaw(exchange);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(ALICE), 1n);
  t.is(await refusal(raw), eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE);
  for (const c of [a, b]) {
    c.raw.sendPayload(pingPayload(), 2n);
    await c.raw.next("eto.pong");
  }
  t.is(exchange.sessions.stats().loginsRefused, 1);
  a.raw.destroy();
  b.raw.destroy();
});

test("maxSessions caps sessions over all accounts the same way", async (t) => {
  const { exchange } = await setup(t, { maxSessions: 2 });
  const first = await abandon(exchange, ALICE);
  await abandon(exchange, BOB);
  const third = await abandon(exchange, BOB);
  t.deepEqual(exchange.sessions.list().length, 2);
  t.is(exchange.sessions.get(first), undefined, "the oldest waiting session, whoever's, made room");
  t.truthy(exchange.sessions.get(third));
});

test("every account event goes to each waiting session, but each one's replay store is capped in bytes (outgoingStoreBytes)", async (t) => {
  const cap = 8 * 1024;
  const { exchange, clock } = await setup(t, { outgoingStoreBytes: cap });
  const ids = [await abandon(exchange), await abandon(exchange)];
  const accountId = exchange.accounts[0]!.accountId;
  for (let i = 0; i < 2_000; i++) exchange.publish(exchange.engine.cancelOrder({ accountId, orderId: BigInt(1_000_000 + i) }));
  const stats = exchange.sessions.stats();
  t.true(stats.storedBytes <= 2 * cap, `${stats.storedBytes} bytes stored for 2 sessions of ${cap}`);
  t.true(stats.storedBytes > cap, "both stores are full");
  t.true(stats.storedPayloads < 2 * 2_000, `${stats.storedPayloads} payloads kept`);
  // Resuming still works: what the store lost comes as gapfills, what it kept as replays.
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(ALICE, ids[0]), 2n);
  const response = await raw.next("eto.login_response");
  t.true(response.seq > 2_000n);
  raw.sendPayload(replayRequestPayload(3n), 3n);
  // The answer is written in slices, each after a 0 ms timer of the exchange's (fake) clock.
  let last: IncomingPayload | undefined;
  void raw.next("seto.order_cancel_rejected", (p) => p.isReplay && p.seq === response.seq - 1n).then((p) => (last = p));
  await eventually(() => {
    clock.advance(0);
    return last !== undefined;
  });
  t.true(last!.isReplay);
  // Every seq from 3 answered in turn, the ones the store lost with a gapfill at their own seq.
  const replayed = raw.inbox.all.filter((p) => p.isReplay).map((p) => p.seq);
  t.deepEqual(replayed.slice(0, Number(response.seq - 3n)), Array.from({ length: Number(response.seq - 3n) }, (_, i) => 3n + BigInt(i)));
  t.true(raw.inbox.all.some((p) => p.name === "eto.gapfill"));
  raw.destroy();
});

test("maxConnections: one more connection is refused (LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE) and closed; the others carry on", async (t) => {
  const { exchange } = await setup(t, { maxConnections: 2 });
  const a = await loginRaw(exchange);
  const idle = await RawClient.connect(exchange);
  await eventually(() => exchange.sessions.connections === 2);
  const extra = await RawClient.connect(exchange);
  t.is(await refusal(extra), eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE);
  t.is(exchange.sessions.stats().connectionsRefused, 1);
  a.raw.sendPayload(pingPayload(), 2n);
  await a.raw.next("eto.pong");
  idle.destroy();
  await eventually(() => exchange.sessions.connections === 1);
  const again = await loginRaw(exchange, BOB);
  t.truthy(again.sessionId, "room again once one closed");
  a.raw.destroy();
  again.raw.destroy();
});

test("a frame header announcing more than maxFrameSize (default 64 KiB for the exchange) closes the connection before anything is buffered", async (t) => {
  const { exchange } = await setup(t);
  const { raw, sessionId } = await loginRaw(exchange);
  raw.send(encodeUleb128(64 * 1024 + 1));
  await raw.closed;
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  t.pass();
});

test("a client that stops reading is cut off once maxBufferedOutBytes wait for it; its session waits to be resumed", async (t) => {
  const { exchange } = await setup(t, { maxBufferedOutBytes: 64 * 1024 });
  // A bare socket that never reads what the exchange sends.
  const socket = net.connect({ host: exchange.host, port: exchange.port });
  socket.pause();
  socket.on("error", () => {});
  const closed = new Promise((resolve) => socket.once("close", resolve));
  await new Promise((resolve) => socket.once("connect", resolve));
  const write = (p: UnsequencedPayload, seq: bigint) => socket.write(encodeFrame(encodePayload(withSeq(p, seq))));
  write(login(ALICE), 1n);
  await eventually(() => exchange.sessions.list().length === 1);
  const sessionId = exchange.sessions.list()[0]!.id;
  const accountId = exchange.accounts[0]!.accountId;
  for (let i = 0; i < 200; i++) exchange.publish(exchange.engine.cancelOrder({ accountId, orderId: BigInt(i + 1) }));
  // A replay storm: each request resends everything the session sent.
  let seq = 2n;
  while (!socket.destroyed && seq < 50_000n) {
    write(replayRequestPayload(1n), seq++);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await closed;
  t.true(seq < 50_000n, `cut after ${seq - 2n} replay requests`);
  t.log(`cut after ${seq - 2n} replay requests`);
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  t.truthy(exchange.sessions.get(sessionId), "the session waits to be resumed");
  t.is(exchange.sessions.stats().bufferedOutBytes, 0);
});

test("an account cannot hold more than maxLiveOrdersPerAccount live orders: the next is rejected CAPACITY_REACHED", async (t) => {
  const { exchange } = await setup(t, { maxLiveOrdersPerAccount: 3 });
  const accountId = exchange.accounts[0]!.accountId;
  const create = () =>
    exchange.engine.createOrder({ accountId, marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, quantity: 10_000n, price: 2000 }).events[0];
  for (let i = 0; i < 3; i++) t.is(create()?.kind, "order-accepted");
  t.like(create(), { kind: "order-rejected", reason: seto.OrderRejectedReason.ORDER_REJECTED_CAPACITY_REACHED });
});
