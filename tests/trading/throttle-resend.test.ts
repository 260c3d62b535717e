// Requests the exchange refuses for speed (THROTTLE_EXCEEDED: it did nothing
// with them) are not failed to the caller: they go back to the front of the
// queue, behind an emptied bucket, and are sent again with a new seq and the
// same reference, up to MAX_THROTTLE_RESENDS times.
import test from "ava";
import fc from "fast-check";
import * as seto from "../../generated/seto.js";
import { AbortedError, TimeoutError } from "../../runtime/errors.js";
import {
  OrderCancelRejectedError,
  OrderRejectedError,
  RequestNotSentError,
  ThrottleQueueFullError,
  type OrderAcceptance,
  type Trading,
} from "../../runtime/trading/index.js";
import { MAX_THROTTLE_RESENDS } from "../../runtime/trading/requests/resend.js";
import { cancelled, incoming, quiet, tick, watch } from "./helpers/events.js";
import type { FakePort, SentPayload } from "./helpers/fake-port.js";
import { refuseForSpeed } from "./helpers/refusals.js";
import { ORDER, setup } from "./helpers/setup.js";

/** One request a second, bursts of two: the tests move the clock a token at a time. */
const SLOW = { averageRatePs: 1, burstSize: 2, tickMs: 1000 } as const;

const sentFor = (port: FakePort, reference: bigint): SentPayload[] =>
  port.sent.filter((p) => (p.body as { reference?: bigint }).reference === reference);

function accept(port: FakePort, sent: SentPayload, orderId: bigint, accountSequence64?: bigint): void {
  const reference = (sent.body as { reference: bigint }).reference;
  port.receive(incoming("seto.order_accepted", { seq: sent.seq, reference, orderId, price: 2500, quantity: 400_000n, accountSequence64 }));
}

/** Every change the tracker announces, as "reference:status". */
function changeLog(trading: Trading): string[] {
  const log: string[] = [];
  void (async () => {
    for await (const c of trading.orders.changes()) log.push(`${c.order.reference}:${c.order.status}`);
  })();
  return log;
}

test("a placeOrder refused for speed goes again first in line, with a new seq and the same reference; the caller sees only the acceptance", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const changes = changeLog(trading);
  const a = watch(trading.placeOrder(ORDER));
  quiet(trading.placeOrder(ORDER));
  quiet(trading.cancelOrder(9n));
  t.is(port.sent.length, 2);
  const first = port.sent[0]!;
  refuseForSpeed(port, first);
  await tick();
  t.false(a.outcome.settled, "the refusal is not the caller's answer");
  t.is(trading.orders.byReference(1001n)?.status, "pending");
  t.is(trading.queued, 2);
  t.is(trading.inFlight, 1);
  // The second order answered: no token is held back for it any more.
  accept(port, port.sent[1]!, 6n, 1n);
  clock.advance(1000);
  const again = port.sent[2]!;
  t.is(again.name, "seto.order_create", "the refused request goes before the cancel that waited longer");
  t.deepEqual(again.body, first.body);
  t.not(again.seq, first.seq);
  t.is(trading.orders.byReference(1001n)?.seq, again.seq, "the tracker follows the new attempt");
  clock.advance(1000);
  t.is(port.last("seto.order_cancel").body.orderId, 9n);
  accept(port, again, 5n, 2n);
  await tick();
  const acceptance = a.outcome.value as OrderAcceptance;
  t.is(acceptance.orderId, 5n);
  t.is(acceptance.seq, again.seq);
  t.is(trading.orders.get(5n)?.status, "live");
  t.is(trading.orders.all().filter((o) => o.reference === 1001n).length, 1, "one order, not one per attempt");
  trading.close();
  await tick();
  t.false(changes.includes("1001:rejected"), `the order was never shown refused: ${changes.join(" ")}`);
});

test("several refusals go again in the order they were first sent, ahead of every request never sent", (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 3, tickMs: 1000 }, requestTimeoutMs: Infinity });
  for (let i = 1n; i <= 5n; i += 1n) quiet(trading.cancelOrder(i));
  refuseForSpeed(port, port.sent[0]!);
  refuseForSpeed(port, port.sent[1]!);
  // Every other attempt is answered as it goes, so the in-flight slots never hold anything back.
  const answer = (p: SentPayload): void => {
    const body = p.body as { orderId: bigint; reference: bigint };
    port.receive(incoming("seto.order_cancelled", cancelled({ orderId: body.orderId, reference: body.reference })));
  };
  answer(port.sent[2]!);
  for (let i = 0; i < 4; i += 1) {
    clock.advance(1000);
    answer(port.sent.at(-1)!);
  }
  t.deepEqual(
    port.sent.map((p) => (p.body as { orderId: bigint }).orderId),
    [1n, 2n, 3n, 1n, 2n, 4n, 5n],
  );
  t.deepEqual(
    port.sent.map((p) => (p.body as { reference: bigint }).reference),
    [1001n, 1002n, 1003n, 1001n, 1002n, 1004n, 1005n],
  );
  trading.close();
});

