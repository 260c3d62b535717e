import test from "ava";
import fc from "fast-check";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../../runtime/errors.js";
import { encodePayload } from "../../runtime/payload/encode.js";
import { peekPayload, type PayloadHeader } from "../../runtime/payload/peek.js";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));

/** What the generated decoder says the header is. */
function decodedHeader(bytes: Uint8Array): PayloadHeader {
  const p = seto.Payload.decode(bytes);
  return {
    setoType: p.type,
    seq: p.etoPayload!.seq,
    etoType: p.etoPayload!.type,
    isReplay: p.etoPayload!.isReplay ?? false,
  };
}

test("reads the header of a seto message (eto_payload with only a seq)", (t) => {
  // order_cancel as the Python SDK sends it: seq 4, order_id 12345
  t.deepEqual(peekPayload(hex("080712020804420318b960")), {
    setoType: seto.PayloadType.PAYLOAD_ORDER_CANCEL,
    seq: 4n,
    etoType: undefined,
    isReplay: false,
  });
});

test("reads the header of an eto payload, is_replay included", (t) => {
  const bytes = encodePayload({
    type: seto.PayloadType.PAYLOAD_ETO,
    etoPayload: { seq: 77n, type: eto.PayloadType.PAYLOAD_PONG, isReplay: true },
  });
  t.deepEqual(peekPayload(bytes), { setoType: 1, seq: 77n, etoType: eto.PayloadType.PAYLOAD_PONG, isReplay: true });
});

test("reads seqs across the whole uint64 range", (t) => {
  for (const seq of [0n, 1n, 127n, 128n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n + 1n, 2n ** 63n, 2n ** 64n - 1n]) {
    const bytes = encodePayload({ type: 3, etoPayload: { seq } });
    t.is(peekPayload(bytes).seq, seq, `seq ${seq}`);
  }
});

test("a negative enum (10-byte varint) reads as the generated decoder reads it", (t) => {
  const w = new BinaryWriter();
  w.uint32(8).int32(-5);
  w.uint32(18).fork().uint32(8).uint64(9n).uint32(16).int32(-1).join();
  const bytes = w.finish();
  t.deepEqual(peekPayload(bytes), decodedHeader(bytes));
  t.is(peekPayload(bytes).setoType, -5);
  t.is(peekPayload(bytes).etoType, -1);
});

test("skips unknown fields of every wire type, at both levels, including groups", (t) => {
  const w = new BinaryWriter();
  w.tag(50, WireType.Varint).uint64(2n ** 64n - 1n);
  w.tag(51, WireType.Bit64).fixed64(1n);
  w.tag(52, WireType.Bit32).fixed32(7);
  w.tag(53, WireType.LengthDelimited).bytes(new Uint8Array(300));
  w.tag(54, WireType.StartGroup).tag(1, WireType.Varint).uint32(1).tag(55, WireType.StartGroup).tag(55, WireType.EndGroup).tag(54, WireType.EndGroup);
  w.uint32(8).int32(12);
  w.uint32(18).fork();
  w.tag(60, WireType.LengthDelimited).string("x");
  w.uint32(24).bool(true);
  w.tag(61, WireType.Bit32).fixed32(0);
  w.uint32(8).uint64(300n);
  w.join();
  w.tag(62, WireType.Varint).uint32(0);
  const bytes = w.finish();
  t.deepEqual(peekPayload(bytes), { setoType: 12, seq: 300n, etoType: undefined, isReplay: true });
  t.deepEqual(peekPayload(bytes), decodedHeader(bytes));
});

test("a repeated field takes its last value, and a second eto_payload replaces the first, as the decoder does", (t) => {
  const w = new BinaryWriter();
  w.uint32(8).int32(3).uint32(8).int32(7);
  w.uint32(18).fork().uint32(8).uint64(1n).uint32(16).int32(2).uint32(24).bool(true).join();
  w.uint32(18).fork().uint32(8).uint64(5n).uint32(8).uint64(6n).join();
  const bytes = w.finish();
  t.deepEqual(peekPayload(bytes), { setoType: 7, seq: 6n, etoType: undefined, isReplay: false });
  t.deepEqual(peekPayload(bytes), decodedHeader(bytes));
});

const malformed: [string, string, RegExp][] = [
  ["empty", "", /missing seto type/],
  ["no eto_payload", "0803", /missing eto_payload/],
  ["eto_payload without seq", "08031202 1001", /missing eto_payload\.seq/],
  ["no seto type", "12020801", /missing seto type/],
  ["truncated tag", "80", /truncated varint \(tag\) at byte 0/],
  ["truncated seto type", "08", /truncated varint \(seto type\) at byte 1/],
  ["truncated seq", "0803 1202 08 80", /truncated varint \(eto seq\) at byte 5/],
  ["eto_payload longer than the payload", "0803 1205 0801", /eto_payload of length 5 runs past the 2 bytes left/],
  ["length over 2^32", "0803 12 ffffffffff01", /over 2\^32/],
  ["varint of 11 bytes", "08 ffffffffffffffffffff01", /varint (longer than 10 bytes|over 64 bits)/],
  ["varint over 64 bits", "08 ffffffffffffffffff7f", /over 64 bits/],
  ["wire type 6", "0803 120208 01 0e", /invalid wire type 6 for field 1/],
  ["wire type 7", "0803 1202 0801 0f", /invalid wire type 7/],
  ["field number 0", "00", /invalid field tag at byte 0/],
  ["end-group without start", "0803 1202 0801 0c", /end-group for field 1 without a matching start/],
  ["unclosed group", "0803 1202 0801 0b 0801", /group 1 is not closed/],
  ["mismatched end-group", "0803 1202 0801 0b 14", /end-group 2 closes group 1/],
  ["truncated fixed64", "0803 1202 0801 09 0102", /truncated 64-bit field 1/],
  ["truncated fixed32", "0803 1202 0801 0d 01", /truncated 32-bit field 1/],
  ["field inside eto_payload runs past it", "0803 1204 0801 0a05 0000", /field 1 of length 5 runs past the 0 bytes left at byte 7/],
];

