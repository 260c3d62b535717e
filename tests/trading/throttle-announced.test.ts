// Limits the exchange announces (throttle-limits-changed) are checked like
// any other input from the peer: a value out of range is a ProtocolError
// naming the value and the limit, and the limits in force stay.
import test from "ava";
import { ProtocolError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { Throttle } from "../../runtime/trading/throttle/throttle.js";
import { incoming, quiet } from "./helpers/events.js";
import { setup } from "./helpers/setup.js";

test("tick_ms above 2^31-1 in throttle_limits_changed is a ProtocolError naming it; the previous limits stay", (t) => {
  const { clock, port, trading } = setup({ requestTimeoutMs: Infinity });
  port.receive(incoming("seto.throttle_limits_changed", { averageRatePs: 1, burstSize: 2, tickMs: 1000 }));
  port.receive(incoming("seto.throttle_limits_changed", { averageRatePs: 1, burstSize: 2, tickMs: 2 ** 32 - 1 }));
  t.deepEqual(trading.throttleLimits, { averageRatePs: 1, burstSize: 2, tickMs: 1000 });
  t.is(port.reports.length, 1);
  const error = port.reports[0]!;
  t.true(error instanceof ProtocolError);
  t.regex(error.message, /tickMs must be a whole number within 0..2147483647, got 4294967295/);
  t.regex(error.message, /previous limits stay/);
  // The limits in force still pace requests: two go at once, the third after a tick.
  for (let i = 0; i < 3; i += 1) quiet(trading.cancelOrder(BigInt(i + 1)));
  t.is(port.sent.length, 2);
  port.receive(incoming("seto.order_cancelled", { orderId: 1n, reference: 1001n, reason: 1 }));
  clock.advance(1000);
  t.is(port.sent.length, 3);
  trading.close();
});

test("every numeric the exchange announces is checked: a bad rate or burst is refused the same way", (t) => {
  // On the wire rate and burst are uint32s, always in range; a decoder or a peer of another kind could hand anything.
  const throttle = new Throttle({ clock: new FakeClock(), queueCapacity: 10 });
  const refusals = [
    throttle.announce({ averageRatePs: -1, burstSize: 2, tickMs: 10 }, 7n),
    throttle.announce({ averageRatePs: 1, burstSize: 2.5, tickMs: 10 }, 8n),
    throttle.announce({ averageRatePs: 1, burstSize: 2, tickMs: Number.NaN }, 9n),
  ];
  t.is(throttle.limits, undefined, "no limits were ever accepted");
  t.deepEqual(
    refusals.map((e) => [e?.name, /seq \d+/.exec(e!.message)?.[0], /averageRatePs|burstSize|tickMs/.exec(e!.message)?.[0]]),
    [
      ["ProtocolError", "seq 7", "averageRatePs"],
      ["ProtocolError", "seq 8", "burstSize"],
      ["ProtocolError", "seq 9", "tickMs"],
    ],
  );
  t.regex(refusals[0]!.message, /no limits stay in force/);
});
