// What a peer's replay requests can cost us is bounded (issue 11): answers are
// written in slices from timers, yielding to the event loop between them;
// seqs the store does not hold cost one gapfill per contiguous range, never
// one per seq; requests coalesce; one answer writes at most maxReplayBytes;
// the outgoing store is bounded in bytes as well as count.
import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import type { Clock, TimerHandle } from "../../runtime/clock.js";
import { etoPayload } from "../../runtime/payload/encode.js";
import { MemoryOutgoingStore, STORED_ENTRY_OVERHEAD } from "../../runtime/session/outgoing-store.js";
import { Session } from "../../runtime/session/session.js";
import { SESSION_DEFAULTS, type SessionSettings } from "../../runtime/session/settings.js";
import { PayloadsLost } from "../../runtime/session/errors.js";
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

test("a login_response with reset = 1e9, then a replay request from 1: the skipped range costs one gapfill, not one per seq", async (t) => {
  const { clock, wire, rec, peer, session } = await loggedIn(credentials, 1_000_000_000n);
  for (let i = 0; i < 3; i++) session.send(marketQuotes(i)); // seqs 1e9 .. 1e9+2
  wire.take();
  wire.limit = 1_000;
  session.receive(peer.fresh(replayRequest(1n)));
  runTurns(clock, wire);
  t.deepEqual(rec.errors, []);
  t.deepEqual(
    wire.take().map((p) => [seqOf(p), kindOf(p), p.etoPayload!.isReplay]),
    [
      [1n, "PAYLOAD_GAPFILL", true], // the login
      [999_999_999n, "PAYLOAD_GAPFILL", true], // 2 .. 999,999,999: never used, one gapfill at the range's end
      [1_000_000_000n, "PAYLOAD_MARKET_SUBSCRIBE", true],
      [1_000_000_001n, "PAYLOAD_MARKET_SUBSCRIBE", true],
      [1_000_000_002n, "PAYLOAD_MARKET_SUBSCRIBE", true],
    ],
  );
});

test("a replay request from far below what the store holds: one gapfill for everything it no longer has", async (t) => {
  const { clock, wire, peer, session } = await loggedIn({ ...credentials, outgoingStoreSize: 100 });
  wire.record = false;
  for (let i = 0; i < 100_000; i++) session.send(marketQuotes(i));
  wire.record = true;
  wire.count = 0;
  session.receive(peer.fresh(replayRequest(1n)));
  runTurns(clock, wire);
  const answer = wire.take();
  t.is(answer.length, 101);
  t.deepEqual([seqOf(answer[0]!), kindOf(answer[0]!)], [99_901n, "PAYLOAD_GAPFILL"], "1 .. 99,901 are gone: one gapfill at 99,901");
  t.deepEqual(answer.slice(1).map(seqOf), Array.from({ length: 100 }, (_, i) => BigInt(99_902 + i)));
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
  const kept = answer.length - 1; // after one gapfill for what is gone
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

test("receiving such a gapfill: the seqs it covers are skipped and reported as PayloadsLost; what follows is delivered in order", async (t) => {
  const { session, rec, peer } = await fixtures.loggedIn();
  session.receive(peer.at(6n, marketQuotes(6))); // 2..5 missing: a replay from 2 is asked for
  session.receive(peer.at(4n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true, replay: { seq: 2n } }))); // 2..4 are gone
  session.receive(peer.at(5n, marketQuotes(5), true));
  t.deepEqual(rec.seqs, [1n, 5n, 6n]);
  const lost = rec.errors as PayloadsLost[];
  t.is(lost.length, 1);
  t.true(lost[0] instanceof PayloadsLost);
  t.deepEqual([lost[0]!.from, lost[0]!.to], [2n, 4n]);
  t.regex(lost[0]!.message, /incoming seqs 2\.\.4 are lost/);
  t.deepEqual(rec.statuses.at(-1), { state: "gap-filled", next: 7n });
});

test("a gapfill ahead of the expected seq is an ordinary one unless its range reaches back to the expected seq", async (t) => {
  const { session, rec, peer, wire } = await fixtures.loggedIn();
  session.receive(peer.at(3n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true }))); // no range: held
  session.receive(peer.at(6n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { isReplay: true, replay: { seq: 5n } }))); // 5..6, but 2..4 still to come: held
  session.receive(peer.at(8n, etoPayload(eto.PayloadType.PAYLOAD_GAPFILL, { replay: { seq: 1n } }))); // not flagged is_replay: held
  t.deepEqual(wire.take().map((w) => w.payload.etoPayload?.replay?.seq), [2n], "one replay asked for, from 2");
  session.receive(peer.at(2n, marketQuotes(2), true));
  t.deepEqual(rec.seqs, [1n, 2n]);
  t.is(session.resumeState.nextInSeq, 4n, "3 (held) was a gapfill");
  t.deepEqual(rec.errors, []);
});
