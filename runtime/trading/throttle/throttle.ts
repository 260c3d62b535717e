// The client-side throttle. Policy: queue rather than provoke throttle-exceeded.
//
// A request goes out only when both gates let it through, by the limits the
// exchange announced (throttle-limits-changed: rate and burst):
// - a token: the bucket refills at the announced rate, holding at most
//   `burstSize`, as the exchange's does;
// - an in-flight slot: fewer than `burstSize` requests are unanswered (sent,
//   no reply yet). With at most a burst unanswered, a stall between client
//   and exchange (a loaded machine, a slow link) delivers at most a burst at
//   once. A slot is freed when its ticket ends: the reply came, or the
//   request settled otherwise (timeout, abort, lost session). A request the
//   exchange never answers keeps its slot until its time limit.
// A request's token is spent when its ticket ends, and held back while it is
// unanswered (one goes only if the bucket holds a token for it beyond one for
// each request in flight): the exchange counts a request when it *reads* it,
// at any moment up to its reply, and its bucket may sit full meanwhile. A
// bucket charged at sending would run ahead of the exchange's by every
// request a stall held up while both refilled to the full burst — and stay
// ahead, its requests at full rate refused for speed.
// What the exchange refuses for speed all the same (its bucket was emptier
// than ours) is not failed: the requester empties the bucket (exceeded())
// and hands the request back (resubmit()); it goes before every request not
// yet sent, a bounded number of times (requests/resend.ts).
// Until limits are known, requests go at once.
//
// Overflow: when `queueCapacity` requests are waiting, a new one is refused
// (submit returns undefined) and nothing queued is dropped: queued requests
// belong to callers who are awaiting them. A resubmitted request is always
// taken back, for the same reason.
import type * as seto from "../../../generated/seto.js";
import type { Clock, TimerHandle } from "../../clock.js";
import { ProtocolError } from "../../errors.js";
import { checkLimits, limitsProblem, type ThrottleLimits } from "./limits.js";
import { TokenBucket } from "./token-bucket.js";
import { WaitingLine } from "./waiting-line.js";

const sameLimits = (a: ThrottleLimits, b: ThrottleLimits): boolean =>
  a.averageRatePs === b.averageRatePs && a.burstSize === b.burstSize && a.tickMs === b.tickMs;

export interface ThrottleJob {
  /**
   * Sends the request; called once, when a token and a slot are granted.
   * Returns whether it now awaits a reply: if so it keeps its slot until its
   * ticket ends; if not (nothing went out, or no reply is due) the slot is freed.
   */
  run(): boolean;
}

export interface ThrottleTicket {
  /** The job is done with: taken out of the queue if it still waits, its slot freed if it holds one. Ending twice does nothing. */
  end(): void;
}

export interface ThrottleOptions {
  clock: Clock;
  /** Most requests waiting at once, at least 1. */
  queueCapacity: number;
  /** Limits to start with, before the exchange announces its own. */
  limits?: ThrottleLimits;
}

interface Entry {
  readonly job: ThrottleJob;
  stage: "waiting" | "in-flight" | "ended";
}

export class Throttle {
  readonly queueCapacity: number;
  readonly #clock: Clock;
  readonly #waiting = new WaitingLine<Entry>();
  #inFlight = 0;
  #bucket: TokenBucket | undefined;
  #paused = false;
  #pumping = false;
  #timer: TimerHandle | undefined;

  constructor(options: ThrottleOptions) {
    this.#clock = options.clock;
    this.queueCapacity = options.queueCapacity;
    if (options.limits !== undefined) this.setLimits(options.limits);
  }

  /** Requests waiting. */
  get queued(): number {
    return this.#waiting.size;
  }

  /** Requests sent and holding a slot (awaiting replies). */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** The limits in force; undefined while none are known (no throttling). */
  get limits(): ThrottleLimits | undefined {
    return this.#bucket?.limits;
  }

  get paused(): boolean {
    return this.#paused;
  }

  /**
   * New limits (from throttle-limits-changed). What is left in the bucket is
   * kept, up to the new burst size; the first limits start with a full bucket,
   * as the exchange's does when a session starts. Requests already in flight
   * keep their slots: a lower burst size holds new ones back until replies come.
   */
  setLimits(limits: ThrottleLimits | undefined): void {
    const now = this.#clock.now();
    const bucket = this.#bucket;
    // The same limits again (the exchange repeats them after every resuming
    // login) change nothing: a bucket started afresh would tick at other
    // moments than the exchange's, and near the full burst the one ticking
    // later loses less to the cap when requests come between the two ticks.
    if (limits !== undefined && bucket !== undefined && sameLimits(bucket.limits, limits)) return;
    this.#bucket = limits === undefined ? undefined : new TokenBucket(checkLimits(limits), now, bucket?.level(now));
    this.#cancelTimer();
    this.#pump();
  }

