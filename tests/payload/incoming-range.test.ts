// An IncomingPayload made from a range of a larger buffer (a frame in a
// received chunk) reads, decodes, detaches and fails exactly as one made
// from the payload's own bytes.
import test from "ava";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../../runtime/errors.js";
import { encodePayload } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

const executed = encodePayload({
  type: seto.PayloadType.PAYLOAD_ORDER_EXECUTED,
  etoPayload: { seq: 300n },
  orderExecuted: { price: 2500, quantity: 40_000n, orderId: 77n, side: seto.Side.SIDE_BUY, marketId: 1, contractId: 2, accountSequence64: 9n },
});

/** `payload` at `at` in a buffer with other bytes around it. */
function within(payload: Uint8Array, at: number): Uint8Array {
  const buffer = new Uint8Array(at + payload.length + 11).fill(0xee);
  buffer.set(payload, at);
  return buffer;
}

test("header, body, whole payload and bytes from a range equal those from the payload alone", (t) => {
  const alone = new IncomingPayload(executed.slice());
  const buffer = within(executed, 17);
  const ranged = new IncomingPayload(buffer, undefined, 17, 17 + executed.length);
  t.is(ranged.seq, 300n);
  t.is(ranged.name, "seto.order_executed");
  t.deepEqual(ranged.message, alone.message);
  t.deepEqual(ranged.payload, alone.payload);
  t.deepEqual(ranged.bytes, executed);
  t.is(ranged.bytes.buffer, buffer.buffer, "bytes is a view into the buffer, not a copy");
  t.is(ranged.bytes, ranged.bytes, "made once");
});

test("a detached copy of a ranged payload decodes its body from its own bytes", (t) => {
  const buffer = within(executed, 5);
  const ranged = new IncomingPayload(buffer, undefined, 5, 5 + executed.length);
  const copy = ranged.detach();
  buffer.fill(0); // the receive buffer is reused
  t.deepEqual(copy.bytes, executed);
  t.like(copy.message as seto.OrderExecuted, { orderId: 77n, quantity: 40_000n, accountSequence64: 9n });
  t.is(copy.payload.orderExecuted as unknown, copy.message, "the whole payload shares the body");
});

test("an unreadable header in a range fails with the payload's own bytes and positions", (t) => {
  const truncated = executed.subarray(0, 3); // the eto_payload's length runs past the end
  const alone = t.throws(() => new IncomingPayload(truncated.slice()), { instanceOf: ParseError });
  const buffer = within(truncated, 9);
  const ranged = t.throws(() => new IncomingPayload(buffer, undefined, 9, 12), { instanceOf: ParseError });
  t.is(ranged?.message, alone?.message);
  t.deepEqual(ranged?.frame, truncated);
});
