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

test("pings never answered do not pile up: each leaves the line with its TimeoutError, and the next pong answers the next ping", async (t) => {
  const { session, clock, peer } = await loggedIn({ username: "u", password: "p", heartbeatIntervalMs: 1e6, deadAfterMs: 2e6 });
  const unanswered = Array.from({ length: 1_000 }, () => session.ping({ timeoutMs: 500 }));
  t.is(session.pingsWaiting, 1_000);
  clock.advance(500);
  for (const p of unanswered) await t.throwsAsync(p, { instanceOf: TimeoutError, message: /ping did not complete within 500 ms/ });
  t.is(session.pingsWaiting, 0, "none of them waits any more");
  const next = session.ping();
  clock.advance(7);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await next, 7, "the pong answers the ping still waiting, not one that expired");
  t.is(session.pingsWaiting, 0);
});

test("an aborted ping keeps its place until its time limit would have passed; aborted without a limit, it leaves at once", async (t) => {
  const { session, clock, peer } = await loggedIn({ username: "u", password: "p", heartbeatIntervalMs: 1e6, deadAfterMs: 2e6 });
  const forever = new AbortController();
  const noLimit = session.ping({ timeoutMs: Infinity, signal: forever.signal });
  forever.abort();
  await t.throwsAsync(noLimit, { instanceOf: AbortedError });
  t.is(session.pingsWaiting, 0);
  const limited = new AbortController();
  const aborted = session.ping({ timeoutMs: 100, signal: limited.signal });
  limited.abort();
  await t.throwsAsync(aborted, { instanceOf: AbortedError });
  t.is(session.pingsWaiting, 1, "its pong may still come: it keeps its place");
  clock.advance(100);
  const later = session.ping();
  t.is(session.pingsWaiting, 1, "past its time limit it left the line");
  clock.advance(3);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await later, 3);
});
