// Plain TCP connections against in-process servers on 127.0.0.1.
import test from "ava";
import { ArgumentError, SocketDisconnected, TimeoutError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { connect } from "../../runtime/transport/index.js";
import { spiedConnection } from "./helpers/spy-connection.js";
import { LOOPBACK, readToEnd, socketClosed, startTcpServer, turns, until } from "./helpers/servers.js";

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

test("several writes go out in one socket write per flush, byte-identical and in order", async (t) => {
  const server = await startTcpServer();
  const { conn, writes } = await spiedConnection(server.port);
  const peer = await server.nextSocket();
  const received = readToEnd(peer);

  conn.write(bytes("alpha|"));
  conn.write(bytes("beta|"));
  conn.write(bytes("gamma|"));
  t.deepEqual(writes, [], "write() only queues");
  t.is(conn.stats.queuedOutBytes, 17);
  await conn.flush();
  t.deepEqual(writes, [17], "one socket write for three queued chunks");
  t.is(conn.stats.bytesOut, 17);
  t.is(conn.stats.queuedOutBytes, 0);

  await conn.writeNow(bytes("delta"));
  t.deepEqual(writes, [17, 5]);
  await conn.close();
  t.is((await received).toString(), "alpha|beta|gamma|delta");
  await server.close();
});

test("inbound bytes are yielded by the iterator; a clean peer close ends it", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  t.false(conn.encrypted);
  t.is(conn.remoteAddress, LOOPBACK);
  t.is(conn.remotePort, server.port);
  const peer = await server.nextSocket();

  peer.write("hello ");
  const it = conn[Symbol.asyncIterator]();
  const first = await it.next();
  t.is(text(first.value!), "hello ");
  peer.end("world");
  let rest = "";
  for (let r = await it.next(); !r.done; r = await it.next()) rest += text(r.value);
  t.is(rest, "world");
  t.is(conn.stats.bytesIn, 11);
  t.is(await conn.closed, undefined, "closed settles without an error");
  await server.close();
});

test("a peer reset throws SocketDisconnected with host, port and ECONNRESET", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  const peer = await server.nextSocket();
  peer.resetAndDestroy();

  const err = await t.throwsAsync(
    async () => {
      for await (const _ of conn) t.fail("no data was sent");
    },
    { instanceOf: SocketDisconnected },
  );
  t.is(err?.host, LOOPBACK);
  t.is(err?.port, server.port);
  t.is((err?.cause as { code?: string }).code, "ECONNRESET");
  t.regex(err!.message, new RegExp(`^connection to 127\\.0\\.0\\.1:${server.port} lost: connection reset by the peer \\(ECONNRESET\\)`));
  t.is(await conn.closed, err, "closed reports the same failure");
  t.true(conn.isClosed);
  t.throws(() => conn.write(bytes("x")), { instanceOf: SocketDisconnected });
  await t.throwsAsync(conn.flush(), { instanceOf: SocketDisconnected });
  await server.close();
});

test("close() sends what is queued, ends gracefully, and later writes are SocketDisconnected", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  const peer = await server.nextSocket();
  const received = readToEnd(peer);

  conn.write(bytes("last words"));
  const closing = conn.close();
  t.is(conn.close(), closing, "close() is idempotent");
  t.throws(() => conn.write(bytes("late")), { instanceOf: SocketDisconnected, message: /close\(\) was called/ });
  await t.throwsAsync(conn.writeNow(bytes("late")), { instanceOf: SocketDisconnected });
  t.is((await received).toString(), "last words");
  await closing;
  t.true(conn.isClosed);
  t.throws(() => conn.write(bytes("after")), { instanceOf: SocketDisconnected });
  await server.close();
});

