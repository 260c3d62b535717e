// The exact frames the reference Python SDK v9.4.4 sends
// (../shared/protocol/golden), replayed against the exchange by a scripted
// raw peer, with every reply they cause checked: its type, its seq, its body,
// and that nothing else arrives. The SDK takes a payload only when its seq is
// exactly the one it expects next (anything else it drops), so each reply is
// checked to carry that seq. Quirks of the SDK the exchange must take as the
// real one does: a seto message carries an eto_payload holding only its seq;
// a login with account_sequence_64 also sends account_sequence = 0; a
// heartbeat is answered with a heartbeat; after a reconnect it numbers its
// login 1 again, and then continues from the login_response's `reset`.
//
// The exchange hands out order ids from 12345 here, so the SDK's order_cancel
// (of order 12345) cancels the order its order_create placed.
import test, { type ExecutionContext } from "ava";
import { readFileSync } from "node:fs";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { etoPayload } from "../../runtime/payload/encode.js";
import { EXCHANGE_DEFAULTS, type ExchangeHandle } from "../../exchange/index.js";
import type { FakeClock } from "../../runtime/fake-clock.js";
import { recordingLogger } from "./helpers/recording-logger.js";
import { ScriptedPeer, serverCounters } from "./helpers/scripted-peer.js";
import { eventually, setup } from "./helpers/setup.js";
import { sharedPath, withShared } from "../helpers/shared.js";

const USER = { username: "user", password: "pass", token: "tok", balance: 1_000 };
const ORDER_ID = 12_345n;

interface Golden {
  get(name: string): Buffer;
}

function goldenFrames(file: string): Golden {
  const frames = new Map<string, Buffer>();
  for (const line of readFileSync(sharedPath("golden", file), "utf8").split("\n")) {
    const [name, hex] = line.trim().split(/\s+/);
    if (name && hex) frames.set(name, Buffer.from(hex, "hex"));
  }
  return {
    get: (name) => {
      const f = frames.get(name);
      if (f === undefined) throw new Error(`${file} has no frame ${name}`);
      return f;
    },
  };
}

/**
 * An exchange for the SDK's account, and a peer. The exchange must take
 * every quirk of the SDK as normal traffic: the test fails if it logged a
 * warning or an error (a protocol error, an unreadable payload, …).
 */
async function start(t: ExecutionContext): Promise<{ exchange: ExchangeHandle; peer: ScriptedPeer; clock: FakeClock; noComplaints(): void }> {
  const { logger, complaints } = recordingLogger();
  const { exchange, clock } = await setup(t, { accounts: [USER], firstOrderId: ORDER_ID, logger });
  const peer = await ScriptedPeer.connect(exchange);
  t.teardown(() => peer.destroy());
  return { exchange, peer, clock, noComplaints: () => t.deepEqual(complaints(), [], "the exchange complained about none of the SDK's traffic") };
}

/** Sends a golden frame; checks the exchange took it (its In moves past the frame's seq). */
async function send(t: ExecutionContext, exchange: ExchangeHandle, peer: ScriptedPeer, sessionId: string, frame: Buffer): Promise<void> {
  const seq = peer.sendFrame(frame);
  await eventually(() => (exchange.sessions.get(sessionId)?.nextInSeq ?? seq + 1n) > seq);
  t.is(exchange.sessions.get(sessionId)?.nextInSeq ?? seq + 1n, seq + 1n, `the exchange took seq ${seq}`);
}

