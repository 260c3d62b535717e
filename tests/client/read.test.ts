// Issue 10 §3, the seed's behaviour where users rely on it: handlers are a
// set, and read() takes { timeoutMs, signal, limit }; a concurrent read() is a
// typed error that leaves the connection alone.
import test from "ava";
import * as eto from "../../generated/eto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { ReadInProgressError, StreamingAPIClient } from "../../runtime/client/index.js";
import { AbortedError, ArgumentError, TimeoutError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { encodeFrame } from "../../runtime/framing/index.js";
import { encodePayload } from "../../runtime/payload/encode.js";
import { PeerStream, scriptedPeer, logInThrough, until } from "./helpers/scripted-peer.js";

/** A client read by hand, logged in to a scripted peer. */
async function manual(t: { teardown(fn: () => unknown): void }) {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const clock = new FakeClock(1_000);
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false },
    { logger: silentLogger, clock, autoRead: false },
  );
  const { c, stream } = await logInThrough(peer, client);
  const balance = (n: number) => stream.at(setoPayload("seto.balance_changed", { reason: `r${n}`, availableBalance: n, exposure: 0 }));
  return { peer, client, clock, stream, c, balance };
}

test("read({ limit }): at most that many payloads per call; the rest are kept, in order, and delivered before the socket is read again", async (t) => {
  const { client, c, balance } = await manual(t);
  const seen: number[] = [];
  client.addHandler("seto.balance_changed", (m) => seen.push(m.availableBalance));
  c.write(balance(1), balance(2), balance(3), balance(4), balance(5));
  t.is(await client.read({ limit: 2 }), 2);
  t.deepEqual(seen, [1, 2]);
  // The peer sends nothing more: these calls resolve from what was kept, without waiting on the socket.
  t.is(await client.read({ limit: 2 }), 2);
  t.deepEqual(seen, [1, 2, 3, 4]);
  t.is(await client.read(), 1);
  t.deepEqual(seen, [1, 2, 3, 4, 5]);
  c.write(balance(6));
  t.is(await client.read({ limit: 10 }), 1);
  t.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
  await t.throwsAsync(client.read({ limit: 0 }), { instanceOf: ArgumentError, message: /limit must be a whole number ≥ 1, got 0/ });
  await client.close();
});

test("read({ timeoutMs }) and read({ signal }): typed errors, the connection left alone, and what arrives later read by the next call", async (t) => {
  const { client, clock, stream, c, balance } = await manual(t);
  const seen: number[] = [];
  client.addHandler("seto.balance_changed", (m) => seen.push(m.availableBalance));
  const timed = client.read({ timeoutMs: 50 });
  clock.advance(50);
  await t.throwsAsync(timed, { instanceOf: TimeoutError });
  const abort = new AbortController();
  const aborted = client.read({ signal: abort.signal });
  abort.abort(new Error("user gave up"));
  await t.throwsAsync(aborted, { instanceOf: AbortedError });
  t.is(client.state, "logged-in");
  c.write(balance(7));
  t.is(await client.read(), 1);
  t.deepEqual(seen, [7]);
  // Still a working connection both ways.
  const ping = client.ping();
  await c.nextOf(eto.PayloadType.PAYLOAD_PING);
  c.write(stream.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await client.read(), 1);
  t.true((await ping) >= 0);
  await client.close();
});

test("a read() while another is pending is a ReadInProgressError; the pending one and the connection carry on", async (t) => {
  const { client, stream, c, balance } = await manual(t);
  const seen: number[] = [];
  client.addHandler("seto.balance_changed", (m) => seen.push(m.availableBalance));
  const pending = client.read();
  await t.throwsAsync(client.read(), { instanceOf: ReadInProgressError });
  await t.throwsAsync(client.read({ limit: 1 }), { instanceOf: ReadInProgressError });
  c.write(balance(8));
  t.is(await pending, 1);
  t.deepEqual(seen, [8]);
  t.is(client.state, "logged-in");
  t.false(c.closed);
  const ping = client.ping();
  await c.nextOf(eto.PayloadType.PAYLOAD_PING);
  c.write(stream.eto(eto.PayloadType.PAYLOAD_PONG));
  t.is(await client.read(), 1);
  t.true((await ping) >= 0);
  await client.close();
});

test("a handler added twice for a name fires once and is removed by one removal; the same for a global handler", async (t) => {
  const { client, c, balance } = await manual(t);
  let specific = 0;
  let global = 0;
  const onBalance = () => specific++;
  const onAny = () => global++;
  client.addHandler("seto.balance_changed", onBalance);
  client.addHandler("seto.balance_changed", onBalance);
  client.addHandlers({ "seto.balance_changed": onBalance });
  client.addGlobalHandler(onAny);
  client.addGlobalHandler(onAny);
  c.write(balance(1));
  t.is(await client.read(), 1);
  t.deepEqual([specific, global], [1, 1]);
  t.true(client.removeHandler("seto.balance_changed", onBalance));
  t.false(client.removeHandler("seto.balance_changed", onBalance));
  t.true(client.removeGlobalHandler(onAny));
  t.false(client.removeGlobalHandler(onAny));
  c.write(balance(2));
  t.is(await client.read(), 1);
  t.deepEqual([specific, global], [1, 1]);
  await client.close();
});

test("read(): payloads kept from an earlier read that run the peer past maxPeerFaults end the connection, as reading the socket does", async (t) => {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false, maxPeerFaults: 5 },
    { logger: silentLogger, clock: new FakeClock(1_000), autoRead: false },
  );
  const { c, stream } = await logInThrough(peer, client);
  const good = encodeFrame(encodePayload(stream.at(setoPayload("seto.balance_changed", { reason: "r", availableBalance: 1, exposure: 0 }))));
  const empty = encodeFrame(new Uint8Array(0));
  c.socket.write(Buffer.concat([good, ...Array.from({ length: 30 }, () => empty)]));
  t.is(await client.read({ limit: 1 }), 1);
  await t.throwsAsync(client.read(), { name: "ProtocolError", message: /over the limit of 5 \(maxPeerFaults\)/ });
  await until(() => c.closed);
  t.true(c.closed, "the connection is dropped, not left to the next read");
});
