import test from "ava";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { HandlerRegistry } from "../../runtime/dispatch/handler-registry.js";
import { HandlerError, InvalidCallbackError, ParseError } from "../../runtime/errors.js";
import { encodePayload, etoPayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

const accepted: seto.OrderAccepted = { seq: 3n, orderId: 99n, reference: 5n };
const acceptedPayload = (seq = 7n) => new IncomingPayload(encodePayload({ ...setoPayload("seto.order_accepted", accepted), etoPayload: { seq } }));
const etoIn = (type: eto.PayloadType, seq: bigint, fields = {}) => new IncomingPayload(encodePayload(withSeq(etoPayload(type, fields), seq)));

/** A contract_quotes payload whose body is cut short by one byte, inside an envelope that is otherwise well formed. */
function undecodableQuotes(): IncomingPayload {
  const body = seto.ContractQuotes.encode({ marketId: 1, contractId: 2, bids: [{ price: 5000, quantity: 30000n }], offers: [], executions: [] }).finish();
  const bytes = new BinaryWriter()
    .uint32(8)
    .int32(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES)
    .uint32(18)
    .fork()
    .uint32(8)
    .uint64(12n)
    .join()
    .uint32(114)
    .bytes(body.subarray(0, body.length - 1))
    .finish();
  return new IncomingPayload(bytes);
}

/** Counts calls of the generated OrderAccepted decoder while `run` runs. */
function countingDecodes(run: () => void): number {
  const original = seto.OrderAccepted.decode;
  let calls = 0;
  seto.OrderAccepted.decode = (...args) => {
    calls++;
    return original(...args);
  };
  try {
    run();
  } finally {
    seto.OrderAccepted.decode = original;
  }
  return calls;
}

test("a handler receives the body typed by its name, and the payload itself as the event", (t) => {
  const registry = new HandlerRegistry();
  const p = acceptedPayload();
  const seen: unknown[] = [];
  registry.add("seto.order_accepted", (m, e) => {
    seen.push([m.orderId, m.reference, e.name, e.seq, e.isReplay]);
    t.is(e as IncomingPayload, p, "one object: the IncomingPayload");
    t.is(e.message, m, "the body it carries is the one the handler got");
  });
  t.true(registry.deliver(p));
  t.deepEqual(seen, [[99n, 5n, "seto.order_accepted", 7n, false]]);
  t.is(registry.delivered, 1);
});

test("eto payloads are delivered by their eto type, with or without a body", (t) => {
  const registry = new HandlerRegistry();
  const got: string[] = [];
  registry.add("eto.heartbeat", (m, e) => got.push(`${e.name}:${String(m)}`));
  registry.add("eto.logout", (m) => got.push(`logout:${m.reason}`));
  registry.deliver(etoIn(eto.PayloadType.PAYLOAD_HEARTBEAT, 1n));
  registry.deliver(etoIn(eto.PayloadType.PAYLOAD_LOGOUT, 2n, { logout: { reason: eto.LogoutReason.LOGOUT_CONFIRMATION } }));
  t.deepEqual(got, ["eto.heartbeat:undefined", `logout:${eto.LogoutReason.LOGOUT_CONFIRMATION}`]);
});

test("nothing is decoded when no handler wants the payload; once when several do", (t) => {
  const registry = new HandlerRegistry();
  registry.add("seto.order_rejected", () => t.fail("wrong handler"));
  registry.observe(() => undefined);
  t.is(countingDecodes(() => registry.deliver(acceptedPayload())), 0);
  registry.add("seto.order_accepted", () => undefined);
  registry.addGlobal(() => undefined);
  t.is(countingDecodes(() => registry.deliver(acceptedPayload())), 1);
});

test("order: handlers for the type as added (one added first goes first), then global handlers, then observers", (t) => {
  const registry = new HandlerRegistry();
  const order: string[] = [];
  const global = (_: unknown, e: { name: string }) => order.push(`global:${e.name}`);
  registry.observe((e) => order.push(`observer:${e.name}`));
  registry.addGlobal(global);
  registry.add("seto.order_accepted", () => order.push("user 1"));
  registry.add("seto.order_accepted", () => order.push("user 2"));
  registry.add("seto.order_accepted", () => order.push("trading"), "first");
  registry.deliver(acceptedPayload());
  t.deepEqual(order, ["trading", "user 1", "user 2", "global:seto.order_accepted", "observer:seto.order_accepted"]);
});

test("the same handler added twice for a name is registered once: it fires once and one removal removes it", (t) => {
  const registry = new HandlerRegistry();
  let calls = 0;
  const h = () => calls++;
  t.true(registry.add("seto.order_accepted", h));
  t.false(registry.add("seto.order_accepted", h));
  registry.addAll({ "seto.order_accepted": h });
  registry.deliver(acceptedPayload());
  t.is(calls, 1);
  t.true(registry.remove("seto.order_accepted", h));
  t.false(registry.wants("seto.order_accepted"));
  t.false(registry.remove("seto.order_accepted", h));
  registry.deliver(acceptedPayload());
  t.is(calls, 1);
  // The same function under another name is another registration.
  registry.add("seto.order_accepted", h);
  registry.add("seto.order_rejected", h);
  t.true(registry.remove("seto.order_accepted", h));
  t.true(registry.wants("seto.order_rejected"));
});

test("the same global handler added twice is registered once: it fires once and one removal removes it", (t) => {
  const registry = new HandlerRegistry();
  let calls = 0;
  const g = () => calls++;
  t.true(registry.addGlobal(g));
  t.false(registry.addGlobal(g));
  registry.deliver(acceptedPayload());
  t.is(calls, 1);
  t.true(registry.removeGlobal(g));
  t.false(registry.removeGlobal(g));
  registry.deliver(acceptedPayload());
  t.is(calls, 1);
});

test("unknown names and non-functions are InvalidCallbackError naming the value; a bad map registers nothing", (t) => {
  const registry = new HandlerRegistry();
  const bad = t.throws(() => registry.add("seto.order_acepted" as never, () => {}), { instanceOf: InvalidCallbackError });
  t.regex(bad.message, /seto\.order_acepted/);
  const notFn = t.throws(() => registry.add("seto.order_accepted", 42 as never), { instanceOf: InvalidCallbackError });
  t.regex(notFn.message, /must be a function, got number/);
  t.throws(() => registry.addGlobal(undefined as never), { instanceOf: InvalidCallbackError });
  t.throws(() => registry.addAll({ "seto.order_accepted": () => {}, "nope.x": () => {} } as never), { instanceOf: InvalidCallbackError });
  t.false(registry.wants("seto.order_accepted"));
  t.throws(() => new HandlerRegistry({ onHandlerError: "retry" as never }), { instanceOf: InvalidCallbackError });
});

test('a handler that throws, policy "continue": reported naming the handler and the payload; every other handler runs once', (t) => {
  const reported: unknown[] = [];
  const registry = new HandlerRegistry({ onError: (e) => reported.push(e) });
  const ran: string[] = [];
  registry.add("seto.order_accepted", function placeHedge() {
    ran.push("first");
    throw new Error("no funds");
  });
  registry.add("seto.order_accepted", () => ran.push("second"));
  registry.addGlobal(() => ran.push("global"));
  registry.observe(() => ran.push("observer"));
  t.true(registry.deliver(acceptedPayload(7n)), "processed: the session moves on");
  t.deepEqual(ran, ["first", "second", "global", "observer"]);
  t.is(reported.length, 1);
  const e = reported[0] as HandlerError;
  t.true(e instanceof HandlerError);
  t.is(e.handler, '"placeHedge" (handler 1 of 2 for seto.order_accepted)');
  t.is(e.payloadName, "seto.order_accepted");
  t.is(e.seq, 7n);
  t.is(e.payload?.name, "seto.order_accepted");
  t.regex(e.message, /"placeHedge" \(handler 1 of 2 for seto\.order_accepted\) threw on seto\.order_accepted seq 7: no funds/);
  t.is((e.cause as Error).message, "no funds");
});

test('a handler that throws, policy "stop": reported, the handlers after it do not run, and the payload is not processed', (t) => {
  const reported: unknown[] = [];
  const registry = new HandlerRegistry({ onError: (e) => reported.push(e), onHandlerError: "stop" });
  const ran: string[] = [];
  registry.add("seto.order_accepted", () => ran.push("before"));
  registry.add("seto.order_accepted", () => {
    throw new Error("bug");
  });
  registry.add("seto.order_accepted", () => ran.push("after"));
  registry.observe(() => ran.push("observer"));
  t.false(registry.deliver(acceptedPayload()));
  t.deepEqual(ran, ["before"]);
  t.is(reported.length, 1);
  t.true(reported[0] instanceof HandlerError);
});

test("without an error reporter, the other handlers run and then the first failure is thrown", (t) => {
  const registry = new HandlerRegistry();
  let later = 0;
  const failing = () => {
    throw new Error("boom");
  };
  registry.add("seto.order_accepted", failing);
  registry.addGlobal(() => later++);
  const e = t.throws(() => registry.deliver(acceptedPayload()), { instanceOf: HandlerError });
  t.regex(e.message, /boom/);
  t.is(later, 1);
  // The next payload is not blamed for it.
  registry.remove("seto.order_accepted", failing);
  t.true(registry.deliver(acceptedPayload()));
  t.is(later, 2);
});

test("a body that does not decode reaches no handler: one ParseError, and the payload counts as processed", (t) => {
  const reported: unknown[] = [];
  const registry = new HandlerRegistry({ onError: (e) => reported.push(e), onHandlerError: "stop" });
  registry.add("seto.contract_quotes", () => t.fail("handler ran"));
  registry.addGlobal(() => t.fail("global handler ran"));
  t.true(registry.deliver(undecodableQuotes()));
  t.is(reported.length, 1);
  t.true(reported[0] instanceof ParseError);
  t.regex((reported[0] as ParseError).message, /seto\.contract_quotes seq 12 does not decode/);
  // Without a reporter the ParseError is thrown.
  const bare = new HandlerRegistry();
  bare.add("seto.contract_quotes", () => t.fail("handler ran"));
  t.throws(() => bare.deliver(undecodableQuotes()), { instanceOf: ParseError });
});

test("a seto payload whose envelope names a type but carries no body reaches no handler: one ParseError, processed (found by the fuzz: the trading layer's handlers threw TypeErrors, reported as HandlerError)", (t) => {
  // type = order_accepted over an envelope with only its seq: no order_accepted field at all.
  const bodiless = () => new IncomingPayload(encodePayload({ type: seto.PayloadType.PAYLOAD_ORDER_ACCEPTED, etoPayload: { seq: 14n } }));
  const reported: unknown[] = [];
  const registry = new HandlerRegistry({ onError: (e) => reported.push(e), onHandlerError: "stop" });
  registry.add("seto.order_accepted", (body) => t.fail(`handler ran with ${String(body)}`));
  let globals = 0;
  registry.addGlobal(() => globals++);
  t.true(registry.deliver(bodiless()));
  t.is(globals, 0, "no global handler ran");
  t.is(reported.length, 1);
  t.true(reported[0] instanceof ParseError, String(reported[0]));
  t.regex((reported[0] as ParseError).message, /seto\.order_accepted seq 14 carries no order_accepted body/);
  // A payload type without a body (heartbeat) still reaches its handlers.
  let heartbeats = 0;
  registry.add("eto.heartbeat", () => heartbeats++);
  t.true(registry.deliver(etoIn(eto.PayloadType.PAYLOAD_HEARTBEAT, 15n)));
  t.is(heartbeats, 1);
  t.is(globals, 1);
});

test("handlers registered, removed and re-registered are found by type", (t) => {
  const registry = new HandlerRegistry();
  const calls: string[] = [];
  const heartbeat = () => calls.push("heartbeat");
  registry.add("eto.heartbeat", heartbeat);
  registry.add("seto.order_accepted", () => calls.push("accepted"));
  registry.deliver(etoIn(eto.PayloadType.PAYLOAD_HEARTBEAT, 3n));
  registry.deliver(acceptedPayload());
  t.true(registry.remove("eto.heartbeat", heartbeat));
  registry.deliver(etoIn(eto.PayloadType.PAYLOAD_HEARTBEAT, 4n));
  registry.add("eto.heartbeat", heartbeat);
  registry.deliver(etoIn(eto.PayloadType.PAYLOAD_HEARTBEAT, 5n));
  t.deepEqual(calls, ["heartbeat", "accepted", "heartbeat"]);
});

test("a payload of a type this protocol version does not know goes to no one", (t) => {
  const registry = new HandlerRegistry();
  registry.addGlobal(() => t.fail("delivered"));
  registry.observe(() => t.fail("observed"));
  const unknown = new IncomingPayload(new BinaryWriter().uint32(8).int32(9999).uint32(18).fork().uint32(8).uint64(3n).join().finish());
  t.true(registry.deliver(unknown));
  t.is(unknown.name, "seto.unknown(9999)");
  t.is(registry.delivered, 0);
});
