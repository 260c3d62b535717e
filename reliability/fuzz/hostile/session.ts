// Hostile servers that misuse the session layer: logins refused or left
// unanswered, logouts that leave the socket open, heartbeats that answer
// nothing else, silence, connections cut at every point of the login.
import * as eto from "../../../generated/eto.js";
import { encodeFrame } from "../../../runtime/framing/index.js";
import { encodePayload, etoPayload, loginResponsePayload, logoutPayload, withSeq } from "../../../runtime/payload/encode.js";
import { acceptLogin, afterLogin, awaitLogin, FUZZ_SESSION, randomBytes, ServerStream, type HostileKind } from "./kit.js";

const REASONS = Object.values(eto.LogoutReason).filter((v): v is eto.LogoutReason => typeof v === "number" && v >= 0);

export const SESSION_KINDS: HostileKind[] = [
  {
    name: "login refused",
    script: async (peer, ctx) => {
      if ((await awaitLogin(peer)) === undefined) return;
      peer.send(logoutPayload(ctx.rng.pick(REASONS)), ctx.rng.pick([0n, 1n, 2n, 99n]));
      if (ctx.rng.chance(0.5)) peer.end();
    },
  },
  {
    name: "login never answered",
    script: async (peer, ctx) => {
      if ((await awaitLogin(peer)) === undefined) return;
      // Heartbeats (not numbered as a session: there is none yet), or nothing.
      for (let seq = 1n; ctx.rng.chance(0.5) && seq < 30n && !peer.isClosed; seq++) {
        await ctx.sleep(ctx.rng.int(1_000, 20_000));
        peer.send(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT), seq);
      }
    },
  },
  {
    name: "connection cut during the login",
    script: async (peer, ctx) => {
      const where = ctx.rng.int(0, 3);
      if (where > 0 && (await awaitLogin(peer)) === undefined) return;
      if (where === 2) peer.write(encodeFrame(encodePayload(withSeq(loginResponsePayload(FUZZ_SESSION), 1n))).subarray(0, ctx.rng.int(1, 10)));
      if (where === 3) peer.send(loginResponsePayload(FUZZ_SESSION), 1n);
      peer.destroy(ctx.rng.chance(0.5));
    },
  },
  afterLogin("logout without closing the connection", async (s, ctx, serving) => {
    serving.stop();
    s.send(logoutPayload(ctx.rng.pick(REASONS)));
    if (ctx.rng.chance(0.5)) {
      // …and carrying on as if nothing happened.
      for (let i = ctx.rng.int(1, 20); i > 0 && !s.peer.isClosed; i--) {
        await ctx.sleep(ctx.rng.int(1_000, 30_000));
        s.send(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT));
      }
    }
  }),
  afterLogin("heartbeats and nothing else", async (s, ctx, serving) => {
    // Pings, logouts and orders go unanswered; the connection looks alive.
    // (Its own heartbeats only: answering the client's answers too would echo them forever, at both ends' cost.)
    serving.stop();
    for (let i = 0; i < 40 && !s.peer.isClosed; i++) {
      await ctx.sleep(ctx.rng.int(5_000, 30_000));
      s.send(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT));
    }
  }),
  afterLogin("silence after the login", async (_s, _ctx, serving) => serving.stop()),
  afterLogin("the connection cut mid-session", async (s, ctx) => {
    if (ctx.rng.chance(0.5)) s.peer.write(randomBytes(ctx.rng, 1, 3)); // part of a frame first
    if (ctx.rng.chance(0.5)) s.peer.end();
    else s.peer.destroy(ctx.rng.chance(0.5));
  }),
  {
    name: "payloads before the login response",
    script: async (peer, ctx) => {
      if ((await awaitLogin(peer)) === undefined) return;
      const s = new ServerStream(peer);
      for (let i = ctx.rng.int(1, 10); i > 0; i--) s.seto("seto.order_accepted", { seq: BigInt(i), orderId: BigInt(i) });
      if (ctx.rng.chance(0.5)) s.send(loginResponsePayload(FUZZ_SESSION));
      if (ctx.rng.chance(0.5)) await acceptLogin(peer);
    },
  },
];
