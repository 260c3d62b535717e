// Short-lived misbehaving clients for soaking the simulated exchange: each
// connects, does one bad thing (or one good thing badly) and goes, chosen by
// a seeded PRNG so a run can be repeated. None of them waits on a timer: each
// ends on an event of its own connection (a reply, the close) or at once.
// The exchange fuzz (reliability/fuzz/exchange) runs them one by one too.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { Prng } from "../../exchange/engine/index.js";
import { encodeFrame, encodeUleb128 } from "../../runtime/framing/index.js";
import { encodePayload, etoPayload, pingPayload, replayRequestPayload, withSeq } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import { RawPeer } from "../../reliability/peer/raw-peer.js";

export const BEHAVIOURS = [
  /** Logs in and vanishes without logout: a session left waiting (the garbage client). */
  "abandon",
  /** The same, asking for the account's events from account sequence 1 first. */
  "abandon-replaying-account",
  /** Logs in, subscribes, places an order, vanishes. */
  "trade-and-vanish",
  /** Logs in, sets cancel_all_on_failure, places an order, vanishes. */
  "trade-cancel-on-failure",
  /** Logs in and out properly. */
  "logout",
  /** Logs in, then asks for replays from seq 1 over and over without reading. */
  "replay-storm",
  /** Logs in, stops reading, and pings a lot. */
  "slow-reader",
  /** Logs in, then numbers its next payload far ahead (a gap the exchange must not hold payloads for). */
  "gap",
  /** Connects and goes without a word. */
  "silent",
  /** Sends random bytes. */
  "random-bytes",
  /** Announces a frame far over any limit. */
  "huge-frame",
  /** Starts a frame and never finishes it. */
  "partial-frame",
  /** Wrong password. */
  "bad-password",
  /** Sends a ping before any login. */
  "not-a-login",
  /** Logs in, then sends frames whose bodies are not payloads (truncated, bit-flipped or random protobuf). */
  "corrupt-payload",
  /** Logs in, then numbers its payloads again, backwards and out of order. */
  "bad-seqs",
  /** Sends a length header longer than any ULEB128 a frame size can take. */
  "over-long-header",
] as const;

export type Behaviour = (typeof BEHAVIOURS)[number];

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface GarbageOptions {
  readonly host: string;
  readonly port: number;
  readonly accounts: readonly Credentials[];
  /** Connections in all. */
  readonly connections: number;
  /** Connections at once. */
  readonly concurrency: number;
  readonly seed: number;
  /** Called after every `every` connections have finished (progress, RSS samples). */
  readonly progress?: { readonly every: number; report(done: number): void };
}

export interface GarbageResult {
  /** How many connections did each thing. */
  readonly byBehaviour: Record<Behaviour, number>;
  /** Connections that could not even be opened (each with its error). */
  readonly failures: string[];
}

export async function runGarbageClients(o: GarbageOptions): Promise<GarbageResult> {
  const rng = new Prng(o.seed);
  const byBehaviour = Object.fromEntries(BEHAVIOURS.map((b) => [b, 0])) as Record<Behaviour, number>;
  const failures: string[] = [];
  let started = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (started < o.connections) {
      started += 1;
      const behaviour = rng.pick(BEHAVIOURS);
      const account = rng.pick(o.accounts);
      const seed = rng.int(0, 0xffff_ffff);
      byBehaviour[behaviour] += 1;
      try {
        await garbageClient(o.host, o.port, behaviour, account, seed);
      } catch (e) {
        failures.push(`${behaviour}: ${e instanceof Error ? e.message : String(e)}`);
      }
      done += 1;
      if (o.progress && done % o.progress.every === 0) o.progress.report(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, o.connections) }, worker));
  return { byBehaviour, failures };
}

/** How a garbage client's connection ended: the exchange closed it, or the client left it. */
export type GarbageEnd = "closed by the exchange" | "left by the client";

/**
 * One connection doing `behaviour` (its details drawn from `seed`); resolves
 * once its socket has closed, saying who closed it. Rejects only if the
 * connection cannot be opened.
 */
