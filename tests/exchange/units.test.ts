// The exchange's pure parts on their own: the throttle's token bucket, fault
// rules, credential checks and the command-line parser.
import test from "ava";
import fc from "fast-check";
import { ArgumentError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { encodePayload, pingPayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";
import { FaultInjector } from "../../exchange/server/faults.js";
import { Throttle } from "../../exchange/server/throttle.js";
import { CredentialBook } from "../../exchange/server/credentials.js";
import { resolveAccounts } from "../../exchange/server/accounts.js";

const ping = (seq: bigint): Uint8Array => encodePayload(withSeq(pingPayload(), seq));

test("throttle: a burst, then one request per refill tick, never more than the burst", (t) => {
  const clock = new FakeClock();
  const throttle = new Throttle({ averageRatePs: 2, burstSize: 3, tickMs: 500 }, clock);
  t.deepEqual([1, 2, 3, 4].map(() => throttle.take()), [true, true, true, false]);
  clock.advance(499);
  t.false(throttle.take());
  clock.advance(1);
  t.true(throttle.take());
  t.false(throttle.take());
  clock.advance(60_000);
  t.is(throttle.available, 3);
});

test("throttle property: over any stretch, accepted requests <= burst + rate x elapsed", (t) => {
  fc.assert(
    fc.property(fc.array(fc.nat(700), { maxLength: 200 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 10 }), (gaps, rate, burst) => {
      const clock = new FakeClock();
      const throttle = new Throttle({ averageRatePs: rate, burstSize: burst, tickMs: 100 }, clock);
      let accepted = 0;
      for (const gap of gaps) {
        clock.advance(gap);
        if (throttle.take()) accepted++;
      }
      return accepted <= burst + (rate * clock.now()) / 1000;
    }),
  );
  t.pass();
});

test("faults: drop by count, per session; other sessions untouched", (t) => {
  const faults = new FaultInjector();
  t.false(faults.active);
  const rule = faults.drop({ sessionId: "s1", count: 2 });
  t.true(faults.verdict(ping(1n), "s1").drop);
  t.false(faults.verdict(ping(1n), "s2").drop);
  t.true(faults.verdict(ping(2n), "s1").drop);
  t.false(faults.verdict(ping(3n), "s1").drop);
  t.is(rule.hits, 2);
  t.false(faults.active);
});

test("faults: a predicate picks frames; wrongSeq moves the seq; cutAfter fires on its last frame", (t) => {
  const faults = new FaultInjector();
  faults.wrongSeq({ match: (p) => p.seq === 5n }, 10n);
  const moved = faults.verdict(ping(5n), undefined);
  t.is(new IncomingPayload(moved.bytes).seq, 15n);
  t.is(new IncomingPayload(faults.verdict(ping(6n), undefined).bytes).seq, 6n);
  faults.clear();
  faults.cutAfter(2);
  t.false(faults.verdict(ping(1n), undefined).cut);
  t.true(faults.verdict(ping(2n), undefined).cut);
  t.false(faults.active);
  const delayed = faults.delay(250, { count: 1 });
  t.is(faults.verdict(ping(3n), undefined).delayMs, 250);
  t.is(delayed.hits, 1);
});

test("faults: bad arguments are ArgumentErrors", (t) => {
  const faults = new FaultInjector();
  t.throws(() => faults.drop({ count: 0 }), { instanceOf: ArgumentError });
  t.throws(() => faults.delay(0), { instanceOf: ArgumentError });
  t.throws(() => faults.cutAfter(0), { instanceOf: ArgumentError });
  t.throws(() => faults.wrongSeq({}, 0n), { instanceOf: ArgumentError });
});

test("credentials: password or token; anything else is refused", (t) => {
  const accounts = resolveAccounts([
    { username: "a", password: "pa", token: "ta" },
    { username: "b", password: "pb" },
  ]);
  const book = new CredentialBook(accounts, [10, 20]);
  const utf8 = new TextEncoder();
  t.deepEqual(book.authenticate({ username: "a", password: "pa" }), { accountId: 10, username: "a" });
  t.deepEqual(book.authenticate({ cookie: utf8.encode("ta") }), { accountId: 10, username: "a" });
  t.is(book.authenticate({ username: "a", password: "pb" }), undefined);
  t.is(book.authenticate({ username: "b" }), undefined);
  t.is(book.authenticate({ password: "pa" }), undefined);
  t.is(book.authenticate({ cookie: utf8.encode("tb") }), undefined);
  t.is(book.authenticate({ cookie: new Uint8Array(0) }), undefined);
  t.is(book.authenticate({}), undefined);
  t.is(book.authenticate({ username: "a", password: "wrong", cookie: utf8.encode("ta") }), undefined, "a wrong password is not rescued by a token");
});
