// The exchange counts a request against its throttle when it reads it; the
// client's bucket counted it when it was sent. A stall in between (requests
// held in the network while both buckets refill to the full burst) left the
// client's bucket ahead of the exchange's by the requests that were held —
// for good — and the client's next requests at full rate were refused for
// speed. Found by the soak, where a refused cancel-replace (which has no
// typed refusal to resend on) then waited out its whole time limit.
import test from "ava";
import { Throttle as ExchangeThrottle } from "../../exchange/server/throttle.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { Throttle, type ThrottleTicket } from "../../runtime/trading/index.js";

const LIMITS = { averageRatePs: 50, burstSize: 10, tickMs: 100 };

interface InTransit {
  readonly arrives: number;
  ticket?: ThrottleTicket;
}

/**
 * `loops` callers each keep one request going for `ms`, as fast as the
 * client's throttle lets them; the network takes `delay(sentAt)` ms to
 * carry each one; the exchange reads it on arrival and answers at once.
 * Returns how many the exchange refused for speed.
 */
function run(clock: FakeClock, client: Throttle, exchange: ExchangeThrottle, loops: number, ms: number, delay: (sentAt: number) => number): number {
  let refused = 0;
  const network: InTransit[] = [];
  let waiting = 0;
  const submit = (): void => {
    waiting++;
    const t: InTransit = { arrives: Infinity };
    t.ticket = client.submit({
      run: () => {
        waiting--;
        (t as { arrives: number }).arrives = clock.now() + delay(clock.now());
        network.push(t);
        return true;
      },
    });
  };
  for (let i = 0; i < loops; i++) submit();
  const end = clock.now() + ms;
  while (clock.now() < end) {
    clock.advance(1);
    for (const t of network.filter((x) => x.arrives <= clock.now())) {
      network.splice(network.indexOf(t), 1);
      if (!exchange.take()) refused++;
      t.ticket!.end(); // the reply: the caller goes on with its next request
      submit();
    }
  }
  return refused;
}

test("requests held up in the network while both buckets refill are not later refused for speed", (t) => {
  const clock = new FakeClock();
  const exchange = new ExchangeThrottle(LIMITS, clock);
  const client = new Throttle({ clock, queueCapacity: 100 });
  client.setLimits(LIMITS);
  // 1 ms each way normally; what is sent between 1 s and 2 s arrives at 4 s (a stall).
  const delay = (sentAt: number) => (sentAt >= 1_000 && sentAt < 2_000 ? 4_000 - sentAt : 1);
  t.is(run(clock, client, exchange, 3, 10_000, delay), 0);
});

test("under the same stall, the client still sends at the announced rate", (t) => {
  const clock = new FakeClock();
  const exchange = new ExchangeThrottle(LIMITS, clock);
  const client = new Throttle({ clock, queueCapacity: 100 });
  client.setLimits(LIMITS);
  let sent = 0;
  const counting = new Proxy(exchange, { get: (target, p) => (p === "take" ? () => (sent++, target.take()) : Reflect.get(target, p)) });
  run(clock, client, counting, 3, 10_000, (sentAt) => (sentAt >= 1_000 && sentAt < 2_000 ? 4_000 - sentAt : 1));
  // 10 s at 50/s plus the first burst, less what the 3 s stall held back: near the limit, never over it.
  t.true(sent > 300 && sent <= 10 + 500, `${sent} requests in 10 s`);
});
