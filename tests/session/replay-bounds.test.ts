// What a peer's replay requests can cost us is bounded (issue 11), and the
// answers are standard eto (replay.txt, seq.txt): every seq is answered in
// turn at its own seq, a seq the store no longer holds with a gapfill, so
// a peer built like Smarkets' own clients (it takes only the seq it expects
// and asks again for anything else) always makes progress. Answers are
// written in slices from timers, yielding to the event loop between them;
// requests coalesce; one answer writes at most maxReplayBytes and
// maxReplayPayloads; a request for seqs not sent is refused; an absurd
// login-response reset is refused; the outgoing store is bounded in bytes as
// well as count.
import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import type { Clock, TimerHandle } from "../../runtime/clock.js";
import { etoPayload } from "../../runtime/payload/encode.js";
import { MemoryOutgoingStore, STORED_ENTRY_OVERHEAD } from "../../runtime/session/outgoing-store.js";
import { Session } from "../../runtime/session/session.js";
import { SESSION_DEFAULTS, type SessionSettings } from "../../runtime/session/settings.js";
import { ProtocolError } from "../../runtime/errors.js";
import { MAX_RESET_AHEAD } from "../../runtime/session/session.js";
import * as fixtures from "./helpers/fixtures.js";
import { credentials, marketQuotes, Peer, Recorder } from "./helpers/fixtures.js";

const replayRequest = (from: bigint) => etoPayload(eto.PayloadType.PAYLOAD_REPLAY, { replay: { seq: from } });

/**
 * A clock whose time stands still and whose timers due now (0 ms) fire one
 * at a time, when the test says: each firing is one turn of the event loop.
 * Longer timers (heartbeats, replay timeouts) never fire.
 */
class StepClock implements Clock {
  readonly #timers: { fn: () => void; cancelled: boolean }[] = [];
  now(): number {
    return 0;
  }
  setTimer(ms: number, fn: () => void): TimerHandle {
    const t = { fn, cancelled: false };
    if (ms <= 0) this.#timers.push(t);
    return { cancel: () => void (t.cancelled = true) };
  }
  /** Fires the oldest timer due; false when none is left. */
  step(): boolean {
    for (;;) {
      const t = this.#timers.shift();
      if (t === undefined) return false;
      if (t.cancelled) continue;
      t.fn();
      return true;
    }
  }
}

/** Counts what the session writes, reading only each frame's seq and flags (decoding 10^6 payloads would be the test's own cost). */
class CountingWire {
  writes: seto.Payload[] = [];
  /** Throws past this many writes, so an unbounded answer fails the test instead of running forever. */
  limit = 100_000;
  record = true;
  count = 0;
  write(bytes: Uint8Array): void {
    this.count += 1;
    if (this.count > this.limit) throw new Error(`more than ${this.limit} payloads written`);
    if (this.record) this.writes.push(seto.Payload.decode(bytes));
  }
  take(): seto.Payload[] {
    const out = this.writes;
    this.writes = [];
    return out;
  }
}

async function loggedIn(settings: SessionSettings = credentials, reset?: bigint) {
  const clock = new StepClock();
  const wire = new CountingWire();
  const rec = new Recorder();
  const peer = new Peer();
  const session = new Session({ settings, output: wire, sink: rec, listener: rec, clock });
  session.connected();
  const login = session.login();
  session.receive(peer.loginResponse("session-1", reset));
  await login;
  wire.take();
  wire.count = 0;
  return { clock, wire, rec, peer, session };
}

const seqOf = (p: seto.Payload) => p.etoPayload!.seq;
const kindOf = (p: seto.Payload) => (p.type === seto.PayloadType.PAYLOAD_ETO ? eto.payloadTypeToJSON(p.etoPayload!.type!) : seto.payloadTypeToJSON(p.type));

/** Runs every timer, turn by turn; returns how many payloads each turn wrote. */
function runTurns(clock: StepClock, wire: CountingWire): number[] {
  const perTurn: number[] = [];
  let before = wire.count;
  while (clock.step()) {
    perTurn.push(wire.count - before);
    before = wire.count;
  }
  return perTurn;
}

