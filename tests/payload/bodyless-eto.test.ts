import test from "ava";
import fc from "fast-check";
import * as eto from "../../generated/eto.js";
import { encodeBodylessEto, encodePayload, etoPayload, withSeq } from "../../runtime/payload/encode.js";

/** What the generated encoder writes for the same payload, or its error. */
function generic(type: number, seq: bigint): Uint8Array | string {
  try {
    return encodePayload(withSeq(etoPayload(type), seq));
  } catch (e) {
    return String(e);
  }
}
function direct(type: number, seq: bigint): Uint8Array | string {
  try {
    return encodeBodylessEto(type, seq);
  } catch (e) {
    return String(e);
  }
}

test("heartbeats and pongs are the generated encoder's bytes, at the seq boundaries", (t) => {
  const seqs = [0n, 1n, 127n, 128n, 16383n, 16384n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 64n - 1n];
  for (const type of [eto.PayloadType.PAYLOAD_HEARTBEAT, eto.PayloadType.PAYLOAD_PONG, eto.PayloadType.PAYLOAD_PING]) {
    for (const seq of seqs) t.deepEqual(direct(type, seq), generic(type, seq), `type ${type} seq ${seq}`);
  }
  t.is(Buffer.from(encodeBodylessEto(eto.PayloadType.PAYLOAD_HEARTBEAT, 300n)).toString("hex"), "08011205" + "08ac02" + "1005");
});

test("out-of-range seqs fail as the generated encoder fails", (t) => {
  for (const seq of [-1n, 2n ** 64n]) {
    const got = direct(eto.PayloadType.PAYLOAD_HEARTBEAT, seq);
    t.is(typeof got, "string");
    t.deepEqual(got, generic(eto.PayloadType.PAYLOAD_HEARTBEAT, seq));
  }
});

test("property: any type and seq encode exactly as the generated encoder does", (t) => {
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.bigInt(-10n, 2n ** 64n + 10n), (type, seq) => {
      t.deepEqual(direct(type, seq), generic(type, seq));
    }),
    { numRuns: 3000 },
  );
});
