// Reconnect delays: exponential growth with jitter, so a crowd of clients cut
// off together does not come back in lockstep. Pure: no timers; inject
// `random` for deterministic sequences.
//
// "full": the n-th delay is drawn from [ceiling·(1 − jitter), ceiling] where
//   ceiling = min(maxMs, initialMs · multiplier^n); jitter 1 is AWS's "full
//   jitter", jitter 0 the plain exponential sequence.
// "decorrelated": the ceiling grows from the previous delay instead,
//   min(maxMs, previous · multiplier), and the delay is drawn from
//   [ceiling − jitter·(ceiling − initialMs), ceiling]; jitter 1 is AWS's
//   "decorrelated jitter" (previous starts at initialMs).
import { ArgumentError } from "../errors.js";

/** How a {@link Backoff} randomises delays: `full` (0..ceiling) or `decorrelated` (from the previous delay). */
export type JitterStrategy = "full" | "decorrelated";

/** The first delay, the cap, the growth factor and the jitter of a {@link Backoff}. */
export interface BackoffOptions {
  /** First ceiling, > 0. */
  initialMs: number;
  /** Cap on every delay, ≥ initialMs. */
  maxMs: number;
  /** Growth per attempt, ≥ 1; default 2. */
  multiplier?: number;
  /** Fraction of the ceiling that randomness may take off, 0..1; default 1. */
  jitter?: number;
  /** Default "full". */
  strategy?: JitterStrategy;
  /** Uniform in [0, 1]; default Math.random. */
  random?: () => number;
}

/** The un-jittered ceiling of the `attempt`-th delay (0-based) under the "full" strategy. */
export function backoffCeiling(initialMs: number, maxMs: number, multiplier: number, attempt: number): number {
  return Math.min(maxMs, initialMs * multiplier ** attempt);
}

/** Exponential reconnect delays with jitter, capped, as the client's reconnect policy uses them. */
export class Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly multiplier: number;
  readonly jitter: number;
  readonly strategy: JitterStrategy;
  readonly #random: () => number;
  #attempts = 0;
  #previous: number;

  constructor(options: BackoffOptions) {
    const { initialMs, maxMs, multiplier = 2, jitter = 1, strategy = "full", random = Math.random } = options;
    if (!Number.isFinite(initialMs) || initialMs <= 0) {
      throw new ArgumentError(`initialMs must be a finite number > 0, got ${String(initialMs)}`);
    }
    if (!Number.isFinite(maxMs) || maxMs < initialMs) {
      throw new ArgumentError(`maxMs must be a finite number ≥ initialMs (${initialMs}), got ${String(maxMs)}`);
    }
    if (!Number.isFinite(multiplier) || multiplier < 1) {
      throw new ArgumentError(`multiplier must be a finite number ≥ 1, got ${String(multiplier)}`);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new ArgumentError(`jitter must be in [0, 1], got ${String(jitter)}`);
    }
    if (strategy !== "full" && strategy !== "decorrelated") {
      throw new ArgumentError(`strategy must be "full" or "decorrelated", got ${JSON.stringify(strategy)}`);
    }
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.multiplier = multiplier;
    this.jitter = jitter;
    this.strategy = strategy;
    this.#random = random;
    this.#previous = initialMs;
  }

  /** Delays handed out since construction or the last reset. */
  get attempts(): number {
    return this.#attempts;
  }

  /** The delay before the next attempt, in ms, within [0, maxMs]. */
  next(): number {
    const r = this.#draw();
    let delay: number;
    if (this.strategy === "full") {
      const ceiling = backoffCeiling(this.initialMs, this.maxMs, this.multiplier, this.#attempts);
      delay = ceiling - this.jitter * r * ceiling;
    } else {
      const ceiling = Math.min(this.maxMs, this.#previous * this.multiplier);
      delay = ceiling - this.jitter * r * (ceiling - this.initialMs);
    }
    this.#attempts += 1;
    this.#previous = delay;
    return delay;
  }

  /** Back to the first delay, e.g. after a connection that stayed up. */
  reset(): void {
    this.#attempts = 0;
    this.#previous = this.initialMs;
  }

  #draw(): number {
    const r = this.#random();
    if (!(r >= 0 && r <= 1)) throw new ArgumentError(`random() must return a number in [0, 1], got ${String(r)}`);
    return r;
  }
}
