// Handler failures through the public client (issue 11 §2), and the order in
// which the parts of the client see a payload.
import test from "ava";
import * as seto from "../../generated/seto.js";
import type { ClientStatus, IncomingEvent } from "../../runtime/client/index.js";
import { HandlerError, type SmarketsError } from "../../runtime/errors.js";
import { MemoryLogger } from "../session/helpers/fixtures.js";
import { clientFor, exchange, first } from "./helpers.js";

const ORDER = { marketId: 1, contractId: 1, side: "buy", price: 2000, quantity: 10_000n } as const;

function collect<T>(iterable: AsyncIterable<T>): T[] {
  const seen: T[] = [];
  void (async () => {
    for await (const x of iterable) seen.push(x);
  })();
  return seen;
}

test("trading state is updated before the user's handlers run; then the user's in the order added; then global handlers; then payloads()", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex);
  const order: string[] = [];
  const seenByUser: (string | undefined)[] = [];
  client.addGlobalHandler((_m, e) => {
    if (e.name === "seto.order_accepted") order.push("global");
  });
  client.addHandler("seto.order_accepted", (m) => {
    order.push("user 1");
    seenByUser.push(client.trading.orders.get(m.orderId)?.status);
  });
  client.addHandler("seto.order_accepted", () => order.push("user 2"));
  const streamed = first(client.payloads(), (e) => e.name === "seto.order_accepted").then(() => order.push("payloads()"));
  await client.login();
  const acceptance = await client.trading.placeOrder(ORDER);
  await streamed;
  t.deepEqual(order, ["user 1", "user 2", "global", "payloads()"]);
  t.deepEqual(seenByUser, ["live"], "the order tracker had applied the acceptance");
  t.is(client.trading.orders.get(acceptance.orderId)?.status, "live");
  await client.logout();
});

test('onHandlerError "continue" (default): the failure is reported with the handler and the payload; every other handler runs once; nothing is delivered twice', async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const logger = new MemoryLogger();
  const client = clientFor(ex, {}, { logger });
  const errors = collect<SmarketsError>(client.errors());
  const streamed = collect<IncomingEvent>(client.payloads());
  const calls = { failing: 0, after: 0, global: 0 };
  client.addHandler("seto.order_accepted", function hedge() {
    calls.failing++;
    throw new Error("hedge refused");
  });
  client.addHandler("seto.order_accepted", () => calls.after++);
  client.addGlobalHandler((_m, e) => {
    if (e.name === "seto.order_accepted") calls.global++;
  });
  await client.login();
  const acceptance = await client.trading.placeOrder(ORDER);
  // Later traffic both ways: the failed payload is not asked for or delivered again.
  await client.ping();
  await client.trading.cancelOrder(acceptance.orderId);
  await client.ping();
  t.deepEqual(calls, { failing: 1, after: 1, global: 1 });
  t.is(client.trading.orders.get(acceptance.orderId)?.status, "cancelled", "trading state followed every payload");
  const failures = errors.filter((e) => e instanceof HandlerError) as HandlerError[];
  t.is(failures.length, 1);
  t.is(failures[0]!.handler, '"hedge" (handler 2 of 3 for seto.order_accepted)', "the trading layer's handler is first");
  t.is(failures[0]!.payloadName, "seto.order_accepted");
  t.is(failures[0]!.payload?.seq, failures[0]!.seq);
  t.is(errors.length, 1, "nothing else went wrong");
  const logged = logger.at("error").find((l) => (l.obj as { err?: unknown }).err === failures[0]);
  t.truthy(logged);
  t.like(logged!.obj as object, { handler: failures[0]!.handler, payload: "seto.order_accepted", seq: String(failures[0]!.seq) });
  t.is(streamed.filter((e) => e.name === "seto.order_accepted").length, 1, "payloads() yields it once");
  t.is(client.state, "logged-in");
  await client.logout();
});

test('onHandlerError "stop": the client stops at the payload, and a later client resumes from it', async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { onHandlerError: "stop" });
  const errors = collect<SmarketsError>(client.errors());
  const statuses = collect<ClientStatus>(client.statuses());
  let failingSeq: bigint | undefined;
  let after = 0;
  client.addHandler("seto.order_accepted", (_m, e) => {
    failingSeq = e.seq;
    throw new Error("crash");
  });
  client.addHandler("seto.order_accepted", () => after++);
  const closed = first(client.statuses(), (s) => s.state === "closed");
  await client.login();
  client.order({ ...ORDER, side: seto.Side.SIDE_BUY, reference: 4242n });
  await client.flush();
  const s = await closed;
  t.regex((s as { reason: string }).reason, /stopped at seto\.order_accepted seq \d+: a handler failed \(onHandlerError "stop"\)/);
  t.is(after, 0, "the handlers after the failing one did not run");
  t.true(errors.some((e) => e instanceof HandlerError && e.seq === failingSeq));
  t.false(statuses.some((x) => x.state === "reconnecting"));
  const resume = client.resumeState;
  t.is(resume.nextInSeq, failingSeq!, "the incoming seq was not advanced past it");

  // A later client (a restart) resumes from it: the exchange sends it again.
  const later = clientFor(ex, { sessionId: resume.sessionId!, inSeq: resume.nextInSeq, outSeq: resume.nextOutSeq });
  const again = new Promise<[seto.OrderAccepted, bigint]>((resolve) => later.addHandler("seto.order_accepted", (m, e) => resolve([m, e.seq])));
  t.true((await later.login()).resumed);
  const [accepted, seq] = await again;
  t.is(seq, failingSeq!);
  t.is(accepted.reference, 4242n);
  await later.logout();
});
