import test from "ava";
import * as eto from "../../generated/eto.js";
import { etoTypeOf, loggedIn, marketQuotes, credentials } from "./helpers/fixtures.js";

const settings = { ...credentials, heartbeatIntervalMs: 1_000, deadAfterMs: 3_000 };

test("a heartbeat from the peer is answered at once, as an urgent write", async (t) => {
  const { session, wire, peer } = await loggedIn(settings);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT));
  const writes = wire.take();
  t.is(writes.length, 1);
  t.is(etoTypeOf(writes[0]!), eto.PayloadType.PAYLOAD_HEARTBEAT);
  t.true(writes[0]!.urgent);
  t.is(writes[0]!.payload.etoPayload?.seq, 2n);
});

test("after heartbeatIntervalMs without sending, a heartbeat goes out; sending postpones it", async (t) => {
  const { session, wire, clock, peer } = await loggedIn(settings);
  clock.advance(999);
  t.deepEqual(wire.take(), []);
  clock.advance(1);
  const first = wire.take();
  t.is(first.length, 1);
  t.is(etoTypeOf(first[0]!), eto.PayloadType.PAYLOAD_HEARTBEAT);
  t.true(first[0]!.urgent);

  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT)); // its answer: not echoed
  t.deepEqual(wire.take(), []);

  clock.advance(600);
  session.send(marketQuotes(1));
  wire.take();
  clock.advance(999);
  t.deepEqual(wire.take(), [], "the send at +600 restarted the idle interval");
  clock.advance(1);
  t.is(etoTypeOf(wire.take()[0]!), eto.PayloadType.PAYLOAD_HEARTBEAT);
});

test("two peers that both answer heartbeats do not echo forever", async (t) => {
  const { session, wire, clock, peer } = await loggedIn(settings);
  clock.advance(1_000); // ours goes out
  t.is(wire.take().length, 1);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT)); // the peer's answer
  t.deepEqual(wire.take(), [], "an answer is not answered");
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT)); // the peer's own
  t.is(wire.take().length, 1, "a heartbeat of the peer's own is answered");
});

test("nothing received for deadAfterMs: the connection is declared dead, once", async (t) => {
  const { session, rec, clock, peer } = await loggedIn(settings);
  clock.advance(2_000);
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT));
  clock.advance(2_999);
  t.false(rec.states().includes("dead"), "traffic at +2000 restarted the silence");
  clock.advance(1);
  t.deepEqual(rec.statuses.filter((s) => s.state === "dead"), [{ state: "dead", silentForMs: 3_000 }]);
  clock.advance(10_000);
  t.is(rec.states().filter((s) => s === "dead").length, 1);
});

test("heartbeats stop after a disconnect, and resume with the next login", async (t) => {
  const { session, wire, clock, peer } = await loggedIn(settings);
  session.disconnected();
  clock.advance(10_000);
  t.deepEqual(wire.take(), []);
  t.is(clock.pendingTimers, 0);
  session.connected();
  const login = session.login();
  session.receive(peer.loginResponse());
  await login;
  wire.take();
  clock.advance(1_000);
  t.is(etoTypeOf(wire.take()[0]!), eto.PayloadType.PAYLOAD_HEARTBEAT);
});

test("a link's chunk is proof of life once for the chunk: its frames read no clock, and silence is counted from the chunk", async (t) => {
  const { session, rec, clock, peer } = await loggedIn(settings);
  clock.advance(2_000);
  let reads = 0;
  const now = clock.now.bind(clock);
  clock.now = () => {
    reads++;
    return now();
  };
  const before = rec.payloads.length;
  session.chunkArrived();
  t.is(reads, 1, "one clock read for the chunk");
  for (let i = 0; i < 5; i++) session.frame(peer.fresh(marketQuotes(1)));
  t.is(reads, 1, "none for its frames");
  t.is(rec.payloads.length - before, 5);
  clock.advance(2_999);
  t.false(rec.states().includes("dead"), "the chunk at +2000 restarted the silence");
  clock.advance(1);
  t.deepEqual(rec.statuses.filter((s) => s.state === "dead"), [{ state: "dead", silentForMs: 3_000 }]);
});
