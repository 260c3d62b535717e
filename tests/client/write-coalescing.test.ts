// Issue 9, goal 5: the writes produced while one inbound chunk is handled —
// answers to a heartbeat and a ping, orders a handler sends (by hand with a
// flush, and through the trading layer) — go out in one socket write.
import test from "ava";
import * as net from "node:net";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { systemClock } from "../../runtime/clock.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { Connection, DEFAULT_INBOUND_HIGH_WATER_MARK, type TransportOptions } from "../../runtime/transport/index.js";
import { PeerStream, scriptedPeer, until, logInThrough } from "./helpers/scripted-peer.js";

/** Opens a plain TCP connection whose socket counts its writes and the chunks it receives. */
function countingConnect(counts: { writes: number; chunks: number }) {
  return async (o: TransportOptions): Promise<Connection> => {
    const socket = net.connect({ host: o.host, port: o.port });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("error", reject);
    });
    const write = socket.write.bind(socket) as (chunk: Uint8Array, cb: (err?: Error | null) => void) => boolean;
    socket.write = ((chunk: Uint8Array, cb: (err?: Error | null) => void) => {
      counts.writes++;
      return write(chunk, cb);
    }) as typeof socket.write;
    socket.on("data", () => counts.chunks++);
    return new Connection(socket, {
      host: o.host,
      port: o.port,
      encrypted: false,
      inboundHighWaterMark: DEFAULT_INBOUND_HIGH_WATER_MARK,
      idleTimeoutMs: undefined,
      clock: systemClock,
    });
  };
}

test("everything written while handling one inbound chunk goes out in one socket write", async (t) => {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const counts = { writes: 0, chunks: 0 };
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false },
    { logger: silentLogger, connect: countingConnect(counts) },
  );
  const { c, stream } = await logInThrough(peer, client);

  // On an order acceptance the handler sends two orders by hand (and flushes), and one through the trading layer.
  const order = { marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, price: 2500, quantity: 10_000n };
  let placed: Promise<unknown> | undefined;
  client.addHandler("seto.order_accepted", () => {
    client.order(order);
    client.order(order);
    void client.flush();
    placed = client.trading.placeOrder({ ...order, side: "buy" });
    placed.catch(() => undefined);
  });
  await until(() => counts.writes > 0 && counts.chunks > 0);
  const before = { ...counts };

  // One chunk: a heartbeat (answered), a ping (answered), an order acceptance (handled).
  c.write(
    stream.eto(eto.PayloadType.PAYLOAD_HEARTBEAT),
    stream.eto(eto.PayloadType.PAYLOAD_PING),
    stream.at(setoPayload("seto.order_accepted", { seq: 77n, orderId: 1n, reference: 1n })),
  );
  const got: seto.Payload[] = [];
  while (got.filter((p) => p.type === seto.PayloadType.PAYLOAD_ORDER_CREATE).length < 3) got.push(await c.next());
  const kinds = got.map((p) => (p.type === seto.PayloadType.PAYLOAD_ETO ? eto.payloadTypeToJSON(p.etoPayload!.type!) : seto.payloadTypeToJSON(p.type)));
  t.deepEqual(kinds, ["PAYLOAD_HEARTBEAT", "PAYLOAD_PONG", "PAYLOAD_ORDER_CREATE", "PAYLOAD_ORDER_CREATE", "PAYLOAD_ORDER_CREATE"]);
  await new Promise((r) => setImmediate(r));
  const chunks = counts.chunks - before.chunks;
  t.is(chunks, 1, "the peer's payloads arrived as one chunk");
  t.is(counts.writes - before.writes, chunks, "one socket write for the chunk");
  await client.close();
});
