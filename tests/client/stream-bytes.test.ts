// A payloads() subscriber that falls behind cannot be made to hold unbounded
// memory by a peer sending large frames: the subscription is bounded in bytes
// (streams.maxBytes, default 64 MiB) as well as count, with its overflow policy.
import test from "ava";
import * as seto from "../../generated/seto.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { QueueOverflowError } from "../../runtime/streams/index.js";
import { scriptedServer } from "./helpers/scripted-server.js";

test("payloads() is bounded in bytes: a subscriber that does not keep up with 1 MiB frames ends with QueueOverflowError", async (t) => {
  const server = await scriptedServer();
  t.teardown(() => server.close());
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: server.port, tls: false },
    { logger: silentLogger, streams: { maxBytes: 4 * 1024 * 1024 } },
  );
  await client.login();
  const peer = await server.loggedIn;
  const iterator = client.payloads()[Symbol.asyncIterator](); // subscribed, not read yet
  let delivered = 0;
  client.addGlobalHandler(() => void (delivered += 1));
  const big = { type: seto.PayloadType.PAYLOAD_LOGIN, login: { username: "x".repeat(1024 * 1024), password: "p" } };
  for (let i = 0; i < 10; i++) peer.send(big);
  while (delivered < 10) await new Promise((r) => setImmediate(r));
  let read = 0;
  const error = await t.throwsAsync(async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      read += 1;
    }
  });
  t.true(error instanceof QueueOverflowError, String(error));
  t.is(read, 3, "three payloads of just over 1 MiB fit in 4 MiB; the fourth overflowed");
  await client.close();
});
