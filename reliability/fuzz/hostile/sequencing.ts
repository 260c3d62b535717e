// Hostile servers that number their payloads wrongly: gaps never filled,
// seqs repeated or going backwards, extremes of the 64-bit range, replays
// that answer something else, and replay requests of their own without end.
import * as eto from "../../../generated/eto.js";
import { setoPayload } from "../../../generated/payload-map.js";
import type { Prng } from "../../../exchange/engine/index.js";
import { encodeFrame } from "../../../runtime/framing/index.js";
import { encodePayload, etoPayload, gapfillPayload, loginResponsePayload, markReplay, replayRequestPayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { acceptLogin, afterLogin, awaitLogin, FUZZ_SESSION, flood, ServerStream, type HostileKind } from "./kit.js";

const MAX_SEQ = 2n ** 64n - 1n;

const quote = (rng: Prng): UnsequencedPayload =>
  setoPayload("seto.contract_quotes", { marketId: 1, contractId: rng.int(1, 3), bids: [{ price: 100 * rng.int(1, 99), quantity: 10_000n }], offers: [], executions: [] });

/** A seq from the edges: 0, just past ours, far ahead, the 64-bit extremes. */
function oddSeq(rng: Prng, next: bigint): bigint {
  return rng.pick([0n, next - 1n, next + 1n, next + BigInt(rng.int(2, 1_000_000)), 2n ** 63n, MAX_SEQ - 1n, MAX_SEQ]);
}

export const SEQUENCING_KINDS: HostileKind[] = [
  afterLogin("a gap never filled", async (s, ctx, serving) => {
    // Ahead of the client's next seq; replay requests go unanswered (or get gapfills elsewhere).
    serving.stop();
    s.next += BigInt(ctx.rng.int(1, 100_000));
    for (let i = ctx.rng.int(1, 100); i > 0; i--) s.send(quote(ctx.rng));
    if (ctx.rng.chance(0.5)) s.peer.onPayload = (p) => p.etoType === eto.PayloadType.PAYLOAD_REPLAY && s.peer.send(gapfillPayload(MAX_SEQ), MAX_SEQ);
  }),
  afterLogin("repeated seqs", async (s, ctx) => {
    const seq = s.next - BigInt(ctx.rng.int(0, Number(s.next - 1n)));
    for (let i = ctx.rng.int(1, 200); i > 0; i--) s.peer.send(quote(ctx.rng), seq);
  }),
  afterLogin("seqs going backwards", async (s, ctx) => {
    for (let seq = s.next + BigInt(ctx.rng.int(0, 50)); seq >= 1n && !s.peer.isClosed; seq -= BigInt(ctx.rng.int(1, 3))) s.peer.send(quote(ctx.rng), seq);
  }),
  afterLogin("seqs at the edges", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 20); i > 0; i--) s.peer.send(ctx.rng.chance(0.3) ? etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT) : quote(ctx.rng), oddSeq(ctx.rng, s.next));
  }),
  afterLogin("replays nobody asked for", async (s, ctx) => {
    for (let i = ctx.rng.int(1, 100); i > 0; i--) {
      const bytes = encodePayload(withSeq(quote(ctx.rng), oddSeq(ctx.rng, s.next)));
      s.peer.write(encodeFrame(ctx.rng.chance(0.5) ? markReplay(bytes) : encodePayload(gapfillPayload(oddSeq(ctx.rng, s.next)))));
    }
  }),
  afterLogin("replay answers that answer something else", async (s, ctx, serving) => {
    serving.stop();
    s.next += BigInt(ctx.rng.int(1, 50));
    s.send(quote(ctx.rng));
    s.peer.onPayload = (p) => {
      if (p.etoType !== eto.PayloadType.PAYLOAD_REPLAY) return;
      for (let i = ctx.rng.int(0, 50); i > 0; i--) {
        const seq = oddSeq(ctx.rng, s.next);
        s.peer.write(encodeFrame(ctx.rng.chance(0.5) ? encodePayload(gapfillPayload(seq)) : markReplay(encodePayload(withSeq(quote(ctx.rng), seq)))));
      }
    };
  }),
  afterLogin("replay requests without end", async (s, ctx) => {
    // From seq 1, from far ahead, from 0: over and over, reading or not.
    if (ctx.rng.chance(0.3)) s.peer.pause();
    const from = () => ctx.rng.pick([0n, 1n, 2n, s.next, MAX_SEQ]);
    // About 16 bytes a request: up to 1 000 of them, now and then 5 000.
    await flood(s.peer, 16 * (ctx.rng.chance(0.1) ? ctx.rng.int(1_000, 5_000) : ctx.rng.int(1, 1_000)), () => encodeFrame(encodePayload(withSeq(replayRequestPayload(from()), s.next++))));
  }),
  {
    name: "login response with an absurd reset, then a replay request",
    script: async (peer, ctx) => {
      const login = await awaitLogin(peer);
      if (login === undefined) return;
      const s = new ServerStream(peer);
      s.send(loginResponsePayload(FUZZ_SESSION, ctx.rng.pick([0n, 10n ** 9n, 2n ** 53n, 2n ** 63n, MAX_SEQ])));
      if (ctx.rng.chance(0.8)) s.send(replayRequestPayload(ctx.rng.pick([0n, 1n, 2n])));
    },
  },
  {
    name: "a new stream mid-session (a second login response)",
    script: async (peer, ctx) => {
      const s = await acceptLogin(peer);
      if (s === undefined) return;
      for (let i = ctx.rng.int(0, 10); i > 0; i--) s.send(quote(ctx.rng));
      const again = new ServerStream(peer);
      again.next = ctx.rng.pick([1n, s.next, oddSeq(ctx.rng, s.next)]);
      again.send(loginResponsePayload(ctx.rng.chance(0.5) ? FUZZ_SESSION : "another-session", ctx.rng.chance(0.5) ? BigInt(ctx.rng.int(1, 1000)) : undefined));
      for (let i = ctx.rng.int(0, 10); i > 0; i--) again.send(quote(ctx.rng));
    },
  },
];
