// Issue 11, defect 1: when a reconnect's connection closes before the login
// response, exactly one next attempt may be scheduled, and nothing but the
// live attempt may ever install a connection. A scripted peer on the fake
// clock makes every step explicit; a fault proxy in front of the simulated
// exchange checks the same as a user's own harness would.
import test from "ava";
import * as net from "node:net";
import * as eto from "../../generated/eto.js";
import type { ClientStatus } from "../../runtime/client/index.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import type { SmarketsError } from "../../runtime/errors.js";
import { FakeClock } from "../../runtime/fake-clock.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { connect, type TransportOptions } from "../../runtime/transport/index.js";
import { clientFor, exchange, first } from "./helpers.js";
import { PeerStream, scriptedPeer, until } from "./helpers/scripted-peer.js";

const DELAY = 100;

function recorded<T>(iterable: AsyncIterable<T>): T[] {
  const seen: T[] = [];
  void (async () => {
    for await (const x of iterable) seen.push(x);
  })();
  return seen;
}

test("a reconnect whose connection resets before the login response schedules one next attempt, and the live link stays live", async (t) => {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const clock = new FakeClock(1_000);
  let connects = 0;
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false },
    {
      clock,
      logger: silentLogger,
      reconnect: { initialDelayMs: DELAY, maxDelayMs: DELAY, jitter: 0 },
      connect: (o: TransportOptions) => {
        connects++;
        return connect(o);
      },
    },
  );
  const statuses = recorded<ClientStatus>(client.statuses());
  const errors = recorded<SmarketsError>(client.errors());
  const stream = new PeerStream();

  // Connection 1: logged in, then cut.
  const login = client.login();
  const c1 = await peer.connection();
  await c1.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c1.write(stream.loginResponse("s1"));
  t.is((await login).sessionId, "s1");
  c1.reset();
  await until(() => statuses.some((s) => s.state === "reconnecting"));

  // Connection 2: the reconnect reads the login, then resets before answering.
  clock.advance(DELAY);
  t.is(connects, 2);
  const c2 = await peer.connection();
  await c2.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c2.reset();
  // The failed attempt is reported once it has been handled; by then every
  // next attempt it leads to has been scheduled.
  await until(() => errors.length > 0);
  await until(() => statuses.filter((s) => s.state === "reconnecting").length >= 2);
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  t.deepEqual(
    statuses.filter((s) => s.state === "reconnecting").map((s) => (s as { attempt: number }).attempt),
    [1, 2],
    "one reconnect loop: attempt 2 scheduled once",
  );
  t.is(clock.pendingTimers, 1, "one reconnect timer pending");

  // Connection 3: the reconnect resumes the session.
  clock.advance(DELAY);
  t.is(connects, 3, "one connection per attempt");
  const c3 = await peer.connection();
  await c3.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c3.write(stream.loginResponse("s1"));
  await until(() => client.state === "logged-in");

  // Time passes: no losing loop opens another connection over the live one.
  clock.advance(DELAY * 20);
  await new Promise((r) => setImmediate(r));
  t.is(connects, 3, "no further connection");
  t.is(peer.accepted, 3);

  // The live link carries traffic both ways.
  const ping = client.ping();
  await c3.nextOf(eto.PayloadType.PAYLOAD_PING);
  c3.write(stream.eto(eto.PayloadType.PAYLOAD_PONG));
  t.true((await ping) >= 0);
  t.is(client.state, "logged-in");
  await client.close();
});

test("login() while a reconnect attempt waits for its login response: the stale attempt never replaces the live link", async (t) => {
  const peer = await scriptedPeer();
  t.teardown(() => peer.close());
  const clock = new FakeClock(1_000);
  const client = new StreamingAPIClient(
    { username: "u", password: "p", host: "127.0.0.1", port: peer.port, tls: false },
    { clock, logger: silentLogger, reconnect: { initialDelayMs: DELAY, maxDelayMs: DELAY, jitter: 0 } },
  );
  const statuses = recorded<ClientStatus>(client.statuses());
  const stream = new PeerStream();
  const first = client.login();
  const c1 = await peer.connection();
  await c1.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c1.write(stream.loginResponse("s1"));
  await first;
  c1.reset();
  await until(() => statuses.some((s) => s.state === "reconnecting"));
  clock.advance(DELAY);
  const c2 = await peer.connection();
  await c2.nextOf(eto.PayloadType.PAYLOAD_LOGIN);

  // The user logs in by hand while the automatic attempt awaits its answer.
  const manual = client.login();
  const c3 = await peer.connection();
  await c3.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  await until(() => c2.closed);
  c3.write(stream.loginResponse("s1"));
  t.is((await manual).sessionId, "s1");
  clock.advance(DELAY * 20);
  await new Promise((r) => setImmediate(r));
  t.is(peer.accepted, 3);
  const ping = client.ping();
  await c3.nextOf(eto.PayloadType.PAYLOAD_PING);
  c3.write(stream.eto(eto.PayloadType.PAYLOAD_PONG));
  t.true((await ping) >= 0);
  await client.close();
});

/**
 * A fault proxy in front of `target`: connection n (1-based) is passed
 * through unless `resetAfterLogin(n)`, in which case the proxy reads the
 * client's first bytes (its login) and resets.
 */
async function faultProxy(target: { host: string; port: number }, resetAfterLogin: (n: number) => boolean) {
  let accepted = 0;
  const live: net.Socket[] = [];
  const server = net.createServer((client) => {
    const n = ++accepted;
    client.on("error", () => undefined);
    live.push(client);
    if (resetAfterLogin(n)) {
      client.once("data", () => client.resetAndDestroy());
      return;
    }
    const upstream = net.connect(target.port, target.host);
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get accepted() {
      return accepted;
    },
    /** Cuts every connection open now. */
    cut: () => live.splice(0).forEach((s) => s.resetAndDestroy()),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("through a proxy that reads the login and resets, twice, before passing through: one loop, and the resumed link carries orders", async (t) => {
  const ex = await exchange();
  const proxy = await faultProxy(ex, (n) => n === 2 || n === 3);
  t.teardown(async () => {
    await proxy.close();
    await ex.close();
  });
  const client = clientFor({ ...ex, port: proxy.port } as typeof ex, {}, { reconnect: { initialDelayMs: 5, maxDelayMs: 20, random: () => 0.5 } });
  const info = await client.login();
  const resumed = first(client.statuses(), (s) => s.state === "logged-in" && s.resumed);
  proxy.cut();
  await resumed;
  t.is(proxy.accepted, 4, "connections: the first, two reset after the login, the resumed one");

  const placeAll = async () => {
    const orders = Array.from({ length: 20 }, () => client.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2000, quantity: 10_000n }));
    return (await Promise.all(orders)).length;
  };
  t.is(await placeAll(), 20);
  // Longer than any backoff delay: a second loop would have connected by now.
  await new Promise((r) => setTimeout(r, 300));
  t.is(await placeAll(), 20, "the link that answered is still the live one");
  t.true((await client.ping()) >= 0);
  t.is(proxy.accepted, 4, "no connection from a losing loop");
  t.is(client.resumeState.sessionId, info.sessionId);
  await client.logout();
});
