import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../../runtime/errors.js";
import { encodePayload } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

const orderCancel = encodePayload({
  type: seto.PayloadType.PAYLOAD_ORDER_CANCEL,
  etoPayload: { seq: 4n },
  orderCancel: { orderId: 12345n },
});

test("the header is read at construction, and the bytes are kept as the view given", (t) => {
  const buffer = new Uint8Array(orderCancel.length + 6);
  buffer.set(orderCancel, 3);
  const view = buffer.subarray(3, 3 + orderCancel.length);
  const p = new IncomingPayload(view);
  t.is(p.seq, 4n);
  t.is(p.setoType, seto.PayloadType.PAYLOAD_ORDER_CANCEL);
  t.is(p.etoType, undefined);
  t.false(p.isReplay);
  t.is(p.bytes, view);
  t.is(p.name, "seto.order_cancel");
});

test("the body is decoded on first access and cached", (t) => {
  const p = new IncomingPayload(orderCancel);
  const first = p.payload;
  t.is(first.orderCancel?.orderId, 12345n);
  t.is(p.payload, first);
});

test("a body that does not decode fails only when asked for, with ParseError carrying the frame", (t) => {
  // Header fine; field 4 (order_create) holds wire type 7, which no decoder accepts.
  const bytes = Uint8Array.from([0x08, 0x03, 0x12, 0x02, 0x08, 0x09, 0x22, 0x01, 0x0f]);
  const p = new IncomingPayload(bytes);
  t.is(p.seq, 9n);
  const e = t.throws(() => p.payload, { instanceOf: ParseError, message: /seto\.order_create seq 9 does not decode/ });
  t.deepEqual(e?.frame, bytes);
  t.truthy(e?.cause);
});

test("an unreadable header fails at construction with ParseError", (t) => {
  t.throws(() => new IncomingPayload(Uint8Array.from([0x08])), { instanceOf: ParseError });
});

test("detach copies the bytes so the receive buffer can be reused", (t) => {
  const buffer = orderCancel.slice();
  const p = new IncomingPayload(buffer);
  const kept = p.detach();
  buffer.fill(0);
  t.not(kept.bytes, p.bytes);
  t.is(kept.seq, 4n);
  t.is(kept.payload.orderCancel?.orderId, 12345n);
});

test("eto payloads are named by their eto type; unknown types by number", (t) => {
  const pong = new IncomingPayload(encodePayload({ type: 1, etoPayload: { seq: 1n, type: eto.PayloadType.PAYLOAD_PONG } }));
  t.is(pong.name, "eto.pong");
  t.is(new IncomingPayload(encodePayload({ type: 99 as seto.PayloadType, etoPayload: { seq: 1n } })).name, "seto.unknown(99)");
  t.is(new IncomingPayload(encodePayload({ type: 1, etoPayload: { seq: 1n, type: 77 as eto.PayloadType } })).name, "unknown(seto 1, eto 77)");
});