withShared(test)("python-sdk-frames.txt: login, ping, order create, cancel, subscribe, logout — every reply, in the SDK's sequence", async (t) => {
  const frames = goldenFrames("python-sdk-frames.txt");
  const { exchange, peer, noComplaints } = await start(t);

  t.is(peer.sendFrame(frames.get("login_user_pass")), 1n);
  const { body: login } = await peer.expect("eto.login_response", 1n);
  t.is(login.reset, 2n, "the SDK numbers its next payload from reset");
  const session = login.session;
  await peer.expect("seto.throttle_limits_changed", 2n);
  t.deepEqual(serverCounters(exchange, session), { in: 2n, out: 3n });

  await send(t, exchange, peer, session, frames.get("ping"));
  await peer.expect("eto.pong", 3n);

  await send(t, exchange, peer, session, frames.get("order_create"));
  const { body: accepted } = await peer.expect("seto.order_accepted", 4n);
  t.like(accepted, { seq: 3n, orderId: ORDER_ID, side: seto.Side.SIDE_BUY, price: 2500, quantity: 400_000n, marketId: 1, contractId: 2, accountSequence64: 1n });
  await peer.expect("seto.balance_changed", 5n);

  await send(t, exchange, peer, session, frames.get("order_cancel"));
  const { body: cancelled } = await peer.expect("seto.order_cancelled", 6n);
  t.like(cancelled, { orderId: ORDER_ID, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, accountSequence64: 3n });
  await peer.expect("seto.balance_changed", 7n);

  await send(t, exchange, peer, session, frames.get("market_subscribe"));
  const { body: quotes } = await peer.expect("seto.market_quotes", 8n);
  t.is(quotes.marketId, 1);
  t.deepEqual(quotes.contractQuotes.map((c) => c.contractId), [1, 2]);
  t.deepEqual(quotes.contractQuotes.find((c) => c.contractId === 2)?.bids, [], "the cancelled order left the book");
  t.deepEqual(serverCounters(exchange, session), { in: 6n, out: 9n });

  t.is(peer.sendFrame(frames.get("logout")), 6n);
  const { body: logout } = await peer.expect("eto.logout", 9n);
  t.is(logout.reason, eto.LogoutReason.LOGOUT_CONFIRMATION);
  await peer.closed;
  t.is(peer.in, 10n, "the SDK took every payload the exchange sent, in order");
  t.is(peer.unread, 0, "and nothing else came");
  t.is(exchange.sessions.list().length, 0, "the session ended");
  noComplaints();
});

withShared(test)("python-sdk-frames.txt: the token login (cookie) opens a session for the token's account, reset 2", async (t) => {
  const { exchange, peer, noComplaints } = await start(t);
  peer.sendFrame(goldenFrames("python-sdk-frames.txt").get("login_token"));
  const { body } = await peer.expect("eto.login_response", 1n);
  t.is(body.reset, 2n);
  await peer.expect("seto.throttle_limits_changed", 2n);
  t.deepEqual(exchange.sessions.list().map((s) => s.username), ["user"]);
  t.is(peer.unread, 0);
  noComplaints();
});

withShared(test)("python-sdk-frames.txt: login_resume (account_sequence 0 beside account_sequence_64 7) resends the account's events from 7 on, in the SDK's sequence", async (t) => {
  const { exchange, peer, noComplaints } = await start(t);
  const accountId = exchange.accounts[0]!.accountId;
  // Eight account events (accepted and balance-changed for four orders) before the login.
  for (let i = 0; i < 4; i++) {
    exchange.engine.createOrder({ accountId, marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, quantity: 10_000n, price: 2000 });
  }
  peer.sendFrame(goldenFrames("python-sdk-frames.txt").get("login_resume"));
  const { body: login } = await peer.expect("eto.login_response", 1n);
  t.is(login.reset, 2n);
  await peer.expect("seto.throttle_limits_changed", 2n);
  const { body: resent } = await peer.expect("seto.order_accepted", 3n);
  t.is(resent.accountSequence64, 7n, "from 7: account_sequence = 0 does not mean from the start");
  t.is(resent.orderId, ORDER_ID + 3n);
  await peer.expect("seto.balance_changed", 4n);
  t.is(peer.unread, 0, "nothing before 7 is resent");
  noComplaints();
});