test("cancelOrder and reduceOrder refused for speed are sent again and settle with the answer to the new attempt", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const cancel = trading.cancelOrder(7n);
  const reduce = trading.reduceOrder(8n, 100_000n);
  refuseForSpeed(port, port.sent[0]!);
  refuseForSpeed(port, port.sent[1]!);
  clock.advance(2000);
  t.deepEqual(
    port.sent.slice(2).map((p) => [p.name, (p.body as { reference: bigint }).reference]),
    [
      ["seto.order_cancel", 1001n],
      ["seto.order_quantity_reduce", 1002n],
    ],
  );
  port.receive(incoming("seto.order_cancelled", cancelled({ orderId: 7n, reference: 1001n })));
  port.receive(
    incoming("seto.order_quantity_reduced", {
      orderId: 8n,
      reference: 1002n,
      newQuantity: 100_000n,
      reason: seto.OrderQuantityReducedReason.ORDER_QUANTITY_REDUCED_MEMBER_REQUESTED,
    }),
  );
  t.is((await cancel).orderId, 7n);
  t.is((await reduce).newQuantity, 100_000n);
});

test("replaceOrder refused for speed (order-cancel-rejected THROTTLE_EXCEEDED for its reference) is sent again and settles with the answer to the new attempt", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const replace = trading.replaceOrder(7n, { price: 2532, quantity: 400_000n });
  refuseForSpeed(port, port.sent[0]!);
  clock.advance(1000);
  const again = port.sent.slice(1);
  t.deepEqual(
    again.map((p) => [p.name, (p.body as { reference: bigint }).reference]),
    [["seto.order_cancel_replace", 1001n]],
    "the same reference, sent again",
  );
  t.not(again[0]!.seq, port.sent[0]!.seq);
  const where = { origOrderId: 7n, reference: 1001n, marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY };
  port.receive(incoming("seto.order_pending_replace", { ...where, orderId: 9n, price: 2532, quantity: 400_000n }));
  port.receive(incoming("seto.order_cancel_replace_accepted", { ...where, orderId: 9n, price: 2532, quantity: 400_000n, quantityLeft: 400_000n }));
  t.is((await replace).orderId, 9n);
});

test(`refused ${MAX_THROTTLE_RESENDS + 1} times: the last refusal rejects the caller with the typed error, and the order ends rejected`, async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const a = watch(trading.placeOrder(ORDER));
  for (let i = 0; i < MAX_THROTTLE_RESENDS; i += 1) {
    refuseForSpeed(port, port.sent.at(-1)!);
    clock.advance(1000);
  }
  await tick();
  t.false(a.outcome.settled);
  t.is(port.sent.length, MAX_THROTTLE_RESENDS + 1);
  const last = port.sent.at(-1)!;
  refuseForSpeed(port, last);
  clock.advance(10_000);
  await tick();
  t.is(port.sent.length, MAX_THROTTLE_RESENDS + 1, "not sent again");
  const error = a.outcome.error as OrderRejectedError;
  t.true(error instanceof OrderRejectedError);
  t.is(error.reason, seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED);
  t.is(error.seq, last.seq, "the error names the attempt refused last");
  t.like(trading.orders.byReference(1001n), { status: "rejected", reason: "ORDER_REJECTED_THROTTLE_EXCEEDED", seq: last.seq });
  t.is(trading.queued + trading.inFlight, 0);
  // The reference is free again.
  const again = watch(trading.placeOrder({ ...ORDER, reference: 1001n }));
  await tick();
  t.false(again.outcome.settled);
  trading.close();
});

test("cancelOrder refused too often rejects with OrderCancelRejectedError (THROTTLE_EXCEEDED)", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const cancel = watch(trading.cancelOrder(7n));
  for (let i = 0; i <= MAX_THROTTLE_RESENDS; i += 1) {
    refuseForSpeed(port, port.sent.at(-1)!);
    clock.advance(1000);
  }
  await tick();
  const error = cancel.outcome.error as OrderCancelRejectedError;
  t.true(error instanceof OrderCancelRejectedError);
  t.is(error.reason, seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_THROTTLE_EXCEEDED);
  t.is(port.sent.length, MAX_THROTTLE_RESENDS + 1);
});

