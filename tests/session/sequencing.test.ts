import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { ProtocolError } from "../../runtime/errors.js";
import { SESSION_DEFAULTS } from "../../runtime/session/settings.js";
import { etoTypeOf, loggedIn, marketQuotes, credentials } from "./helpers/fixtures.js";

const replayRequests = (writes: { payload: { etoPayload?: { type?: number; replay?: { seq: bigint } } } }[]) =>
  writes.filter((w) => w.payload.etoPayload?.type === eto.PayloadType.PAYLOAD_REPLAY).map((w) => w.payload.etoPayload!.replay!.seq);

test("a gap gets exactly one replay request; held payloads are dispatched in order once it fills", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  session.receive(peer.at(2n, marketQuotes(2)));
  for (const seq of [5n, 6n, 7n]) session.receive(peer.at(seq, marketQuotes(Number(seq))));
  const writes = wire.take();
  t.deepEqual(replayRequests(writes), [3n]);
  t.true(writes[0]!.urgent);
  t.deepEqual(rec.statuses.filter((s) => s.state === "gap"), [{ state: "gap", from: 3n, to: 4n }]);
  t.deepEqual(rec.seqs, [1n, 2n]);

  // The peer replays from 3 upward.
  for (const seq of [3n, 4n, 5n, 6n, 7n]) session.receive(peer.at(seq, marketQuotes(Number(seq)), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n, 5n, 6n, 7n]);
  t.deepEqual(rec.payloads.slice(1).map((p) => p.payload.marketSubscribe?.marketId), [2, 3, 4, 5, 6, 7]);
  t.deepEqual(rec.statuses.at(-1), { state: "gap-filled", next: 8n });
  t.deepEqual(rec.errors, []);
  t.deepEqual(wire.take(), []);
  t.deepEqual(session.resumeState.nextInSeq, 8n);
});

test("duplicate replays and duplicate held payloads are ignored silently", async (t) => {
  const { session, rec, peer, wire } = await loggedIn();
  session.receive(peer.at(3n, marketQuotes(3)));
  session.receive(peer.at(3n, marketQuotes(3))); // again, while held
  session.receive(peer.at(2n, marketQuotes(2), true));
  session.receive(peer.at(2n, marketQuotes(2), true));
  session.receive(peer.at(3n, marketQuotes(3), true));
  session.receive(peer.at(1n, marketQuotes(1), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n]);
  t.deepEqual(rec.errors, []);
  t.deepEqual(replayRequests(wire.take()), [2n]);
});

test("a payload behind the expected seq without is_replay is a ProtocolError, not dispatched", async (t) => {
  const { session, rec, peer } = await loggedIn();
  session.receive(peer.at(2n, marketQuotes(2)));
  session.receive(peer.at(2n, marketQuotes(2)));
  t.deepEqual(rec.seqs, [1n, 2n]);
  t.is(rec.errors.length, 1);
  t.true(rec.errors[0] instanceof ProtocolError);
  t.regex(rec.errors[0]!.message, /seto\.market_subscribe seq 2 is below the expected 3 and not flagged is_replay/);
});

test("a gapfill advances the expected seq without reaching the listener", async (t) => {
  const { session, rec, peer } = await loggedIn();
  session.receive(peer.at(2n, { type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_GAPFILL } }, true));
  session.receive(peer.at(3n, marketQuotes(3)));
  t.deepEqual(rec.seqs, [1n, 3n]);
  t.is(session.resumeState.nextInSeq, 4n);
});

test("a replay that makes no progress within replayTimeoutMs is requested again", async (t) => {
  const { session, wire, clock, rec, peer } = await loggedIn({ ...credentials, replayTimeoutMs: 500 });
  session.receive(peer.at(4n, marketQuotes(4)));
  t.deepEqual(replayRequests(wire.take()), [2n]);
  clock.advance(300);
  session.receive(peer.at(2n, marketQuotes(2), true)); // progress: the timeout restarts
  clock.advance(499);
  t.deepEqual(replayRequests(wire.take()), []);
  clock.advance(1);
  t.deepEqual(replayRequests(wire.take()), [3n]);
  session.receive(peer.at(3n, marketQuotes(3), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n]);
  clock.advance(5_000);
  t.deepEqual(replayRequests(wire.take()), [], "no more requests once the gap is filled");
});

