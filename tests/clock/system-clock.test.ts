// The system clock never hands setTimeout a delay it cannot hold: Node fires
// a timer of more than 2^31-1 ms after 1 ms (with a TimeoutOverflowWarning),
// so a long timer would become a 1 ms timer loop. Long delays are chained,
// negative or NaN ones count as 0.
import test from "ava";
import { hostClock, MAX_TIMER_MS, systemClock, type TimerHost } from "../../runtime/clock.js";

/** A timer host that records the delays it is given and fires them when told. */
function recordingHost() {
  const timers: { ms: number; fn: () => void; cleared: boolean }[] = [];
  const host: TimerHost = {
    now: () => 0,
    setTimeout(fn, ms) {
      const t = { ms, fn, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimeout(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  /** Fires the newest timer not cleared. */
  const fireLast = () => {
    const t = timers.at(-1)!;
    if (!t.cleared) t.fn();
  };
  return { host, timers, fireLast };
}

test("a delay above 2^31-1 ms is chained in steps setTimeout can hold, and fires only at the end", (t) => {
  const { host, timers, fireLast } = recordingHost();
  const clock = hostClock(host);
  let fired = 0;
  clock.setTimer(2 ** 32 - 1, () => (fired += 1));
  t.deepEqual(timers.map((x) => x.ms), [MAX_TIMER_MS]);
  fireLast();
  fireLast();
  t.is(fired, 0, "the steps before the last are not the end");
  t.deepEqual(timers.map((x) => x.ms), [MAX_TIMER_MS, MAX_TIMER_MS, 1]);
  fireLast();
  t.is(fired, 1);
  t.true(timers.every((x) => x.ms >= 0 && x.ms <= MAX_TIMER_MS));
});

test("cancelling a chained timer between steps stops it", (t) => {
  const { host, timers, fireLast } = recordingHost();
  let fired = 0;
  const handle = hostClock(host).setTimer(3 * MAX_TIMER_MS, () => (fired += 1));
  fireLast();
  handle.cancel();
  t.true(timers.at(-1)!.cleared);
  fireLast();
  t.is(fired, 0);
  t.is(timers.length, 2);
});

test("negative, NaN and infinite delays never reach setTimeout as such", (t) => {
  const { host, timers } = recordingHost();
  const clock = hostClock(host);
  clock.setTimer(-5, () => undefined);
  clock.setTimer(Number.NaN, () => undefined);
  clock.setTimer(Infinity, () => undefined);
  t.deepEqual(timers.map((x) => x.ms), [0, 0, MAX_TIMER_MS]);
});

test("the real system clock: a 2^32 ms timer does not fire (no 1 ms overflow), and Node warns of no overflow", async (t) => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  process.on("warning", onWarning);
  let fired = false;
  const handle = systemClock.setTimer(2 ** 32, () => (fired = true));
  await new Promise((r) => setTimeout(r, 30));
  handle.cancel();
  process.off("warning", onWarning);
  t.false(fired);
  t.deepEqual(warnings.filter((w) => w.name === "TimeoutOverflowWarning"), []);
});

// A reconnecting client has no socket open during its backoff; if its timer did
// not hold the process, a bot would exit there without a word.
test("the real system clock: a keepAlive timer holds the process open until it fires; a plain one does not", async (t) => {
  const { execFile } = await import("node:child_process");
  const clockUrl = new URL("../../runtime/clock.ts", import.meta.url).href;
  const run = (options: string) =>
    new Promise<string>((resolve, reject) => {
      const script = `import { systemClock } from ${JSON.stringify(clockUrl)};
systemClock.setTimer(50, () => console.log("fired"), ${options});`;
      execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], (err, stdout) =>
        err ? reject(err) : resolve(stdout.trim()),
      );
    });
  t.is(await run("{ keepAlive: true }"), "fired");
  t.is(await run("{}"), "");
});