test("destroy(err) drops queued bytes, rejects pending flushes, and the reader sees the cause", async (t) => {
  const server = await startTcpServer({ pauseOnConnect: true });
  // Room for more than the default 16 MiB backlog: this is about destroy, not the slow-consumer bound.
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, maxOutboundBytes: 64 * 1024 * 1024 });
  const peer = await server.nextSocket();

  conn.write(new Uint8Array(16 * 1024 * 1024)); // more than the kernel takes while the peer reads nothing
  const pending = conn.flush();
  const reason = new Error("shutting down");
  conn.destroy(reason);
  const flushErr = await t.throwsAsync(pending, { instanceOf: SocketDisconnected });
  t.is(flushErr?.cause, reason);
  const readErr = await t.throwsAsync(async () => {
    for await (const _ of conn) t.fail("no data was sent");
  });
  t.is(readErr, flushErr);
  t.is(await conn.closed, flushErr);
  peer.resume(); // a paused peer would never notice the close
  await socketClosed(peer);
  await server.close();
});

test("destroy() without an error ends the iterator normally", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  conn.write(bytes("never sent"));
  conn.destroy();
  const chunks: Uint8Array[] = [];
  for await (const c of conn) chunks.push(c);
  t.deepEqual(chunks, []);
  t.is(await conn.closed, undefined);
  await t.throwsAsync(conn.flush(), { instanceOf: SocketDisconnected, message: /is closed; 10 queued bytes were not sent/ });
  await server.close();
});

test("leaving the loop early destroys the connection; a second reader is refused", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  const peer = await server.nextSocket();
  peer.write("one");
  for await (const chunk of conn) {
    t.is(text(chunk), "one");
    break;
  }
  t.true(conn.isClosed);
  t.throws(() => conn[Symbol.asyncIterator](), { instanceOf: ArgumentError, message: /one reader only/ });
  await socketClosed(peer);
  await server.close();
});

test("write() rejects what is not a Uint8Array", async (t) => {
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false });
  t.throws(() => conn.write("text" as unknown as Uint8Array), { instanceOf: ArgumentError, message: /Uint8Array, got string/ });
  conn.destroy();
  await server.close();
});

test("idle timeout: silence closes the connection with SocketDisconnected; inbound bytes reset it", async (t) => {
  const clock = new FakeClock();
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, idleTimeoutMs: 1000, clock });
  const peer = await server.nextSocket();
  const it = conn[Symbol.asyncIterator]();

  clock.advance(900);
  peer.write("ping");
  t.is(text((await it.next()).value!), "ping");
  clock.advance(900);
  t.false(conn.isClosed, "1800 ms since connecting but only 900 ms since the last bytes");
  clock.advance(100);
  t.true(conn.isClosed, "1000 ms of silence");

  const err = await t.throwsAsync(it.next(), { instanceOf: SocketDisconnected, message: /no inbound bytes for 1000 ms \(idleTimeoutMs\)/ });
  t.true(err?.cause instanceof TimeoutError);
  t.is((err?.cause as TimeoutError).timeoutMs, 1000);
  t.is(clock.pendingTimers, 0);
  await socketClosed(peer);
  await server.close();
});

test("closing the connection stops the idle watchdog", async (t) => {
  const clock = new FakeClock();
  const server = await startTcpServer();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, idleTimeoutMs: 1000, clock });
  t.is(clock.pendingTimers, 1);
  conn.destroy();
  await conn.closed;
  t.is(clock.pendingTimers, 0);
  await server.close();
});

test("many connections in parallel each get their own bytes", async (t) => {
  const server = await startTcpServer();
  const conns = await Promise.all(Array.from({ length: 8 }, () => connect({ host: LOOPBACK, port: server.port, tls: false })));
  const peers = await Promise.all(conns.map(() => server.nextSocket()));
  const received = peers.map((p) => readToEnd(p));
  await Promise.all(conns.map((c, i) => c.writeNow(bytes(`conn ${i}`))));
  await Promise.all(conns.map((c) => c.close()));
  const texts = (await Promise.all(received)).map((b) => b.toString()).sort();
  t.deepEqual(texts, conns.map((_, i) => `conn ${i}`).sort());
  await until(() => conns.every((c) => c.isClosed));
  await turns(1);
  await server.close();
});
