// Every way connect() can fail: one typed rejection naming host:port and why,
// and nothing left behind (timer cancelled, abort listener removed, socket
// destroyed).
import test from "ava";
import { getEventListeners } from "node:events";
import { AbortedError, ArgumentError, ConnectionError, TimeoutError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { connect } from "../../runtime/transport/index.js";
import { LOOPBACK, closedPort, socketClosed, startTcpServer, turns } from "./helpers/servers.js";

test("connection refused: ConnectionError with host, port and ECONNREFUSED", async (t) => {
  const port = await closedPort();
  const clock = new FakeClock();
  const controller = new AbortController();
  const err = await t.throwsAsync(connect({ host: LOOPBACK, port, tls: false, clock, signal: controller.signal }), {
    instanceOf: ConnectionError,
  });
  t.is(err?.name, "ConnectionError");
  t.is(err?.host, LOOPBACK);
  t.is(err?.port, port);
  t.is((err?.cause as { code?: string }).code, "ECONNREFUSED");
  t.is(err?.message, `cannot connect to 127.0.0.1:${port}: connection refused, nothing is listening there (ECONNREFUSED)`);
  t.is(clock.pendingTimers, 0, "connect timer cancelled");
  t.is(getEventListeners(controller.signal, "abort").length, 0, "abort listener removed");
});

test("connect timeout while the TLS handshake never completes (server accepts TCP, never answers)", async (t) => {
  const server = await startTcpServer(); // plain TCP: the ClientHello is never answered
  const clock = new FakeClock();
  const pending = connect({ host: LOOPBACK, port: server.port, connectTimeoutMs: 5000, clock });
  const peer = await server.nextSocket();
  await new Promise((r) => peer.once("data", r)); // the ClientHello: the client's TCP side is up
  let settled = false;
  pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  clock.advance(4999);
  await turns(5);
  t.false(settled, "still waiting 1 ms before the limit");
  clock.advance(1);

  const err = await t.throwsAsync(pending, { instanceOf: ConnectionError });
  t.is(err?.host, LOOPBACK);
  t.is(err?.port, server.port);
  t.is(err?.message, `cannot connect to 127.0.0.1:${server.port}: TLS handshake not finished within 5000 ms (connectTimeoutMs)`);
  t.true(err?.cause instanceof TimeoutError);
  t.is((err?.cause as TimeoutError).timeoutMs, 5000);
  t.is(clock.pendingTimers, 0);
  await socketClosed(peer); // the client's socket was destroyed
  t.pass();
  await server.close();
});

test("connect timeout before TCP is even established names that stage", async (t) => {
  const server = await startTcpServer();
  const clock = new FakeClock();
  const pending = connect({ host: LOOPBACK, port: server.port, tls: false, connectTimeoutMs: 250, clock });
  clock.advance(250); // synchronously: the TCP handshake cannot have completed yet
  const err = await t.throwsAsync(pending, { instanceOf: ConnectionError });
  t.regex(err!.message, /: TCP connection not established within 250 ms \(connectTimeoutMs\)$/);
  await server.close();
});

test("aborting during the handshake rejects with AbortedError and cleans up", async (t) => {
  const server = await startTcpServer();
  const clock = new FakeClock();
  const controller = new AbortController();
  const pending = connect({ host: LOOPBACK, port: server.port, clock, signal: controller.signal });
  const peer = await server.nextSocket();
  const reason = new Error("user cancelled");
  controller.abort(reason);

  const err = await t.throwsAsync(pending, { instanceOf: AbortedError });
  t.is(err?.message, `connecting to 127.0.0.1:${server.port} was aborted`);
  t.is(err?.cause, reason);
  t.is(clock.pendingTimers, 0);
  t.is(getEventListeners(controller.signal, "abort").length, 0);
  await socketClosed(peer);
  await server.close();
});

test("an already aborted signal rejects before any socket is opened", async (t) => {
  const clock = new FakeClock();
  const err = await t.throwsAsync(connect({ host: LOOPBACK, port: 9, clock, signal: AbortSignal.abort() }), { instanceOf: AbortedError });
  t.regex(err!.message, /before it started/);
  t.is(clock.pendingTimers, 0);
});

test("a successful connect leaves no timer or abort listener behind, and a later abort does nothing", async (t) => {
  const server = await startTcpServer();
  const clock = new FakeClock();
  const controller = new AbortController();
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, clock, signal: controller.signal });
  t.is(clock.pendingTimers, 0);
  t.is(getEventListeners(controller.signal, "abort").length, 0);
  controller.abort();
  clock.advance(60_000);
  t.false(conn.isClosed);
  conn.destroy();
  await server.close();
});

test("bad options reject with ArgumentError naming the value and the limit", async (t) => {
  await t.throwsAsync(connect({ host: "", port: 1 }), { instanceOf: ArgumentError, message: /host must be a non-empty string, got ""/ });
  await t.throwsAsync(connect({ host: LOOPBACK, port: 70000 }), { instanceOf: ArgumentError, message: /port must be an integer in 1\.\.65535, got 70000/ });
  await t.throwsAsync(connect({ host: LOOPBACK, port: 1, connectTimeoutMs: 0 }), {
    instanceOf: ArgumentError,
    message: /connectTimeoutMs must be a number of milliseconds in \(0, 2147483647\], got 0/,
  });
  await t.throwsAsync(connect({ host: LOOPBACK, port: 1, idleTimeoutMs: Number.NaN }), { instanceOf: ArgumentError, message: /idleTimeoutMs .* got NaN/ });
  await t.throwsAsync(connect({ host: LOOPBACK, port: 1, inboundHighWaterMark: 0 }), {
    instanceOf: ArgumentError,
    message: /inboundHighWaterMark must be a positive integer number of bytes, got 0/,
  });
});
