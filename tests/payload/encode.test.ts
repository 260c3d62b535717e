import test from "ava";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import {
  encodePayload,
  etoPayload,
  gapfillPayload,
  heartbeatPayload,
  logoutPayload,
  markReplay,
  pingPayload,
  replayRequestPayload,
  withSeq,
} from "../../runtime/payload/encode.js";
import { setoPayload } from "../../runtime/payload/index.js";
import { peekPayload } from "../../runtime/payload/peek.js";

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

test("a seto message gets an eto_payload holding only its seq (the Python SDK's quirk)", (t) => {
  const p = withSeq(setoPayload("seto.market_subscribe", { marketId: 1 }), 5n);
  t.deepEqual(p.etoPayload, { seq: 5n });
  t.is(hex(encodePayload(p)), "080a120208055a021001"); // golden market_subscribe
});

test("withSeq overwrites a seq the caller put in and keeps the rest", (t) => {
  const p = withSeq({ type: 1, etoPayload: { seq: 99n, type: eto.PayloadType.PAYLOAD_PING } }, 2n);
  t.deepEqual(p.etoPayload, { seq: 2n, type: eto.PayloadType.PAYLOAD_PING });
  t.is(hex(encodePayload(p)), "080112040802" + "1002"); // golden ping
});

test("eto admin payloads ride in a PAYLOAD_ETO envelope", (t) => {
  t.deepEqual(pingPayload(), { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { type: eto.PayloadType.PAYLOAD_PING } });
  t.deepEqual(heartbeatPayload().etoPayload?.type, eto.PayloadType.PAYLOAD_HEARTBEAT);
  t.deepEqual(replayRequestPayload(54n).etoPayload, { type: eto.PayloadType.PAYLOAD_REPLAY, replay: { seq: 54n } });
  t.is(hex(encodePayload(withSeq(logoutPayload(eto.LogoutReason.LOGOUT_NONE), 6n))), "0801120808061009" + "3a020801"); // golden logout
  t.deepEqual(etoPayload(eto.PayloadType.PAYLOAD_LOGIN_RESPONSE, { loginResponse: { session: "s" } }).etoPayload, {
    type: eto.PayloadType.PAYLOAD_LOGIN_RESPONSE,
    loginResponse: { session: "s" },
  });
});

test("a gapfill is flagged is_replay at the given seq", (t) => {
  t.deepEqual(peekPayload(encodePayload(gapfillPayload(58n))), {
    setoType: seto.PayloadType.PAYLOAD_ETO,
    seq: 58n,
    etoType: eto.PayloadType.PAYLOAD_GAPFILL,
    isReplay: true,
  });
});

test("markReplay flags a payload is_replay and changes nothing else", (t) => {
  const original = encodePayload(withSeq(setoPayload("seto.order_cancel", { orderId: 12345n }), 4n));
  const replayed = markReplay(original);
  const decoded = seto.Payload.decode(replayed);
  t.true(decoded.etoPayload?.isReplay);
  t.deepEqual({ ...decoded, etoPayload: { ...decoded.etoPayload!, isReplay: undefined } }, seto.Payload.decode(original));
});

test("encodePayload reuses one writer: payloads of any size in a row, and one after a failed encode, come out as a fresh writer makes them", (t) => {
  const big: seto.Payload = {
    type: seto.PayloadType.PAYLOAD_MARKET_QUOTES,
    etoPayload: { seq: 7n },
    marketQuotes: { marketId: 3, contractQuotes: Array.from({ length: 40 }, (_, i) => ({ marketId: 3, contractId: i + 1, bids: [{ price: 5000, quantity: 123_456n }], offers: [], executions: [] })) },
  };
  const small: seto.Payload = { type: seto.PayloadType.PAYLOAD_ORDER_CANCEL, etoPayload: { seq: 8n }, orderCancel: { orderId: 99n } };
  const fresh = (p: seto.Payload) => seto.Payload.encode(p, new BinaryWriter()).finish();
  for (const p of [big, small, big, small]) t.deepEqual(encodePayload(p), fresh(p));
  // A uint64 out of range fails midway through the envelope.
  const bad: seto.Payload = { type: seto.PayloadType.PAYLOAD_ORDER_CANCEL, etoPayload: { seq: 9n }, orderCancel: { orderId: -1n } };
  t.throws(() => encodePayload(bad));
  t.deepEqual(encodePayload(small), fresh(small));
  const out = encodePayload(small);
  encodePayload(big);
  t.deepEqual(out, fresh(small), "a result is its own copy: later encodes do not change it");
});
