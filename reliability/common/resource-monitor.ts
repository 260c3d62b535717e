// What a reliability run measures about its own process: resident memory
// (start, peak, end) and the longest the event loop was blocked.
//
// Blocking is measured by a timer that should fire every 20 ms: when it
// fires late, the loop was busy or the process was waiting for a CPU. On a
// shared machine the second dominates, so each late tick is charged the
// least of upper bounds on what its own code held the loop for: the CPU time
// the main thread used meanwhile (Linux: the scheduler's own count, in ns,
// from /proc/…/schedstat, or where that is missing the 10 ms ticks of
// /proc/…/stat, which on a busy machine can charge an interval a tick or two
// it did not use; elsewhere the whole process's, GC and compiler threads
// included) and the time the loop was not idle (which includes waiting for a
// CPU). Both figures are kept:
// `maxBlockMs` (CPU-attributed, what the limits check) and `maxDelayMs`
// (wall clock).
//
// Garbage collection runs on the main thread too, and counts in a block; so
// does the kernel's handling of page faults, which in a virtual machine that
// pages in software costs tens of µs each rather than under one. So that a
// long block can be told apart from the code's own work, each block reported
// comes with the collections V8 timed in its interval (from the `gc`
// performance entries) and the main thread's page faults in it (/proc).
import { readFileSync } from "node:fs";
import { constants, performance, PerformanceObserver, type EventLoopUtilization, type PerformanceEntry } from "node:perf_hooks";

/** Where the main thread's CPU times are (its thread id is the process id), on Linux. */
const MAIN_THREAD_SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const MAIN_THREAD_STAT = `/proc/self/task/${process.pid}/stat`;
const TICKS_PER_MS = 100 / 1000; // USER_HZ, 100 on Linux

/** CPU time the main thread used so far, in ms, or undefined where /proc does not say. */
function mainThreadCpuMs(): number | undefined {
  try {
    // The first field: time spent running, in ns.
    const ns = Number(readFileSync(MAIN_THREAD_SCHEDSTAT, "latin1").split(" ", 1)[0]);
    if (Number.isFinite(ns)) return ns / 1e6;
  } catch {
    // No schedstat (a kernel without scheduler statistics): the ticks below.
  }
  try {
    const stat = readFileSync(MAIN_THREAD_STAT, "latin1");
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return undefined;
  }
}

/** Page faults the main thread took so far (minor and major), or undefined where /proc does not say. */
function mainThreadFaults(): number | undefined {
  try {
    const stat = readFileSync(MAIN_THREAD_STAT, "latin1");
    // After the command name: minflt is the 10th field, majflt the 12th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const faults = Number(fields[7]) + Number(fields[9]);
    return Number.isFinite(faults) ? faults : undefined;
  } catch {
    return undefined;
  }
}

/** The CPU time that bounds a block: the main thread's where known, else the process's (ms). */
function cpuMs(): number {
  const main = mainThreadCpuMs();
  if (main !== undefined) return main;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** How often the loop is sampled, in ms. */
const TICK_MS = 20;

/** GC entries older than this are forgotten (a block's interval is far shorter). */
const GC_KEPT_MS = 5_000;

const GC_KIND_NAMES: [number, string][] = [
  [constants.NODE_PERFORMANCE_GC_MAJOR, "mark-compact"],
  [constants.NODE_PERFORMANCE_GC_MINOR, "scavenge"],
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL, "incremental marking"],
  [constants.NODE_PERFORMANCE_GC_WEAKCB, "weak callbacks"],
];

/** The garbage collections V8 timed within one interval. */
export interface GcShare {
  /** Their total pause, in ms. */
  readonly ms: number;
  /** By kind: "mark-compact 80 ms, scavenge 3 ms ×2"; empty when none. */
  readonly kinds: string;
}

/** What else happened in a block: the collections, and the page faults (undefined where /proc does not say). */
export interface BlockDetail extends GcShare {
  readonly faults: number | undefined;
}

/** A block as the monitor reports it: CPU-attributed and wall-clock ms, and the collections in it. */
export interface BlockSeen {
  readonly blockMs: number;
  readonly delayMs: number;
  /**
   * The collections in its interval, asked for only where wanted. Node
   * records a collection's entry on the turn after it, so this settles
   * then (call it from `onBlock` itself).
   */
  detail(): Promise<BlockDetail>;
}

/**
 * "GC 80 ms in its interval (mark-compact 80 ms), 775 page faults", or "no
 * GC in it, …". V8 times a collection by the wall clock, waits for a CPU
 * included, so on a busy machine it can exceed the CPU-attributed block.
 */
export function describeBlock(d: BlockDetail): string {
  const gc = d.ms > 0 ? `GC ${Math.round(d.ms)} ms in its interval (${d.kinds})` : "no GC in it";
  return d.faults === undefined ? gc : `${gc}, ${d.faults.toLocaleString("en-GB")} page faults`;
}

export interface ResourceFigures {
  readonly rssStart: number;
  readonly rssPeak: number;
  readonly rssEnd: number;
  /** Longest event-loop block, charged the CPU time the process used in it (ms). */
  readonly maxBlockMs: number;
  /** Longest late tick by the wall clock, whatever the cause (ms). */
  readonly maxDelayMs: number;
  /** The collections and faults in the longest block's interval (known from the turn after it). */
  readonly maxBlockDetail: BlockDetail;
}

