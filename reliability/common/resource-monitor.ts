// What a reliability run measures about its own process: resident memory
// (start, peak, end) and the longest the event loop was blocked.
//
// Blocking is measured by a timer that should fire every 20 ms: when it
// fires late, the loop was busy or the process was waiting for a CPU. On a
// shared machine the second dominates, so each late tick is charged the
// least of two upper bounds on what its own code held the loop for: the CPU
// time the process used meanwhile (all its threads, GC helpers included) and
// the time the loop was not idle (which includes waiting for a CPU). Both
// figures are kept: `maxBlockMs` (CPU-attributed, what the limits check) and
// `maxDelayMs` (wall clock).
import { performance, type EventLoopUtilization } from "node:perf_hooks";

/** How often the loop is sampled, in ms. */
const TICK_MS = 20;

export interface ResourceFigures {
  readonly rssStart: number;
  readonly rssPeak: number;
  readonly rssEnd: number;
  /** Longest event-loop block, charged the CPU time the process used in it (ms). */
  readonly maxBlockMs: number;
  /** Longest late tick by the wall clock, whatever the cause (ms). */
  readonly maxDelayMs: number;
}

export class ResourceMonitor {
  readonly #rssStart: number;
  #rssPeak: number;
  #timer: NodeJS.Timeout | undefined;
  #lastTick = 0;
  #lastCpu: NodeJS.CpuUsage = process.cpuUsage();
  #lastLoop: EventLoopUtilization = performance.eventLoopUtilization();
  #maxBlockMs = 0;
  #maxDelayMs = 0;
  #ticks = 0;
  /** Told of each block over `reportOverMs` (CPU-attributed ms and wall ms), for finding what blocked. */
  onBlock: ((blockMs: number, delayMs: number) => void) | undefined;
  reportOverMs = 50;

  constructor() {
    this.#rssStart = process.memoryUsage.rss();
    this.#rssPeak = this.#rssStart;
  }

  start(): this {
    this.#lastTick = performance.now();
    this.#lastCpu = process.cpuUsage();
    this.#lastLoop = performance.eventLoopUtilization();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
    return this;
  }

  /** Reads RSS now (cheap); returns it. Call it where memory may peak between samples. */
  sample(): number {
    const rss = process.memoryUsage.rss();
    if (rss > this.#rssPeak) this.#rssPeak = rss;
    return rss;
  }

  get rssPeak(): number {
    return this.#rssPeak;
  }

  get maxBlockMs(): number {
    return this.#maxBlockMs;
  }

  get maxDelayMs(): number {
    return this.#maxDelayMs;
  }

  /**
   * Starts the current interval afresh: the time since the last tick is not
   * counted as a block. For the measuring run's own pauses (a garbage
   * collection it forced), which are no block of the code under test.
   */
  excuse(): void {
    this.#lastTick = performance.now();
    this.#lastCpu = process.cpuUsage();
    this.#lastLoop = performance.eventLoopUtilization();
  }

  /** Forgets the blocks seen so far (for a run that starts measuring after its set-up). */
  resetDelay(): void {
    this.#maxBlockMs = 0;
    this.#maxDelayMs = 0;
  }

  stop(): ResourceFigures {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    const rssEnd = this.sample();
    return { rssStart: this.#rssStart, rssPeak: this.#rssPeak, rssEnd, maxBlockMs: this.#maxBlockMs, maxDelayMs: this.#maxDelayMs };
  }

  #tick(): void {
    const now = performance.now();
    const cpu = process.cpuUsage(this.#lastCpu);
    this.#lastCpu = process.cpuUsage();
    const loop = performance.eventLoopUtilization(this.#lastLoop);
    this.#lastLoop = performance.eventLoopUtilization();
    const delay = Math.max(0, now - this.#lastTick - TICK_MS);
    this.#lastTick = now;
    const block = Math.min(delay, (cpu.user + cpu.system) / 1000, loop.active);
    if (delay > this.#maxDelayMs) this.#maxDelayMs = delay;
    if (block > this.#maxBlockMs) this.#maxBlockMs = block;
    if (block > this.reportOverMs) this.onBlock?.(block, delay);
    // RSS every 5th tick (100 ms): enough to see a peak that lasts.
    if (++this.#ticks % 5 === 0) this.sample();
  }
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
