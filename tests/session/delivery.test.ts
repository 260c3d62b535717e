// What the session does with its sink's verdicts (issue 11 §2): a sink that
// throws is reported and the payload counts as processed, never delivered
// again; a sink that declines a payload halts delivery there, the incoming seq
// staying on it, and the next connection resumes from it. A delivery limit
// holds the rest back, in order, until it is raised.
import test from "ava";
import * as eto from "../../generated/eto.js";
import { HandlerError } from "../../runtime/errors.js";
import { credentials, etoTypeOf, loggedIn, marketQuotes } from "./helpers/fixtures.js";

const replayRequests = (writes: { payload: { etoPayload?: { type?: number } } }[]) =>
  writes.filter((w) => w.payload.etoPayload?.type === eto.PayloadType.PAYLOAD_REPLAY).length;

test("a sink that throws: one HandlerError, the seq advances, no replay is asked for, and a resent copy is not delivered again", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  rec.fail = (p) => p.seq === 2n;
  session.receive(peer.at(2n, marketQuotes(2)));
  session.receive(peer.at(3n, marketQuotes(3)));
  t.deepEqual(rec.attempts, [1n, 2n, 3n]);
  t.is(rec.errors.length, 1);
  const e = rec.errors[0] as HandlerError;
  t.true(e instanceof HandlerError);
  t.is(e.seq, 2n);
  t.is(session.resumeState.nextInSeq, 4n);
  t.is(replayRequests(wire.take()), 0);
  rec.fail = () => false;
  session.receive(peer.at(2n, marketQuotes(2), true));
  t.deepEqual(rec.attempts, [1n, 2n, 3n], "never delivered twice");
});

test("a sink that declines a payload: delivery halts on it, the seq stays there, and what follows waits for the next connection", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  rec.refuse = (p) => p.seq === 3n;
  session.receive(peer.at(2n, marketQuotes(2)));
  session.receive(peer.at(4n, marketQuotes(4))); // ahead: held
  session.receive(peer.at(3n, marketQuotes(3))); // declined: 4 stays held behind it
  session.receive(peer.at(5n, marketQuotes(5))); // after the halt: ignored
  t.deepEqual(rec.seqs, [1n, 2n]);
  t.deepEqual(rec.attempts, [1n, 2n, 3n]);
  t.is(session.resumeState.nextInSeq, 3n, "the incoming seq stays on the declined payload");
  t.is(rec.errors.length, 0, "declining is the sink's decision, reported by it");
  wire.take();

  // The next connection resumes from it: the peer's replay brings 3, 4, 5 again, each delivered once.
  rec.refuse = () => false;
  session.disconnected();
  session.connected();
  const login = session.login();
  peer.next = 6n;
  session.receive(peer.loginResponse());
  await login;
  t.is(replayRequests(wire.take()), 1, "the gap up to the login response is asked for");
  for (const seq of [3n, 4n, 5n]) session.receive(peer.at(seq, marketQuotes(Number(seq)), true));
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n, 5n, 6n], "then the login response held behind them");
  t.is(session.resumeState.nextInSeq, 7n);
});

test("a delivery limit: payloads beyond it wait in order, with their session duties, until it is raised", async (t) => {
  const { session, wire, rec, peer } = await loggedIn(credentials);
  session.limitDelivery(2);
  session.receive(peer.at(2n, marketQuotes(2)));
  session.receive(peer.at(4n, marketQuotes(4))); // ahead of 3
  session.receive(peer.at(3n, marketQuotes(3))); // 2 delivered so far: the second of the limit; 4 waits in the hold
  wire.take(); // the replay request for the gap before 4
  peer.next = 5n;
  session.receive(peer.eto(eto.PayloadType.PAYLOAD_PING));
  t.deepEqual(rec.seqs, [1n, 2n, 3n]);
  t.is(session.waiting, 2, "4 next in the hold, the ping in the inbox");
  t.deepEqual(wire.take().map(etoTypeOf), [], "the ping waits with the rest: not answered yet");
  session.limitDelivery(1);
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n]);
  t.deepEqual(wire.take().map(etoTypeOf), []);
  session.limitDelivery(Infinity);
  t.is(session.waiting, 0);
  t.deepEqual(rec.seqs, [1n, 2n, 3n, 4n, 5n]);
  t.deepEqual(wire.take().map(etoTypeOf), [eto.PayloadType.PAYLOAD_PONG], "answered once delivery resumed");
});
