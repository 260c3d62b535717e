// Answers the peer's replay requests from the outgoing store: every payload
// from the requested seq upward is resent with is_replay = true, except
// login, login-response, replay and heartbeat, which are replaced by a
// gapfill at their seq (resending them would act on them twice).
//
// What a peer can make this cost is bounded:
// - Seqs the store does not hold (evicted, below the oldest kept; or never
//   used, skipped by a login-response `reset`) are answered with ONE gapfill
//   per contiguous range — at the range's last seq, its `replay.seq` naming
//   the first (rangeGapfillPayload) — found by asking the store for the next
//   seq it holds: never one payload per seq, so a request from 1 after a
//   reset to 10^9 costs one gapfill, not 10^9. The receiving core reads it as
//   covering the whole range (core.ts); a peer that does not know the field
//   sees a gapfill at the range's end and cannot fill the rest of the range,
//   which is gone either way.
// - The answer is written in slices (at most SLICE_PAYLOADS payloads or
//   SLICE_BYTES bytes): the first at once, the others each from a timer on
//   the session's clock (0 ms), yielding to the event loop in between, so a
//   long replay never blocks it. (A short answer is thus written while the
//   request is received, as before; on a fake clock a long one needs time
//   advanced, by 0 ms, to go on.)
// - One answer writes at most `maxReplayBytes`; the rest is left for the
//   peer to ask again (its own replay timeout re-asks from where it got to).
// - Requests coalesce. Until the answer first yields, a request from its
//   start or later was sent before the peer could see any of it: the answer
//   covers it (widened to what was sent since). After that, a request is
//   covered if it asks from where the answer has yet to reach; otherwise
//   (and for one from before the answer's start) it becomes a single
//   follow-up answer, run after the current one, that every later such
//   request joins. However many requests arrive, at most two answers exist,
//   one of them being written.
import * as eto from "../../generated/eto.js";
import type { Clock, TimerHandle } from "../clock.js";
import { encodePayload, gapfillPayload, markReplay, rangeGapfillPayload } from "../payload/encode.js";
import type { Logger } from "./logger.js";
import type { OutgoingStore } from "./outgoing-store.js";
import type { SessionStatus } from "./status.js";

const NEVER_RESENT: ReadonlySet<number | undefined> = new Set([
  eto.PayloadType.PAYLOAD_LOGIN,
  eto.PayloadType.PAYLOAD_LOGIN_RESPONSE,
  eto.PayloadType.PAYLOAD_REPLAY,
  eto.PayloadType.PAYLOAD_HEARTBEAT,
]);

/** Most payloads written in one turn of the event loop. */
export const SLICE_PAYLOADS = 256;
/** Most bytes written in one turn of the event loop (a payload is never split: one larger payload goes alone). */
export const SLICE_BYTES = 256 * 1024;

export interface ReplayServerDeps {
  readonly clock: Clock;
  readonly store: OutgoingStore;
  readonly logger: Logger;
  /** Most bytes one answer writes. */
  readonly maxReplayBytes: number;
  /** Writes one payload; `urgent` on the last of a slice flushes the slice. */
  write(bytes: Uint8Array, urgent: boolean): void;
  status(s: SessionStatus): void;
  /** A write failed (the answer is abandoned): runs on a timer, so nothing may be thrown. */
  error(e: unknown): void;
}

/** One answer to (coalesced) replay requests. */
interface Answer {
  from: bigint;
  to: bigint;
  /** Next seq to write. */
  pos: bigint;
  /** Set once it has yielded to the event loop (the peer may have seen part of it since). */
  yielded: boolean;
  bytes: number;
  resent: number;
  gapfilled: number;
  /** Seqs covered by gapfills because the store did not hold them. */
  missing: bigint;
}

export class ReplayServer {
  readonly #deps: ReplayServerDeps;
  #answer: Answer | undefined;
  #followUp: { from: bigint; to: bigint } | undefined;
  #timer: TimerHandle | undefined;

  constructor(deps: ReplayServerDeps) {
    this.#deps = deps;
  }

  /** True while an answer is being written or waits to be. */
  get busy(): boolean {
    return this.#answer !== undefined;
  }

