// TLS against in-process servers using the test-only certificates in
// tests/fixtures/tls (regenerate with make-certs.sh).
import test from "ava";
import type { TLSSocket } from "node:tls";
import { ConnectionError } from "../../runtime/errors.js";
import { connect } from "../../runtime/transport/index.js";
import { LOOPBACK, readToEnd, startTlsServer, tlsFixture } from "./helpers/servers.js";

const ca = tlsFixture("ca.pem");
const codeOf = (err: unknown): unknown => ((err as { cause?: { code?: unknown } }).cause ?? {}).code;

test("a server whose CA the client trusts: connects, encrypted, bytes both ways", async (t) => {
  const server = await startTlsServer("server");
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: { ca } });
  t.true(conn.encrypted);
  const peer = await server.nextSocket();
  const received = readToEnd(peer);

  conn.write(new TextEncoder().encode("over "));
  conn.write(new TextEncoder().encode("tls"));
  await conn.flush();
  peer.end("reply");
  const chunks: string[] = [];
  for await (const c of conn) chunks.push(new TextDecoder().decode(c));
  t.is(chunks.join(""), "reply");
  t.is((await received).toString(), "over tls");
  await conn.closed;
  await server.close();
});

test("an explicit servername is sent as SNI and checked against the certificate", async (t) => {
  const server = await startTlsServer("server");
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: { ca, servername: "localhost" } });
  const peer = (await server.nextSocket()) as TLSSocket;
  t.is(peer.servername, "localhost");
  conn.destroy();
  await server.close();
});

test("default TLS verifies the certificate: an untrusted CA is a ConnectionError naming the problem", async (t) => {
  const server = await startTlsServer("server");
  const err = await t.throwsAsync(connect({ host: LOOPBACK, port: server.port }), { instanceOf: ConnectionError });
  t.is(err?.host, LOOPBACK);
  t.is(err?.port, server.port);
  t.is(codeOf(err), "UNABLE_TO_VERIFY_LEAF_SIGNATURE");
  t.regex(err!.message, new RegExp(`^cannot connect to 127\\.0\\.0\\.1:${server.port}: TLS certificate rejected: .*\\(UNABLE_TO_VERIFY_LEAF_SIGNATURE\\)$`));
  await server.close();
});

test("a self-signed server certificate is rejected with DEPTH_ZERO_SELF_SIGNED_CERT", async (t) => {
  const server = await startTlsServer("self-signed");
  const err = await t.throwsAsync(connect({ host: LOOPBACK, port: server.port, tls: true }), { instanceOf: ConnectionError });
  t.is(codeOf(err), "DEPTH_ZERO_SELF_SIGNED_CERT");
  t.regex(err!.message, /TLS certificate rejected: self[- ]signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  await server.close();
});

test("a trusted certificate for another host name is a ConnectionError (hostname mismatch)", async (t) => {
  const server = await startTlsServer("wrong-host");
  const err = await t.throwsAsync(connect({ host: LOOPBACK, port: server.port, tls: { ca } }), { instanceOf: ConnectionError });
  t.is(codeOf(err), "ERR_TLS_CERT_ALTNAME_INVALID");
  t.regex(err!.message, /TLS certificate rejected: .*127\.0\.0\.1.*\(ERR_TLS_CERT_ALTNAME_INVALID\)/);

  const byName = await t.throwsAsync(connect({ host: LOOPBACK, port: server.port, tls: { ca, servername: "localhost" } }), {
    instanceOf: ConnectionError,
  });
  t.is(codeOf(byName), "ERR_TLS_CERT_ALTNAME_INVALID");
  t.regex(byName!.message, /localhost/);
  await server.close();
});

test("rejectUnauthorized: false connects to an untrusted server when explicitly told", async (t) => {
  const server = await startTlsServer("self-signed");
  const conn = await connect({ host: LOOPBACK, port: server.port, tls: { rejectUnauthorized: false } });
  t.true(conn.encrypted);
  await conn.writeNow(new Uint8Array([1, 2, 3]));
  const peer = await server.nextSocket();
  const received = readToEnd(peer);
  await conn.close();
  t.deepEqual([...(await received)], [1, 2, 3]);
  await server.close();
});
