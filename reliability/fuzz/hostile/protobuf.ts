// Hostile servers whose frames are well formed but whose payloads are not:
// corrupted protobuf, bodies that do not decode, envelopes that lie.
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { payloadInfo, setoPayload, type SetoPayloadName } from "../../../generated/payload-map.js";
import type { Prng } from "../../../exchange/engine/index.js";
import { encodeFrame, encodeUleb128 } from "../../../runtime/framing/index.js";
import { encodePayload, etoPayload, loginResponsePayload, logoutPayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { afterLogin, awaitLogin, FUZZ_SESSION, randomBytes, type HostileKind } from "./kit.js";

/** Valid payloads of many kinds, for corrupting. */
function samplePayload(rng: Prng): UnsequencedPayload {
  return rng.pick<() => UnsequencedPayload>([
    () => loginResponsePayload(FUZZ_SESSION, rng.chance(0.5) ? BigInt(rng.int(1, 100)) : undefined),
    () => etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT),
    () => logoutPayload(rng.int(1, 10)),
    () => setoPayload("seto.order_accepted", { seq: BigInt(rng.int(1, 20)), orderId: BigInt(rng.int(1, 1e6)), reference: BigInt(rng.int(0, 1e6)) }),
    () => setoPayload("seto.order_executed", { orderId: 1001n, price: 5000, quantity: 10_000n, side: seto.Side.SIDE_BUY, marketId: 1, contractId: 1 }),
    () => setoPayload("seto.throttle_limits_changed", { averageRatePs: rng.int(0, 100), burstSize: rng.int(0, 100), tickMs: rng.int(0, 1000) }),
    () => setoPayload("seto.market_quotes", { marketId: 1, contractQuotes: [{ marketId: 1, contractId: 1, bids: [{ price: 4000, quantity: 10_000n }], offers: [], executions: [] }] }),
    () => setoPayload("seto.contract_quotes", { marketId: 1, contractId: 1, bids: [{ price: 4000, quantity: 0n }], offers: [{ price: 6000, quantity: 10_000n }], executions: [] }),
  ])();
}

/** `bytes` with some bits flipped, or cut short, or with garbage after. */
function corrupt(bytes: Uint8Array, rng: Prng): Uint8Array {
  const out = bytes.slice();
  switch (rng.int(0, 2)) {
    case 0:
      for (let i = rng.int(1, 4); i > 0; i--) out[rng.int(0, out.length - 1)]! ^= 1 << rng.int(0, 7);
      return out;
    case 1:
      return out.subarray(0, rng.int(0, Math.max(0, out.length - 1)));
    default:
      return Uint8Array.from([...out, ...randomBytes(rng, 1, 32)]);
  }
}

/** A payload of seto type `name` whose body field holds bytes that do not decode as that body. */
function undecodableBody(name: SetoPayloadName, seq: bigint, rng: Prng): Uint8Array {
  const info = payloadInfo[name];
  const envelope = encodePayload({ type: info.setoType, etoPayload: { seq } });
  const garbage = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, ...randomBytes(rng, 0, 16));
  const tag = encodeUleb128((info.fieldNumber! << 3) | 2);
  return Uint8Array.from([...envelope, ...tag, ...encodeUleb128(garbage.length), ...garbage]);
}

const BODY_NAMES: SetoPayloadName[] = ["seto.order_accepted", "seto.order_executed", "seto.order_cancelled", "seto.market_quotes", "seto.contract_quotes", "seto.throttle_limits_changed", "seto.order_rejected"];

export const PROTOBUF_KINDS: HostileKind[] = [
  {
    name: "corrupted login response",
    script: async (peer, ctx) => {
      if ((await awaitLogin(peer)) === undefined) return;
      peer.write(encodeFrame(corrupt(encodePayload(withSeq(loginResponsePayload(FUZZ_SESSION), 1n)), ctx.rng)));
    },
  },
  afterLogin("corrupted payloads", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 50); i > 0; i--) s.peer.write(encodeFrame(corrupt(encodePayload(withSeq(samplePayload(ctx.rng), s.next++)), ctx.rng)));
  }),
  afterLogin("bodies that do not decode", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 5); i > 0; i--) s.peer.write(encodeFrame(undecodableBody(ctx.rng.pick(BODY_NAMES), s.next++, ctx.rng)));
  }),
  afterLogin("envelopes that lie about their type", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 10); i > 0; i--) {
      // A type number the protocol has or has not, over a body of another type (or none).
      const body = encodePayload(withSeq(samplePayload(ctx.rng), s.next++));
      const type = ctx.rng.chance(0.5) ? ctx.rng.int(0, 200) : ctx.rng.pick(Object.values(payloadInfo)).setoType;
      s.peer.write(encodeFrame(Uint8Array.from([...body, 0x08, ...encodeUleb128(type)]))); // the last type field wins
    }
  }),
];
