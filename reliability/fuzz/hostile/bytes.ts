// Hostile servers that break the framing: bytes that are not frames, length
// headers too large or too long, frames that never end.
import { encodeFrame, encodeUleb128 } from "../../../runtime/framing/index.js";
import { afterLogin, awaitLogin, flood, randomBytes, type HostileKind } from "./kit.js";

/** Lengths over the 16 MiB cap, up to the largest a safe integer holds. */
const HUGE_LENGTHS = [16 * 1024 * 1024 + 1, 2 ** 31 - 1, 2 ** 32, 2 ** 35 + 17, Number.MAX_SAFE_INTEGER];

export const BYTES_KINDS: HostileKind[] = [
  {
    name: "random bytes instead of a login response",
    script: async (peer, ctx) => {
      if (ctx.rng.chance(0.5)) await awaitLogin(peer);
      peer.write(randomBytes(ctx.rng, 1, 4_096));
    },
  },
  afterLogin("random bytes mid-session", async (s, ctx) => s.peer.write(randomBytes(ctx.rng, 1, 4_096))),
  afterLogin("length header over the frame size cap", async (s, ctx) => {
    s.peer.write(encodeUleb128(ctx.rng.pick(HUGE_LENGTHS)));
    if (ctx.rng.chance(0.5)) s.peer.write(randomBytes(ctx.rng, 1, 1_024));
  }),
  afterLogin("over-long length header", async (s, ctx) => {
    const header = Uint8Array.from({ length: ctx.rng.int(6, 64) }, () => 0x80 | ctx.rng.int(0, 0x7f));
    s.peer.write(ctx.rng.chance(0.5) ? header : Uint8Array.from([...header, 0x01]));
  }),
  afterLogin("a frame that never ends", async (s, ctx) => {
    // A length up to the cap, part of the payload, then a byte now and then, never the last one.
    const length = ctx.rng.int(100, 16 * 1024 * 1024);
    s.peer.write(encodeUleb128(length));
    let sent = ctx.rng.int(0, Math.min(length - 1, 64 * 1024));
    s.peer.write(new Uint8Array(sent).fill(0x0a));
    for (let i = 0; i < 50 && sent < length - 1 && !s.peer.isClosed; i++) {
      await ctx.sleep(ctx.rng.int(1_000, 30_000));
      s.peer.write(Uint8Array.of(0x0a));
      sent++;
    }
  }),
  afterLogin(
    "a huge frame one byte short",
    async (s, ctx) => {
      const length = ctx.rng.int(1024 * 1024, 16 * 1024 * 1024);
      s.peer.write(encodeUleb128(length));
      // Pieces of 64 KiB, the last cut to fit: the frame must stay one byte short (whole pieces overshot it, completing
      // the frame and turning the rest into a stream of junk frames, a different case).
      let left = length - 1;
      await flood(s.peer, length - 1, () => {
        const n = Math.min(64 * 1024, left);
        left -= n;
        return new Uint8Array(n).fill(0x0a);
      });
    },
    { weight: 0.2 },
  ),
  afterLogin("a storm of empty frames", async (s, ctx) => {
    const empty = encodeFrame(new Uint8Array(0));
    await flood(s.peer, empty.length * (ctx.rng.chance(0.1) ? ctx.rng.int(2_000, 20_000) : ctx.rng.int(1, 2_000)), () => empty);
  }),
];
