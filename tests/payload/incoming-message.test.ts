import test from "ava";
import fc from "fast-check";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import { payloadBody, type PayloadName } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { ParseError } from "../../runtime/errors.js";
import { encodePayload, etoPayload, loginResponsePayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));
/** The seto type of contract_quotes as one hex byte (it is below 128). */
const CQ = seto.PayloadType.PAYLOAD_CONTRACT_QUOTES.toString(16).padStart(2, "0");

/** What `message` must equal: the body taken from a whole decode, or the whole decode's error. */
function outcome(run: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: run() };
  } catch (e) {
    return { error: e instanceof ParseError ? `ParseError: ${e.message}` : `other: ${String(e)}` };
  }
}
const viaWhole = (bytes: Uint8Array) =>
  outcome(() => {
    const p = new IncomingPayload(bytes);
    return p.info === undefined ? undefined : payloadBody(p.info.name, p.payload);
  });
const viaMessage = (bytes: Uint8Array) => outcome(() => new IncomingPayload(bytes).message);

const quotes: seto.ContractQuotes = {
  marketId: 1234,
  contractId: 5678,
  bids: [{ price: 5000, quantity: 10000n }, { price: 4990, quantity: 2n ** 40n }],
  offers: [{ price: 5010, quantity: 1n }],
  executions: [],
};
const quotesPayload = encodePayload({ type: seto.PayloadType.PAYLOAD_CONTRACT_QUOTES, etoPayload: { seq: 9n }, contractQuotes: quotes });

test("a plain envelope's body equals the whole decode's, and the whole payload later shares it", (t) => {
  const p = new IncomingPayload(quotesPayload);
  const body = p.message as seto.ContractQuotes;
  t.deepEqual(body, seto.Payload.decode(quotesPayload).contractQuotes);
  t.like(body, quotes);
  t.is(p.message, body, "decoded once");
  t.is(p.payload.contractQuotes, body, "one object for both views");
  t.deepEqual(p.payload, seto.Payload.decode(quotesPayload));
});

test("after a whole decode, message reads from it", (t) => {
  const p = new IncomingPayload(quotesPayload);
  const whole = p.payload;
  t.is(p.message, whole.contractQuotes);
});

test("every kind of payload gives what the whole decode gives", (t) => {
  const cases: [Uint8Array, PayloadName][] = [
    [quotesPayload, "seto.contract_quotes"],
    [encodePayload({ type: seto.PayloadType.PAYLOAD_ORDER_EXECUTED, etoPayload: { seq: 3n }, orderExecuted: { price: 5, quantity: 7n, orderId: 9n, side: seto.Side.SIDE_BUY, marketId: 1, contractId: 2 } }), "seto.order_executed"],
    [encodePayload({ type: seto.PayloadType.PAYLOAD_BALANCE_CHANGED, etoPayload: { seq: 4n }, balanceChanged: { reason: "r", availableBalance: 3, exposure: 1 } }), "seto.balance_changed"],
    [encodePayload({ type: seto.PayloadType.PAYLOAD_ORDER_ACCEPTED, etoPayload: { seq: 5n } }), "seto.order_accepted"], // body missing
    [encodePayload(withSeq(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT), 6n)), "eto.heartbeat"],
    [encodePayload(withSeq(loginResponsePayload("s-1", 4n), 7n)), "eto.login_response"],
    [encodePayload(withSeq(etoPayload(eto.PayloadType.PAYLOAD_LOGOUT, { logout: { reason: eto.LogoutReason.LOGOUT_CONFIRMATION } }), 8n)), "eto.logout"],
  ];
  for (const [bytes, name] of cases) {
    t.is(new IncomingPayload(bytes).name, name);
    t.deepEqual(viaMessage(bytes), viaWhole(bytes), name);
  }
});

test("envelopes that are not plain are decoded whole: extra fields, a repeated body, a body of the wrong wire type", (t) => {
  const body = seto.ContractQuotes.encode(quotes).finish();
  const other = seto.ContractQuotes.encode({ ...quotes, marketId: 1 }).finish();
  const base = () => new BinaryWriter().uint32(8).int32(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES).uint32(18).fork().uint32(8).uint64(2n).join();
  const variants: [string, Uint8Array][] = [
    ["unknown field after", base().uint32(114).bytes(body).tag(200, WireType.Varint).uint32(1).finish()],
    ["unknown field inside eto_payload", new BinaryWriter().uint32(8).int32(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES).uint32(18).fork().uint32(8).uint64(2n).tag(90, WireType.Varint).uint32(1).join().uint32(114).bytes(body).finish()],
    ["body twice (the last one wins)", base().uint32(114).bytes(other).uint32(114).bytes(body).finish()],
    ["another body as well", base().uint32(114).bytes(body).uint32(66).bytes(seto.OrderCancel.encode({ orderId: 3n }).finish()).finish()],
    ["body field as a varint", base().tag(14, WireType.Varint).uint32(5).finish()],
    ["body before the eto_payload", new BinaryWriter().uint32(114).bytes(body).uint32(8).int32(14).uint32(18).fork().uint32(8).uint64(2n).join().finish()],
  ];
  for (const [what, bytes] of variants) t.deepEqual(viaMessage(bytes), viaWhole(bytes), what);
});

