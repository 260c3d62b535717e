// What the eto docs say the exchange does, in words rather than tables, each
// checked against the exchange by the scripted raw peer (its counters follow
// the docs' rules: see helpers/scripted-peer.ts).
import test from "ava";
import * as eto from "../../../generated/eto.js";
import { EXCHANGE_DEFAULTS } from "../../../exchange/index.js";
import { etoPayload, pingPayload, replayRequestPayload } from "../../../runtime/payload/encode.js";
import { ALICE, setup } from "../helpers/setup.js";
import { ScriptedPeer, serverCounters } from "../helpers/scripted-peer.js";
import { accountLogin } from "./prepare.js";

test("eto/replay.txt: a replay resends every payload from the seq asked for with its seq and is_replay; login-response, replay and heartbeat come as gapfills. Both sides ask for and serve replays", async (t) => {
  const { exchange, clock } = await setup(t);
  const peer = await ScriptedPeer.connect(exchange);
  peer.send(accountLogin(ALICE));
  const session = (await peer.expect("eto.login_response", 1n)).body.session;
  await peer.expect("seto.throttle_limits_changed", 2n);
  clock.advance(EXCHANGE_DEFAULTS.heartbeatIntervalMs);
  await peer.expect("eto.heartbeat", 3n);
  peer.send(pingPayload()); // 2
  await peer.expect("eto.pong", 4n);
  // The client's 3 is lost on the way: its 4 (a ping, answered on arrival) shows the exchange a gap, and
  // the exchange asks for a replay from 3.
  peer.out = 4n;
  peer.send(pingPayload()); // 4
  await peer.expect("eto.pong", 5n);
  const { body: asked } = await peer.expect("eto.replay", 6n);
  t.is(asked.seq, 3n);
  // The client serves it: its 3 and 4 again, flagged is_replay; the exchange takes both, in order.
  peer.send(etoPayload(eto.PayloadType.PAYLOAD_PING, { isReplay: true }), 3n);
  peer.send(etoPayload(eto.PayloadType.PAYLOAD_PING, { isReplay: true }), 4n);
  peer.send(replayRequestPayload(1n)); // 5: now the client asks for everything from 1
  const resent = [];
  for (let seq = 1n; seq <= 6n; seq++) {
    const p = await peer.receive();
    resent.push([p.name, p.seq, p.isReplay]);
  }
  t.deepEqual(resent, [
    ["eto.gapfill", 1n, true], // the login_response
    ["seto.throttle_limits_changed", 2n, true],
    ["eto.gapfill", 3n, true], // the heartbeat
    ["eto.pong", 4n, true],
    ["eto.pong", 5n, true],
    ["eto.gapfill", 6n, true], // the exchange's replay request
  ]);
  t.deepEqual(serverCounters(exchange, session), { in: 6n, out: 7n });
  t.is(peer.unread, 0);
  peer.destroy();
});

test("eto/seq.txt: after the login, many payloads go each way without waiting for acknowledgement; each is numbered in turn", async (t) => {
  const { exchange } = await setup(t);
  const peer = await ScriptedPeer.connect(exchange);
  peer.send(accountLogin(ALICE));
  const session = (await peer.expect("eto.login_response", 1n)).body.session;
  await peer.expect("seto.throttle_limits_changed", 2n);
  for (let i = 0; i < 100; i++) peer.send(pingPayload());
  for (let seq = 3n; seq < 103n; seq++) await peer.expect("eto.pong", seq);
  t.deepEqual([peer.out, peer.in], [102n, 103n]);
  t.deepEqual(serverCounters(exchange, session), { in: 102n, out: 103n });
  peer.destroy();
});

test("eto/downtime-alert.txt: when the exchange goes down every client is logged out (LOGOUT_DOWNTIME) and disconnected", async (t) => {
  const { exchange } = await setup(t);
  const peers = [await ScriptedPeer.connect(exchange), await ScriptedPeer.connect(exchange)];
  for (const peer of peers) {
    peer.send(accountLogin(ALICE));
    await peer.expect("eto.login_response", 1n);
    await peer.expect("seto.throttle_limits_changed", 2n);
  }
  const closing = exchange.close();
  for (const peer of peers) {
    t.is((await peer.expect("eto.logout", 3n)).body.reason, eto.LogoutReason.LOGOUT_DOWNTIME);
    await peer.closed;
  }
  await closing;
});
