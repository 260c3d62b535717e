// Carries out the inbound sequencer's decisions: delivers payloads in order,
// asks for replays, re-asks when a replay stalls, and applies the
// processing-failure policy:
//
//   The incoming seq advances only after the listener's handler for that
//   payload returned. If it throws, a HandlerError is reported, the seq is NOT
//   advanced, and a replay of that seq is requested so it is delivered again
//   (flagged is_replay). After `maxRedeliveries` failed deliveries of the same
//   seq (the first included) it is skipped and a PayloadDropped is reported.
//   Gapfills advance the seq without reaching the handler.
import * as eto from "../../generated/eto.js";
import type { Clock, TimerHandle } from "../clock.js";
import { HandlerError, type SmarketsError } from "../errors.js";
import type { IncomingPayload } from "../payload/incoming.js";
import { PayloadDropped } from "./errors.js";
import type { InboundSequencer } from "./inbound-sequencer.js";
import type { Logger } from "./logger.js";
import type { SessionStatus } from "./status.js";

export interface InboundFlowDeps {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly replayTimeoutMs: number;
  /** Hands a payload to the listener; may throw (a processing failure). */
  deliver(p: IncomingPayload): void;
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

  constructor(
    readonly sequencer: InboundSequencer,
    readonly deps: InboundFlowDeps,
  ) {}

  /** Bumped by every `restart`: a caller can tell whether the sequencer started over. */
  get epoch(): number {
    return this.#epoch;
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

  /** Starts over at `expected`, dropping held payloads and stopping the replay timer. */
  restart(expected: bigint): void {
    this.#epoch += 1;
    this.stop();
    this.sequencer.restart(expected);
  }

  stop(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }

  #drain(first: IncomingPayload): void {
    const seq = this.sequencer;
    const epoch = this.#epoch;
    const wasAwaiting = seq.awaitingReplay;
    let p: IncomingPayload | undefined = first;
    while (p !== undefined) {
      if (p.etoType !== eto.PayloadType.PAYLOAD_GAPFILL) {
        try {
          this.deps.deliver(p);
        } catch (cause) {
          if (epoch !== this.#epoch) return;
          p = this.#failed(p, cause);
          continue;
        }
        if (epoch !== this.#epoch) return;
      }
      p = seq.processed();
    }
    // Progress matters only to the replay timer; without one, spare the clock read.
    if (this.#timer !== undefined) this.#lastProgressAt = this.deps.clock.now();
    if (wasAwaiting && !seq.awaitingReplay) {
      this.stop();
      this.deps.status({ state: "gap-filled", next: seq.expected });
    }
  }

  /** Applies the failure policy; returns the next payload to process (after a drop), if any. */
  #failed(p: IncomingPayload, cause: unknown): IncomingPayload | undefined {
    const why = cause instanceof Error ? cause.message : String(cause);
    const failure = new HandlerError(`handler for ${p.name} seq ${p.seq} threw: ${why}`, p.name, p.seq, { cause });
    this.deps.error(failure);
    const verdict = this.sequencer.failed();
    if (verdict.action === "drop") {
      this.deps.logger.error({ seq: p.seq, name: p.name, failures: verdict.failures }, "payload dropped after repeated handler failures");
      this.deps.error(
        new PayloadDropped(
          `${p.name} seq ${p.seq} skipped: its handler failed ${verdict.failures} times (maxRedeliveries ${this.sequencer.maxFailures})`,
          p.name,
          p.seq,
          verdict.failures,
          { cause: failure },
        ),
      );
      return this.sequencer.processed();
    }
    this.deps.logger.warn({ seq: p.seq, name: p.name, failures: verdict.failures }, "handler failed: requesting redelivery");
    this.#request(verdict.requestReplayFrom);
    return undefined;
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
