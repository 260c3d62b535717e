import test from "ava";
import * as eto from "../../generated/eto.js";
import { HandlerError } from "../../runtime/errors.js";
import { PayloadDropped } from "../../runtime/session/errors.js";
import { credentials, loggedIn, marketQuotes } from "./helpers/fixtures.js";

const replayFroms = (writes: { payload: { etoPayload?: { type?: number; replay?: { seq: bigint } } } }[]) =>
  writes.filter((w) => w.payload.etoPayload?.type === eto.PayloadType.PAYLOAD_REPLAY).map((w) => w.payload.etoPayload!.replay!.seq);

test("a handler that throws: HandlerError, seq not advanced, replay of that seq requested; the redelivery is processed", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  let failuresLeft = 1;
  rec.fail = (p) => p.seq === 2n && failuresLeft-- > 0;
  session.receive(peer.at(2n, marketQuotes(2)));
  t.is(rec.errors.length, 1);
  const e = rec.errors[0] as HandlerError;
  t.true(e instanceof HandlerError);
  t.is(e.seq, 2n);
  t.is(e.payloadName, "seto.market_subscribe");
  t.regex(e.message, /handler for seto\.market_subscribe seq 2 threw: handler refused seq 2/);
  t.is(session.resumeState.nextInSeq, 2n, "not acknowledged");
  t.deepEqual(replayFroms(wire.take()), [2n]);

  session.receive(peer.at(3n, marketQuotes(3))); // arrives meanwhile: held
  session.receive(peer.at(2n, marketQuotes(2), true));
  session.receive(peer.at(3n, marketQuotes(3), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n]);
  t.true(rec.payloads[1]!.isReplay, "the redelivery is flagged is_replay");
  t.deepEqual(replayFroms(wire.take()), [], "no further request: the gap is the failed seq");
  t.is(session.resumeState.nextInSeq, 4n);
});

test("after maxRedeliveries failures the payload is skipped and reported dropped; later ones flow", async (t) => {
  const { session, wire, rec, peer } = await loggedIn({ ...credentials, maxRedeliveries: 3 });
  rec.fail = (p) => p.seq === 2n;
  session.receive(peer.at(3n, marketQuotes(3))); // held behind the gap at 2
  wire.take();
  session.receive(peer.at(2n, marketQuotes(2), true)); // failure 1
  session.receive(peer.at(2n, marketQuotes(2), true)); // failure 2
  t.deepEqual(replayFroms(wire.take()), [2n, 2n]);
  session.receive(peer.at(2n, marketQuotes(2), true)); // failure 3: dropped, 3 dispatched
  t.deepEqual(rec.attempts.filter((s) => s === 2n).length, 3);
  t.deepEqual(rec.seqs, [1n, 3n]);
  t.is(rec.errors.filter((e) => e instanceof HandlerError).length, 3);
  const dropped = rec.errors.filter((e) => e instanceof PayloadDropped) as PayloadDropped[];
  t.is(dropped.length, 1);
  t.is(dropped[0]!.seq, 2n);
  t.is(dropped[0]!.attempts, 3);
  t.true(dropped[0]!.cause instanceof HandlerError);
  t.regex(dropped[0]!.message, /seto\.market_subscribe seq 2 skipped: its handler failed 3 times \(maxRedeliveries 3\)/);
  t.deepEqual(replayFroms(wire.take()), []);
  t.is(session.resumeState.nextInSeq, 4n);
  session.receive(peer.at(4n, marketQuotes(4)));
  t.deepEqual(rec.seqs, [1n, 3n, 4n]);
});

test("maxRedeliveries 1: the first failure drops the payload", async (t) => {
  const { session, rec, wire, peer } = await loggedIn({ ...credentials, maxRedeliveries: 1 });
  rec.fail = (p) => p.seq === 2n;
  session.receive(peer.at(2n, marketQuotes(2)));
  t.is(rec.errors.filter((e) => e instanceof PayloadDropped).length, 1);
  t.deepEqual(replayFroms(wire.take()), []);
  t.is(session.resumeState.nextInSeq, 3n);
});

test("a redelivery request that gets no answer is repeated after replayTimeoutMs", async (t) => {
  const { session, rec, wire, peer, clock } = await loggedIn({ ...credentials, replayTimeoutMs: 100 });
  let failures = 1;
  rec.fail = (p) => p.seq === 2n && failures-- > 0;
  session.receive(peer.at(2n, marketQuotes(2)));
  t.deepEqual(replayFroms(wire.take()), [2n]);
  clock.advance(100);
  t.deepEqual(replayFroms(wire.take()), [2n]);
  session.receive(peer.at(2n, marketQuotes(2), true));
  t.deepEqual(rec.seqs, [1n, 2n]);
});
