// Hostile servers that answer trading nonsense: throttle limits no timer can
// hold, replies to orders nobody placed (or twice to one that was), quotes
// for markets nobody subscribed to with absurd figures, refusals for speed
// without end.
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import type { Prng } from "../../../exchange/engine/index.js";
import { etoPayload } from "../../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import { afterLogin, type HostileKind, type ServerStream } from "./kit.js";

const U32 = 0xffff_ffff;
const U64 = 2n ** 64n - 1n;
const odd32 = (rng: Prng): number => rng.pick([0, 1, 2 ** 31 - 1, 2 ** 31, U32, rng.int(0, U32)]);
const odd64 = (rng: Prng): bigint => rng.pick([0n, 1n, 2n ** 63n, U64, BigInt(rng.int(0, 1e9))]);

/** The client's order requests as they arrive, to reply to. */
function onOrders(s: ServerStream, reply: (p: IncomingPayload, m: seto.Payload) => void): void {
  const ordinary = s.peer.onPayload;
  s.peer.onPayload = (p) => {
    let m: seto.Payload | undefined;
    try {
      m = p.payload;
    } catch {
      m = undefined;
    }
    if (m && (m.orderCreate || m.orderCancel || m.orderCancelReplace || m.orderQuantityReduce || m.marketSubscribe)) reply(p, m);
    else ordinary?.(p);
  };
}

export const TRADING_KINDS: HostileKind[] = [
  afterLogin("throttle limits no timer can hold", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 5); i > 0; i--) s.seto("seto.throttle_limits_changed", { averageRatePs: odd32(ctx.rng), burstSize: odd32(ctx.rng), tickMs: odd32(ctx.rng) });
  }),
  afterLogin("replies to orders nobody placed", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 30); i > 0; i--) {
      const orderId = odd64(ctx.rng);
      const reference = odd64(ctx.rng);
      ctx.rng.pick([
        () => s.seto("seto.order_accepted", { seq: odd64(ctx.rng), orderId, reference, quantity: odd64(ctx.rng), price: odd32(ctx.rng) }),
        () => s.seto("seto.order_rejected", { seq: odd64(ctx.rng), reason: ctx.rng.int(0, 30), reference }),
        () => s.seto("seto.order_executed", { orderId, price: odd32(ctx.rng), quantity: odd64(ctx.rng), side: ctx.rng.int(0, 3), marketId: 1, contractId: 1, totalExecutedQuantity: odd64(ctx.rng) }),
        () => s.seto("seto.order_cancelled", { orderId, reason: ctx.rng.int(0, 20), reference }),
        () => s.seto("seto.order_quantity_reduced", { orderId, reason: ctx.rng.int(0, 5), newQuantity: odd64(ctx.rng), reference }),
      ])();
    }
  }),
  afterLogin("every order answered twice, differently", async (s, ctx) => {
    let id = 5000n;
    onOrders(s, (p, m) => {
      const o = m.orderCreate;
      if (o === undefined) return;
      s.seto("seto.order_accepted", { seq: p.seq, reference: o.reference, orderId: ++id, quantity: o.quantity, price: o.price });
      if (ctx.rng.chance(0.5)) s.seto("seto.order_rejected", { seq: p.seq, reason: seto.OrderRejectedReason.ORDER_REJECTED_INSUFFICIENT_FUNDS, reference: o.reference });
      else s.seto("seto.order_accepted", { seq: p.seq, reference: o.reference, orderId: ++id });
    });
  }),
  afterLogin("quotes nobody asked for, with absurd figures", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 50); i > 0; i--) {
      const marketId = ctx.rng.pick([1, 2, U32]);
      const level = () => ({ price: odd32(ctx.rng), quantity: odd64(ctx.rng) });
      if (ctx.rng.chance(0.3)) s.seto("seto.market_quotes", { marketId, contractQuotes: [{ marketId, contractId: odd32(ctx.rng), bids: [level()], offers: [level()], executions: [] }] });
      else s.seto("seto.contract_quotes", { marketId, contractId: odd32(ctx.rng), bids: [level(), level()], offers: [level()], executions: [{ price: odd32(ctx.rng), quantity: odd64(ctx.rng), liquidity: ctx.rng.int(0, 3), microseconds: odd64(ctx.rng) }], highPrice: odd32(ctx.rng) });
    }
  }),
  afterLogin("every request refused for speed", async (s) => {
    onOrders(s, (p, m) => {
      if (m.orderCreate) s.seto("seto.order_rejected", { seq: p.seq, reason: seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED, reference: m.orderCreate.reference });
      else s.send(etoPayload(eto.PayloadType.PAYLOAD_THROTTLE_EXCEEDED));
    });
  }),
];
