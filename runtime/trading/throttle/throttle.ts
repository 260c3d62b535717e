// The client-side throttle: requests wait in a bounded FIFO queue and go out
// only as fast as the exchange's announced limits allow, so the exchange never
// has to answer throttle-exceeded. Until limits are known, requests go at once.
//
// Overflow policy: when `queueCapacity` requests are waiting, a new one is
// refused (submit returns undefined) and nothing queued is dropped: queued
// requests belong to callers who are awaiting them.
import type { Clock, TimerHandle } from "../../clock.js";
import { checkLimits, type ThrottleLimits } from "./limits.js";
import { TokenBucket } from "./token-bucket.js";

export interface ThrottleJob {
  /** Sends the request; called once, when a token is granted. */
  run(): void;
}

export interface ThrottleTicket {
  /** Takes the job out of the queue if it is still waiting; returns whether it was. */
  cancel(): boolean;
}

export interface ThrottleOptions {
  clock: Clock;
  /** Most requests waiting at once, at least 1. */
  queueCapacity: number;
  /** Limits to start with, before the exchange announces its own. */
  limits?: ThrottleLimits;
}

export class Throttle {
  readonly queueCapacity: number;
  readonly #clock: Clock;
  readonly #queue = new Set<ThrottleJob>();
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
    return this.#queue.size;
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
   * as the exchange's does when a session starts.
   */
  setLimits(limits: ThrottleLimits | undefined): void {
    const now = this.#clock.now();
    this.#bucket = limits === undefined ? undefined : new TokenBucket(checkLimits(limits), now, this.#bucket?.level(now));
    this.#cancelTimer();
    this.#pump();
  }

  /** Queues `job`; undefined when the queue is full (the job is refused). */
  submit(job: ThrottleJob): ThrottleTicket | undefined {
    if (this.#queue.size >= this.queueCapacity) return undefined;
    this.#queue.add(job);
    this.#pump();
    return { cancel: () => this.#queue.delete(job) };
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

  /** Empties the queue, returning the jobs that were waiting, oldest first. */
  takeAll(): ThrottleJob[] {
    const jobs = [...this.#queue];
    this.#queue.clear();
    this.#cancelTimer();
    return jobs;
  }

  #pump(): void {
    // A job's run() may submit or cancel; the outer loop picks that up.
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      while (!this.#paused && this.#queue.size > 0) {
        if (this.#bucket !== undefined && !this.#bucket.tryTake(this.#clock.now())) break;
        const job = this.#queue.values().next().value as ThrottleJob;
        this.#queue.delete(job);
        job.run();
      }
    } finally {
      this.#pumping = false;
    }
    this.#wake();
  }

  /** Sets a timer for when the next queued job may go. */
  #wake(): void {
    if (this.#paused || this.#queue.size === 0 || this.#timer !== undefined || this.#bucket === undefined) return;
    const wait = this.#bucket.msUntilAvailable(this.#clock.now());
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
