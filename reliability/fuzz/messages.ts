// What the fuzz's supervisor and its worker processes tell each other.
import type { TargetName } from "./target.js";

/** The cases a worker runs: start, start + stride, … below end. */
export interface WorkerJob {
  readonly target: TargetName;
  readonly seed: number;
  readonly start: number;
  readonly end: number;
  readonly stride: number;
  /** Report every case's details (a single-case rerun). */
  readonly detail: boolean;
  /** A worker whose RSS passes this stops itself, naming the case (protects a shared machine). */
  readonly hardRssBytes: number;
  /** Blocks longer than this are each reported (case, ms, the GC in them), not only the longest. */
  readonly maxBlockMs: number;
  /** The client fuzz's hostile server, compiled: the worker starts it in a process of its own. */
  readonly hostileServer?: string;
}

/** Counts over many cases, sent every so often. */
export interface Batch {
  readonly kinds: Record<string, number>;
  readonly outcomes: Record<string, number>;
  readonly errors: Record<string, number>;
}

export interface Peak {
  readonly value: number;
  readonly k: number;
  /** What else is known of it (a block: the GC in it). */
  readonly note?: string;
}

export type WorkerMessage =
  /** Case `k` starts (for naming the case if the worker hangs or dies now). */
  | { readonly t: "start"; readonly k: number }
  /** A case that failed, or any case when details were asked for. */
  | { readonly t: "case"; readonly k: number; readonly kind: string; readonly violations: string[]; readonly detail?: string[] }
  | { readonly t: "batch"; readonly batch: Batch; readonly rss: Peak; readonly block: Peak; readonly blocksOver: Peak[]; readonly errorsPerCase: Peak; readonly toolErrors: string[] }
  /** The worker's event loop is turning (sent every second, whatever the case is doing). */
  | { readonly t: "alive" }
  | { readonly t: "done" };
