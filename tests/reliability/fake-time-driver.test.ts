// The client fuzz's fake-time driver: the client's clock here and the hostile
// server's in another process move together, to the earliest timer either has
// set, and only once I/O on both sides has settled: one look at the server
// when each side has read all the other wrote (and no flood is under way),
// else two looks in a row finding the server's bytes unchanged. The server
// here is a stand-in with a FakeClock of its own.
import test from "ava";
import { FakeClock } from "../../runtime/fake-clock.js";
import { drive, type LocalBytes, type RemoteTime } from "../../reliability/fuzz/client/fake-time-driver.js";
import type { ServerState } from "../../reliability/fuzz/client/hostile-server-protocol.js";

type Bytes = Omit<ServerState, "nextTimerAt">;

/** A server whose bytes at look n are `at(n)`; the log says after which look each jump came. */
function remote(at: (look: number) => Bytes = () => ({ bytesIn: 0, bytesOut: 0, busy: false })) {
  const clock = new FakeClock();
  const log: string[] = [];
  let looks = 0;
  const server: RemoteTime = {
    state: async () => ({ ...at(looks++), nextTimerAt: clock.nextTimerAt() }),
    advanceTo: async (to) => {
      log.push(`advance ${to} after look ${looks}`);
      clock.advance(to - clock.now());
    },
  };
  return { clock, server, log, looks: () => looks };
}

const still = (): LocalBytes => ({ bytesIn: 0, bytesOut: 0, unread: 0 });

test("both clocks jump to the earliest timer either has set, in time order", async (t) => {
  const mine = new FakeClock();
  const r = remote();
  const fired: string[] = [];
  r.clock.setTimer(50, () => fired.push(`server at ${r.clock.now()}`));
  mine.setTimer(100, () => fired.push(`client at ${mine.now()}`));
  r.clock.setTimer(150, () => fired.push(`server at ${r.clock.now()}`));
  const result = await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired.length === 3, local: still });
  t.is(result, "done");
  t.deepEqual(fired, ["server at 50", "client at 100", "server at 150"]);
  t.is(mine.now(), 150);
  t.is(r.clock.now(), 150);
});

test("each side has read all the other wrote: one look, then the jump", async (t) => {
  const mine = new FakeClock();
  const r = remote(() => ({ bytesIn: 40, bytesOut: 70, busy: false }));
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  const local = (): LocalBytes => ({ bytesIn: 70, bytesOut: 40, unread: 0 });
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, local }), "done");
  t.deepEqual(r.log, ["advance 10 after look 1"]);
});

test("bytes not yet read (a peer that stopped reading): no jump until two looks in a row find the server's bytes unchanged", async (t) => {
  const mine = new FakeClock();
  // The server has read 10 of the client's 40 bytes, and its own bytes move on its first three looks, then stop.
  const r = remote((look) => ({ bytesIn: 10, bytesOut: Math.min(look, 3) * 100, busy: false }));
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  const local = (): LocalBytes => ({ bytesIn: 0, bytesOut: 40, unread: 0 });
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, local }), "done");
  // Looks 0..3 each differ from the one before; look 4 is the first to repeat one (300).
  t.deepEqual(r.log, ["advance 10 after look 5"]);
});

test("a flood under way (it writes again on a later turn) calls for two looks, even with every byte read so far", async (t) => {
  const mine = new FakeClock();
  const r = remote((look) => ({ bytesIn: 0, bytesOut: 0, busy: look < 4 }));
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, local: still }), "done");
  // Busy looks count only as a pair: looks 0 and 1 (bytes unchanged between them) make one.
  t.deepEqual(r.log, ["advance 10 after look 2"]);
});

test("a look taken while the client's bytes moved does not count", async (t) => {
  const mine = new FakeClock();
  const r = remote((look) => ({ bytesIn: look === 0 ? 0 : 1, bytesOut: 0, busy: false }));
  let bytesOut = 0;
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  // The client writes one byte just after the server's first look (which then saw 0 of it).
  const local = (): LocalBytes => {
    if (r.looks() === 1) bytesOut = 1;
    return { bytesIn: 0, bytesOut, unread: 0 };
  };
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, local }), "done");
  t.deepEqual(r.log, ["advance 10 after look 2"], "the second look, in step, lets the clocks go");
});

test("bytes the client has not taken yet hold the jump until it takes them", async (t) => {
  const mine = new FakeClock();
  const r = remote();
  let unread = 3;
  let fired = false;
  mine.setTimer(10, () => (fired = true));
  const local = (): LocalBytes => ({ bytesIn: 0, bytesOut: 0, unread: unread > 0 ? unread-- : 0 });
  t.is(await drive({ clock: mine, server: r.server, budgetMs: 1_000, isDone: () => fired, local }), "done");
  t.is(unread, 0);
  t.deepEqual(r.log, ["advance 10 after look 1"]);
});

test("stuck when nothing is scheduled on either side and nothing moves; out of fake time past the budget", async (t) => {
  t.is(await drive({ clock: new FakeClock(), server: remote().server, budgetMs: 1_000, isDone: () => false, local: still }), "stuck");
  const r = remote();
  r.clock.setTimer(5_000, () => undefined);
  t.is(await drive({ clock: new FakeClock(), server: r.server, budgetMs: 1_000, isDone: () => false, local: still }), "out of fake time");
});
