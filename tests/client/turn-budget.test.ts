// The link's turn budget: a chunk that takes longer than TURN_BUDGET_MS to
// process is processed in part, and the rest goes back to the connection for
// a later turn; a chunk within the budget is processed whole. Real sockets; the
// link's clock is the test's, so the budget is spent exactly where told.
import test from "ava";
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import { Link, type LinkSink } from "../../runtime/client/link.js";
import { systemClock } from "../../runtime/clock.js";
import { encodeFrame } from "../../runtime/framing/index.js";
import { Connection, DEFAULT_INBOUND_HIGH_WATER_MARK } from "../../runtime/transport/index.js";

/** A listening socket and a client Connection to it; `peer` is the server's end. */
async function pair(t: { teardown(fn: () => unknown): void }) {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  t.teardown(() => server.close());
  const accepted = new Promise<net.Socket>((r) => server.once("connection", r));
  const socket = net.connect({ host: "127.0.0.1", port: (server.address() as AddressInfo).port });
  await new Promise<void>((r) => socket.once("connect", r));
  const peer = await accepted;
  t.teardown(() => peer.destroy());
  const connection = new Connection(socket, {
    host: "127.0.0.1",
    port: 0,
    encrypted: false,
    inboundHighWaterMark: DEFAULT_INBOUND_HIGH_WATER_MARK,
    idleTimeoutMs: undefined,
    clock: systemClock,
  });
  t.teardown(() => connection.destroy());
  // Counts what the link gives back.
  const givenBack: number[] = [];
  const unread = connection.unread.bind(connection);
  connection.unread = (rest) => {
    givenBack.push(rest.length);
    unread(rest);
  };
  return { peer, connection, givenBack };
}

/** Frames of 100-byte payloads numbered from 0 (the first four bytes, little-endian). */
function frames(count: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const payload = new Uint8Array(100);
    new DataView(payload.buffer).setUint32(0, i, true);
    parts.push(encodeFrame(payload));
  }
  return Buffer.concat(parts);
}

function recorder() {
  const seen: number[] = [];
  const sink: LinkSink = {
    chunkArrived: () => undefined,
    frame: (p) => seen.push(new DataView(p.buffer, p.byteOffset, p.length).getUint32(0, true)),
  };
  return { seen, sink };
}

const COUNT = 2_000; // ~200 KB: several socket reads of up to 64 KiB

test("a chunk over the turn's budget is processed in part; the rest is kept by the connection and taken later, nothing lost or reordered", async (t) => {
  const { peer, connection, givenBack } = await pair(t);
  const { seen, sink } = recorder();
  // Each look at the clock is a millisecond later: the budget is spent after a few slices.
  let ms = 0;
  const link = new Link(connection, 1 << 20, sink, { failed: (e) => t.fail(String(e)) }, () => (ms += 1));
  peer.write(frames(COUNT));
  while (seen.length < COUNT) {
    const before = seen.length;
    t.is(await link.readChunk(), true);
    t.true(seen.length > before, "each read processes something");
  }
  t.true(givenBack.length > 0, "some reads gave part of their chunk back");
  t.deepEqual(seen, Array.from({ length: COUNT }, (_, i) => i));
  t.is(connection.stats.bufferedInBytes, 0);
});

test("a chunk within the budget is processed whole in one read", async (t) => {
  const { peer, connection, givenBack } = await pair(t);
  const { seen, sink } = recorder();
  // The clock stands still: no chunk ever spends the budget.
  const link = new Link(connection, 1 << 20, sink, { failed: (e) => t.fail(String(e)) }, () => 0);
  peer.write(frames(COUNT));
  while (seen.length < COUNT) t.is(await link.readChunk(), true);
  t.deepEqual(seen, Array.from({ length: COUNT }, (_, i) => i));
  t.deepEqual(givenBack, [], "nothing given back");
});
