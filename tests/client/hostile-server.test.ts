// A server that sends bytes that cannot be framed: the client reports a typed
// DecodeError, fails the login clearly, and does not crash.
import test from "ava";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { DecodeError, LoginError, LoginTimeout, ParseError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { first } from "./helpers.js";

async function hostile(reply: Uint8Array): Promise<Server> {
  const server = createServer((socket) => {
    socket.once("data", () => socket.write(reply));
    socket.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const cases: [string, Uint8Array, RegExp][] = [
  // A length header announcing ~4 GiB: refused from the header, before buffering.
  ["an oversized frame", Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x0f), /frame|length|limit/i],
  // Ten continuation bytes: an over-long ULEB128 header.
  ["an over-long length header", new Uint8Array(10).fill(0x80), /header|ULEB|long/i],
];

for (const [what, reply, message] of cases) {
  test(`a server sending ${what}: DecodeError reported, login fails, nothing crashes`, async (t) => {
    const server = await hostile(reply);
    t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const client = new StreamingAPIClient({ username: "u", password: "p", host: "127.0.0.1", port, tls: false, loginTimeoutMs: 5_000 }, { logger: silentLogger });
    const decodeError = first(client.errors(), (e) => e instanceof DecodeError);
    await t.throwsAsync(client.login(), { instanceOf: LoginError });
    const err = await decodeError;
    t.regex(err.message, message);
    t.is(client.state, "disconnected");
    await client.close();
  });
}

test("a server sending a well-framed payload that is not protobuf: ParseError reported, login times out cleanly", async (t) => {
  // Frame of 4 payload bytes that no seto.Payload decodes from.
  const server = await hostile(Uint8Array.of(0x04, 0xff, 0xff, 0xff, 0xff));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  const client = new StreamingAPIClient({ username: "u", password: "p", host: "127.0.0.1", port, tls: false, loginTimeoutMs: 300 }, { logger: silentLogger });
  const parseError = first(client.errors(), (e) => e instanceof ParseError);
  await t.throwsAsync(client.login(), { instanceOf: LoginTimeout, message: /300 ms/ });
  t.truthy(await parseError);
  await client.close();
});
