// The exchange counts a request against its throttle when it reads it; the
// client's bucket counted it when it was sent. A stall in between (requests
// held in the network while both buckets refill to the full burst) left the
// client's bucket ahead of the exchange's by the requests that were held —
// for good — and the client's next requests at full rate were refused for
// speed. Found by the soak, where a refused cancel-replace (which has no
// typed refusal to resend on) then waited out its whole time limit.
// The exchange also repeats its limits after every resuming login: a client
// that started its bucket afresh then ticked at other moments than the
// exchange, and near the full burst the later of two buckets loses less to
// the cap when requests come between their ticks.
import test from "ava";
import fc from "fast-check";
import { Throttle as ExchangeThrottle } from "../../exchange/server/throttle.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { Throttle, type ThrottleTicket } from "../../runtime/trading/index.js";

const LIMITS = { averageRatePs: 50, burstSize: 10, tickMs: 100 };

interface InTransit {
  readonly arrives: number;
  replies?: number;
  ticket?: ThrottleTicket;
}

/**
 * `loops` callers each keep one request going for `ms`, as fast as the
 * client's throttle lets them; the network takes `delay(sentAt)` ms to
 * carry each one; the exchange reads it on arrival and answers at once.
 * Returns how many the exchange refused for speed.
 */
function run(
  clock: FakeClock,
  client: Throttle,
  exchange: ExchangeThrottle,
  loops: number,
  ms: number,
  delay: (sentAt: number) => number,
  replyDelay: (readAt: number) => number = () => 0,
  each: () => void = () => undefined,
): number {
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
    each();
    for (const t of network.filter((x) => x.replies === undefined && x.arrives <= clock.now())) {
      if (!exchange.take()) refused++;
      t.replies = clock.now() + replyDelay(clock.now());
    }
    for (const t of network.filter((x) => x.replies !== undefined && x.replies <= clock.now())) {
      network.splice(network.indexOf(t), 1);
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

test("the same limits announced again and stalls either way: a client ticking with the exchange is never refused for speed (property)", (t) => {
  const stall = fc.record({ at: fc.integer({ min: 0, max: 5_000 }), len: fc.integer({ min: 1, max: 1_500 }) });
  fc.assert(
    fc.property(
      // Whole requests per tick, as the exchange's defaults (50/s in 100 ms ticks): its bucket counts in floating point.
      fc.record({ perTick: fc.integer({ min: 1, max: 20 }), burstSize: fc.integer({ min: 1, max: 30 }), tickMs: fc.constantFrom(10, 50, 100, 250) }),
      fc.integer({ min: 1, max: 5 }),
      fc.array(stall, { maxLength: 3 }),
      fc.array(stall, { maxLength: 3 }),
      fc.array(fc.integer({ min: 1, max: 6_000 }), { maxLength: 3 }),
      ({ perTick, burstSize, tickMs }, loops, up, down, announcements) => {
        const limits = { averageRatePs: (perTick * 1000) / tickMs, burstSize, tickMs };
        const clock = new FakeClock();
        const exchange = new ExchangeThrottle(limits, clock);
        const client = new Throttle({ clock, queueCapacity: 100 });
        client.setLimits(limits);
        const held = (stalls: { at: number; len: number }[], now: number) => Math.max(0, ...stalls.filter((s) => now >= s.at && now < s.at + s.len).map((s) => s.at + s.len - now));
        const refused = run(
          clock,
          client,
          exchange,
          loops,
          7_000,
          (sentAt) => 1 + held(up, sentAt),
          (readAt) => 1 + held(down, readAt),
          () => announcements.includes(clock.now()) && client.setLimits({ ...limits }),
        );
        return refused === 0;
      },
    ),
    { numRuns: 60 },
  );
  t.pass();
});
