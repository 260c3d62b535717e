// Runs a case to its end on fake time shared by two processes: the client's
// clock here and the hostile server's clock in its own process. Lets real
// I/O settle, then jumps both clocks to the earliest timer either has set,
// and again, so timeouts of minutes take microseconds. Stops when the case
// is done, when its fake time runs out, or when nothing is scheduled and
// nothing moves (stuck).
//
// Settled means: the client's sockets moved no bytes for a few turns of the
// event loop and it holds no bytes unread, and then a look at the server
// finds that each side has read all the other wrote and no flood of the
// server's is under way (one look). Where bytes stay unread for good (a
// peer that stopped reading, a connection cut with bytes in flight), two
// looks in a row finding the server's byte counts unchanged will do instead:
// the server may answer the first before it has read what the client last
// wrote, but by the second it has (both were ready in the same turn of its
// loop), and what it wrote in reply is on the loopback already.
import type { FakeClock } from "../../../runtime/fake-clock.js";
import type { ServerState } from "./hostile-server-protocol.js";

/** Turns of the event loop without I/O before the client's sockets count as quiet. */
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

/** The server's side of the fake time: where it stands, and moving its clock. */
export interface RemoteTime {
  state(): Promise<ServerState>;
  advanceTo(to: number): Promise<unknown>;
}

/** The client's side of the bytes: read and written (by the kernel's count), and read but not yet taken by the client. */
export interface LocalBytes {
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly unread: number;
}

export interface DriveCounts {
  turns: number;
  looks: number;
  jumps: number;
}

export interface DriveOptions {
  /** The client's clock; the server's follows it. */
  readonly clock: FakeClock;
  readonly server: RemoteTime;
  /** Fake milliseconds the case may run. */
  readonly budgetMs: number;
  isDone(): boolean;
  /** The client's bytes on the case's connections, closed ones included. */
  local(): LocalBytes;
  /** Counts what the drive did, for a case's details (added to). */
  readonly counts?: DriveCounts;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function drive(o: DriveOptions): Promise<DriveResult> {
  const end = o.clock.now() + o.budgetMs;
  const realEnd = performance.now() + REAL_BUDGET_MS;
  const counts = o.counts ?? { turns: 0, looks: 0, jumps: 0 };
  const moved = (l: LocalBytes): number => l.bytesIn + l.bytesOut;
  let local = moved(o.local());
  /** The server's byte count at the last look that counts; undefined when a fresh pair of looks is needed. */
  let remote: number | undefined;
  let quiet = 0;
  let stuckSince: number | undefined;
  const restart = (): void => {
    quiet = 0;
    stuckSince = undefined;
    remote = undefined;
  };
  for (;;) {
    await turn();
    counts.turns++;
    if (o.isDone()) return "done";
    if (performance.now() > realEnd) return "out of real time";
    const now = o.local();
    if (moved(now) !== local || now.unread > 0) {
      local = moved(now);
      restart();
      continue;
    }
    if (++quiet < QUIET_TURNS) continue;
    const server = await o.server.state();
    counts.looks++;
    if (o.isDone()) return "done";
    const after = o.local();
    if (moved(after) !== local || after.unread > 0) {
      // A look taken while the client's bytes moved may predate them: it does not count.
      local = moved(after);
      restart();
      continue;
    }
    const inStep = server.bytesIn === after.bytesOut && server.bytesOut === after.bytesIn && !server.busy;
    const serverMoved = server.bytesIn + server.bytesOut;
    if (!inStep && serverMoved !== remote) {
      remote = serverMoved;
      quiet = 0;
      stuckSince = undefined;
      continue;
    }
    const mine = o.clock.nextTimerAt();
    const theirs = server.nextTimerAt;
    const next = mine === undefined ? theirs : theirs === undefined ? mine : Math.min(mine, theirs);
    if (next !== undefined) {
      if (next > end) return "out of fake time";
      o.clock.advance(next - o.clock.now());
      await o.server.advanceTo(next);
      counts.jumps++;
      restart();
      continue;
    }
    // Nothing scheduled on either side: only I/O can move the case on. Give it real time.
    stuckSince ??= performance.now();
    if (performance.now() - stuckSince > STUCK_MS) return "stuck";
    await sleep(1);
  }
}
