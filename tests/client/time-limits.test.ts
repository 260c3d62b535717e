// ping() and logout() have default time limits (pingTimeoutMs,
// logoutTimeoutMs): against an exchange that keeps the connection alive with
// heartbeats but never answers, each rejects with TimeoutError, and the
// logout still closes the connection.
import test from "ava";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { TimeoutError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { SESSION_DEFAULTS } from "../../runtime/session/settings.js";
import { heartbeat, scriptedServer } from "./helpers/scripted-server.js";

async function silentExchange() {
  const server = await scriptedServer();
  const clock = new FakeClock();
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: server.port, tls: false },
    { logger: silentLogger, clock },
  );
  await client.login();
  const peer = await server.loggedIn;
  return { server, clock, client, peer };
}

test("ping() against an exchange that never answers rejects with TimeoutError after pingTimeoutMs (default 10 s)", async (t) => {
  const { server, clock, client, peer } = await silentExchange();
  t.teardown(() => server.close());
  t.is(SESSION_DEFAULTS.pingTimeoutMs, 10_000);
  const rtt = client.ping();
  peer.send(heartbeat());
  clock.advance(9_999);
  clock.advance(1);
  const error = await t.throwsAsync(rtt, { instanceOf: TimeoutError });
  t.is(error.timeoutMs, 10_000);
  t.regex(error.message, /ping did not complete within 10000 ms: no pong/);
  t.is(client.state, "logged-in", "a missing pong alone does not end the session");
  await client.close();
});

test("logout() against an exchange that never confirms rejects with TimeoutError after logoutTimeoutMs and closes the connection", async (t) => {
  const { server, clock, client, peer } = await silentExchange();
  t.teardown(() => server.close());
  t.is(SESSION_DEFAULTS.logoutTimeoutMs, 10_000);
  const ended = new Promise<void>((resolve) => peer.socket.once("end", () => resolve()));
  const done = client.logout();
  clock.advance(10_000);
  const error = await t.throwsAsync(done, { instanceOf: TimeoutError });
  t.regex(error.message, /logout did not complete within 10000 ms: no logout confirmation/);
  await ended;
  t.is(client.state, "disconnected");
});

test("both limits are settings; an explicit timeoutMs still wins", async (t) => {
  const server = await scriptedServer();
  t.teardown(() => server.close());
  const clock = new FakeClock();
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: server.port, tls: false, pingTimeoutMs: 500, logoutTimeoutMs: 700 },
    { logger: silentLogger, clock },
  );
  await client.login();
  const first = client.ping();
  const second = client.ping({ timeoutMs: 50 });
  clock.advance(50);
  await t.throwsAsync(second, { instanceOf: TimeoutError, message: /50 ms/ });
  clock.advance(450);
  await t.throwsAsync(first, { instanceOf: TimeoutError, message: /500 ms/ });
  const done = client.logout();
  clock.advance(700);
  await t.throwsAsync(done, { instanceOf: TimeoutError, message: /700 ms/ });
});
