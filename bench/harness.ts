// A tiny benchmark harness: warm-up runs, then the median of timed runs.
// Benchmarks print numbers for people to read; nothing here asserts timings.

import { GCProfiler, getHeapStatistics } from "node:v8";

export interface MeasureOptions {
  /** Timed runs; the median is reported. Default 7. */
  runs?: number;
  /** Untimed runs first, so the JIT has optimised the code. Default 3. */
  warmup?: number;
}

export interface Measurement {
  name: string;
  /** Median operations per second. */
  opsPerSecond: number;
  /** Median seconds per run. */
  secondsPerRun: number;
  /** Operations one run performs (what `fn` returned). */
  opsPerRun: number;
}

/**
 * Runs `fn` `warmup` times untimed, then `runs` times timed, and returns the
 * median rate in operations per second. `fn` returns how many operations one
 * call performed (e.g. frames decoded), or nothing for one operation.
 */
export function measure(name: string, fn: () => number | void, options: MeasureOptions = {}): number {
  return measureDetailed(name, fn, options).opsPerSecond;
}

/** `measure`, returning the timing details too. */
export function measureDetailed(name: string, fn: () => number | void, options: MeasureOptions = {}): Measurement {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 3;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer; got ${runs}`);
  for (let i = 0; i < warmup; i++) fn();
  const seconds: number[] = [];
  let opsPerRun = 1;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const ops = fn();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
    opsPerRun = typeof ops === "number" ? ops : 1;
  }
  const secondsPerRun = median(seconds);
  return { name, opsPerSecond: opsPerRun / secondsPerRun, secondsPerRun, opsPerRun };
}

export interface RoundsMeasurement extends Measurement {
  /** Wall-clock seconds of each timed run, by round. */
  seconds: number[];
  /**
   * CPU seconds (user + system, all threads) of each timed run, by round:
   * steadier than wall time on a shared machine, as time spent descheduled
   * does not count.
   */
  cpuSeconds: number[];
  /** GC seconds of each timed run, by round, where measured (asynchronous cases). */
  gcSeconds?: number[];
  /** Bytes allocated in each timed run, by round, where measured (asynchronous cases). */
  allocatedBytes?: number[];
}

/**
 * Measures several cases in rounds — each round runs every case once, in
 * turn — so a change in machine load hits all of them alike; then the median
 * per case. Compare two cases with `medianSpeedup`.
 */
export function measureRounds(
  cases: readonly { name: string; fn: () => number | void }[],
  options: MeasureOptions = {},
): RoundsMeasurement[] {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 3;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer; got ${runs}`);
  for (const c of cases) for (let i = 0; i < warmup; i++) c.fn();
  const seconds = cases.map((): number[] => []);
  const cpuSeconds = cases.map((): number[] => []);
  const opsPerRun = cases.map(() => 1);
  for (let round = 0; round < runs; round++) {
    cases.forEach((c, i) => {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const ops = c.fn();
      seconds[i]!.push(Number(process.hrtime.bigint() - start) / 1e9);
      const used = process.cpuUsage(cpu);
      cpuSeconds[i]!.push((used.user + used.system) / 1e6);
      opsPerRun[i] = typeof ops === "number" ? ops : 1;
    });
  }
  return cases.map((c, i) => {
    const secondsPerRun = median(seconds[i]!);
    const ops = opsPerRun[i]!;
    return { name: c.name, opsPerSecond: ops / secondsPerRun, secondsPerRun, opsPerRun: ops, seconds: seconds[i]!, cpuSeconds: cpuSeconds[i]! };
  });
}

/** What one timed run of an asynchronous case measured itself (see `stopwatch`). */
export interface Timed {
  /** Operations done (e.g. frames handled). */
  readonly ops: number;
  readonly seconds: number;
  /** CPU seconds of this process (user + system), peers' not counted. */
  readonly cpuSeconds: number;
  /** Seconds the garbage collector took (its pauses on the main thread, as v8.GCProfiler reports them). */
  readonly gcSeconds: number;
  /** Bytes allocated on the JS heap meanwhile (garbage included; see `measureHeap`). */
  readonly allocatedBytes: number;
}

/** Starts timing wall, CPU and GC time; `stop(ops)` reads them. */
export function stopwatch(): { stop(ops: number): Timed } {
  const gc = new GCProfiler();
  gc.start();
  const heapAtStart = getHeapStatistics().used_heap_size;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  return {
    stop(ops: number): Timed {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const used = process.cpuUsage(cpu);
      const heapAtEnd = getHeapStatistics().used_heap_size;
      let gcMicros = 0;
      let allocated = 0;
      let last = heapAtStart;
      for (const run of gc.stop()?.statistics ?? []) {
        gcMicros += run.cost;
        allocated += Math.max(0, run.beforeGC.heapStatistics.usedHeapSize - last);
        last = run.afterGC.heapStatistics.usedHeapSize;
      }
      allocated += Math.max(0, heapAtEnd - last);
      return { ops, seconds, cpuSeconds: (used.user + used.system) / 1e6, gcSeconds: gcMicros / 1e6, allocatedBytes: allocated };
    },
  };
}

