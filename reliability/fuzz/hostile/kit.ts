// What the hostile servers are made of: a case's context (its seeded PRNG
// and fake clock), the server's outgoing numbering, the login answered, and
// an ordinary exchange's replies (so the client's calls can succeed) on top
// of which each twist does its one hostile thing.
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { setoPayload } from "../../../generated/payload-map.js";
import type { Prng } from "../../../exchange/engine/index.js";
import type { FakeClock } from "../../../runtime/fake-clock.js";
import { etoPayload, gapfillPayload, loginResponsePayload, logoutPayload, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import type { RawPeer } from "../../peer/raw-peer.js";

export interface HostileContext {
  readonly rng: Prng;
  readonly clock: FakeClock;
  /** 1 for the case's first connection, 2 for the client's first reconnect, … */
  readonly connection: number;
  /** Resolves after `ms` on the case's fake clock. */
  sleep(ms: number): Promise<void>;
}

/** What one connection of a hostile server does. */
export type HostileScript = (peer: RawPeer, ctx: HostileContext) => Promise<void>;

export interface HostileKind {
  readonly name: string;
  /** Relative frequency among the kinds (default 1). */
  readonly weight?: number;
  readonly script: HostileScript;
}

export const FUZZ_SESSION = "fuzz-session-0001";

const MAX_UINT64 = 2n ** 64n - 1n;

/** The server's outgoing stream on one connection: numbers what it sends. */
export class ServerStream {
  next = 1n;
  constructor(readonly peer: RawPeer) {}

  send(p: UnsequencedPayload): bigint {
    const seq = this.next++;
    // Past the last uint64 there is nothing left to number with: the server falls silent.
    if (seq <= MAX_UINT64) this.peer.send(p, seq);
    return seq;
  }

  seto<N extends Parameters<typeof setoPayload>[0]>(name: N, body: Parameters<typeof setoPayload<N>>[1]): bigint {
    return this.send(setoPayload(name, body));
  }
}

/** Resolves with the client's login payload, or undefined if the connection closes first. */
export function awaitLogin(peer: RawPeer): Promise<IncomingPayload | undefined> {
  return peer.waitFor((p) => p.etoType === eto.PayloadType.PAYLOAD_LOGIN);
}

/** Answers the login (new session, or the one asked for) and announces ordinary throttle limits. */
export async function acceptLogin(peer: RawPeer, options: { reset?: bigint; throttle?: boolean } = {}): Promise<ServerStream | undefined> {
  const login = await awaitLogin(peer);
  if (login === undefined) return undefined;
  const s = new ServerStream(peer);
  s.send(loginResponsePayload(FUZZ_SESSION, options.reset));
  if (options.throttle ?? true) s.seto("seto.throttle_limits_changed", { averageRatePs: 50, burstSize: 100, tickMs: 100 });
  return s;
}

/**
 * Answers the client as an ordinary exchange would — pongs, logout
 * confirmations, a snapshot for a subscription, acceptances and
 * cancellations for orders, gapfills for replay requests — until `stop()`.
 * Heartbeats are not answered: the client answers ours, and a server that
 * answered every heartbeat would echo the client's answers forever.
 */
export function serveOrdinarily(s: ServerStream): { stop(): void } {
  let orderId = 1000n;
  let stopped = false;
  s.peer.onPayload = (p) => {
    if (stopped) return;
    let m: seto.Payload;
    try {
      m = p.payload;
    } catch {
      return;
    }
    switch (p.etoType) {
      case eto.PayloadType.PAYLOAD_PING:
        s.send(etoPayload(eto.PayloadType.PAYLOAD_PONG));
        return;
      case eto.PayloadType.PAYLOAD_LOGOUT:
        s.send(logoutPayload(eto.LogoutReason.LOGOUT_CONFIRMATION));
        s.peer.end();
        return;
      case eto.PayloadType.PAYLOAD_REPLAY:
        // Nothing of ours is stored: every seq asked for is gone (a gapfill each, a thousand at most).
        for (let seq = m.etoPayload?.replay?.seq ?? s.next, n = 0; seq < s.next && n < 1000; seq++, n++) s.peer.send(gapfillPayload(seq), seq);
        return;
      default:
        break;
    }
    if (m.marketSubscribe) {
      s.seto("seto.market_quotes", {
        marketId: m.marketSubscribe.marketId,
        contractQuotes: [{ marketId: m.marketSubscribe.marketId, contractId: 1, bids: [{ price: 4900, quantity: 10_000n }], offers: [{ price: 5100, quantity: 10_000n }], executions: [] }],
      });
    } else if (m.orderCreate) {
      const o = m.orderCreate;
      s.seto("seto.order_accepted", { seq: p.seq, reference: o.reference, orderId: ++orderId, marketId: o.marketId, contractId: o.contractId, side: o.side, price: o.price, quantity: o.quantity });
    } else if (m.orderCancel) {
      s.seto("seto.order_cancelled", { orderId: m.orderCancel.orderId, reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, reference: m.orderCancel.reference });
    }
  };
  return {
    stop: () => {
      stopped = true;
    },
  };
}

/** Random bytes, `min`..`max` of them. */
export function randomBytes(rng: Prng, min: number, max: number): Uint8Array {
  return Uint8Array.from({ length: rng.int(min, max) }, () => rng.int(0, 255));
}

/**
 * Writes frames from `frame()` until `totalBytes` went out or the connection
 * closed (the last frame may go past `totalBytes`: a caller that needs an
 * exact count cuts its last frame to fit), 16 KiB per write (a few thousand
 * small frames encoded at once), waiting whenever the socket is full and
 * yielding to the event loop after every write either way: the kernel takes
 * megabytes on loopback without a full socket, and a flood that never yielded
 * would starve the server's other connections and its answers to the worker.
 */
export async function flood(peer: RawPeer, totalBytes: number, frame: () => Uint8Array): Promise<void> {
  // Marked for the worker's fake-time driver: the clocks must not jump while a flood is writing.
  peer.flooding++;
  try {
    let sent = 0;
    while (sent < totalBytes && !peer.isClosed) {
      const batch: Uint8Array[] = [];
      let size = 0;
      while (size < 16 * 1024 && sent + size < totalBytes) {
        const f = frame();
        batch.push(f);
        size += f.length;
      }
      peer.write(Buffer.concat(batch));
      sent += size;
      if (!peer.writable) await peer.drained();
      else await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    peer.flooding--;
  }
}

/**
 * A kind whose server logs the client in and serves it ordinarily, then —
 * at once or after up to 2 s of the case's clock — does its one hostile
 * thing (`twist`), which may stop the ordinary replies.
 */
export function afterLogin(
  name: string,
  twist: (s: ServerStream, ctx: HostileContext, serving: { stop(): void }) => Promise<void>,
  options: { weight?: number } = {},
): HostileKind {
  return {
    name,
    ...options,
    script: async (peer, ctx) => {
      const s = await acceptLogin(peer);
      if (s === undefined) return;
      const serving = serveOrdinarily(s);
      if (ctx.rng.chance(0.5)) await ctx.sleep(ctx.rng.int(1, 2_000));
      await twist(s, ctx, serving);
    },
  };
}

/** Frames `body` bytes as they are (a frame header and padding, any content). */
export { encodeFrame } from "../../../runtime/framing/index.js";
