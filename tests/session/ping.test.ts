import test from "ava";
import * as eto from "../../generated/eto.js";
import { AbortedError, SocketDisconnected, TimeoutError, ArgumentError } from "../../runtime/errors.js";
import { etoTypeOf, loggedIn } from "./helpers/fixtures.js";

test("ping resolves with the round-trip time on the clock", async (t) => {
  const { session, wire, clock, peer } = await loggedIn();
  const rtt = session.ping();
  const [w] = wire.take();
  t.is(etoTypeOf(w!), eto.PayloadType.PAYLOAD_PING);
  t.true(w!.urgent);
  clock.advance(42);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await rtt, 42);
});

test("pongs answer pings in order; an abandoned ping still takes its pong", async (t) => {
  const { session, clock, peer } = await loggedIn();
  const controller = new AbortController();
  const first = session.ping({ signal: controller.signal });
  clock.advance(5);
  const second = session.ping();
  controller.abort();
  await t.throwsAsync(first, { instanceOf: AbortedError, message: /ping was aborted/ });
  clock.advance(10);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG)); // answers the first
  let settled = false;
  void second.then(() => (settled = true));
  await Promise.resolve();
  t.false(settled);
  clock.advance(3);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await second, 13);
});

test("ping timeoutMs rejects with TimeoutError; a bad timeout with ArgumentError", async (t) => {
  const { session, clock } = await loggedIn();
  const p = session.ping({ timeoutMs: 250 });
  clock.advance(250);
  const e = await t.throwsAsync(p, { instanceOf: TimeoutError });
  t.is(e?.timeoutMs, 250);
  await t.throwsAsync(session.ping({ timeoutMs: -1 }), { instanceOf: ArgumentError, message: /timeoutMs for ping must be a number of milliseconds/ });
});

test("an already-aborted signal rejects without sending", async (t) => {
  const { session, wire } = await loggedIn();
  await t.throwsAsync(session.ping({ signal: AbortSignal.abort() }), { instanceOf: AbortedError });
  t.deepEqual(wire.take(), []);
});

test("a disconnect rejects outstanding pings with SocketDisconnected", async (t) => {
  const { session } = await loggedIn();
  const p = session.ping();
  session.disconnected(new Error("EPIPE"));
  await t.throwsAsync(p, { instanceOf: SocketDisconnected });
});

test("settled calls leave no timers behind", async (t) => {
  const { session, clock, peer } = await loggedIn({ username: "u", password: "p", heartbeatIntervalMs: 1e6, deadAfterMs: 2e6 });
  const before = clock.pendingTimers;
  const p = session.ping({ timeoutMs: 1_000 });
  t.is(clock.pendingTimers, before + 1);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG));
  await p;
  t.is(clock.pendingTimers, before);
});
