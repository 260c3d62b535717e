// The incoming half of sequencing as a pure state machine: no clock, no I/O.
// It decides what each payload means for the order of processing; the caller
// (inbound-flow.ts) carries the decisions out.
//
// Rules:
// - seq == expected: process it now; `expected` advances only when the caller
//   says it was processed (its handlers ran), so a crash, or a handler
//   stopping delivery, never acknowledges a payload it did not finish.
// - seq > expected: a gap. The payload is held, and ONE replay request from
//   `expected` is issued (not one per later payload) until the gap is filled.
// - seq < expected: a replay of something processed (dropped silently), or,
//   if not flagged is_replay, a protocol violation.
// - The hold is bounded in count (maxHeld) and in bytes (maxHeldBytes): a
//   payload that would take it past either is not held but dropped, at once
//   and without searching the hold (a peer must not be able to make each
//   payload cost a scan). Nothing is lost: a replay resends everything from
//   the requested seq upward, so a dropped payload comes again. In a stream
//   that arrives in order the hold thus keeps the lowest seqs, the first to
//   be needed.
import type { IncomingPayload } from "../payload/incoming.js";

export type Placement =
  /** seq == expected: process it now. */
  | "next"
  /** seq > expected and not held yet: hold it. */
  | "ahead"
  /** seq > expected and already held: a duplicate, ignore it. */
  | "held"
  /** seq < expected and is_replay: already processed, ignore it. */
  | "duplicate"
  /** seq < expected without is_replay: the peer broke the protocol. */
  | "behind";

export interface HoldResult {
  /** Seq of the payload not held because the hold was full (in count or bytes), if any. */
  readonly dropped: bigint | undefined;
  /** Ask the peer to replay from this seq; undefined when a request is already outstanding. */
  readonly requestReplayFrom: bigint | undefined;
}

export class InboundSequencer {
  #expected: bigint;
  /** Highest seq known to exist; `expected - 1` when nothing is missing. */
  #highestSeen: bigint;
  #awaitingReplay = false;
  readonly #held = new Map<bigint, IncomingPayload>();
  #heldBytes = 0;

  constructor(
    expected: bigint,
    /** Most payloads held while a gap is open (0: hold none, rely on the replay). */
    readonly maxHeld: number,
    /** Most bytes (payloads' own) held while a gap is open. */
    readonly maxHeldBytes: number = Number.MAX_SAFE_INTEGER,
  ) {
    this.#expected = expected;
    this.#highestSeen = expected - 1n;
  }

  /** The seq of the next payload to process. */
  get expected(): bigint {
    return this.#expected;
  }

  /** The highest seq known to exist (from a held or dropped payload). */
  get highestSeen(): bigint {
    return this.#highestSeen > this.#expected - 1n ? this.#highestSeen : this.#expected - 1n;
  }

  /** True while a replay was requested and payloads are still missing. */
  get awaitingReplay(): boolean {
    return this.#awaitingReplay;
  }

  get heldCount(): number {
    return this.#held.size;
  }

  /** Bytes of the payloads held. */
  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** Whether the payload at `expected` is in the hold (`takeNext` has it). */
  get nextIsHeld(): boolean {
    return this.#held.size > 0 && this.#held.has(this.#expected);
  }

  place(p: IncomingPayload): Placement {
    // (At `expected` and held: the one held waits for `takeNext`.)
    if (p.seq === this.#expected) return this.#held.size > 0 && this.#held.has(p.seq) ? "held" : "next";
    if (p.seq > this.#expected) return this.#held.has(p.seq) ? "held" : "ahead";
    return p.isReplay ? "duplicate" : "behind";
  }

  /** Holds a payload placed "ahead". It is detached from the receive buffer first. */
  hold(p: IncomingPayload): HoldResult {
    if (p.seq > this.#highestSeen) this.#highestSeen = p.seq;
    let dropped: bigint | undefined;
    const size = p.bytes.length;
    if (this.#held.size < this.maxHeld && this.#heldBytes + size <= this.maxHeldBytes) {
      this.#held.set(p.seq, p.detach());
      this.#heldBytes += size;
    } else {
      dropped = p.seq;
    }
    return { dropped, requestReplayFrom: this.#openGap() };
  }

  /** The payload at `expected` was processed (its handlers ran, or it was a gapfill): advance. */
  processed(): void {
    this.#expected += 1n;
    if (this.#awaitingReplay && this.#expected > this.#highestSeen) this.#awaitingReplay = false;
  }

  /** The held payload at `expected`, if any, removed from the hold: the next to process. */
  takeNext(): IncomingPayload | undefined {
    if (this.#held.size === 0) return undefined; // the usual case: spare the lookup (bigint keys hash slowly)
    const next = this.#held.get(this.#expected);
    if (next !== undefined) {
      this.#held.delete(this.#expected);
      this.#heldBytes -= next.bytes.length;
    }
    return next;
  }

  /** The replay made no progress in time: the seq to ask for again, or undefined if nothing is missing. */
  retryReplay(): bigint | undefined {
    return this.#awaitingReplay ? this.#expected : undefined;
  }

  /** Starts over at `expected` (a new connection): forgets held payloads and open gaps. */
  restart(expected: bigint): void {
    this.#expected = expected;
    this.#highestSeen = expected - 1n;
    this.#awaitingReplay = false;
    this.#held.clear();
    this.#heldBytes = 0;
  }

  #openGap(): bigint | undefined {
    if (this.#awaitingReplay) return undefined;
    this.#awaitingReplay = true;
    return this.#expected;
  }
}