test("300 replay requests after 10,000 sent payloads get one answer, written in slices that yield to the event loop", async (t) => {
  const { clock, wire, rec, peer, session } = await loggedIn();
  for (let i = 0; i < 10_000; i++) session.send(marketQuotes(i));
  wire.record = false;
  wire.count = 0;
  for (let i = 0; i < 300; i++) session.receive(peer.fresh(replayRequest(1n)));
  t.is(wire.count, 256, "while the requests are received, only the first slice is written");
  const perTurn = runTurns(clock, wire);
  t.is(wire.count, 10_001, "one answer: the login (as a gapfill) and the 10,000 payloads, once");
  t.true(perTurn.length >= 10_001 / 256 - 1, `${perTurn.length} turns`);
  t.true(Math.max(...perTurn) <= 256, `at most 256 payloads per turn, got ${Math.max(...perTurn)}`);
  t.deepEqual(rec.errors, []);
  t.deepEqual(
    rec.statuses.filter((s) => s.state === "replaying"),
    [{ state: "replaying", from: 1n, to: 10_001n }],
  );
});

test("requests arriving while an answer runs: covered if ahead of it, else one follow-up answer for all of them", async (t) => {
  const { clock, wire, peer, session } = await loggedIn();
  for (let i = 0; i < 2_000; i++) session.send(marketQuotes(i));
  wire.record = false;
  wire.count = 0;
  session.receive(peer.fresh(replayRequest(5n)));
  session.receive(peer.fresh(replayRequest(9n))); // before the answer yielded, from its start or later: covered
  session.receive(peer.fresh(replayRequest(3n))); // from before its start: a follow-up
  t.is(wire.count, 256, "the first slice: 5..260");
  clock.step(); // 261..516: the peer may have seen some of it now
  session.receive(peer.fresh(replayRequest(1_500n))); // ahead of the answer: covered by it
  for (let i = 0; i < 50; i++) session.receive(peer.fresh(replayRequest(BigInt(10 + i)))); // behind it: the same follow-up
  runTurns(clock, wire);
  t.is(wire.count, 1_997 + 1_999, "the answer from 5, then one follow-up from 3");
});

test("an absurd login-response reset is refused with a ProtocolError and our numbering goes on; one within the rule is applied", async (t) => {
  // The rule: 1 ≤ reset ≤ 2^53 and reset ≤ our next outgoing seq + MAX_RESET_AHEAD (2^20).
  for (const reset of [0n, (1n << 53n) + 1n, 2n ** 64n - 1n, 1_000_000_000n, 2n + MAX_RESET_AHEAD + 1n]) {
    const { wire, rec, session } = await loggedIn(credentials, reset);
    t.is(session.resumeState.nextOutSeq, 2n, `reset ${reset}: not applied`);
    const refused = rec.errors.filter((e) => e instanceof ProtocolError);
    t.is(refused.length, 1, `reset ${reset}`);
    t.regex(refused[0]!.message, new RegExp(`login response reset ${reset} refused: .*our numbering continues at 2`));
    t.is(session.send(marketQuotes(1)), 2n, `reset ${reset}: the next payloads encode and are numbered on`);
    t.is(seqOf(wire.take()[0]!), 2n);
  }
  const { rec, session } = await loggedIn(credentials, 2n + MAX_RESET_AHEAD);
  t.deepEqual(rec.errors, []);
  t.is(session.resumeState.nextOutSeq, 2n + MAX_RESET_AHEAD);
});

test("a replay request for a seq at or above our next outgoing seq is refused with a ProtocolError and answered with nothing", async (t) => {
  const { clock, wire, rec, peer, session } = await loggedIn();
  for (let i = 0; i < 3; i++) session.send(marketQuotes(i)); // seqs 2..4; next is 5
  wire.take();
  session.receive(peer.fresh(replayRequest(5n)));
  session.receive(peer.fresh(replayRequest(1_000_000n)));
  runTurns(clock, wire);
  t.deepEqual(wire.take(), []);
  t.deepEqual(
    rec.errors.map((e) => [e.constructor, e.message]),
    [
      [ProtocolError, "replay request seq 2 asks for seqs from 5, but our next outgoing seq is 5: nothing was sent from there"],
      [ProtocolError, "replay request seq 3 asks for seqs from 1000000, but our next outgoing seq is 5: nothing was sent from there"],
    ],
  );
  session.receive(peer.fresh(replayRequest(4n)));
  t.deepEqual(wire.take().map((p) => [seqOf(p), p.etoPayload!.isReplay]), [[4n, true]], "a request below it is answered");
});

