// IdleWatchdog on a FakeClock: fires after the full quiet period, counts from
// the last touch, ignores time spent suspended, stops cleanly.
import test from "ava";
import { FakeClock } from "../../runtime/fake-clock.js";
import { IdleWatchdog } from "../../runtime/transport/idle-watchdog.js";

function watch(timeoutMs: number) {
  const clock = new FakeClock();
  let fired = 0;
  const dog = new IdleWatchdog(clock, timeoutMs, () => fired++);
  return { clock, dog, fired: () => fired };
}

test("fires once after timeoutMs of silence", (t) => {
  const { clock, fired } = watch(100);
  clock.advance(99);
  t.is(fired(), 0);
  clock.advance(1);
  t.is(fired(), 1);
  clock.advance(1000);
  t.is(fired(), 1);
  t.is(clock.pendingTimers, 0);
});

test("a touch restarts the quiet period, with a single timer", (t) => {
  const { clock, dog, fired } = watch(100);
  clock.advance(60);
  dog.touch();
  clock.advance(60);
  dog.touch();
  t.is(clock.pendingTimers, 1);
  clock.advance(99);
  t.is(fired(), 0);
  clock.advance(1);
  t.is(fired(), 1);
});

test("time spent suspended does not count", (t) => {
  const { clock, dog, fired } = watch(100);
  clock.advance(50);
  dog.suspend();
  clock.advance(1000);
  t.is(fired(), 0);
  dog.resume();
  clock.advance(99);
  t.is(fired(), 0);
  clock.advance(1);
  t.is(fired(), 1);
});

test("stop cancels the timer", (t) => {
  const { clock, dog, fired } = watch(100);
  dog.stop();
  t.is(clock.pendingTimers, 0);
  clock.advance(1000);
  t.is(fired(), 0);
});