test("aborted while waiting to go again: AbortedError saying the exchange did not act; never sent again; the order ends rejected", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const controller = new AbortController();
  const a = watch(trading.placeOrder(ORDER, { signal: controller.signal }));
  refuseForSpeed(port, port.sent[0]!);
  controller.abort();
  await tick();
  const error = a.outcome.error as AbortedError;
  t.true(error instanceof AbortedError);
  t.regex(error.message, /refused it for exceeding the rate limit \(seq 1\)/);
  t.regex(error.message, /did not act on it/);
  t.is(trading.queued, 0);
  clock.advance(10_000);
  t.is(port.sent.length, 1);
  t.like(trading.orders.byReference(1001n), { status: "rejected", reason: "ORDER_REJECTED_THROTTLE_EXCEEDED" });
  // Its reference is free again.
  const b = watch(trading.placeOrder({ ...ORDER, reference: 1001n }));
  await tick();
  t.false(b.outcome.settled);
  t.is(port.sent.length, 2);
  trading.close();
});

test("the time limit counts from the call, not from the resend", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW });
  const a = watch(trading.placeOrder(ORDER, { timeoutMs: 2500 }));
  refuseForSpeed(port, port.sent[0]!);
  clock.advance(1000);
  t.is(port.sent.length, 2);
  clock.advance(1499);
  await tick();
  t.false(a.outcome.settled);
  clock.advance(1);
  await tick();
  const error = a.outcome.error as TimeoutError;
  t.true(error instanceof TimeoutError);
  t.regex(error.message, /sent as seq 2, so the exchange may still act on it/);
  t.is(trading.orders.byReference(1001n)?.status, "pending", "the second attempt may yet be answered");
  t.is(clock.pendingTimers, 0);
});

test("timing out while waiting to go again: TimeoutError saying nothing was carried out; the order ends rejected", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW });
  const a = watch(trading.placeOrder(ORDER, { timeoutMs: 500 }));
  refuseForSpeed(port, port.sent[0]!);
  clock.advance(500);
  await tick();
  const error = a.outcome.error as TimeoutError;
  t.true(error instanceof TimeoutError);
  t.regex(error.message, /queued to be sent again, so the exchange did not act on it/);
  clock.advance(5000);
  t.is(port.sent.length, 1);
  t.is(trading.orders.byReference(1001n)?.status, "rejected");
});

test("the session lost, or closed, while refused requests wait to go again: RequestNotSentError saying so; their orders end rejected", async (t) => {
  for (const end of ["lost", "closed"] as const) {
    const { port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
    const a = watch(trading.placeOrder(ORDER));
    refuseForSpeed(port, port.sent[0]!);
    if (end === "lost") {
      trading.connectionLost();
      trading.resumed(false);
    } else {
      trading.close();
    }
    await tick();
    const error = a.outcome.error as RequestNotSentError;
    t.true(error instanceof RequestNotSentError, end);
    t.regex(error.message, /while it waited to be sent again/);
    t.is(trading.orders.byReference(1001n)?.status, "rejected", end);
    t.is(trading.queued + trading.inFlight, 0);
  }
});

test("a full queue still takes back a refused request; a new one is refused", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: { averageRatePs: 1, burstSize: 1, tickMs: 1000 }, queueCapacity: 1, requestTimeoutMs: Infinity });
  const a = watch(trading.cancelOrder(1n));
  quiet(trading.cancelOrder(2n));
  refuseForSpeed(port, port.sent[0]!);
  t.is(trading.queued, 2);
  await t.throwsAsync(trading.cancelOrder(3n), { instanceOf: ThrottleQueueFullError });
  clock.advance(1000);
  t.is(port.last("seto.order_cancel").body.orderId, 1n);
  await tick();
  t.false(a.outcome.settled);
  trading.close();
});

test("with no limits known, a refused request is sent again at once, and the tracker keeps its order pending", async (t) => {
  const { port, trading } = setup({ requestTimeoutMs: Infinity });
  const a = watch(trading.placeOrder(ORDER));
  refuseForSpeed(port, port.sent[0]!);
  t.is(port.sent.length, 2);
  t.like(trading.orders.byReference(1001n), { status: "pending", seq: port.sent[1]!.seq });
  accept(port, port.sent[1]!, 5n);
  await tick();
  t.is((a.outcome.value as OrderAcceptance).orderId, 5n);
  t.is(trading.orders.get(5n)?.status, "live");
});