  /**
   * Limits the exchange announced (throttle-limits-changed, payload `seq`).
   * Applied if every field is in range; otherwise nothing changes and the
   * returned ProtocolError names the value and the limit (a tick beyond what
   * a timer holds would fire at once, in a loop).
   */
  announce(announced: seto.ThrottleLimitsChanged, seq: bigint): ProtocolError | undefined {
    const problem = limitsProblem(announced);
    if (problem !== undefined) {
      const kept = this.limits === undefined ? "no limits stay in force" : "the previous limits stay in force";
      return new ProtocolError(`throttle_limits_changed seq ${seq} refused: ${problem}; ${kept}`);
    }
    this.setLimits(announced);
    return undefined;
  }

  /** Queues a new request's `job` behind every waiting one; undefined when the queue is full (the job is refused). */
  submit(job: ThrottleJob): ThrottleTicket | undefined {
    if (this.#waiting.size >= this.queueCapacity) return undefined;
    return this.#enqueue(job, false);
  }

  /**
   * Queues again a request the exchange refused for speed: ahead of every
   * request never sent, whatever the capacity. Call exceeded() first, so it
   * waits for a token the exchange also has.
   */
  resubmit(job: ThrottleJob): ThrottleTicket {
    return this.#enqueue(job, true);
  }

  /** Stops sending (the connection is down); queued jobs wait. */
  pause(): void {
    this.#paused = true;
    this.#cancelTimer();
  }

  resume(): void {
    this.#paused = false;
    this.#pump();
  }

  /** The exchange said we were too fast: our bucket was fuller than its, so empty ours. */
  exceeded(): void {
    this.#bucket?.drain(this.#clock.now());
    this.#cancelTimer();
    this.#pump();
  }

  #enqueue(job: ThrottleJob, resend: boolean): ThrottleTicket {
    const entry: Entry = { job, stage: "waiting" };
    this.#waiting.push(entry, resend);
    const ticket = { end: () => this.#end(entry) };
    this.#pump();
    return ticket;
  }

  #end(entry: Entry): void {
    const stage = entry.stage;
    entry.stage = "ended";
    if (stage === "waiting") this.#waiting.delete(entry);
    if (stage === "in-flight") {
      this.#inFlight -= 1;
      this.#bucket?.charge(this.#clock.now());
      // One fewer token to hold back: the wake-up set for the old count may be too late.
      this.#cancelTimer();
      this.#pump();
    }
  }

  /** Whether the next waiting job may go now: a slot, and a token beyond those held for the requests in flight. */
  #mayGo(): boolean {
    const bucket = this.#bucket;
    if (bucket === undefined) return true;
    return this.#inFlight < bucket.limits.burstSize && bucket.holds(this.#clock.now(), this.#inFlight + 1);
  }

  #pump(): void {
    // A job's run() may submit or end tickets; the outer loop picks that up.
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#paused && this.#waiting.size > 0 && this.#mayGo()) {
        const entry = this.#waiting.shift()!;
        // Counted before it runs: run() may end its own ticket.
        entry.stage = "in-flight";
        this.#inFlight += 1;
        if (!entry.job.run()) this.#end(entry);
      }
    } finally {
      this.#pumping = false;
    }
    this.#wake();
  }

  /** Sets a timer for when the next queued job may have a token (a reply frees a slot without one). */
  #wake(): void {
    const bucket = this.#bucket;
    if (this.#paused || this.#waiting.size === 0 || this.#timer !== undefined || bucket === undefined) return;
    if (this.#inFlight >= bucket.limits.burstSize) return;
    const wait = bucket.msUntilAvailable(this.#clock.now(), this.#inFlight + 1);
    // undefined: these limits never allow another request; wait for new ones (or the callers' time limits).
    if (wait === undefined) return;
    this.#timer = this.#clock.setTimer(wait, () => {
      this.#timer = undefined;
      this.#pump();
    });
  }

  #cancelTimer(): void {
    this.#timer?.cancel();
    this.#timer = undefined;
  }
}
