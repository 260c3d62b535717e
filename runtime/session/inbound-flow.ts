// Carries out the inbound sequencer's decisions: delivers payloads in order,
// asks for replays, and re-asks when a replay stalls.
//
// Delivery guarantee: each payload goes to the sink once, in seq order, and
// the incoming seq advances past it here and nowhere else (`#advance`), only
// after the sink processed it. Gapfills advance the seq without reaching the
// sink. A sink that refuses a payload (returns false) halts the flow there:
// the seq stays on that payload, nothing after it is delivered, and the
// session resumes from it on its next connection. A sink that throws has its
// error reported and the payload counts as processed: nothing is delivered
// twice, whatever a sink does.
//
// A delivery limit (`limit`) pauses the flow after that many payloads: the
// rest wait, in order, for the limit to be raised.
//
// With a durable store (a DeliveryLedger), a payload at or past the lease is
// delivered only once the lease has been extended past it, and payloads below
// what an earlier process leased are flagged `redelivered` (see
// delivery-ledger.ts). Without one (the in-memory store), delivery pays
// nothing for it.
import * as eto from "../../generated/eto.js";
import type { Clock, TimerHandle } from "../clock.js";
import { HandlerError, SmarketsError } from "../errors.js";
import type { IncomingPayload } from "../payload/incoming.js";
import type { DeliveryLedger } from "./delivery-ledger.js";
import type { InboundSequencer } from "./inbound-sequencer.js";
import type { Logger } from "./logger.js";
import type { PayloadSink } from "./ports.js";
import type { SessionStatus } from "./status.js";

export interface InboundFlowDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly replayTimeoutMs: number;
  readonly sink: PayloadSink;
  /** Records how far delivery may go (a durable store); none: nothing is recorded. */
  readonly ledger?: DeliveryLedger | undefined;
  /** Payloads below this seq may have been delivered by an earlier process: flagged `redelivered`. Default 0 (none). */
  readonly redeliveredBelow?: bigint | undefined;
  /** Sends a replay request for everything from `from` upward. */
  requestReplay(from: bigint): void;
  status(s: SessionStatus): void;
  error(e: SmarketsError): void;
}

export class InboundFlow {
  #timer: TimerHandle | undefined;
  #lastProgressAt = 0;
  /** Bumped by `restart`: work begun before it must not touch the new state. */
  #epoch = 0;
  /** Payloads the sink may still take before the flow pauses (Infinity: no limit). */
  #budget = Infinity;
  /** The payload the sink refused, while halted. */
  #halted: IncomingPayload | undefined;
  readonly #ledger: DeliveryLedger | undefined;
  #redeliveredBelow: bigint;

  constructor(
    readonly sequencer: InboundSequencer,
    readonly deps: InboundFlowDeps,
  ) {
    this.#ledger = deps.ledger;
    this.#redeliveredBelow = deps.redeliveredBelow ?? 0n;
  }

  /** Bumped by every `restart`: a caller can tell whether the sequencer started over. */
  get epoch(): number {
    return this.#epoch;
  }

  /** True while delivery cannot go on: halted by the sink, or paused by the limit. */
  get blocked(): boolean {
    return this.#halted !== undefined || this.#budget <= 0;
  }

  /** The payload the sink refused, while the flow is halted on it. */
  get halted(): IncomingPayload | undefined {
    return this.#halted;
  }

  /** Processes a payload the sequencer placed "next". */
  next(p: IncomingPayload): void {
    this.#drain(p);
  }

  /** Holds a payload the sequencer placed "ahead", asking for a replay if none is outstanding. */
  ahead(p: IncomingPayload): void {
    const seq = this.sequencer;
    const { dropped, requestReplayFrom } = seq.hold(p);
    if (dropped !== undefined) {
      this.deps.logger.debug({ dropped, held: seq.heldCount }, "hold full: dropped the newest payload (the replay resends it)");
    }
    if (requestReplayFrom !== undefined) {
      this.deps.logger.info({ from: requestReplayFrom, to: p.seq - 1n }, "gap in incoming seqs: requesting a replay");
      this.deps.status({ state: "gap", from: requestReplayFrom, to: p.seq - 1n });
      this.#request(requestReplayFrom);
    }
  }