test("a replay from far below what the store holds: each seq it no longer has gets its own gapfill; each answer is capped at maxReplayPayloads and asking again continues", async (t) => {
  const { clock, wire, peer, session } = await loggedIn({ ...credentials, outgoingStoreSize: 100, maxReplayPayloads: 3_000 });
  wire.record = false;
  for (let i = 0; i < 10_000; i++) session.send(marketQuotes(i)); // seqs 2..10,001; the store keeps 9,902..10,001
  wire.record = true;
  wire.count = 0;
  const answers: seto.Payload[][] = [];
  for (let from = 1n; from <= 10_001n; ) {
    session.receive(peer.fresh(replayRequest(from)));
    runTurns(clock, wire);
    const answer = wire.take();
    answers.push(answer);
    t.true(answer.length > 0 && answer.length <= 3_000, `${answer.length} payloads in one answer`);
    from = seqOf(answer.at(-1)!) + 1n;
  }
  t.is(answers.length, 4);
  const all = answers.flat();
  t.deepEqual(all.map(seqOf), Array.from({ length: 10_001 }, (_, i) => BigInt(i + 1)), "every seq, in turn, once");
  t.true(all.every((p) => p.etoPayload!.isReplay === true));
  t.true(all.slice(0, 9_901).every((p) => kindOf(p) === "PAYLOAD_GAPFILL"), "1 (the login) and 2..9,901 (gone): gapfills");
  t.true(all.slice(9_901).every((p) => kindOf(p) === "PAYLOAD_MARKET_SUBSCRIBE"), "9,902..10,001: resent");
});

test("one answer writes at most maxReplayBytes; the peer's next request gets the rest", async (t) => {
  const { clock, wire, peer, session } = await loggedIn({ ...credentials, maxReplayBytes: 1_000 });
  for (let i = 0; i < 500; i++) session.send(marketQuotes(i));
  wire.take();
  session.receive(peer.fresh(replayRequest(2n)));
  runTurns(clock, wire);
  const first = wire.take();
  const bytes = first.reduce((n, p) => n + seto.Payload.encode(p).finish().length, 0);
  t.true(bytes >= 1_000 && bytes < 1_100, `${bytes} bytes written`);
  const reached = seqOf(first.at(-1)!);
  session.receive(peer.fresh(replayRequest(reached + 1n)));
  runTurns(clock, wire);
  t.is(seqOf(wire.take()[0]!), reached + 1n);
});

test("the outgoing store is bounded in bytes as well as count (outgoingStoreBytes, default 16 MiB)", (t) => {
  t.is(SESSION_DEFAULTS.outgoingStoreBytes, 16 * 1024 * 1024);
  const each = 1_000 + STORED_ENTRY_OVERHEAD; // a payload's bytes and what keeping it costs
  const store = new MemoryOutgoingStore(1_000_000, 10 * each);
  const entry = (seq: bigint) => ({ seq, setoType: 10, etoType: undefined, bytes: new Uint8Array(1_000) });
  for (let s = 1n; s <= 50n; s++) store.put(entry(s));
  t.is(store.size, 10);
  t.is(store.bytes, 10 * each);
  t.is(store.oldestSeq(), 41n);
  // A payload bigger than the bound is still kept, alone: the last one sent can always be resent.
  store.put({ ...entry(51n), bytes: new Uint8Array(50_000) });
  t.is(store.size, 1);
  t.is(store.get(51n)?.bytes.length, 50_000);
});

test("the session's store follows outgoingStoreBytes", async (t) => {
  const { clock, wire, peer, session } = await loggedIn({ ...credentials, outgoingStoreBytes: 100_000 });
  wire.record = false;
  for (let i = 0; i < 5_000; i++) session.send(marketQuotes(i));
  wire.record = true;
  session.receive(peer.fresh(replayRequest(1n)));
  runTurns(clock, wire);
  const answer = wire.take();
  t.is(answer.length, 5_001, "every seq answered: the login and the 5,000 payloads");
  const kept = answer.filter((p) => kindOf(p) !== "PAYLOAD_GAPFILL").length;
  t.is(kindOf(answer[0]!), "PAYLOAD_GAPFILL");
  t.true(kept > 0 && kept * STORED_ENTRY_OVERHEAD < 100_000, `${kept} payloads kept`);
});

