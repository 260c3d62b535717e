// Hostile servers that attack the client's memory and time: floods while
// never reading what the client sends, payloads piled up behind a gap,
// trickles a byte at a time.
import { setoPayload } from "../../../generated/payload-map.js";
import { encodeFrame } from "../../../runtime/framing/index.js";
import { encodePayload, pingPayload, withSeq } from "../../../runtime/payload/encode.js";
import { afterLogin, flood, type HostileKind } from "./kit.js";

const MiB = 1024 * 1024;

export const FLOW_KINDS: HostileKind[] = [
  afterLogin(
    "pings flooded, nothing read",
    async (s, ctx) => {
      // Every ping draws a pong the client must queue: a server that never reads makes the queue grow.
      s.peer.pause();
      // Mostly small; now and then, on a case's first connection, past any sane bound on what a
      // client keeps for a peer (16 MiB) — once per case: each costs seconds of pings and pongs.
      const total = ctx.connection === 1 && ctx.rng.chance(0.1) ? ctx.rng.int(17, 40) * MiB : ctx.rng.int(64, 1_024) * 1024;
      await flood(s.peer, total, () => encodeFrame(encodePayload(withSeq(pingPayload(), s.next++))));
    },
    // The costliest kind by far (a large flood is millions of pings and pongs): drawn less often, so a
    // run's cases stay cheap on average and a million of them still meet it thousands of times.
    { weight: 0.2 },
  ),
  afterLogin(
    "large payloads held behind a gap",
    async (s, ctx, serving) => {
      // Seq next is never sent: everything after it waits for a replay that never comes.
      serving.stop();
      s.next++;
      const size = ctx.rng.int(10, 200) * 1024;
      const label = "x".repeat(size);
      await flood(s.peer, ctx.rng.int(4, 24) * MiB, () =>
        encodeFrame(encodePayload(withSeq(setoPayload("seto.order_accepted", { seq: 1n, orderId: 1n, label }), s.next++))),
      );
    },
    { weight: 0.3 },
  ),
  afterLogin("payloads a byte at a time", async (s, ctx) => {
    const frames = Array.from({ length: ctx.rng.int(1, 5) }, () => encodeFrame(encodePayload(withSeq(pingPayload(), s.next++))));
    for (const frame of frames) {
      for (const byte of frame) {
        if (s.peer.isClosed) return;
        s.peer.write(Uint8Array.of(byte));
        await ctx.sleep(ctx.rng.int(1, 5_000));
      }
    }
  }),
];
