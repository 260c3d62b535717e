import test from "ava";
import { encodePayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";
import { InboundSequencer } from "../../runtime/session/inbound-sequencer.js";
import { marketQuotes } from "./helpers/fixtures.js";

const incoming = (seq: bigint, isReplay = false) => {
  const p = withSeq(marketQuotes(1), seq);
  if (isReplay) p.etoPayload = { ...p.etoPayload!, isReplay: true };
  return new IncomingPayload(encodePayload(p));
};

test("placement: next, ahead, held, duplicate, behind", (t) => {
  const s = new InboundSequencer(5n, 10);
  t.is(s.place(incoming(5n)), "next");
  t.is(s.place(incoming(7n)), "ahead");
  s.hold(incoming(7n));
  t.is(s.place(incoming(7n)), "held");
  t.is(s.place(incoming(4n, true)), "duplicate");
  t.is(s.place(incoming(4n)), "behind");
});

test("one replay request per gap, however many payloads arrive ahead", (t) => {
  const s = new InboundSequencer(1n, 10);
  t.is(s.hold(incoming(3n)).requestReplayFrom, 1n);
  t.is(s.hold(incoming(4n)).requestReplayFrom, undefined);
  t.is(s.hold(incoming(6n)).requestReplayFrom, undefined);
  t.true(s.awaitingReplay);
  t.is(s.highestSeen, 6n);
  s.processed(); // 1 done
  t.is(s.takeNext(), undefined, "2 missing");
  s.processed(); // 2 done (the replay), 3 is held
  t.is(s.place(incoming(3n, true)), "held", "the one held at expected waits for takeNext");
  t.is(s.takeNext()?.seq, 3n);
  s.processed();
  t.is(s.takeNext()?.seq, 4n);
  s.processed();
  t.is(s.takeNext(), undefined);
  t.true(s.awaitingReplay, "5 is still missing");
  t.is(s.retryReplay(), 5n);
  s.processed(); // 5
  t.is(s.expected, 6n);
  t.is(s.takeNext()?.seq, 6n);
  s.processed(); // 6
  t.false(s.awaitingReplay);
  t.is(s.retryReplay(), undefined);
});

test("beyond maxHeld the arriving payload is dropped, without searching the hold", (t) => {
  const s = new InboundSequencer(1n, 2);
  t.is(s.hold(incoming(3n)).dropped, undefined);
  t.is(s.hold(incoming(5n)).dropped, undefined);
  t.is(s.hold(incoming(9n)).dropped, 9n, "full: the newcomer is dropped");
  t.is(s.hold(incoming(4n)).dropped, 4n, "lower than some held, dropped all the same (the replay brings it)");
  t.is(s.heldCount, 2);
  t.is(s.highestSeen, 9n, "dropped payloads still count as seen: the gap stays open until 9");
});

test("the hold is bounded in bytes too: a payload that would take it past maxHeldBytes is dropped", (t) => {
  const size = incoming(2n).bytes.length;
  const s = new InboundSequencer(1n, 1_000, 2 * size);
  t.is(s.hold(incoming(2n)).dropped, undefined);
  t.is(s.hold(incoming(3n)).dropped, undefined);
  t.is(s.hold(incoming(4n)).dropped, 4n);
  t.is(s.heldBytes, 2 * size);
  s.processed(); // 1 done
  t.is(s.takeNext()?.seq, 2n, "2 comes out of the hold");
  t.is(s.heldBytes, size);
  t.is(s.hold(incoming(5n)).dropped, undefined, "room again");
  s.restart(10n);
  t.is(s.heldBytes, 0);
});

test("maxHeld 0 holds nothing but still opens the gap", (t) => {
  const s = new InboundSequencer(1n, 0);
  const r = s.hold(incoming(2n));
  t.deepEqual(r, { dropped: 2n, requestReplayFrom: 1n });
  t.is(s.heldCount, 0);
});

test("held payloads are detached from the receive buffer", (t) => {
  const s = new InboundSequencer(1n, 10);
  const p = incoming(2n);
  s.hold(p);
  p.bytes.fill(0); // the receive buffer is reused
  s.processed();
  const held = s.takeNext();
  t.not(held?.bytes, p.bytes);
  t.is(held?.seq, 2n);
  t.is(held?.payload.marketSubscribe?.marketId, 1);
});

test("restart forgets held payloads and gaps", (t) => {
  const s = new InboundSequencer(1n, 10);
  s.hold(incoming(4n));
  s.restart(10n);
  t.is(s.expected, 10n);
  t.is(s.heldCount, 0);
  t.false(s.awaitingReplay);
  t.is(s.highestSeen, 9n);
});
