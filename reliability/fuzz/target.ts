// What the fuzz runs, whatever the target: a set-up that starts the peer
// under test (or the hostile one), then numbered cases, each reproducible
// from the run's seed and its number alone.
import type { Tally } from "../common/tally.js";

export interface FuzzCaseResult {
  /** The kind of misbehaviour the case drew. */
  readonly kind: string;
  /** How each call or connection ended: "login: LoginTimeout", "replay-storm: closed by the exchange", … */
  readonly outcomes: Tally;
  /** Errors the side under test reported, by name. */
  readonly errors: Tally;
  readonly errorCount: number;
  /** Everything that broke a rule; empty when the case passed. */
  readonly violations: string[];
  /** Details for a single-case rerun. */
  readonly detail?: string[];
}

export interface FuzzTarget {
  /** What the process under test is, for the report ("client", "exchange"). */
  readonly side: string;
  run(seed: number, k: number): Promise<FuzzCaseResult>;
  /** Failures of the fuzz's own scripts (its bugs, not the target's). */
  toolErrors(): string[];
  close(): Promise<void>;
}

export type TargetName = "client" | "exchange";
