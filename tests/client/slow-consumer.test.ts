// A server that floods pings and never reads its socket: the client answers
// each with a pong, the pongs cannot leave, and instead of growing without
// bound the client drops the connection as a slow consumer (SlowConsumer on
// errors()) once maxOutboundBytes wait to be sent.
import test from "ava";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { SlowConsumer } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { first } from "./helpers.js";
import { ping, scriptedServer } from "./helpers/scripted-server.js";

test("a server flooding pings without reading: the client drops it as a slow consumer instead of growing", async (t) => {
  const server = await scriptedServer();
  t.teardown(() => server.close());
  const limit = 256 * 1024;
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: server.port, tls: false, maxOutboundBytes: limit },
    { logger: silentLogger },
  );
  await client.login();
  const peer = await server.loggedIn;
  const slow = first(client.errors(), (e) => e instanceof SlowConsumer);
  const reported: string[] = [];
  void (async () => {
    for await (const e of client.errors()) reported.push(e.name);
  })();
  const disconnected = first(client.statuses(), (s) => s.state === "disconnected");
  peer.socket.pause(); // reads nothing from now on
  // Pings in batches until the client gives up on the connection.
  const batch = Array.from({ length: 4096 }, () => peer.frame(ping()));
  let gone = false;
  void disconnected.then(() => (gone = true));
  for (let sent = 0; !gone && sent < 50_000_000; sent += batch.length) {
    if (!peer.socket.write(Buffer.concat(batch))) {
      await new Promise((r) => {
        peer.socket.once("drain", r);
        peer.socket.once("close", r);
      });
    }
    for (let i = 0; i < batch.length; i++) batch[i] = peer.frame(ping());
  }
  const error = (await slow) as SlowConsumer;
  t.is(error.limitBytes, limit);
  t.regex(error.message, /slow consumer/);
  await disconnected;
  t.is(client.state, "disconnected");
  await client.close();
  t.deepEqual(reported, ["SlowConsumer"], "one fault, one report (not one per pong that could not be sent)");
});