export async function garbageClient(host: string, port: number, behaviour: Behaviour, account: Credentials, seed: number): Promise<GarbageEnd> {
  const c = await RawPeer.connect(host, port);
  const rng = new Prng(seed);
  const login = (accountSequence?: bigint, password = account.password) =>
    c.send(loginPayload({ username: account.username, password, token: undefined }, { sessionId: undefined, accountSequence }), 1n);
  const loggedIn = async (accountSequence?: bigint): Promise<boolean> => {
    login(accountSequence);
    return (await c.waitFor((p) => p.etoType === eto.PayloadType.PAYLOAD_LOGIN_RESPONSE || p.etoType === eto.PayloadType.PAYLOAD_LOGOUT))?.etoType === eto.PayloadType.PAYLOAD_LOGIN_RESPONSE;
  };
  const order = (seq: bigint) =>
    c.send(
      setoPayload("seto.order_create", {
        marketId: 1,
        contractId: rng.pick([1, 2]),
        side: rng.pick([seto.Side.SIDE_BUY, seto.Side.SIDE_SELL]),
        price: rng.pick([2000, 2500, 5000, 7500]),
        quantity: 10_000n,
      }),
      seq,
    );
  switch (behaviour) {
    case "abandon":
      await loggedIn();
      break;
    case "abandon-replaying-account":
      await loggedIn(1n);
      break;
    case "trade-and-vanish":
      if (await loggedIn()) {
        c.send(setoPayload("seto.market_subscribe", { marketId: 1 }), 2n);
        order(3n);
        await c.waitFor((p) => p.setoType !== seto.PayloadType.PAYLOAD_ETO && p.setoType !== seto.PayloadType.PAYLOAD_MARKET_QUOTES && p.setoType !== seto.PayloadType.PAYLOAD_THROTTLE_LIMITS_CHANGED);
      }
      break;
    case "trade-cancel-on-failure":
      if (await loggedIn()) {
        c.send(setoPayload("seto.settings", { cancelAllOnFailure: true }), 2n);
        order(3n);
        await c.waitFor((p) => p.setoType === seto.PayloadType.PAYLOAD_ORDER_ACCEPTED || p.setoType === seto.PayloadType.PAYLOAD_ORDER_REJECTED || p.setoType === seto.PayloadType.PAYLOAD_ORDER_INVALID);
      }
      break;
    case "logout":
      if (await loggedIn()) {
        c.send(etoPayload(eto.PayloadType.PAYLOAD_LOGOUT, { logout: { reason: eto.LogoutReason.LOGOUT_NONE } }), 2n);
        await c.closed;
      }
      break;
    case "replay-storm":
      if (await loggedIn()) {
        c.pause();
        for (let seq = 2n; seq < 2n + BigInt(rng.int(10, 200)); seq++) c.send(replayRequestPayload(1n), seq);
      }
      break;
    case "slow-reader":
      if (await loggedIn()) {
        c.pause();
        for (let seq = 2n; seq < 2n + BigInt(rng.int(100, 3_000)); seq++) c.send(pingPayload(), seq);
      }
      break;
    case "gap":
      if (await loggedIn()) {
        for (let seq = 50n; seq < 50n + BigInt(rng.int(1, 100)); seq++) c.send(pingPayload(), seq);
      }
      break;
    case "silent":
      break;
    case "random-bytes":
      c.write(Uint8Array.from({ length: rng.int(1, 2_000) }, () => rng.int(0, 255)));
      break;
    case "huge-frame":
      c.write(encodeUleb128(rng.pick([70_000, 16 * 1024 * 1024, 2 ** 31 - 1])));
      await c.closed;
      break;
    case "partial-frame": {
      const frame = encodeFrame(new Uint8Array(rng.int(100, 60_000)).fill(8));
      c.write(frame.subarray(0, rng.int(1, frame.length - 1)));
      break;
    }
    case "bad-password":
      login(undefined, "wrong");
      await c.closed;
      break;
    case "not-a-login":
      c.send(pingPayload(), 1n);
      await c.closed;
      break;
    case "corrupt-payload":
      if (await loggedIn()) {
        for (let seq = 2n, n = rng.int(1, 20); n > 0; n--, seq++) c.write(encodeFrame(corrupted(rng, encodePayload(withSeq(pingPayload(), seq)))));
        await endAndWait(c);
      }
      break;
    case "bad-seqs":
      if (await loggedIn()) {
        for (const seq of [2n, 2n, 1n, 5n, 3n, 0n, 4n, 2n ** 63n].slice(0, rng.int(2, 8))) {
          if (rng.chance(0.5)) order(seq);
          else c.send(pingPayload(), seq);
        }
        await endAndWait(c);
      }
      break;
    case "over-long-header":
      c.write(Uint8Array.from({ length: rng.int(6, 64) }, () => 0x80 | rng.int(0, 0x7f)));
      await c.closed;
      break;
  }
  const end: GarbageEnd = c.isClosed ? "closed by the exchange" : "left by the client";
  c.destroy();
  await c.closed;
  return end;
}

/** Ends our side once all is written and waits for the exchange to close its own (it has then read everything). */
async function endAndWait(c: RawPeer): Promise<void> {
  c.end();
  await c.closed;
}

/** `bytes` truncated, with bits flipped, or replaced by random bytes. */
function corrupted(rng: Prng, bytes: Uint8Array): Uint8Array {
  switch (rng.int(0, 2)) {
    case 0:
      return bytes.subarray(0, rng.int(0, bytes.length - 1));
    case 1: {
      const out = bytes.slice();
      for (let n = rng.int(1, 4); n > 0; n--) out[rng.int(0, out.length - 1)]! ^= 1 << rng.int(0, 7);
      return out;
    }
    default:
      return Uint8Array.from({ length: rng.int(1, 64) }, () => rng.int(0, 255));
  }
}
