import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { payloadInfo, payloadNames, lookupPayload, setoPayload } from "../../generated/payload-map.js";
import { HandlerRegistry } from "../../runtime/dispatch/handler-registry.js";
import type { DispatchablePayload } from "../../runtime/dispatch/incoming.js";
import { InvalidCallbackError } from "../../runtime/errors.js";

function incoming(payload: seto.Payload, seq = 7n): DispatchablePayload & { decodes: number } {
  const bytes = seto.Payload.encode(payload).finish();
  let decoded: seto.Payload | undefined;
  const result = {
    setoType: payload.type,
    etoType: payload.etoPayload?.type,
    seq,
    isReplay: payload.etoPayload?.isReplay ?? false,
    bytes,
    decodes: 0,
    get payload() {
      if (!decoded) {
        result.decodes++;
        decoded = seto.Payload.decode(bytes);
      }
      return decoded;
    },
  };
  return result;
}

const accepted: seto.OrderAccepted = { seq: 3n, orderId: 99n, reference: 5n };
const acceptedPayload = (): seto.Payload => ({ ...setoPayload("seto.order_accepted", accepted), etoPayload: { seq: 7n } });

test("a handler receives the body typed by its name, and the event header", (t) => {
  const registry = new HandlerRegistry();
  const seen: unknown[] = [];
  registry.add("seto.order_accepted", (m, e) => seen.push([m.orderId, m.reference, e.name, e.seq, e.isReplay]));
  const name = registry.dispatch(incoming(acceptedPayload()));
  t.is(name, "seto.order_accepted");
  t.deepEqual(seen, [[99n, 5n, "seto.order_accepted", 7n, false]]);
});

test("eto payloads dispatch by their eto type, with or without a body", (t) => {
  const registry = new HandlerRegistry();
  const got: string[] = [];
  registry.add("eto.heartbeat", (m, e) => got.push(`${e.name}:${String(m)}`));
  registry.add("eto.logout", (m) => got.push(`logout:${m.reason}`));
  registry.dispatch(incoming({ type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq: 1n, type: eto.PayloadType.PAYLOAD_HEARTBEAT } }));
  registry.dispatch(
    incoming({
      type: seto.PayloadType.PAYLOAD_ETO,
      etoPayload: { seq: 2n, type: eto.PayloadType.PAYLOAD_LOGOUT, logout: { reason: eto.LogoutReason.LOGOUT_CONFIRMATION } },
    }),
  );
  t.deepEqual(got, ["eto.heartbeat:undefined", `logout:${eto.LogoutReason.LOGOUT_CONFIRMATION}`]);
});

test("nothing is decoded when no handler wants the payload", (t) => {
  const registry = new HandlerRegistry();
  registry.add("seto.order_rejected", () => t.fail("wrong handler"));
  const p = incoming(acceptedPayload());
  t.is(registry.dispatch(p), "seto.order_accepted");
  t.is(p.decodes, 0);
});

test("global handlers see every payload after the specific ones", (t) => {
  const registry = new HandlerRegistry();
  const order: string[] = [];
  const global = (_: unknown, e: { name: string }) => order.push(`global:${e.name}`);
  registry.addGlobal(global);
  registry.add("seto.order_accepted", () => order.push("specific"));
  registry.dispatch(incoming(acceptedPayload()));
  t.deepEqual(order, ["specific", "global:seto.order_accepted"]);
  t.true(registry.removeGlobal(global));
  t.false(registry.removeGlobal(global));
  registry.dispatch(incoming(acceptedPayload()));
  t.deepEqual(order, ["specific", "global:seto.order_accepted", "specific"]);
});

test("removeHandler removes one registration", (t) => {
  const registry = new HandlerRegistry();
  let calls = 0;
  const h = () => calls++;
  registry.add("seto.order_accepted", h);
  registry.add("seto.order_accepted", h);
  t.true(registry.remove("seto.order_accepted", h));
  registry.dispatch(incoming(acceptedPayload()));
  t.is(calls, 1);
  t.true(registry.remove("seto.order_accepted", h));
  t.false(registry.remove("seto.order_accepted", h));
  t.false(registry.wants("seto.order_accepted"));
});

test("unknown names and non-functions are InvalidCallbackError naming the value", (t) => {
  const registry = new HandlerRegistry();
  const bad = t.throws(() => registry.add("seto.order_acepted" as never, () => {}), { instanceOf: InvalidCallbackError });
  t.regex(bad.message, /seto\.order_acepted/);
  const notFn = t.throws(() => registry.add("seto.order_accepted", 42 as never), { instanceOf: InvalidCallbackError });
  t.regex(notFn.message, /must be a function, got number/);
  t.throws(() => registry.addGlobal(undefined as never), { instanceOf: InvalidCallbackError });
  t.throws(() => registry.addAll({ "nope.x": () => {} } as never), { instanceOf: InvalidCallbackError });
});

test("a throwing handler stops the dispatch of that payload and propagates", (t) => {
  const registry = new HandlerRegistry();
  let later = 0;
  registry.add("seto.order_accepted", () => {
    throw new Error("boom");
  });
  registry.addGlobal(() => later++);
  t.throws(() => registry.dispatch(incoming(acceptedPayload())), { message: "boom" });
  t.is(later, 0);
});

test("payload types unknown to this protocol version dispatch to nobody", (t) => {
  const registry = new HandlerRegistry();
  registry.addGlobal(() => t.fail("unknown type dispatched"));
  t.is(registry.dispatch({ ...incoming(acceptedPayload()), setoType: 999 }), undefined);
});

test("the payload map covers both layers and every name looks itself up", (t) => {
  t.true(payloadNames.length > 40);
  for (const name of payloadNames) {
    const info = payloadInfo[name];
    t.is(lookupPayload(info.setoType, info.etoType)?.name, name);
  }
  t.is(payloadInfo["seto.order_accepted"].property, "orderAccepted");
  t.is(payloadInfo["eto.login_response"].property, "loginResponse");
  t.is(payloadInfo["eto.ping"].property, undefined);
});