for (const [name, input, message] of malformed) {
  test(`malformed: ${name} → ParseError naming the problem and the offset`, (t) => {
    const bytes = hex(input);
    const e = t.throws(() => peekPayload(bytes), { instanceOf: ParseError, message });
    t.deepEqual(e?.frame, bytes);
  });
}

test("groups nested too deep are refused, not recursed into", (t) => {
  const w = new BinaryWriter();
  for (let i = 0; i < 40; i++) w.tag(9, WireType.StartGroup);
  for (let i = 0; i < 40; i++) w.tag(9, WireType.EndGroup);
  t.throws(() => peekPayload(w.finish()), { instanceOf: ParseError, message: /nested over 32 deep/ });
});

test("a large payload is peeked without reading its body", (t) => {
  const bytes = encodePayload({
    type: seto.PayloadType.PAYLOAD_ORDER_CREATE,
    etoPayload: { seq: 9n },
    orderCreate: { side: 1, quantity: 1n, marketId: 1, contractId: 2, label: "x".repeat(4 * 1024 * 1024) },
  });
  t.is(peekPayload(bytes).seq, 9n);
});

// ---- properties ----

// Field numbers from 100 up are unknown to both seto.Payload and eto.Payload.
const unknownField = fc.oneof(
  fc.record({ kind: fc.constant("varint" as const), field: fc.integer({ min: 100, max: 2 ** 29 - 1 }), v: fc.bigInt(0n, 2n ** 64n - 1n) }),
  fc.record({ kind: fc.constant("len" as const), field: fc.integer({ min: 100, max: 1000 }), v: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant("fixed32" as const), field: fc.integer({ min: 100, max: 1000 }), v: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }),
  fc.record({ kind: fc.constant("fixed64" as const), field: fc.integer({ min: 100, max: 1000 }), v: fc.bigInt(0n, 2n ** 64n - 1n) }),
);
type Unknown = typeof unknownField extends fc.Arbitrary<infer U> ? U : never;

function writeUnknown(w: BinaryWriter, u: Unknown): void {
  switch (u.kind) {
    case "varint":
      w.tag(u.field, WireType.Varint).uint64(u.v);
      break;
    case "len":
      w.tag(u.field, WireType.LengthDelimited).bytes(u.v);
      break;
    case "fixed32":
      w.tag(u.field, WireType.Bit32).fixed32(u.v);
      break;
    case "fixed64":
      w.tag(u.field, WireType.Bit64).fixed64(u.v);
      break;
  }
}

const header = fc.record({
  setoType: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  seq: fc.bigInt(0n, 2n ** 64n - 1n),
  etoType: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: undefined }),
  isReplay: fc.option(fc.boolean(), { nil: undefined }),
  before: fc.array(unknownField, { maxLength: 3 }),
  inside: fc.array(unknownField, { maxLength: 3 }),
  after: fc.array(unknownField, { maxLength: 3 }),
  body: fc.option(fc.bigInt(0n, 2n ** 64n - 1n), { nil: undefined }),
});

function build(h: typeof header extends fc.Arbitrary<infer H> ? H : never): Uint8Array {
  const w = new BinaryWriter();
  for (const u of h.before) writeUnknown(w, u);
  w.uint32(8).int32(h.setoType);
  w.uint32(18).fork();
  for (const u of h.inside) writeUnknown(w, u);
  w.uint32(8).uint64(h.seq);
  if (h.etoType !== undefined) w.uint32(16).int32(h.etoType);
  if (h.isReplay !== undefined) w.uint32(24).bool(h.isReplay);
  w.join();
  if (h.body !== undefined) seto.OrderCancel.encode({ orderId: h.body }, w.uint32(66).fork()).join();
  for (const u of h.after) writeUnknown(w, u);
  return w.finish();
}

test("property: the header agrees with the generated decoder for any well-formed payload", (t) => {
  fc.assert(
    fc.property(header, (h) => {
      const bytes = build(h);
      const got = peekPayload(bytes);
      t.deepEqual(got, decodedHeader(bytes));
      t.deepEqual(got, { setoType: h.setoType, seq: h.seq, etoType: h.etoType, isReplay: h.isReplay ?? false });
    }),
  );
});

test("property: every truncation either fails with ParseError or agrees with the decoder", (t) => {
  fc.assert(
    fc.property(header, (h) => {
      const bytes = build(h);
      for (let n = 0; n < bytes.length; n++) {
        const prefix = bytes.subarray(0, n);
        let got: PayloadHeader;
        try {
          got = peekPayload(prefix);
        } catch (e) {
          if (!(e instanceof ParseError)) throw e;
          continue;
        }
        t.deepEqual(got, decodedHeader(prefix));
      }
    }),
    { numRuns: 200 },
  );
});

test("property: arbitrary bytes give a header or a ParseError, never another failure", (t) => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
      let got: PayloadHeader;
      try {
        got = peekPayload(bytes);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        return;
      }
      let decoded: PayloadHeader | undefined;
      try {
        decoded = decodedHeader(bytes);
      } catch {
        return; // the full decoder is stricter about bodies the peek skips
      }
      t.deepEqual(got, decoded);
    }),
    { numRuns: 5000 },
  );
  t.pass();
});