export class ResourceMonitor {
  readonly #rssStart: number;
  #rssPeak: number;
  #timer: NodeJS.Timeout | undefined;
  #lastTick = 0;
  #lastCpu = cpuMs();
  #lastFaults = mainThreadFaults();
  #lastLoop: EventLoopUtilization = performance.eventLoopUtilization();
  #maxBlockMs = 0;
  #maxBlockDetail: BlockDetail = { ms: 0, kinds: "", faults: undefined };
  #maxDelayMs = 0;
  #ticks = 0;
  /** Told of each block over `reportOverMs`, for finding what blocked. */
  onBlock: ((seen: BlockSeen) => void) | undefined;
  reportOverMs = 50;
  /** GC entries of the last GC_KEPT_MS, oldest first. */
  #gcs: PerformanceEntry[] = [];
  readonly #gcObserver = new PerformanceObserver((list) => this.#keepGcs(list.getEntries()));

  constructor() {
    this.#rssStart = process.memoryUsage.rss();
    this.#rssPeak = this.#rssStart;
  }

  start(): this {
    this.#lastTick = performance.now();
    this.#lastCpu = cpuMs();
    this.#lastFaults = mainThreadFaults();
    this.#lastLoop = performance.eventLoopUtilization();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
    this.#timer.unref();
    this.#gcObserver.observe({ entryTypes: ["gc"] });
    return this;
  }

  /** The collections that started within [from, to] (performance.now() ms). */
  gcDuring(from: number, to: number): GcShare {
    // Entries not delivered to the observer yet (a collection's entry is queued after it ends).
    this.#keepGcs(this.#gcObserver.takeRecords());
    let ms = 0;
    const byKind = new Map<string, { ms: number; n: number }>();
    for (const e of this.#gcs) {
      if (e.startTime < from || e.startTime > to) continue;
      ms += e.duration;
      const code = (e as { detail?: { kind?: number } }).detail?.kind ?? 0;
      const name = GC_KIND_NAMES.find(([k]) => k === code)?.[1] ?? `kind ${code}`;
      const k = byKind.get(name) ?? { ms: 0, n: 0 };
      byKind.set(name, { ms: k.ms + e.duration, n: k.n + 1 });
    }
    const kinds = [...byKind]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([name, k]) => `${name} ${Math.round(k.ms)} ms${k.n > 1 ? ` ×${k.n}` : ""}`)
      .join(", ");
    return { ms, kinds };
  }

  #keepGcs(entries: readonly PerformanceEntry[]): void {
    if (entries.length === 0) return;
    this.#gcs.push(...entries);
    const horizon = performance.now() - GC_KEPT_MS;
    let old = 0;
    while (old < this.#gcs.length && this.#gcs[old]!.startTime < horizon) old++;
    if (old > 0) this.#gcs.splice(0, old);
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
    this.#lastCpu = cpuMs();
    this.#lastFaults = mainThreadFaults();
    this.#lastLoop = performance.eventLoopUtilization();
  }

  /** Forgets the blocks seen so far (for a run that starts measuring after its set-up). */
  resetDelay(): void {
    this.#maxBlockMs = 0;
    this.#maxBlockDetail = { ms: 0, kinds: "", faults: undefined };
    this.#maxDelayMs = 0;
  }

  stop(): ResourceFigures {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#gcObserver.disconnect();
    const rssEnd = this.sample();
    return { rssStart: this.#rssStart, rssPeak: this.#rssPeak, rssEnd, maxBlockMs: this.#maxBlockMs, maxDelayMs: this.#maxDelayMs, maxBlockDetail: this.#maxBlockDetail };
  }

  #tick(): void {
    const now = performance.now();
    const cpuNow = cpuMs();
    const cpu = cpuNow - this.#lastCpu;
    this.#lastCpu = cpuNow;
    const faultsNow = mainThreadFaults();
    const faults = faultsNow === undefined || this.#lastFaults === undefined ? undefined : faultsNow - this.#lastFaults;
    this.#lastFaults = faultsNow;
    const loop = performance.eventLoopUtilization(this.#lastLoop);
    this.#lastLoop = performance.eventLoopUtilization();
    const delay = Math.max(0, now - this.#lastTick - TICK_MS);
    const from = this.#lastTick;
    this.#lastTick = now;
    const block = Math.min(delay, cpu, loop.active);
    if (delay > this.#maxDelayMs) this.#maxDelayMs = delay;
    let detail: Promise<BlockDetail> | undefined;
    const detailOnce = (): Promise<BlockDetail> => (detail ??= new Promise((resolve) => setImmediate(() => resolve({ ...this.gcDuring(from, now), faults }))));
    if (block > this.#maxBlockMs) {
      this.#maxBlockMs = block;
      void detailOnce().then((d) => {
        if (this.#maxBlockMs === block) this.#maxBlockDetail = d;
      });
    }
    if (block > this.reportOverMs) this.onBlock?.({ blockMs: block, delayMs: delay, detail: detailOnce });
    // RSS every 5th tick (100 ms): enough to see a peak that lasts.
    if (++this.#ticks % 5 === 0) this.sample();
  }
}

/** Bytes as MB with one decimal. */
export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
