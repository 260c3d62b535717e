// Issue 11, defects 8, 10 and 11, each against a scripted peer: a logout
// that leaves the socket open, one connection loss with many flushes
// pending, and a payload whose body does not decode.
import test from "ava";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import type { ClientStatus } from "../../runtime/client/index.js";
import { StreamingAPIClient, type ClientOptions } from "../../runtime/client/index.js";
import { encodeFrame } from "../../runtime/framing/index.js";
import { ConnectionError, HandlerError, ParseError, type SmarketsError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { logoutPayload } from "../../runtime/payload/encode.js";
import { PeerStream, scriptedPeer, until, type PeerConnection, logInThrough } from "./helpers/scripted-peer.js";

function collect<T>(iterable: AsyncIterable<T>): T[] {
  const seen: T[] = [];
  void (async () => {
    for await (const x of iterable) seen.push(x);
  })();
  return seen;
}

async function loggedIn(options: ClientOptions = {}) {
  const peer = await scriptedPeer();
  const client = new StreamingAPIClient({ username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false }, { logger: silentLogger, ...options });
  const statuses = collect<ClientStatus>(client.statuses());
  const errors = collect<SmarketsError>(client.errors());
  const { c, stream } = await logInThrough(peer, client);
  return { peer, client, statuses, errors, stream, c };
}

async function answerLogin(c: PeerConnection, stream: PeerStream): Promise<void> {
  await c.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c.write(stream.loginResponse("s1"));
}

test("defect 8: a logout that leaves the socket open — the client closes it, and reconnects when the reason allows", async (t) => {
  const { peer, client, statuses, stream, c } = await loggedIn({ reconnect: { initialDelayMs: 1, maxDelayMs: 1 } });
  t.teardown(() => peer.close());
  const logouts: eto.LogoutReason[] = [];
  client.addHandler("eto.logout", (m) => logouts.push(m.reason!));
  c.write(stream.at(logoutPayload(eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE)));
  await until(() => c.closed);
  t.deepEqual(logouts, [eto.LogoutReason.LOGOUT_SERVICE_TEMPORARILY_UNAVAILABLE], "the logout still reached its handler");
  // Not a fatal reason: the reconnect policy applies, and the session resumes.
  const c2 = await peer.connection();
  await answerLogin(c2, stream);
  await until(() => client.state === "logged-in");
  t.true(statuses.some((s) => s.state === "reconnecting"));
  await client.close();
});

test("defect 8: a fatal logout that leaves the socket open — the client closes it and does not reconnect", async (t) => {
  const { peer, client, statuses, stream, c } = await loggedIn({ reconnect: { initialDelayMs: 1, maxDelayMs: 1 } });
  t.teardown(() => peer.close());
  c.write(stream.at(logoutPayload(eto.LogoutReason.LOGOUT_UNAUTHORISED)));
  await until(() => c.closed);
  await until(() => statuses.some((s) => s.state === "closed"));
  t.false(statuses.some((s) => s.state === "reconnecting"));
  t.is(peer.accepted, 1);
});

test("defect 10: one connection loss with many flushes pending is reported once on errors()", async (t) => {
  const { peer, client, errors, c } = await loggedIn();
  t.teardown(() => peer.close());
  // The peer stops reading: the kernel's buffers fill, and every flush after that waits for 'drain'.
  c.socket.pause();
  const big = { marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, quantity: 1n, label: "x".repeat(1 << 20) };
  for (let i = 0; i < 32; i++) client.send("seto.order_create", big);
  client.flush().catch(() => undefined);
  const pings = Array.from({ length: 200 }, () => client.ping().catch((e: unknown) => e));
  await new Promise((r) => setImmediate(r));
  c.reset();
  const outcomes = await Promise.all(pings);
  t.true(outcomes.every((e) => e instanceof ConnectionError), "every ping failed with the connection");
  await until(() => client.state === "disconnected");
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  const losses = errors.filter((e) => e instanceof ConnectionError);
  t.is(losses.length, 1, `one report, got ${losses.length}: ${losses.slice(0, 3).map((e) => e.message).join("; ")}`);
  await client.close();
});

test("defect 11: a body that does not decode is one ParseError — no HandlerError, no replay, not delivered again", async (t) => {
  const { peer, client, errors, stream, c } = await loggedIn();
  t.teardown(() => peer.close());
  const quotes: bigint[] = [];
  client.addHandler("seto.contract_quotes", (_m, e) => quotes.push(e.seq));
  const accepted = new Promise<bigint>((resolve) => client.addHandler("seto.order_accepted", (_m, e) => resolve(e.seq)));
  // contract_quotes at the peer's next seq, its body cut short by one byte inside a well-formed envelope.
  const seq = stream.next++;
  const body = seto.ContractQuotes.encode({ marketId: 1, contractId: 2, bids: [{ price: 5000, quantity: 30000n }], offers: [], executions: [] }).finish();
  const bad = new BinaryWriter()
    .uint32(8)
    .int32(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES)
    .uint32(18)
    .fork()
    .uint32(8)
    .uint64(seq)
    .join()
    .uint32(114)
    .bytes(body.subarray(0, body.length - 1))
    .finish();
  c.socket.write(encodeFrame(bad));
  c.write(stream.at(setoPayload("seto.order_accepted", { seq: 5n, orderId: 9n })));
  const next = await accepted;
  t.is(next, seq + 1n, "the next payload is delivered");
  // Traffic both ways afterwards: a replay request would arrive before the pong is asked for.
  const ping = client.ping();
  const fromClient: seto.Payload[] = [];
  for (;;) {
    const p = await c.next();
    fromClient.push(p);
    if (p.etoPayload?.type === eto.PayloadType.PAYLOAD_PING) break;
  }
  c.write(stream.eto(eto.PayloadType.PAYLOAD_PONG));
  await ping;
  t.false(fromClient.some((p) => p.etoPayload?.type === eto.PayloadType.PAYLOAD_REPLAY), "no replay asked for");
  t.deepEqual(quotes, [], "no handler saw it");
  t.is(errors.filter((e) => e instanceof ParseError).length, 1);
  t.is(errors.filter((e) => e instanceof HandlerError).length, 0);
  t.regex(errors.find((e) => e instanceof ParseError)!.message, new RegExp(`seto\\.contract_quotes seq ${seq} does not decode`));
  t.is(client.resumeState.nextInSeq, stream.next);
  await client.close();
});

test("defect 11: a logout whose body does not decode, read by the session and by a handler, is still one ParseError", async (t) => {
  const { peer, client, errors, stream, c } = await loggedIn();
  t.teardown(() => peer.close());
  let handled = 0;
  client.addHandler("eto.logout", () => handled++);
  // eto_payload: seq, type LOGOUT, and a logout (field 7) whose reason's varint is cut off.
  const etoBytes = new BinaryWriter().uint32(8).uint64(stream.next++).uint32(16).int32(eto.PayloadType.PAYLOAD_LOGOUT).uint32(58).bytes(Uint8Array.of(0x08)).finish();
  const bad = new BinaryWriter().uint32(8).int32(seto.PayloadType.PAYLOAD_ETO).uint32(18).bytes(etoBytes).finish();
  c.socket.write(encodeFrame(bad));
  await until(() => c.closed);
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  t.is(handled, 0);
  t.is(errors.filter((e) => e instanceof ParseError).length, 1, errors.map(String).join("; "));
  t.is(errors.filter((e) => e instanceof HandlerError).length, 0);
  await client.close();
});

// Found by the client fuzz ("a storm of empty frames"): every payload that
// does not decode is a ParseError, and each costs an error object and a
// report — 16,000 empty frames a 64 KiB read held the event loop ~120 ms a
// read and flooded errors() for as long as the peer kept on. Past
// maxPeerFaults on one connection the client drops it instead.
test("a peer that keeps sending what does not decode: maxPeerFaults reports, then one ProtocolError drops the connection", async (t) => {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false, maxPeerFaults: 20 },
    { logger: silentLogger },
  );
  const errors = collect<SmarketsError>(client.errors());
  const { c } = await logInThrough(peer, client);
  const empty = encodeFrame(new Uint8Array(0));
  c.socket.write(Buffer.concat(Array.from({ length: 5_000 }, () => empty)));
  await until(() => client.state === "disconnected" && errors.length > 20);
  await until(() => c.closed);
  t.is(errors.filter((e) => e instanceof ParseError).length, 20, "each fault up to the limit is reported");
  t.is(errors.length, 21, "then one more report, not one per frame left");
  const last = errors.at(-1)!;
  t.is(last.name, "ProtocolError");
  t.regex(last.message, /21 payloads .* over the limit of 20 \(maxPeerFaults\): dropping the connection/);
});

test("maxPeerFaults: 100 by default; checked like every setting", (t) => {
  const make = (maxPeerFaults: unknown) =>
    new StreamingAPIClient({ username: "u", password: "p", host: "127.0.0.1", port: 1, tls: false, maxPeerFaults } as never, { logger: silentLogger });
  t.is(make(undefined).settings.maxPeerFaults, 100);
  t.is(make(0).settings.maxPeerFaults, 0);
  t.throws(() => make(-1), { message: /maxPeerFaults/ });
  t.throws(() => make(1.5), { message: /maxPeerFaults/ });
});
