// Exactly-once, in-order delivery under an adversarial network, both ways.
import test from "ava";
import assert from "node:assert/strict";
import fc from "fast-check";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { HandlerError, ProtocolError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import {
  encodePayload,
  etoPayload,
  gapfillPayload,
  replayRequestPayload,
  withSeq,
  type UnsequencedPayload,
} from "../../runtime/payload/encode.js";
import { SessionCore } from "../../runtime/session/core.js";
import { MemoryOutgoingStore } from "../../runtime/session/outgoing-store.js";
import { Session } from "../../runtime/session/session.js";
import { MiniExchange } from "./helpers/exchange.js";
import { marketQuotes, Recorder, Wire } from "./helpers/fixtures.js";

type Kind = "seto" | "heartbeat" | "ping" | "throttle";
const kinds: Kind[] = ["seto", "seto", "seto", "heartbeat", "ping", "throttle"];

function payloadOf(kind: Kind, n: number): UnsequencedPayload {
  switch (kind) {
    case "seto":
      return marketQuotes(n);
    case "heartbeat":
      return etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT);
    case "ping":
      return etoPayload(eto.PayloadType.PAYLOAD_PING);
    case "throttle":
      return etoPayload(eto.PayloadType.PAYLOAD_THROTTLE_EXCEEDED);
  }
}

const REPLAY_TIMEOUT = 1_000;

function coreFor(clock: FakeClock, output: Wire | { write(b: Uint8Array, u: boolean): void }, listener: Recorder, maxHeld = 1_000) {
  const core = new SessionCore({
    clock,
    output,
    sink: listener,
    listener,
    store: new MemoryOutgoingStore(10_000),
    nextInSeq: 1n,
    nextOutSeq: 1n,
    heartbeatIntervalMs: 30_000,
    deadAfterMs: 90_000,
    replayTimeoutMs: REPLAY_TIMEOUT,
    maxHeldPayloads: maxHeld,
  });
  core.open();
  return core;
}

/** A lossy, duplicating, reordering channel. */
const netAction = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant("send" as const) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("deliver" as const), i: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("drop" as const), i: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dup" as const), i: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("tick" as const), ms: fc.integer({ min: 0, max: 3 * REPLAY_TIMEOUT }) }) },
);

function channelStep(channel: Uint8Array[], a: { k: string; i?: number }, deliver: (b: Uint8Array) => void): void {
  if (channel.length === 0) return;
  const at = (a.i ?? 0) % channel.length;
  if (a.k === "deliver") deliver(channel.splice(at, 1)[0]!);
  else if (a.k === "drop") channel.splice(at, 1);
  else if (a.k === "dup") channel.splice(at, 0, channel[at]!);
}

test("property: inbound — under loss, duplication and reordering every payload is dispatched exactly once, in order, even when its handler throws", (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 25, size: "max" }),
      fc.array(netAction, { maxLength: 150, size: "max" }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.integer({ min: 0, max: 6 }),
      (streamKinds, actions, failPicks, maxHeld) => {
        const clock = new FakeClock();
        const channel: Uint8Array[] = [];
        // The peer: numbers its payloads, keeps them, honours replay requests.
        const kindsBySeq = [...streamKinds, "heartbeat" as Kind]; // the last one reveals a lost tail
        const total = BigInt(kindsBySeq.length);
        let peerNext = 1n;
        const encodeAt = (seq: bigint, replay: boolean) => {
          const kind = kindsBySeq[Number(seq) - 1]!;
          if (replay && kind === "heartbeat") return encodePayload(gapfillPayload(seq));
          const p = withSeq(payloadOf(kind, Number(seq)), seq);
          if (replay) p.etoPayload = { ...p.etoPayload!, isReplay: true };
          return encodePayload(p);
        };
        // The last payload is held back until the network heals, so the receiver learns of any lost tail.
        const sendFresh = (last = false) => {
          if (peerNext < total || (last && peerNext === total)) channel.push(encodeAt(peerNext++, false));
        };
        const output = {
          write(bytes: Uint8Array) {
            const p = seto.Payload.decode(bytes);
            if (p.etoPayload?.type !== eto.PayloadType.PAYLOAD_REPLAY) return;
            for (let s = p.etoPayload.replay!.seq; s < peerNext; s++) channel.push(encodeAt(s, true));
          },
        };
        const rec = new Recorder();
        // Handlers throw for some payloads: reported, and never delivered again.
        const failing = new Set(failPicks.map((pick) => BigInt((pick % kindsBySeq.length) + 1)));
        rec.fail = (p) => failing.has(p.seq);
        const core = coreFor(clock, output, rec, maxHeld);

        for (const a of actions) {
          if (a.k === "send") sendFresh();
          else if (a.k === "tick") clock.advance(a.ms);
          else channelStep(channel, a, (b) => core.receive(b));
        }
        // The network heals: everything left is sent and delivered in order; stalled replays are re-asked.
        while (peerNext < total) sendFresh();
        sendFresh(true);
        for (let round = 0; round < 100 && (core.nextInSeq <= total || channel.length > 0); round++) {
          while (channel.length > 0) core.receive(channel.shift()!);
          if (core.nextInSeq <= total) clock.advance(REPLAY_TIMEOUT);
        }

        const delivered = rec.attempts;
        for (let i = 1; i < delivered.length; i++) assert.ok(delivered[i]! > delivered[i - 1]!, "in order, no repeats");
        const failed = rec.errors.filter((e) => e instanceof HandlerError).map((e) => (e as HandlerError).seq);
        assert.deepEqual(failed, delivered.filter((s) => failing.has(s)), "each failure reported once");
        for (let s = 1n; s <= total; s++) {
          // Heartbeats that only came by replay arrive as gapfills, which are not dispatched.
          if (kindsBySeq[Number(s) - 1] !== "heartbeat") assert.ok(delivered.includes(s), `seq ${s} dispatched`);
        }
        assert.equal(core.nextInSeq, total + 1n);
        assert.ok(rec.errors.every((e) => e instanceof ProtocolError || e instanceof HandlerError), rec.errors.map(String).join("; "));
      },
    ),
    { numRuns: 300 },
  );
  t.pass();
});

