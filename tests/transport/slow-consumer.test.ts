// Outbound bytes waiting for a peer that does not read are bounded: past
// maxOutboundBytes (queued, plus written but not yet taken by the kernel) the
// connection is dropped as a slow consumer with a SlowConsumer error naming
// the backlog and the limit.
import test from "ava";
import { SlowConsumer, SocketDisconnected } from "../../runtime/errors.js";
import { connect, DEFAULT_MAX_OUTBOUND_BYTES } from "../../runtime/transport/index.js";
import { LOOPBACK, startTcpServer } from "./helpers/servers.js";

const LIMIT = 1024 * 1024;

test("a peer that never reads: past maxOutboundBytes the write throws SlowConsumer and the connection is dropped", async (t) => {
  const server = await startTcpServer({ pauseOnConnect: true });
  t.teardown(() => server.close());
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, maxOutboundBytes: LIMIT });
  await server.nextSocket();
  const chunk = new Uint8Array(16 * 1024);
  let accepted = 0;
  let error: unknown;
  // However much is written, the connection never holds more than the limit: it gives up first.
  while (accepted < 256 * 1024 * 1024) {
    try {
      conn.write(chunk);
    } catch (e) {
      error = e;
      break;
    }
    accepted += chunk.length;
    conn.flush().catch(() => undefined);
    if (accepted % (1024 * 1024) === 0) await new Promise((r) => setImmediate(r)); // let the kernel take what it will
  }
  t.true(error instanceof SlowConsumer, `got ${String(error)} after ${accepted} bytes`);
  const slow = error as SlowConsumer;
  t.true(slow instanceof SocketDisconnected, "it is a lost connection, for whoever catches those");
  t.is(slow.limitBytes, LIMIT);
  t.true(slow.backlogBytes > LIMIT - chunk.length && slow.backlogBytes <= LIMIT + chunk.length + 1024, `backlog ${slow.backlogBytes}`);
  t.regex(slow.message, new RegExp(`${slow.backlogBytes} bytes .* over maxOutboundBytes ${LIMIT}.*slow consumer`));
  t.is(await conn.closed, slow, "the connection ends with it");
  t.throws(() => conn.write(chunk), { instanceOf: SocketDisconnected });
});

test("the limit counts each queued write's own cost, not only its bytes: a flood of tiny writes trips it too", async (t) => {
  const server = await startTcpServer({ pauseOnConnect: true });
  t.teardown(() => server.close());
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: false, maxOutboundBytes: 64 * 1024 });
  await server.nextSocket();
  // Nothing is flushed: every 8-byte write stays queued, as pongs do behind a socket awaiting 'drain'.
  let writes = 0;
  const error = t.throws(() => {
    for (; writes < 10_000_000; writes++) conn.write(new Uint8Array(8));
  });
  t.true(error instanceof SlowConsumer);
  t.true(writes * 8 < 64 * 1024, `${writes} writes of 8 bytes`);
  await conn.closed;
});

test("maxOutboundBytes has a sensible default and is checked", async (t) => {
  t.is(DEFAULT_MAX_OUTBOUND_BYTES, 16 * 1024 * 1024);
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    await t.throwsAsync(connect({ host: LOOPBACK, port: 1, tls: false, maxOutboundBytes: bad }), { message: /maxOutboundBytes/ });
  }
});
