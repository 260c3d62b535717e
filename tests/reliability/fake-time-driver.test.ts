// The client fuzz's fake-time driver: the client's clock here and the hostile
// server's in another process move together, to the earliest timer either has
// set, and only once I/O on both sides has settled (two looks at the server in
// a row finding its byte count unchanged). The server here is a stand-in with
// a FakeClock of its own.
import test from "ava";
import { FakeClock } from "../../runtime/fake-clock.js";
import { drive, type RemoteTime } from "../../reliability/fuzz/client/fake-time-driver.js";

function remote(activityAt: (look: number) => number = () => 0) {
  const clock = new FakeClock();
  const log: string[] = [];
  let looks = 0;
  const server: RemoteTime = {
    state: async () => ({ activity: activityAt(looks++), nextTimerAt: clock.nextTimerAt() }),
    advanceTo: async (to) => {
      log.push(`advance ${to} after look ${looks}`);
      clock.advance(to - clock.now());
    },
  };
  return { clock, server, log, looks: () => looks };
}

test("both clocks jump to the earliest timer either has set, in time order", async (t) => {
  const mine = new FakeClock();
  const r = remote();
  const fired: string[] = [];
  r.clock.setTimer(50, () => fired.push(`server at ${r.clock.now()}`));
  mine.setTimer(100, () => fired.push(`client at ${mine.now()}`));
  r.clock.setTimer(150, () => fired.push(`server at ${r.clock.now()}`));
  const result = await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired.length === 3, activity: () => 0 });
  t.is(result, "done");
  t.deepEqual(fired, ["server at 50", "client at 100", "server at 150"]);
  t.is(mine.now(), 150);
  t.is(r.clock.now(), 150);
});

test("no jump until two looks in a row find the server's bytes unchanged", async (t) => {
  const mine = new FakeClock();
  // The server's bytes move on its first three looks, then stop.
  const r = remote((look) => Math.min(look, 3) * 100);
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, activity: () => 0 }), "done");
  // Looks 0..3 each differ from the one before; look 4 is the first to repeat one (3 → 300, 4 → 300).
  t.deepEqual(r.log, ["advance 10 after look 5"]);
});

test("bytes moving on the client's side call for two fresh looks at the server", async (t) => {
  const mine = new FakeClock();
  const r = remote();
  let bytes = 0;
  let moved = false;
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  // The client's bytes move once, just after the server's first look.
  const activity = () => {
    if (r.looks() === 1 && !moved) {
      moved = true;
      bytes += 1;
    }
    return bytes;
  };
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, activity }), "done");
  // Without the fresh looks the second look (equal to the first) would have let the clock jump.
  t.deepEqual(r.log, ["advance 10 after look 3"]);
});

test("stuck when nothing is scheduled on either side and nothing moves; out of fake time past the budget", async (t) => {
  t.is(await drive({ clock: new FakeClock(), server: remote().server, budgetMs: 1_000, isDone: () => false, activity: () => 0 }), "stuck");
  const r = remote();
  r.clock.setTimer(5_000, () => undefined);
  t.is(await drive({ clock: new FakeClock(), server: r.server, budgetMs: 1_000, isDone: () => false, activity: () => 0 }), "out of fake time");
});