  /**
   * Lets the sink take at most `limit` more payloads (Infinity: no limit), and
   * delivers those already waiting in the hold up to it.
   */
  limit(limit: number): void {
    this.#budget = limit;
    if (this.blocked) return;
    const p = this.sequencer.takeNext();
    if (p !== undefined) this.#drain(p);
  }

  /** Starts over at `expected`, dropping held payloads, a halt and the replay timer. */
  restart(expected: bigint): void {
    this.#epoch += 1;
    this.#halted = undefined;
    this.stop();
    this.sequencer.restart(expected);
  }

  stop(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  /**
   * The peer started a new stream (a new session): its seqs have nothing to
   * do with what an earlier process delivered, and the lease starts over.
   */
  newStream(): void {
    this.#redeliveredBelow = 0n;
    this.#ledger?.restartLease();
  }

  #drain(first: IncomingPayload): void {
    const seq = this.sequencer;
    const epoch = this.#epoch;
    const wasAwaiting = seq.awaitingReplay;
    let p: IncomingPayload | undefined = first;
    while (p !== undefined) {
      if (p.etoType !== eto.PayloadType.PAYLOAD_GAPFILL) {
        const processed = this.#deliver(p);
        if (epoch !== this.#epoch) return;
        if (!processed) {
          this.#halt(p);
          return;
        }
        this.#budget -= 1;
      }
      this.#advance();
      p = this.#budget > 0 ? seq.takeNext() : undefined;
    }
    // Progress matters only to the replay timer; without one, spare the clock read.
    if (this.#timer !== undefined) this.#lastProgressAt = this.deps.clock.now();
    if (wasAwaiting && !seq.awaitingReplay) {
      this.stop();
      this.deps.status({ state: "gap-filled", next: seq.expected });
    }
  }

  /** The one place the incoming seq advances: the payload at it was processed. */
  #advance(): void {
    this.sequencer.processed();
  }

  /**
   * Hands `p` to the sink; whether it was processed. A sink's exception is
   * reported, and counts as processed. A lease that cannot be extended (the
   * store failed) is reported and stops delivery at `p`: delivering it
   * without one could hand it over twice, unflagged, after a crash.
   */
  #deliver(p: IncomingPayload): boolean {
    const ledger = this.#ledger;
    if (ledger !== undefined && p.seq >= ledger.leaseEnd) {
      try {
        ledger.extendLease(p.seq);
      } catch (cause) {
        this.deps.error(cause instanceof SmarketsError ? cause : new SmarketsError(`recording delivery of ${p.name} seq ${p.seq} failed: ${String(cause)}`, { cause }));
        return false;
      }
    }
    if (p.seq < this.#redeliveredBelow) p.markRedelivered();
    try {
      return this.deps.sink.deliver(p);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      this.deps.error(cause instanceof SmarketsError ? cause : new HandlerError(`handling ${p.name} seq ${p.seq} failed: ${why}`, p.name, p.seq, { cause }));
      return true;
    }
  }

  #halt(p: IncomingPayload): void {
    this.#halted = p;
    this.stop();
    this.deps.logger.warn({ seq: p.seq, name: p.name }, "delivery stopped at this payload: the incoming seq stays on it");
  }

  #request(from: bigint): void {
    this.#lastProgressAt = this.deps.clock.now();
    this.deps.requestReplay(from);
    this.#arm(this.deps.replayTimeoutMs);
  }

  // One timer per outstanding replay, not one per payload: when it fires it
  // checks how long ago progress was made and sleeps again if recently.
  #arm(ms: number): void {
    this.#timer?.cancel();
    this.#timer = this.deps.clock.setTimer(ms, () => this.#onTimer());
  }

  #onTimer(): void {
    this.#timer = undefined;
    const from = this.sequencer.retryReplay();
    if (from === undefined) return;
    const idle = this.deps.clock.now() - this.#lastProgressAt;
    if (idle < this.deps.replayTimeoutMs) {
      this.#arm(this.deps.replayTimeoutMs - idle);
      return;
    }
    this.deps.logger.warn({ from, waitedMs: idle }, "replay made no progress: requesting it again");
    this.deps.status({ state: "gap", from, to: this.sequencer.highestSeen });
    this.#request(from);
  }
}
