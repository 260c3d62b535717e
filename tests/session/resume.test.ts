import test from "ava";
import { FakeClock } from "../../runtime/fake-clock.js";
import { MemoryOutgoingStore, type OutgoingStore } from "../../runtime/session/outgoing-store.js";
import { Session } from "../../runtime/session/session.js";
import { MiniExchange } from "./helpers/exchange.js";
import { marketQuotes, Recorder } from "./helpers/fixtures.js";

/** A client Session and a MiniExchange joined by a link whose in-flight bytes are lost when it drops. */
function link(exchangeStore?: OutgoingStore) {
  const clock = new FakeClock();
  const exchange = new MiniExchange(clock, exchangeStore);
  const rec = new Recorder();
  let up = false;
  const c2s: Uint8Array[] = [];
  const s2c: Uint8Array[] = [];
  exchange.wire.write = (b) => void (up && s2c.push(b));
  const client = new Session({ settings: { username: "u", password: "p" }, output: { write: (b) => void (up && c2s.push(b)) }, sink: rec, listener: rec, clock });
  return {
    clock,
    exchange,
    client,
    rec,
    c2s,
    s2c,
    connect() {
      up = true;
      exchange.core.open();
      client.connected();
      return client.login();
    },
    drop() {
      up = false;
      c2s.length = 0;
      s2c.length = 0;
      exchange.core.close();
      client.disconnected(new Error("link dropped"));
    },
    /** Delivers what is in flight both ways, and runs what is due now (replays are answered from 0 ms timers), until all is quiet. */
    pump() {
      do {
        while (c2s.length > 0 || s2c.length > 0) {
          for (const b of c2s.splice(0)) exchange.core.receive(b);
          for (const b of s2c.splice(0)) client.receive(b);
        }
        clock.advance(0);
      } while (c2s.length > 0 || s2c.length > 0);
    },
  };
}

const ids = (rec: Recorder) => rec.payloads.flatMap((p) => (p.payload.marketSubscribe ? [p.payload.marketSubscribe.marketId] : []));

test("after a drop, login resumes the same session and seqs, and replays both ways fill what was lost", async (t) => {
  const l = link();
  const first = l.connect();
  l.pump();
  const info = await first;
  t.false(info.resumed);

  l.client.send(marketQuotes(1));
  l.client.send(marketQuotes(2));
  l.exchange.core.send(marketQuotes(101), false);
  l.exchange.core.send(marketQuotes(102), false);
  // Only the first payload of each direction makes it; the link drops with the rest in flight.
  l.exchange.core.receive(l.c2s.shift()!);
  l.client.receive(l.s2c.shift()!);
  const before = l.client.resumeState;
  l.drop();
  t.deepEqual(l.client.resumeState, before, "the resume state survives the drop");
  l.exchange.core.send(marketQuotes(103), false); // sent while the client is away

  const again = l.connect();
  t.deepEqual(l.c2s.length, 1);
  l.pump();
  const resumed = await again;
  t.true(resumed.resumed);
  t.is(resumed.sessionId, info.sessionId);
  t.deepEqual(ids(l.rec), [101, 102, 103]);
  t.deepEqual(ids(l.exchange.rec), [1, 2]);
  t.true(l.rec.payloads.find((p) => p.payload.marketSubscribe?.marketId === 102)!.isReplay);
  t.deepEqual(l.rec.errors, []);
  t.deepEqual(l.exchange.rec.errors, []);
  t.is(l.client.resumeState.nextInSeq, l.exchange.core.nextOutSeq);
  t.is(l.exchange.core.nextInSeq, l.client.resumeState.nextOutSeq);
});

test("an exchange that answers a resume with a new session: the client follows the new stream", async (t) => {
  const l = link();
  const first = l.connect();
  l.pump();
  await first;
  l.exchange.core.send(marketQuotes(7), false);
  l.pump();
  l.drop();
  l.exchange.sessionId = undefined; // the exchange forgot the session
  const again = l.connect();
  l.pump();
  const info = await again;
  t.false(info.resumed);
  t.is(info.sessionId, "session-2");
  l.exchange.core.send(marketQuotes(8), false);
  l.pump();
  t.deepEqual(ids(l.rec), [7, 8]);
  t.is(l.client.resumeState.nextInSeq, 3n);
  t.deepEqual(l.rec.errors, []);
});

test("logout against the exchange: confirmed", async (t) => {
  const l = link();
  const first = l.connect();
  l.pump();
  await first;
  const done = l.client.logout();
  l.pump();
  t.is(await done, 3); // LOGOUT_CONFIRMATION
});

test("both roles on the shared core: an exchange whose store lost what the client missed answers each lost seq with a gapfill at its own seq; the client moves past them and takes the rest", async (t) => {
  const l = link(new MemoryOutgoingStore(20));
  const first = l.connect();
  l.pump();
  await first;
  l.drop();
  for (let i = 1; i <= 100; i++) l.exchange.core.send(marketQuotes(i), false); // sent while the client is away; the store keeps 20
  const again = l.connect();
  l.pump();
  t.true((await again).resumed);
  // The exchange's stream: 1 login response, 2..101 the quotes, 102 the new login response. It holds 83..102:
  // 2..82 come back as gapfills (what they carried is gone), the rest as themselves.
  t.deepEqual(ids(l.rec), Array.from({ length: 19 }, (_, i) => 82 + i), "82..100 (seqs 83..101) delivered once, in order");
  t.deepEqual(l.rec.errors, []);
  t.is(l.client.resumeState.nextInSeq, l.exchange.core.nextOutSeq);
  // The session goes on: no replay request is left outstanding.
  l.exchange.core.send(marketQuotes(500), false);
  l.pump();
  t.is(ids(l.rec).at(-1), 500);
});