test("a full hold drops what arrives; the replay brings it again", async (t) => {
  const { session, wire, rec, peer } = await loggedIn({ ...credentials, maxHeldPayloads: 2 });
  for (const seq of [3n, 4n, 6n, 5n, 7n]) session.receive(peer.at(seq, marketQuotes(Number(seq))));
  // Held: 3 and 4 (the first to come); 6, 5, 7 dropped.
  t.deepEqual(replayRequests(wire.take()), [2n]);
  session.receive(peer.at(2n, marketQuotes(2), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n]);
  for (const seq of [3n, 4n, 5n, 6n, 7n]) session.receive(peer.at(seq, marketQuotes(Number(seq)), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n, 5n, 6n, 7n]);
  t.deepEqual(rec.errors, []);
});

test("eto admin payloads reach the listener in order too", async (t) => {
  const { session, rec, peer } = await loggedIn();
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT));
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PING));
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_THROTTLE_EXCEEDED));
  t.deepEqual(rec.payloads.map((p) => p.name), ["eto.login_response", "eto.heartbeat", "eto.ping", "eto.throttle_exceeded"]);
  t.deepEqual(rec.statuses.at(-1), { state: "throttle-exceeded", seq: 4n });
});

test("a ping is answered with an urgent pong", async (t) => {
  const { session, wire, peer } = await loggedIn();
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PING));
  const [w] = wire.take();
  t.is(etoTypeOf(w!), eto.PayloadType.PAYLOAD_PONG);
  t.true(w!.urgent);
});

test("live session duties act on arrival, even ahead of a gap; replays of them do not act again", async (t) => {
  const { session, wire, peer } = await loggedIn();
  session.receive(peer.at(3n, { type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_PING } }));
  const writes = wire.take();
  t.deepEqual(writes.map(etoTypeOf), [eto.PayloadType.PAYLOAD_PONG, eto.PayloadType.PAYLOAD_REPLAY]);
  session.receive(peer.at(2n, marketQuotes(2), true));
  session.receive(peer.at(3n, { type: 1, etoPayload: { type: eto.PayloadType.PAYLOAD_PING } }, true));
  t.deepEqual(wire.take(), []);
});

test("an unreadable payload is reported as a ParseError and the stream recovers by replay", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  session.receive(Uint8Array.from([0x08, 0x03, 0x12]));
  t.is(rec.errors[0]?.name, "ParseError");
  session.receive(peer.at(3n, marketQuotes(3)));
  t.deepEqual(replayRequests(wire.take()), [2n]);
});

test("payloads received from inside a handler are processed after it, in order", async (t) => {
  const { session, rec, peer } = await loggedIn();
  const inner = peer.at(3n, marketQuotes(3));
  let nested = false;
  rec.fail = (p) => {
    if (p.seq === 2n && !nested) {
      nested = true;
      session.receive(inner);
      t.deepEqual(rec.seqs, [1n], "not dispatched inside the handler");
    }
    return false;
  };
  session.receive(peer.at(2n, marketQuotes(2)));
  t.deepEqual(rec.seqs, [1n, 2n, 3n]);
});

/** A payload of about `size` bytes (a seto login whose user name fills it). */
const bulky = (size: number) => ({ type: seto.PayloadType.PAYLOAD_LOGIN, login: { username: "x".repeat(size), password: "p" } });

test("payloads held behind a gap are capped in bytes (maxHeldBytes, default 16 MiB): 300 × 100 KB are not all held", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  t.is(SESSION_DEFAULTS.maxHeldBytes, 16 * 1024 * 1024);
  // Seq 2 is missing; 3..302 arrive, 100 KB each: 30 MB in all.
  for (let seq = 3n; seq <= 302n; seq++) session.receive(peer.at(seq, bulky(100_000)));
  t.deepEqual(replayRequests(wire.take()), [2n]);
  session.receive(peer.at(2n, marketQuotes(2), true));
  const held = rec.seqs.length - 2; // beyond the login response and 2
  t.true(held > 0 && held * 100_000 <= SESSION_DEFAULTS.maxHeldBytes, `${held} payloads of 100 KB were held`);
  // The replay resends the rest: every seq is delivered once, in order.
  for (let seq = 3n; seq <= 302n; seq++) session.receive(peer.at(seq, bulky(100_000), true));
  t.deepEqual(rec.seqs, Array.from({ length: 302 }, (_, i) => BigInt(i + 1)));
  t.deepEqual(rec.errors, []);
});

test("maxHeldBytes is a setting", async (t) => {
  const { session, rec, peer } = await loggedIn({ ...credentials, maxHeldBytes: 250_000 });
  for (let seq = 3n; seq <= 12n; seq++) session.receive(peer.at(seq, bulky(100_000)));
  session.receive(peer.at(2n, marketQuotes(2), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n], "two of 100 KB fit in 250 KB");
});