test("property: outbound — whatever replays the peer asks for, it ends up with every payload once, in order, intact", (t) => {
  const action = fc.oneof(
    netAction,
    fc.record({ k: fc.constant("request" as const), from: fc.nat() }),
    fc.record({ k: fc.constant("send" as const), kind: fc.constantFrom<Kind>("seto", "seto", "heartbeat", "ping") }),
  );
  fc.assert(
    fc.property(fc.array(action, { maxLength: 150, size: "max" }), (actions) => {
      const clock = new FakeClock();
      const channel: Uint8Array[] = [];
      const rec = new Recorder();
      const core = coreFor(clock, { write: (b) => channel.push(b) }, rec);
      const sent = new Map<bigint, { kind: Kind; payload: UnsequencedPayload }>();
      let n = 0;
      const send = (kind: Kind) => {
        const payload = payloadOf(kind, ++n);
        sent.set(core.send(payload, false), { kind, payload });
      };
      // The peer: accepts in order, holds what is ahead, ignores what is behind.
      let expected = 1n;
      const pending = new Map<bigint, seto.Payload>();
      const log: seto.Payload[] = [];
      const arrive = (bytes: Uint8Array) => {
        const p = seto.Payload.decode(bytes);
        const seq = p.etoPayload!.seq;
        if (seq < expected || pending.has(seq)) return;
        pending.set(seq, p);
        for (let next = pending.get(expected); next !== undefined; next = pending.get(expected)) {
          pending.delete(expected);
          log.push(next);
          expected++;
        }
      };
      let peerSeq = 1n;
      const request = (from: bigint) => core.receive(encodePayload(withSeq(replayRequestPayload(from), peerSeq++)));

      for (const a of actions) {
        if (a.k === "send") send("kind" in a ? a.kind : "seto");
        else if (a.k === "request") request(BigInt(a.from % (Number(core.nextOutSeq) + 2)));
        else if (a.k === "tick") clock.advance(a.ms);
        else channelStep(channel, a, arrive);
      }
      for (let round = 0; round < 20 && expected < core.nextOutSeq; round++) {
        clock.advance(0); // an answer still being written (from 0 ms timers) finishes
        channel.length = 0; // whatever is still in flight may be lost; the peer asks for what it lacks
        request(expected);
        clock.advance(0); // the answer is written from timers
        while (channel.length > 0) arrive(channel.shift()!);
      }

      assert.equal(BigInt(log.length), core.nextOutSeq - 1n);
      log.forEach((got, i) => {
        const seq = BigInt(i + 1);
        const original = sent.get(seq)!;
        assert.equal(got.etoPayload?.seq, seq);
        if (got.etoPayload?.isReplay && original.kind === "heartbeat") {
          assert.equal(got.etoPayload.type, eto.PayloadType.PAYLOAD_GAPFILL);
        } else {
          assert.deepEqual({ ...got, etoPayload: { ...got.etoPayload!, isReplay: undefined } }, seto.Payload.decode(encodePayload(withSeq(original.payload, seq))));
        }
      });
      // Requests for seqs not sent yet (at or above our next) are refused, each with a ProtocolError.
      const refused = (e: Error) => e instanceof ProtocolError && /nothing was sent from there/.test(e.message);
      assert.ok(rec.errors.every((e) => e instanceof HandlerError || refused(e)), rec.errors.map(String).join("; "));
    }),
    { numRuns: 300 },
  );
  t.pass();
});

