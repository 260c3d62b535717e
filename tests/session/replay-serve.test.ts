import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { ProtocolError } from "../../runtime/errors.js";
import { etoPayload } from "../../runtime/payload/encode.js";
import { credentials, etoTypeOf, loggedIn, marketQuotes, MemoryLogger } from "./helpers/fixtures.js";

function t_noErrors(errors: unknown[]): void {
  if (errors.length > 0) throw new Error(`setup reported errors: ${errors.map(String).join("; ")}`);
}

const replayRequest = (from: bigint) => etoPayload(eto.PayloadType.PAYLOAD_REPLAY, { replay: { seq: from } });

/** Logged in, then sent: 2 market_subscribe, 3 heartbeat (idle), 4 ping, 5 heartbeat (answer), 6 replay request, 7 order_cancel. */
async function withHistory(settings = credentials, logger?: MemoryLogger) {
  const s = await loggedIn({ ...settings, heartbeatIntervalMs: 1_000, deadAfterMs: 60_000 }, logger);
  s.session.send(marketQuotes(9));
  s.clock.advance(1_000);
  void s.session.ping();
  s.session.receive(s.peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT)); // answer to ours: not echoed
  s.session.receive(s.peer.eto(eto.PayloadType.PAYLOAD_HEARTBEAT)); // its own: answered (5)
  s.session.receive(s.peer.at(5n, marketQuotes(1))); // gap at 4: replay request (6)
  s.session.receive(s.peer.at(4n, marketQuotes(1), true));
  s.peer.next = 6n;
  s.session.send({ type: seto.PayloadType.PAYLOAD_ORDER_CANCEL, orderCancel: { orderId: 12345n } });
  const sent = s.wire.take();
  t_noErrors(s.rec.errors);
  return { ...s, sent };
}

test("a replay request is served: admin payloads as gapfills, the rest resent flagged is_replay, in seq order", async (t) => {
  const { session, wire, rec, peer, sent } = await withHistory();
  t.deepEqual(
    sent.map((w) => [w.payload.etoPayload?.seq, etoTypeOf(w) ?? w.payload.type]),
    [
      [2n, seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE],
      [3n, eto.PayloadType.PAYLOAD_HEARTBEAT],
      [4n, eto.PayloadType.PAYLOAD_PING],
      [5n, eto.PayloadType.PAYLOAD_HEARTBEAT],
      [6n, eto.PayloadType.PAYLOAD_REPLAY],
      [7n, seto.PayloadType.PAYLOAD_ORDER_CANCEL],
    ],
  );
  session.receive(peer.fresh(replayRequest(1n)));
  const replay = wire.take();
  t.true(replay.every((w) => w.payload.etoPayload?.isReplay === true));
  t.deepEqual(replay.map((w) => w.urgent), [false, false, false, false, false, false, true], "one flush, after the last");
  t.deepEqual(
    replay.map((w) => [w.payload.etoPayload?.seq, etoTypeOf(w) ?? w.payload.type]),
    [
      [1n, eto.PayloadType.PAYLOAD_GAPFILL], // login
      [2n, seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE],
      [3n, eto.PayloadType.PAYLOAD_GAPFILL], // heartbeat
      [4n, eto.PayloadType.PAYLOAD_PING],
      [5n, eto.PayloadType.PAYLOAD_GAPFILL], // heartbeat
      [6n, eto.PayloadType.PAYLOAD_GAPFILL], // replay
      [7n, seto.PayloadType.PAYLOAD_ORDER_CANCEL],
    ],
  );
  // Resent payloads are the originals plus is_replay.
  t.is(replay[1]!.payload.marketSubscribe?.marketId, 9);
  t.is(replay[6]!.payload.orderCancel?.orderId, 12345n);
  t.deepEqual(rec.statuses.filter((s) => s.state === "replaying"), [{ state: "replaying", from: 1n, to: 7n }]);
  t.is(session.resumeState.nextOutSeq, 8n, "replays reuse their seqs");
});

test("a replay from the middle resends from there; a request for the future sends nothing and is a ProtocolError", async (t) => {
  const { session, wire, peer, clock, rec } = await withHistory();
  session.receive(peer.fresh(replayRequest(6n)));
  clock.advance(0);
  t.deepEqual(wire.take().map((w) => w.payload.etoPayload?.seq), [6n, 7n]);
  session.receive(peer.fresh(replayRequest(8n)));
  session.receive(peer.fresh(replayRequest(50n)));
  clock.advance(0);
  t.deepEqual(wire.take(), []);
  t.deepEqual(rec.errors.map((e) => e instanceof ProtocolError && /asks for seqs from (8|50), but our next outgoing seq is 8/.test(e.message)), [true, true]);
});

test("a replay reaching back past the store gets a gapfill at each lost seq, and a warning", async (t) => {
  const logger = new MemoryLogger();
  const { session, wire, rec, peer, clock } = await withHistory({ ...credentials, outgoingStoreSize: 3 }, logger);
  session.receive(peer.fresh(replayRequest(2n)));
  clock.advance(0);
  const replay = wire.take();
  t.deepEqual(
    replay.map((w) => [w.payload.etoPayload?.seq, etoTypeOf(w) ?? w.payload.type]),
    [
      [2n, eto.PayloadType.PAYLOAD_GAPFILL], // 2..4 lost (market_subscribe, heartbeat, ping): each its gapfill
      [3n, eto.PayloadType.PAYLOAD_GAPFILL],
      [4n, eto.PayloadType.PAYLOAD_GAPFILL],
      [5n, eto.PayloadType.PAYLOAD_GAPFILL], // heartbeat
      [6n, eto.PayloadType.PAYLOAD_GAPFILL], // replay
      [7n, seto.PayloadType.PAYLOAD_ORDER_CANCEL],
    ],
  );
  const warnings = logger.at("warn");
  t.is(warnings.length, 1);
  t.regex(warnings[0]!.msg!, /past the outgoing store/);
  t.like(warnings[0]!.obj as object, { lostFrom: 2n, lostTo: 4n, oldestHeld: 5n });
  t.deepEqual(rec.errors, []);
});

test("a replay request without a seq is a ProtocolError", async (t) => {
  const { session, rec, peer, wire } = await loggedIn();
  session.receive(peer.fresh(etoPayload(eto.PayloadType.PAYLOAD_REPLAY)));
  t.true(rec.errors[0] instanceof ProtocolError);
  t.deepEqual(wire.take(), []);
});
