// Flow control both ways over real loopback sockets: outbound writes wait for
// 'drain' when the peer does not read; inbound reading pauses when our
// consumer is slow. No byte is lost or reordered either way (SHA-256).
import test from "ava";
import { createHash, randomBytes } from "node:crypto";
import { connect } from "../../runtime/transport/index.js";
import { spiedConnection } from "./helpers/spy-connection.js";
import { LOOPBACK, startTcpServer, turns, until } from "./helpers/servers.js";

const sha256 = (...parts: Uint8Array[]): string => {
  const h = createHash("sha256");
  parts.forEach((p) => h.update(p));
  return h.digest("hex");
};

/** Splits `data` into pieces of pseudo-random sizes (1 B .. 64 KiB). */
function pieces(data: Buffer, seed: number): Buffer[] {
  const out: Buffer[] = [];
  let x = seed;
  for (let at = 0; at < data.length; ) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (x % 65536);
    out.push(data.subarray(at, at + size));
    at += size;
  }
  return out;
}

function settledFlag(p: Promise<unknown>): () => boolean {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}

test("flush waits for drain while the peer does not read, then everything arrives in order", async (t) => {
  const server = await startTcpServer({ pauseOnConnect: true });
  const { conn, socket, writes } = await spiedConnection(server.port);
  const peer = await server.nextSocket();

  // Far more than loopback socket buffers hold while nobody reads (a few MiB).
  const first = randomBytes(16 * 1024 * 1024);
  const second = randomBytes(300_000);
  const third = randomBytes(70_000);

  pieces(first, 1).forEach((p) => conn.write(p));
  const flushed1 = conn.flush();
  const done1 = settledFlag(flushed1);
  await turns(20);
  t.false(done1(), "the kernel cannot take 16 MiB while the peer reads nothing");
  t.true(socket.writableNeedDrain);
  t.deepEqual(writes, [first.length], "one socket write for the whole first flush");

  pieces(second, 2).forEach((p) => conn.write(p));
  const flushed2 = conn.flush();
  conn.write(third);
  const flushed3 = conn.flush();
  await turns(20);
  t.deepEqual(writes, [first.length], "nothing more is written before 'drain'");
  t.is(conn.stats.queuedOutBytes, second.length + third.length, "later flushes keep their bytes queued, not dropped");
  t.false(done1());

  const hash = createHash("sha256");
  let received = 0;
  peer.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    received += chunk.length;
  });
  const peerEnded = new Promise<void>((r) => peer.once("end", () => r()));
  peer.resume();

  await Promise.all([flushed1, flushed2, flushed3]);
  t.deepEqual(writes, [first.length, second.length + third.length], "the flushes that waited went out together after 'drain'");
  t.is(conn.stats.bytesOut, first.length + second.length + third.length);
  await conn.close();
  await peerEnded;
  t.is(received, first.length + second.length + third.length);
  t.is(hash.digest("hex"), sha256(first, second, third));
  await server.close();
});

test("a slow consumer pauses inbound reading above the high-water mark and resumes it when drained", async (t) => {
  const highWaterMark = 256 * 1024;
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, inboundHighWaterMark: highWaterMark });
  const peer = await server.nextSocket();

  const data = randomBytes(8 * 1024 * 1024);
  pieces(data, 3).forEach((p) => peer.write(p));
  peer.end();

  // Nobody reads yet: the connection buffers up to the mark, then pauses.
  await until(() => conn.inboundPaused);
  const atPause = conn.stats;
  t.true(atPause.bufferedInBytes > highWaterMark);
  t.true(atPause.bufferedInBytes <= highWaterMark + 64 * 1024, `buffered ${atPause.bufferedInBytes} B, bound is the mark plus one socket read`);
  await turns(20);
  t.is(conn.stats.bytesIn, atPause.bytesIn, "no more bytes are read while paused");
  t.true(conn.stats.bytesIn < data.length);

  const hash = createHash("sha256");
  let resumedSeen = false;
  let maxBuffered = 0;
  for await (const chunk of conn) {
    hash.update(chunk);
    if (!conn.inboundPaused) resumedSeen = true;
    maxBuffered = Math.max(maxBuffered, conn.stats.bufferedInBytes);
  }
  t.true(resumedSeen, "reading resumed once the consumer caught up");
  t.true(maxBuffered <= highWaterMark + 64 * 1024);
  t.is(conn.stats.bytesIn, data.length);
  t.is(hash.digest("hex"), sha256(data));
  await server.close();
});
