// Runs a case to its end on a fake clock: lets real I/O settle (no bytes
// moved for a few turns of the event loop), then jumps the clock to the next
// timer, and again, so timeouts of minutes take microseconds. Stops when the
// case is done, when the case's fake time runs out, or when nothing is
// scheduled and nothing moves (stuck).
import type { FakeClock } from "../../../runtime/fake-clock.js";

/** Turns of the event loop without I/O before the sockets count as quiet. */
const QUIET_TURNS = 3;
/** Real time a case may wait for I/O with no timer set, before it counts as stuck. */
const STUCK_MS = 200;
/**
 * Real time one case may take at most: a backstop (a case stuck for good is
 * caught sooner, as "stuck" or out of fake time), generous because the
 * largest floods take seconds on a loaded machine.
 */
const REAL_BUDGET_MS = 60_000;

export type DriveResult = "done" | "out of fake time" | "stuck" | "out of real time";

export interface DriveOptions {
  readonly clock: FakeClock;
  /** Fake milliseconds the case may run. */
  readonly budgetMs: number;
  isDone(): boolean;
  /** Any number that changes while I/O is moving (bytes sent and received). */
  activity(): number;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function drive(o: DriveOptions): Promise<DriveResult> {
  const end = o.clock.now() + o.budgetMs;
  const realEnd = performance.now() + REAL_BUDGET_MS;
  let last = o.activity();
  let quiet = 0;
  let stuckSince: number | undefined;
  for (;;) {
    await turn();
    if (o.isDone()) return "done";
    if (performance.now() > realEnd) return "out of real time";
    const now = o.activity();
    if (now !== last) {
      last = now;
      quiet = 0;
      stuckSince = undefined;
      continue;
    }
    if (++quiet < QUIET_TURNS) continue;
    const next = o.clock.nextTimerAt();
    if (next !== undefined) {
      if (next > end) return "out of fake time";
      o.clock.advance(next - o.clock.now());
      quiet = 0;
      stuckSince = undefined;
      continue;
    }
    // Nothing scheduled: only I/O can move the case on. Give it real time.
    stuckSince ??= performance.now();
    if (performance.now() - stuckSince > STUCK_MS) return "stuck";
    await sleep(1);
  }
}
