// Issue 9, goal 2: how long `trading.placeOrder` takes to resolve with the
// acceptance, through the compiled package's public API, against a peer in
// another process that answers at once (support/order-peer.ts) — against,
// in the same run and over the same peer, a raw TCP echo: a bare socket that
// writes the same order-create bytes and waits for the same answer's bytes.
// The peer does the same work for both (decodes the request, encodes an
// order-accepted), so the difference is the client's: validation, the
// request registry and throttle, the session's numbering and store, framing,
// the socket write, and on the way back the whole inbound path to the
// request's promise.
//
// 10,000 sequential orders each (after 1,000 of each to warm up), in
// alternating blocks of 500 so a change in machine load hits both alike;
// p50 and p99 of each, and their ratios. Targets: p50 <= 1.5x, p99 <= 3x the
// echo's. Run: npm run bench -- round-trip; or, built, node bench/build/round-trip.js
import { connect, type Socket } from "node:net";
import { GCProfiler } from "node:v8";
import { StreamingAPIClient } from "smarkets-streaming";
import { encodeFrame, encodePayload } from "smarkets-streaming/internal";
import { seto } from "smarkets-streaming/protocol";
import type { OrderPeerReport } from "./support/order-peer.js";
import { isObject, startPeer } from "./support/peer-process.js";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const WARMUP = 1_000;
const BLOCK = 500;
const ORDER = { marketId: 4_100_321, contractId: 17_800_001, side: "buy", price: 5_000, quantity: 100_000n } as const;

console.log(`node ${process.version}`);
const peer = await startPeer("order-peer.js");

/** A bare socket sending one pre-encoded order-create and waiting for one whole frame back. */
class RawEcho {
  readonly #socket: Socket;
  readonly #request: Uint8Array;
  #have = 0;
  #want = -1;
  #done: (() => void) | undefined;

  private constructor(socket: Socket, request: Uint8Array) {
    this.#socket = socket;
    this.#request = request;
    socket.on("data", (chunk: Buffer) => this.#take(chunk));
  }

  static async open(port: number, request: Uint8Array): Promise<RawEcho> {
    const socket = connect({ host: "127.0.0.1", port, noDelay: true });
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    return new RawEcho(socket, request);
  }

  roundTrip(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#done = resolve;
      this.#socket.write(this.#request);
    });
  }

  close(): void {
    this.#socket.destroy();
  }

  /** Counts bytes until one whole frame (ULEB128 length, payload, padding to 4) is in. */
  #take(chunk: Buffer): void {
    if (this.#want < 0) {
      let length = 0;
      let shift = 0;
      let at = 0;
      for (;;) {
        const b = chunk[at++]!;
        length += (b & 0x7f) * 2 ** shift;
        shift += 7;
        if ((b & 0x80) === 0) break;
      }
      this.#want = Math.max(4, at + length);
    }
    this.#have += chunk.length;
    if (this.#have >= this.#want) {
      this.#have = 0;
      this.#want = -1;
      const done = this.#done;
      this.#done = undefined;
      done?.();
    }
  }
}

const client = new StreamingAPIClient({ username: "bench", password: "bench", host: "127.0.0.1", port: peer.port, tls: false });
await client.login();
// What the client sends for an order, byte for byte in size: a seq and a
// reference of the client's own kind (random 53-bit: 8 varint bytes).
const request = encodeFrame(
  encodePayload({
    type: seto.PayloadType.PAYLOAD_ORDER_CREATE,
    etoPayload: { seq: 5_000n },
    orderCreate: { ...ORDER, side: seto.Side.SIDE_BUY, reference: 0x1a_5a5a_5a5a_5a5an },
  }),
);
const echo = await RawEcho.open(peer.port, request);

const micros = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e3;
const clientLatencies: number[] = [];
const echoLatencies: number[] = [];
const gcPauses: number[] = [];

async function clientBlock(n: number, keep: boolean): Promise<void> {
  const gc = new GCProfiler();
  gc.start();
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const accepted = await client.trading.placeOrder(ORDER);
    const us = micros(start);
    if (accepted.orderId === undefined) throw new Error("an acceptance without an order id");
    if (keep) clientLatencies.push(us);
  }
  const stats = gc.stop()?.statistics ?? [];
  if (keep) for (const s of stats) gcPauses.push(s.cost);
}

async function echoBlock(n: number, keep: boolean): Promise<void> {
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await echo.roundTrip();
    if (keep) echoLatencies.push(micros(start));
  }
}

await clientBlock(WARMUP, false);
await echoBlock(WARMUP, false);
for (let done = 0; done < ORDERS; done += BLOCK) {
  await clientBlock(Math.min(BLOCK, ORDERS - done), true);
  await echoBlock(Math.min(BLOCK, ORDERS - done), true);
}

// Byte counts per request as the peer saw them, to show both modes move the same bytes.
const reports: OrderPeerReport[] = [];
const reported = (n: number) =>
  new Promise<void>((resolve) => {
    const take = () => {
      void peer
        .next((m) => (isObject(m) && isObject(m.report) ? (m.report as unknown as OrderPeerReport) : undefined))
        .then((r) => {
          reports.push(r);
          if (reports.length < n) take();
          else resolve();
        });
    };
    take();
  });
const both = reported(2);
const liveOrders = client.trading.orders.live().length;
await client.close();
echo.close();
await both;
await peer.stop();

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const row = (name: string, xs: number[]) =>
  `${name.padEnd(34)} ${[50, 90, 99, 99.9].map((p) => percentile(xs, p).toFixed(0).padStart(7)).join(" ")} ${Math.max(...xs).toFixed(0).padStart(7)}`;
console.log(`${ORDERS.toLocaleString("en-US")} sequential round trips each, in alternating blocks of ${BLOCK}, after ${WARMUP.toLocaleString("en-US")} each to warm up (µs):`);
console.log(`${"".padEnd(34)} ${["p50", "p90", "p99", "p99.9", "max"].map((h) => h.padStart(7)).join(" ")}`);
console.log(row("raw TCP echo (baseline)", echoLatencies));
console.log(row("trading.placeOrder → accepted", clientLatencies));
console.log(
  `the peer saw, per connection: ${reports
    .map((r) => `${r.orders.toLocaleString("en-US")} orders, ${(r.requestBytes / r.orders).toFixed(1)} bytes per request, ${(r.replyBytes / r.orders).toFixed(1)} per reply`)
    .join("; ")}`,
);
const bigPauses = gcPauses.filter((us) => us >= 1000).length;
console.log(
  `client blocks: ${gcPauses.length} GC pauses (${bigPauses} of 1 ms or more, longest ${(Math.max(0, ...gcPauses) / 1000).toFixed(2)} ms); ` +
    `${liveOrders.toLocaleString("en-US")} orders resting in trading.orders at the end`,
);
const pair = (p: number) => ({ client: percentile(clientLatencies, p), echo: percentile(echoLatencies, p) });
const p50 = pair(50);
const p99 = pair(99);
const us = (x: { client: number; echo: number }) => `${x.client.toFixed(0)} vs ${x.echo.toFixed(0)} µs`;
console.log(
  `ratio round trip p50 client/echo: ${(p50.client / p50.echo).toFixed(2)} (${us(p50)}) [target <= 1.5]  ` +
    `p99 client/echo: ${(p99.client / p99.echo).toFixed(2)} (${us(p99)}) [target <= 3.0]`,
);
