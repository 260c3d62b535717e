// `await using` for the client and the exchange: leaving the scope logs the
// client out (or closes it) and closes the exchange, even when the scope
// ends by an error, and disposing twice is harmless.
import test from "ava";
import * as eto from "../../generated/eto.js";
import { startExchange } from "../../exchange/index.js";
import { StreamingAPIClient } from "../../runtime/index.js";
import { silentLogger } from "../../runtime/logging/index.js";

const settings = (port: number) => ({ username: "demo", password: "demo", host: "127.0.0.1", port, tls: false as const });

test("a logged-in client is logged out at the end of its scope, then the exchange is closed", async (t) => {
  let port = 0;
  let client: StreamingAPIClient | undefined;
  const reasons: (eto.LogoutReason | undefined)[] = [];
  {
    await using exchange = await startExchange({ logger: silentLogger });
    port = exchange.port;
    await using c = new StreamingAPIClient(settings(exchange.port), { logger: silentLogger });
    client = c;
    c.addHandler("eto.logout", (logout) => reasons.push(logout.reason));
    await c.login();
  }
  t.is(client.state, "disconnected");
  t.deepEqual(reasons, [eto.LogoutReason.LOGOUT_CONFIRMATION], "the exchange confirmed our logout");
  const late = new StreamingAPIClient({ ...settings(port), connectTimeoutMs: 2_000 }, { logger: silentLogger });
  await t.throwsAsync(late.login(), { name: "ConnectionError" }, "the exchange stopped listening");
});

test("a scope that throws still disposes, and the error that ended it is the one seen", async (t) => {
  const reasons: (eto.LogoutReason | undefined)[] = [];
  const thrown = await t.throwsAsync(async () => {
    await using exchange = await startExchange({ logger: silentLogger });
    await using c = new StreamingAPIClient(settings(exchange.port), { logger: silentLogger });
    c.addHandler("eto.logout", (logout) => reasons.push(logout.reason));
    await c.login();
    throw new Error("the bot failed");
  });
  t.is(thrown?.message, "the bot failed");
  t.deepEqual(reasons, [eto.LogoutReason.LOGOUT_CONFIRMATION]);
});

test("disposing a client that never logged in, or twice, just closes it", async (t) => {
  const client = new StreamingAPIClient(settings(1), { logger: silentLogger });
  await client[Symbol.asyncDispose]();
  await client[Symbol.asyncDispose]();
  t.is(client.state, "disconnected");
  await t.throwsAsync(client.login(), { name: "SocketDisconnected", message: /the client is closed/ });
  const exchange = await startExchange({ logger: silentLogger });
  await exchange[Symbol.asyncDispose]();
  await exchange[Symbol.asyncDispose]();
  await exchange.close();
  t.pass();
});