withShared(test)("python-sdk-frames-reset5.txt: a client built like the SDK resumes with a login numbered 1 again, is told reset 5, and runs on with the SDK's frames after reset = 5", async (t) => {
  const frames = goldenFrames("python-sdk-frames.txt");
  const reset5 = goldenFrames("python-sdk-frames-reset5.txt");
  const { exchange, peer, clock, noComplaints } = await start(t);

  // First connection: login 1, ping 2, order_create 3 (order 12345), and the SDK's answer to a heartbeat, 4.
  peer.sendFrame(frames.get("login_user_pass"));
  const session = (await peer.expect("eto.login_response", 1n)).body.session;
  await peer.expect("seto.throttle_limits_changed", 2n);
  await send(t, exchange, peer, session, frames.get("ping"));
  await peer.expect("eto.pong", 3n);
  await send(t, exchange, peer, session, frames.get("order_create"));
  t.is((await peer.expect("seto.order_accepted", 4n)).body.orderId, ORDER_ID);
  await peer.expect("seto.balance_changed", 5n);
  clock.advance(EXCHANGE_DEFAULTS.heartbeatIntervalMs);
  await peer.expect("eto.heartbeat", 6n);
  // The SDK answers a heartbeat with one of its own (seto type eto, eto type heartbeat).
  peer.send(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT));
  await eventually(() => serverCounters(exchange, session).in === 5n);
  t.deepEqual(serverCounters(exchange, session), { in: 5n, out: 7n }, "the heartbeat is taken, not answered again");

  // The connection drops. The SDK numbers from 1 again on every connect; this
  // client, built like it, also names its session to resume it.
  await peer.reconnect(exchange);
  await eventually(() => exchange.sessions.get(session)?.connected === false);
  peer.send(
    {
      type: seto.PayloadType.PAYLOAD_LOGIN,
      etoPayload: { type: eto.PayloadType.PAYLOAD_LOGIN, login: { session } },
      login: { username: USER.username, password: USER.password },
    },
    1n,
  );
  // eto/login-response.txt: a login below the seq expected gets reset = the seq expected.
  const { body: resumed } = await peer.expect("eto.login_response", 7n);
  t.deepEqual([resumed.session, resumed.reset], [session, 5n]);
  await peer.expect("seto.throttle_limits_changed", 8n);
  t.deepEqual(serverCounters(exchange, session), { in: 5n, out: 9n });

  // The SDK's frames after reset = 5.
  await send(t, exchange, peer, session, reset5.get("ping"));
  await peer.expect("eto.pong", 9n);
  await send(t, exchange, peer, session, reset5.get("order_create"));
  const { body: accepted } = await peer.expect("seto.order_accepted", 10n);
  t.like(accepted, { seq: 6n, orderId: ORDER_ID + 1n, price: 2500, quantity: 400_000n, contractId: 2 });
  await peer.expect("seto.balance_changed", 11n);
  await send(t, exchange, peer, session, reset5.get("order_cancel"));
  const { body: cancelled } = await peer.expect("seto.order_cancelled", 12n);
  t.like(cancelled, { orderId: ORDER_ID, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED });
  await peer.expect("seto.balance_changed", 13n);
  await send(t, exchange, peer, session, reset5.get("market_subscribe"));
  const { body: quotes } = await peer.expect("seto.market_quotes", 14n);
  t.deepEqual(quotes.contractQuotes.find((c) => c.contractId === 2)?.bids, [{ price: 2500, quantity: 400_000n }], "order 12346 rests, 12345 is gone");
  t.is(peer.sendFrame(reset5.get("logout")), 9n);
  t.is((await peer.expect("eto.logout", 15n)).body.reason, eto.LogoutReason.LOGOUT_CONFIRMATION);
  await peer.closed;
  t.is(peer.unread, 0, "nothing else came");
  t.is(exchange.sessions.list().length, 0);
  noComplaints();
});