test("a body that does not decode fails with the whole decode's ParseError", (t) => {
  // contract_quotes whose bid (field 3) announces 9 bytes but only 2 follow inside the body.
  const bytes = hex(`08${CQ} 1202 0802 7204 1a09 0801`);
  const got = viaMessage(bytes);
  t.deepEqual(got, viaWhole(bytes));
  t.true("error" in got && got.error.startsWith("ParseError: seto.contract_quotes seq 2 does not decode"));
});

test("a body that does not decode fails the same way for everyone who asks: one ParseError", (t) => {
  const p = new IncomingPayload(hex(`08${CQ} 1202 0802 7204 1a09 0801`));
  const first = t.throws(() => p.message, { instanceOf: ParseError });
  t.is(t.throws(() => p.message), first, "the body again");
  t.is(t.throws(() => p.payload), first, "the whole payload");
});

test("a body whose inner length runs past its own end gives the whole decode's outcome", (t) => {
  // The bid (3 bytes announced) ends past the 4-byte body, inside the eto_payload that follows.
  const bytes = hex(`08${CQ} 7204 1a03 0801 1202 0802`);
  t.deepEqual(viaMessage(bytes), viaWhole(bytes));
});

test("a detached copy keeps the decoded body", (t) => {
  const buffer = quotesPayload.slice();
  const p = new IncomingPayload(buffer);
  const body = p.message;
  const kept = p.detach();
  buffer.fill(0);
  t.is(kept.message, body);
  t.like(kept.payload.contractQuotes, quotes);
});

test("payloads that are views into a larger buffer decode the same", (t) => {
  const buffer = new Uint8Array(quotesPayload.length + 20).fill(0xff);
  buffer.set(quotesPayload, 7);
  const view = buffer.subarray(7, 7 + quotesPayload.length);
  t.deepEqual(new IncomingPayload(view).message, seto.Payload.decode(quotesPayload).contractQuotes);
});

// ---- properties ----

const quote = fc.record({ price: fc.integer({ min: 0, max: 2 ** 31 - 1 }), quantity: fc.bigInt(0n, 2n ** 64n - 1n) });
const contractQuotes: fc.Arbitrary<seto.ContractQuotes> = fc.record({
  marketId: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  contractId: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  bids: fc.array(quote, { maxLength: 4 }),
  offers: fc.array(quote, { maxLength: 4 }),
  executions: fc.constant([]).map((): seto.Execution[] => []),
});

test("property: for any contract_quotes payload, with or without extra fields, message equals the whole decode", (t) => {
  fc.assert(
    fc.property(contractQuotes, fc.bigInt(0n, 2n ** 64n - 1n), fc.boolean(), fc.boolean(), (body, seq, etoFirst, extra) => {
      const w = new BinaryWriter();
      const eto = () => w.uint32(18).fork().uint32(8).uint64(seq).join();
      w.uint32(8).int32(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES);
      if (etoFirst) eto();
      seto.ContractQuotes.encode(body, w.uint32(114).fork()).join();
      if (!etoFirst) eto();
      if (extra) w.tag(300, WireType.LengthDelimited).bytes(Uint8Array.of(1, 2, 3));
      const bytes = w.finish();
      t.deepEqual(viaMessage(bytes), viaWhole(bytes));
    }),
  );
});

test("property: a corrupted payload whose header still reads gives the whole decode's outcome", (t) => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }),
      (edits) => {
        const bytes = quotesPayload.slice();
        for (const { at, byte } of edits) bytes[at % bytes.length] = byte;
        let readable = true;
        try {
          new IncomingPayload(bytes);
        } catch {
          readable = false;
        }
        if (!readable) return;
        t.deepEqual(viaMessage(bytes), viaWhole(bytes));
      },
    ),
    { numRuns: 2000 },
  );
});