/**
 * `measureRounds` for cases that run asynchronously (a client reading a
 * socket), each timing itself so that setup and teardown stay out of the
 * figure: every round runs each case once, in turn; then the median per case.
 */
export async function measureRoundsAsync(
  cases: readonly { name: string; fn: () => Promise<Timed> }[],
  options: MeasureOptions = {},
): Promise<RoundsMeasurement[]> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a positive integer; got ${runs}`);
  for (let i = 0; i < warmup; i++) for (const c of cases) await c.fn();
  const seconds = cases.map((): number[] => []);
  const cpuSeconds = cases.map((): number[] => []);
  const gcSeconds = cases.map((): number[] => []);
  const allocatedBytes = cases.map((): number[] => []);
  const opsPerRun = cases.map(() => 1);
  for (let round = 0; round < runs; round++) {
    for (const [i, c] of cases.entries()) {
      const timed = await c.fn();
      seconds[i]!.push(timed.seconds);
      cpuSeconds[i]!.push(timed.cpuSeconds);
      gcSeconds[i]!.push(timed.gcSeconds);
      allocatedBytes[i]!.push(timed.allocatedBytes);
      opsPerRun[i] = timed.ops;
    }
  }
  return cases.map((c, i) => {
    const secondsPerRun = median(seconds[i]!);
    const ops = opsPerRun[i]!;
    return {
      name: c.name,
      opsPerSecond: ops / secondsPerRun,
      secondsPerRun,
      opsPerRun: ops,
      seconds: seconds[i]!,
      cpuSeconds: cpuSeconds[i]!,
      gcSeconds: gcSeconds[i]!,
      allocatedBytes: allocatedBytes[i]!,
    };
  });
}

/**
 * How many times faster `b` ran than `a` per operation: the median over
 * rounds of the ratio of the two runs of a round, in wall time or CPU time.
 */
export function medianSpeedup(a: RoundsMeasurement, b: RoundsMeasurement, clock: "wall" | "cpu" = "wall"): number {
  const of = (m: RoundsMeasurement) => (clock === "wall" ? m.seconds : m.cpuSeconds);
  const bs = of(b);
  return median(of(a).map((s, i) => s / a.opsPerRun / (bs[i]! / b.opsPerRun)));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** 1234567.8 → "1,234,568". */
export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString("en-US");
}

/** Bytes per second as decimal megabytes per second, e.g. "412.3 MB/s". */
export function formatMegabytes(bytesPerSecond: number): string {
  return `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`;
}

export interface HeapUse {
  /** Bytes allocated on the JS heap per operation, counted across the garbage collections during one run. */
  allocatedPerOp: number;
  /** Bytes still on the heap per operation after the run and a full GC; undefined without `--expose-gc`. */
  retainedPerOp: number | undefined;
}

/**
 * Runs `fn` once and accounts for its heap use. Allocation is the growth of
 * used heap between collections (read from v8.GCProfiler) plus the growth
 * after the last one, so collections during the run do not hide it. Run
 * under `node --expose-gc --import tsx …` for the retained figure and a
 * clean heap to start from.
 */
export function measureHeap(fn: () => number | void): HeapUse {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const startRetained = process.memoryUsage().heapUsed;
  const profiler = new GCProfiler();
  profiler.start();
  let last = getHeapStatistics().used_heap_size;
  const ops = fn();
  const end = getHeapStatistics().used_heap_size;
  let allocated = 0;
  for (const gcRun of profiler.stop()?.statistics ?? []) {
    allocated += Math.max(0, gcRun.beforeGC.heapStatistics.usedHeapSize - last);
    last = gcRun.afterGC.heapStatistics.usedHeapSize;
  }
  allocated += Math.max(0, end - last);
  const count = typeof ops === "number" ? ops : 1;
  let retainedPerOp: number | undefined;
  if (gc) {
    gc();
    retainedPerOp = (process.memoryUsage().heapUsed - startRetained) / count;
  }
  return { allocatedPerOp: allocated / count, retainedPerOp };
}

/** Bytes as "123 B" or "1.2 KB". */
export function formatBytes(bytes: number): string {
  return Math.abs(bytes) < 1000 ? `${bytes.toFixed(0)} B` : `${(bytes / 1000).toFixed(1)} KB`;
}