test("a refusal arriving after the caller gave up on the sent request is not resent, and it ends the order", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW });
  const a = watch(trading.placeOrder(ORDER, { timeoutMs: 100 }));
  clock.advance(100);
  await tick();
  t.true(a.outcome.error instanceof TimeoutError);
  refuseForSpeed(port, port.sent[0]!);
  clock.advance(5000);
  t.is(port.sent.length, 1);
  t.is(trading.orders.byReference(1001n)?.status, "rejected");
});

test("a refusal echoing an earlier attempt's seq settles nothing and ends nothing", async (t) => {
  const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: Infinity });
  const a = watch(trading.placeOrder(ORDER));
  const first = port.sent[0]!;
  refuseForSpeed(port, first);
  clock.advance(1000);
  refuseForSpeed(port, first);
  clock.advance(5000);
  await tick();
  t.is(port.sent.length, 2, "not sent a third time");
  t.false(a.outcome.settled);
  t.is(trading.orders.byReference(1001n)?.status, "pending");
  accept(port, port.sent[1]!, 5n);
  await tick();
  t.is((a.outcome.value as OrderAcceptance).orderId, 5n);
});

type Op =
  | { readonly op: "refuse" | "accept" | "abort"; readonly i: number }
  | { readonly op: "wait"; readonly ms: number };

test("any mix of refusals, acceptances, aborts and time limits: each call settles once, nothing goes for it after, and the tracker shows what became of its last attempt (property)", async (t) => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constantFrom("refuse" as const, "refuse" as const, "accept" as const, "abort" as const), i: fc.nat(3) }),
          fc.record({ op: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 1500 }) }),
        ),
        { maxLength: 40 },
      ),
      async (n, ops: Op[]) => {
        const { clock, port, trading } = setup({ throttleLimits: SLOW, requestTimeoutMs: 6000 });
        const controllers = Array.from({ length: n }, () => new AbortController());
        const settles = Array.from({ length: n }, () => 0);
        const outcomes: { value?: OrderAcceptance; error?: unknown }[] = Array.from({ length: n }, () => ({}));
        controllers.forEach((c, i) =>
          trading.placeOrder(ORDER, { signal: c.signal }).then(
            (value) => ((outcomes[i]!.value = value), (settles[i]! += 1)),
            (error: unknown) => ((outcomes[i]!.error = error), (settles[i]! += 1)),
          ),
        );
        const reference = (i: number): bigint => 1001n + BigInt(i);
        const fate = new Map<bigint, "refused" | "accepted">();
        /** Sends of each call when it was seen settled. */
        const sendsAtSettle = new Map<number, number>();
        let accountSequence = 0n;
        for (const o of ops) {
          if (o.op === "wait") clock.advance(o.ms);
          else if (o.i < n) {
            const last = sentFor(port, reference(o.i)).at(-1);
            if (o.op === "abort") controllers[o.i]!.abort();
            else if (last !== undefined && !fate.has(last.seq)) {
              fate.set(last.seq, o.op === "refuse" ? "refused" : "accepted");
              if (o.op === "refuse") refuseForSpeed(port, last);
              else accept(port, last, 100n + BigInt(o.i), ++accountSequence);
            }
          }
          await tick();
          settles.forEach((s, i) => {
            if (s > 0 && !sendsAtSettle.has(i)) sendsAtSettle.set(i, sentFor(port, reference(i)).length);
          });
        }
        trading.close();
        await tick();
        for (let i = 0; i < n; i += 1) {
          const sends = sentFor(port, reference(i));
          const last = sends.at(-1);
          const order = trading.orders.all().filter((x) => x.reference === reference(i));
          const lastFate = last === undefined ? undefined : fate.get(last.seq);
          const expected = last === undefined ? undefined : lastFate === "refused" ? "rejected" : lastFate === "accepted" ? "live" : "outcome-unknown"; // unanswered at close: no answer will come
          const throttled = outcomes[i]!.error instanceof OrderRejectedError;
          const ok =
            settles[i] === 1 &&
            sends.length === (sendsAtSettle.get(i) ?? sends.length) &&
            sends.length <= MAX_THROTTLE_RESENDS + 1 &&
            order.length === (last === undefined ? 0 : 1) &&
            order[0]?.status === expected &&
            // Resolved only by an acceptance of its last attempt; refused to the caller only when out of resends.
            (outcomes[i]!.value === undefined || (outcomes[i]!.value!.seq === last?.seq && expected === "live")) &&
            (!throttled || (sends.length === MAX_THROTTLE_RESENDS + 1 && expected === "rejected"));
          if (!ok) return false;
        }
        return trading.queued + trading.inFlight === 0;
      },
    ),
    { numRuns: 150 },
  );
  t.pass();
});