  /** The peer asked for everything from `requested`; `next` is the seq our next new payload gets. */
  request(requested: bigint, next: bigint): void {
    const { logger } = this.#deps;
    let from = requested;
    if (from < 1n) {
      logger.warn({ requested }, "replay requested from a seq below 1: replaying from 1");
      from = 1n;
    }
    const to = next - 1n;
    if (from > to) {
      if (from > next) logger.warn({ requested, next }, "replay requested from a seq not sent yet: nothing to replay");
      return;
    }
    const answer = this.#answer;
    if (answer === undefined) {
      this.#start(from, to);
    } else if (from >= (answer.yielded ? answer.pos : answer.from)) {
      // Covered: the answer has written it (and the peer cannot have seen it yet), or will.
      if (to > answer.to) answer.to = to;
    } else {
      const f = this.#followUp;
      this.#followUp = f === undefined ? { from, to } : { from: from < f.from ? from : f.from, to: to > f.to ? to : f.to };
    }
  }

  /** Stops answering (the connection closed, or a new session began): nothing more is written. */
  cancel(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
    this.#answer = undefined;
    this.#followUp = undefined;
  }

  #start(from: bigint, to: bigint): void {
    const answer: Answer = { from, to, pos: from, yielded: false, bytes: 0, resent: 0, gapfilled: 0, missing: 0n };
    this.#answer = answer;
    this.#begin(answer);
    this.#slice();
  }

  #schedule(): void {
    this.#timer = this.#deps.clock.setTimer(0, () => {
      this.#timer = undefined;
      if (this.#answer !== undefined) this.#answer.yielded = true;
      this.#slice();
    });
  }

  #slice(): void {
    const answer = this.#answer;
    if (answer === undefined) return;
    try {
      this.#writeSlice(answer);
    } catch (e) {
      this.cancel();
      this.#deps.error(e);
    }
  }

  #writeSlice(answer: Answer): void {
    const { maxReplayBytes } = this.#deps;
    const out: Uint8Array[] = [];
    let sliceBytes = 0;
    while (answer.pos <= answer.to && out.length < SLICE_PAYLOADS && sliceBytes < SLICE_BYTES && answer.bytes < maxReplayBytes) {
      const bytes = this.#next(answer);
      out.push(bytes);
      sliceBytes += bytes.length;
      answer.bytes += bytes.length;
    }
    for (let i = 0; i < out.length; i++) this.#deps.write(out[i]!, i === out.length - 1);
    if (this.#answer !== answer) return; // cancelled by a write
    if (answer.pos <= answer.to && answer.bytes < maxReplayBytes) {
      this.#schedule();
      return;
    }
    this.#finish(answer);
  }

  #begin(answer: Answer): void {
    const { store, logger } = this.#deps;
    const oldest = store.oldestSeq();
    if (oldest === undefined || answer.from < oldest) {
      const lostTo = oldest === undefined || oldest - 1n > answer.to ? answer.to : oldest - 1n;
      logger.warn(
        { requested: answer.from, oldestHeld: oldest, lostFrom: answer.from, lostTo },
        "replay reaches back past the outgoing store: those payloads are gone, sending a gapfill for them",
      );
    }
    this.#deps.status({ state: "replaying", from: answer.from, to: answer.to });
  }

  /** The bytes answering `answer.pos`, which it advances past what they cover. */
  #next(answer: Answer): Uint8Array {
    const seq = answer.pos;
    const stored = this.#deps.store.get(seq);
    if (stored !== undefined) {
      answer.pos = seq + 1n;
      if (NEVER_RESENT.has(stored.etoType)) {
        answer.gapfilled++;
        return encodePayload(gapfillPayload(seq));
      }
      answer.resent++;
      return markReplay(stored.bytes);
    }
    // Not held: one gapfill, at its last seq, for the whole range up to the next seq held.
    const held = this.#deps.store.firstHeldFrom(seq);
    const last = held === undefined || held > answer.to ? answer.to : held - 1n;
    answer.pos = last + 1n;
    answer.gapfilled++;
    answer.missing += last - seq + 1n;
    return encodePayload(last === seq ? gapfillPayload(seq) : rangeGapfillPayload(seq, last));
  }

  #finish(answer: Answer): void {
    const complete = answer.pos > answer.to;
    this.#deps.logger[complete ? "debug" : "info"](
      {
        from: answer.from,
        to: answer.to,
        reached: answer.pos - 1n,
        resent: answer.resent,
        gapfilled: answer.gapfilled,
        missing: answer.missing,
        bytes: answer.bytes,
      },
      complete ? "replay served" : `replay answer stopped at maxReplayBytes (${this.#deps.maxReplayBytes}): the peer asks again for the rest`,
    );
    this.#answer = undefined;
    const followUp = this.#followUp;
    this.#followUp = undefined;
    if (followUp !== undefined) this.#start(followUp.from, followUp.to);
  }
}
