// Answers the peer's replay requests from the outgoing store, as
// eto/replay.txt and seq.txt have it: every seq from the requested one upward
// is answered in turn, at its own seq. A payload held is resent with
// is_replay = true, except login, login-response, replay and heartbeat,
// which are replaced by a gapfill at their seq (resending them would act on
// them twice). A seq the store does not hold (evicted, or never used because
// a login-response `reset` skipped it) gets a gapfill at its seq too: what it
// carried is gone either way, and a standard peer — one that takes only the
// seq it expects and asks again for anything else, as Smarkets' own clients
// do — moves past it one seq at a time.
//
// What a peer can make this cost is bounded:
// - The answer is written in slices (at most SLICE_PAYLOADS payloads or
//   SLICE_BYTES bytes): the first at once, the others each from a timer on
//   the session's clock (0 ms), yielding to the event loop in between, so a
//   long replay never blocks it. (A short answer is thus written while the
//   request is received; on a fake clock a long one needs time advanced, by
//   0 ms, to go on.)
// - One answer writes at most `maxReplayBytes` and `maxReplayPayloads`; the
//   rest is left for the peer to ask again, and a peer asking again from
//   where the answer stopped gets the next part: each request costs bounded
//   work and memory, and a standard peer always makes progress. (A range the
//   store never held costs one small gapfill per seq, so a peer asking from
//   far back needs several answers; each moves it forward.)
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
import { encodePayload, gapfillPayload, markReplay } from "../payload/encode.js";
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
  /** Most payloads (resent or gapfills) one answer writes. */
  readonly maxReplayPayloads: number;
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
  /** Seqs answered with a gapfill because the store did not hold them. */
  missing: number;
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
    if (from > to) return; // nothing sent from there: the session reports such a request (core.ts)
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
    const answer: Answer = { from, to, pos: from, yielded: false, bytes: 0, resent: 0, gapfilled: 0, missing: 0 };
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
    const out: Uint8Array[] = [];
    let sliceBytes = 0;
    while (this.#mayWrite(answer) && out.length < SLICE_PAYLOADS && sliceBytes < SLICE_BYTES) {
      const bytes = this.#next(answer);
      out.push(bytes);
      sliceBytes += bytes.length;
      answer.bytes += bytes.length;
    }
    for (let i = 0; i < out.length; i++) this.#deps.write(out[i]!, i === out.length - 1);
    if (this.#answer !== answer) return; // cancelled by a write
    if (this.#mayWrite(answer)) {
      this.#schedule();
      return;
    }
    this.#finish(answer);
  }

  /** Whether the answer has seqs left and is within its caps. */
  #mayWrite(answer: Answer): boolean {
    const { maxReplayBytes, maxReplayPayloads } = this.#deps;
    return answer.pos <= answer.to && answer.bytes < maxReplayBytes && answer.resent + answer.gapfilled < maxReplayPayloads;
  }

  #begin(answer: Answer): void {
    const { store, logger } = this.#deps;
    const oldest = store.oldestSeq();
    if (oldest === undefined || answer.from < oldest) {
      const lostTo = oldest === undefined || oldest - 1n > answer.to ? answer.to : oldest - 1n;
      logger.warn(
        { requested: answer.from, oldestHeld: oldest, lostFrom: answer.from, lostTo },
        "replay reaches back past the outgoing store: those payloads are gone, each answered with a gapfill",
      );
    }
    this.#deps.status({ state: "replaying", from: answer.from, to: answer.to });
  }

  /** The bytes answering `answer.pos`, which it advances by one. */
  #next(answer: Answer): Uint8Array {
    const seq = answer.pos;
    answer.pos = seq + 1n;
    const stored = this.#deps.store.get(seq);
    if (stored !== undefined && !NEVER_RESENT.has(stored.etoType)) {
      answer.resent++;
      return markReplay(stored.bytes);
    }
    if (stored === undefined) answer.missing++;
    answer.gapfilled++;
    return encodePayload(gapfillPayload(seq));
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
      complete
        ? "replay served"
        : `replay answer stopped at maxReplayBytes (${this.#deps.maxReplayBytes}) or maxReplayPayloads (${this.#deps.maxReplayPayloads}): the peer asks again for the rest`,
    );
    this.#answer = undefined;
    const followUp = this.#followUp;
    this.#followUp = undefined;
    if (followUp !== undefined) this.#start(followUp.from, followUp.to);
  }
}