test("an answer stops when the connection closes", async (t) => {
  const { clock, wire, peer, session } = await loggedIn();
  for (let i = 0; i < 2_000; i++) session.send(marketQuotes(i));
  wire.record = false;
  wire.count = 0;
  session.receive(peer.fresh(replayRequest(1n)));
  clock.step();
  session.disconnected();
  runTurns(clock, wire);
  t.is(wire.count, 512);
});

test("a gapfill ahead of the expected seq is an ordinary payload at its own seq, whatever its replay field says: the seqs before it are still asked for", async (t) => {
  const { session, rec, peer, wire } = await fixtures.loggedIn();
  // The retired range-gapfill extension (replay.seq naming a range's start) is read as nothing special.
  session.receive(peer.at(4n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true, replay: { seq: 2n } })));
  t.deepEqual(wire.take().map((w) => w.payload.etoPayload?.replay?.seq), [2n], "one replay asked for, from 2");
  t.is(session.resumeState.nextInSeq, 2n, "nothing skipped");
  session.receive(peer.at(2n, marketQuotes(2), true));
  session.receive(peer.at(3n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true })));
  session.receive(peer.at(5n, marketQuotes(5)));
  t.deepEqual(rec.seqs, [1n, 2n, 5n]);
  t.is(session.resumeState.nextInSeq, 6n);
  t.deepEqual(rec.errors, []);
});

/**
 * A peer that sequences as Smarkets' Python SDK does (session.py,
 * `next_frame`): a payload at the seq it expects is taken and the seq
 * advances; a replay request is passed over; anything ahead makes it ask for
 * a replay from the seq it expects — every time; anything behind is dropped.
 * It reads nothing else of a gapfill: no range, no extension.
 */
class StandardPeer {
  expected: bigint;
  taken = 0;
  constructor(expected: bigint) {
    this.expected = expected;
  }
  /** Takes what our session wrote; returns the replay requests it sends back. */
  read(payloads: seto.Payload[]): bigint[] {
    const asks: bigint[] = [];
    for (const p of payloads) {
      const seq = p.etoPayload!.seq;
      if (seq === this.expected) {
        this.expected += 1n;
        this.taken++;
      } else if (p.etoPayload!.type === eto.PayloadType.PAYLOAD_REPLAY) {
        continue;
      } else if (seq > this.expected) {
        asks.push(this.expected);
      }
    }
    return asks;
  }
}

test("regression: a standard peer (takes only the seq it expects, else asks again) reaches the live stream after a replay across an evicted range", async (t) => {
  // Under the retired extension the evicted range came back as ONE gapfill at its
  // last seq: a standard peer saw a seq above the one it expects, asked again from
  // the same place, got the same gapfill, and looped forever.
  const { clock, wire, peer, session } = await loggedIn({ ...credentials, outgoingStoreSize: 100 });
  const standard = new StandardPeer(2n); // it took our login (seq 1), then missed everything
  wire.record = false;
  for (let i = 0; i < 10_000; i++) session.send(marketQuotes(i)); // seqs 2..10,001; the store keeps 9,902..10,001
  wire.record = true;
  wire.count = 0;
  let rounds = 0;
  // Each round: we send one live payload (as live traffic or a heartbeat would), the
  // peer reads what we wrote and asks again for what it is missing, we answer.
  while (standard.expected < session.resumeState.nextOutSeq && rounds < 50) {
    rounds++;
    session.send(marketQuotes(100_000 + rounds));
    let asks = standard.read(wire.take());
    // (Bounded, so a peer that loops makes the test fail rather than hang: under the
    // extension each gapfill out of place drew another request, each request another
    // answer — 1, 101, 10,201 requests…)
    for (let answers = 0; asks.length > 0 && asks.length <= 1_000 && answers < 20; answers++) {
      for (const from of asks) session.receive(peer.fresh(replayRequest(from)));
      runTurns(clock, wire);
      asks = standard.read(wire.take());
    }
  }
  t.is(standard.expected, session.resumeState.nextOutSeq, `after ${rounds} rounds the peer expects our next seq`);
  t.is(rounds, 1, "one replay brings it up to date");
  session.send(marketQuotes(7));
  const before = standard.taken;
  t.deepEqual(standard.read(wire.take()), [], "the live stream: taken without asking");
  t.is(standard.taken, before + 1);
});