test("property: client and exchange over connections that drop — after resuming, each side has everything the other sent, once, in order", async (t) => {
  const action = fc.oneof(
    { weight: 5, arbitrary: fc.constant({ k: "clientSend" as const }) },
    { weight: 5, arbitrary: fc.constant({ k: "serverSend" as const }) },
    { weight: 6, arbitrary: fc.record({ k: fc.constant("c2s" as const), n: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 6, arbitrary: fc.record({ k: fc.constant("s2c" as const), n: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.constant({ k: "drop" as const }) },
    { weight: 1, arbitrary: fc.constant({ k: "reconnect" as const }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("tick" as const), ms: fc.integer({ min: 0, max: 2_000 }) }) },
  );
  await fc.assert(
    fc.asyncProperty(fc.array(action, { maxLength: 200, size: "max" }), async (actions) => {
      const clock = new FakeClock();
      const exchange = new MiniExchange(clock);
      let up = false;
      const c2s: Uint8Array[] = [];
      const s2c: Uint8Array[] = [];
      exchange.wire.write = (b) => void (up && s2c.push(b));
      const rec = new Recorder();
      const client = new Session({
        settings: { username: "u", password: "p", replayTimeoutMs: REPLAY_TIMEOUT },
        output: { write: (b) => void (up && c2s.push(b)) },
        sink: rec,
        listener: rec,
        clock,
      });
      // Each side's sink declines the first delivery of some payloads (the
      // "stop" policy): delivery halts there until the next connection, which
      // resumes from it, so they come again, once, in their place.
      let halted = 0;
      for (const r of [rec, exchange.rec]) {
        const refused = new Set<number>();
        r.refuse = (p) => {
          const id = p.payload.marketSubscribe?.marketId;
          if (id === undefined || id % 5 !== 0 || refused.has(id)) return false;
          refused.add(id);
          halted++;
          return true;
        };
      }
      const clientSent: number[] = [];
      const serverSent: number[] = [];
      let n = 0;
      const connect = () => {
        up = true;
        exchange.core.open();
        client.connected();
        client.login().catch(() => {});
      };
      const drop = () => {
        up = false;
        c2s.length = 0;
        s2c.length = 0;
        exchange.core.close();
        client.disconnected();
      };
      connect();
      for (const a of actions) {
        switch (a.k) {
          case "clientSend":
            if (client.state === "logged-in") {
              clientSent.push(++n);
              client.send(marketQuotes(n));
            }
            break;
          case "serverSend":
            // Once the client knows the session it resumes it, so the exchange may send even while it is away.
            if (exchange.sessionId !== undefined && client.resumeState.sessionId === exchange.sessionId) {
              serverSent.push(++n);
              exchange.core.send(marketQuotes(n), false);
            }
            break;
          case "c2s":
            for (const b of c2s.splice(0, a.n)) exchange.core.receive(b);
            break;
          case "s2c":
            for (const b of s2c.splice(0, a.n)) client.receive(b);
            break;
          case "drop":
            if (up) drop();
            break;
          case "reconnect":
            if (up) drop();
            connect();
            break;
          case "tick":
            clock.advance(a.ms);
            break;
        }
      }
      if (!up) connect();
      for (let round = 0; round < 50; round++) {
        // Long replays go on from 0 ms timers: run what is due until nothing is in flight.
        do {
          while (c2s.length > 0 || s2c.length > 0) {
            for (const b of c2s.splice(0)) exchange.core.receive(b);
            for (const b of s2c.splice(0)) client.receive(b);
          }
          clock.advance(0);
        } while (c2s.length > 0 || s2c.length > 0);
        // A side stopped at a payload: as the client does, close and resume on a new connection.
        if (halted > 0) {
          halted = 0;
          drop();
          connect();
          continue;
        }
        if (client.state === "logged-in" && received(rec).length === serverSent.length && received(exchange.rec).length === clientSent.length) break;
        clock.advance(REPLAY_TIMEOUT);
      }
      await Promise.resolve();
      assert.equal(client.state, "logged-in");
      assert.deepEqual(received(rec), serverSent, "client got every exchange payload once, in order");
      assert.deepEqual(received(exchange.rec), clientSent, "exchange got every client payload once, in order");
      assert.deepEqual(client.resumeState.nextInSeq, exchange.core.nextOutSeq);
      assert.deepEqual(exchange.core.nextInSeq, client.resumeState.nextOutSeq);
      // Requests for seqs not sent yet (at or above our next) are refused, each with a ProtocolError.
      const refused = (e: Error) => e instanceof ProtocolError && /nothing was sent from there/.test(e.message);
      assert.ok(rec.errors.every((e) => e instanceof HandlerError || refused(e)), rec.errors.map(String).join("; "));
    }),
    { numRuns: 300 },
  );
  t.pass();
});

function received(rec: Recorder): number[] {
  return rec.payloads.flatMap((p) => (p.setoType === seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE ? [p.payload.marketSubscribe!.marketId] : []));
}
