// FakeClock.nextTimerAt: what a simulation driving the clock skips to.
import test from "ava";
import { FakeClock } from "../../runtime/fake-clock.js";

test("nextTimerAt is the earliest timer still set, and undefined when none is", (t) => {
  const clock = new FakeClock(100);
  t.is(clock.nextTimerAt(), undefined);
  const late = clock.setTimer(50, () => undefined);
  const early = clock.setTimer(20, () => undefined);
  t.is(clock.nextTimerAt(), 120);
  early.cancel();
  t.is(clock.nextTimerAt(), 150);
  late.cancel();
  t.is(clock.nextTimerAt(), undefined);
});

test("nextTimerAt follows the clock as timers fire and set new ones", (t) => {
  const clock = new FakeClock();
  clock.setTimer(10, () => clock.setTimer(5, () => undefined));
  clock.advance(clock.nextTimerAt()! - clock.now());
  t.is(clock.now(), 10);
  t.is(clock.nextTimerAt(), 15);
});
