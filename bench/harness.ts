// A tiny benchmark harness: warm-up runs, then the median of timed runs.
// Benchmarks print numbers for people to read; nothing here asserts timings.

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
