// Short-lived misbehaving clients for soaking the simulated exchange: each
// connects, does one bad thing (or one good thing badly) and goes, chosen by
// a seeded PRNG so a run can be repeated. None of them waits on a timer: each
// ends on an event of its own connection (a reply, the close) or at once.
import * as net from "node:net";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { Prng } from "../../exchange/engine/index.js";
import { encodeFrame, encodeUleb128, FrameDecoder } from "../../runtime/framing/index.js";
import { encodePayload, etoPayload, pingPayload, replayRequestPayload, withSeq, type UnsequencedPayload } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";
import { loginPayload } from "../../runtime/session/login.js";

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
        await oneClient(o, behaviour, account, seed);
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

/** One connection doing `behaviour`; resolves once its socket has closed. */
async function oneClient(o: GarbageOptions, behaviour: Behaviour, account: Credentials, seed: number): Promise<void> {
  const c = await Conn.open(o.host, o.port);
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
  }
  c.destroy();
  await c.closed;
}

/** A raw connection: frames out, payloads in, a way to wait for one. */
class Conn {
  readonly closed: Promise<void>;
  readonly #socket: net.Socket;
  #waiter: { match: (p: IncomingPayload) => boolean; resolve: (p: IncomingPayload | undefined) => void } | undefined;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    const decoder = new FrameDecoder({ frame: (bytes) => this.#payload(bytes) });
    socket.on("data", (chunk: Buffer) => {
      try {
        decoder.push(chunk);
      } catch {
        socket.destroy();
      }
    });
    socket.on("error", () => {});
    this.closed = new Promise((resolve) =>
      socket.once("close", () => {
        this.#waiter?.resolve(undefined);
        this.#waiter = undefined;
        resolve();
      }),
    );
  }

  static open(host: string, port: number): Promise<Conn> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new Conn(socket));
      });
    });
  }

  send(p: UnsequencedPayload, seq: bigint): void {
    this.write(encodeFrame(encodePayload(withSeq(p, seq))));
  }

  write(bytes: Uint8Array): void {
    if (!this.#socket.destroyed) this.#socket.write(bytes);
  }

  /** Stops reading (what the exchange sends piles up on its side). */
  pause(): void {
    this.#socket.pause();
  }

  /** The next payload that `match` accepts, or undefined if the connection closes first. */
  waitFor(match: (p: IncomingPayload) => boolean): Promise<IncomingPayload | undefined> {
    if (this.#socket.destroyed) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.#waiter = { match, resolve }));
  }

  destroy(): void {
    this.#socket.destroy();
  }

  #payload(bytes: Uint8Array): void {
    const w = this.#waiter;
    if (w === undefined) return;
    let p: IncomingPayload;
    try {
      p = new IncomingPayload(bytes);
    } catch {
      return;
    }
    if (!w.match(p)) return;
    this.#waiter = undefined;
    w.resolve(p);
  }
}
