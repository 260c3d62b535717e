import test from "ava";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import type { ClientStatus } from "../../runtime/client/index.js";
import { ConnectionError, InvalidCallbackError, LoginError, SocketDisconnected } from "../../runtime/errors.js";
import { clientFor, exchange, first, tlsFixture } from "./helpers.js";

test("TCP: login, ping, subscribe, order, logout against the in-process exchange", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex);
  const statuses: string[] = [];
  void (async () => {
    for await (const s of client.statuses()) statuses.push(s.state);
  })();

  const info = await client.login();
  t.truthy(info.sessionId);
  t.is(client.state, "logged-in");
  t.true((await client.ping()) >= 0);

  const quotes = new Promise<seto.MarketQuotes>((resolve) => client.addHandler("seto.market_quotes", resolve));
  client.subscribe(1);
  await client.flush();
  t.is((await quotes).marketId, 1);

  const accepted = new Promise<[seto.OrderAccepted, bigint]>((resolve) =>
    client.addHandler("seto.order_accepted", (m, e) => resolve([m, e.seq])),
  );
  const seq = client.order({ side: seto.Side.SIDE_BUY, quantity: 100000, price: 2500, marketId: 1, contractId: 2, reference: 77n });
  await client.flush();
  const [order] = await accepted;
  t.is(order.seq, seq, "order-accepted echoes the order-create payload's seq");
  t.is(order.reference, 77n);
  t.true(order.orderId > 0n);

  t.is(await client.logout(), eto.LogoutReason.LOGOUT_CONFIRMATION);
  t.deepEqual(statuses.slice(0, 4), ["connecting", "connected", "logging-in", "logged-in"]);
  t.true(statuses.includes("closed"));
});

test("payloads() yields every payload once, in seq order, typed by name", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex);
  const seen: { name: string; seq: bigint }[] = [];
  const done = (async () => {
    for await (const ev of client.payloads()) {
      seen.push({ name: ev.name, seq: ev.seq });
      if (ev.name === "seto.order_accepted") t.is(typeof ev.message.orderId, "bigint");
    }
  })();
  await client.login();
  for (let i = 0; i < 20; i++) client.order({ side: seto.Side.SIDE_SELL, quantity: 10000, price: 5000, marketId: 1, contractId: 1 });
  await client.flush();
  await client.ping();
  await client.logout();
  await done;
  const seqs = seen.map((s) => s.seq);
  t.deepEqual(seqs, [...seqs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  t.is(new Set(seqs).size, seqs.length, "no payload twice");
  t.is(seen.filter((s) => s.name === "seto.order_accepted").length, 20);
  t.is(seen[0]?.name, "eto.login_response");
});

test("wrong credentials: LoginError carrying LOGOUT_UNAUTHORISED", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex, { password: "wrong" });
  const err = await t.throwsAsync(client.login(), { instanceOf: LoginError });
  t.is(err?.reason, eto.LogoutReason.LOGOUT_UNAUTHORISED);
  await client.close();
});

test("token login", async (t) => {
  const ex = await exchange({ accounts: [{ username: "tok-user", password: "pw", token: "secret-token" }] });
  t.teardown(() => ex.close());
  const client = clientFor(ex, { username: undefined, password: undefined, token: "secret-token" });
  t.truthy((await client.login()).sessionId);
  await client.logout();
});

test("TLS with a certificate the client trusts; an untrusted one fails by default", async (t) => {
  const ex = await exchange({ tls: { key: tlsFixture("server.key"), cert: tlsFixture("server.pem") } });
  t.teardown(() => ex.close());
  const trusted = clientFor(ex, { tls: { ca: tlsFixture("ca.pem") } });
  await trusted.login();
  t.true((await trusted.ping()) >= 0);
  await trusted.logout();

  const untrusted = clientFor(ex, { tls: true });
  const err = await t.throwsAsync(untrusted.login(), { instanceOf: ConnectionError });
  t.regex(String(err?.message), /certificate/i);
  await untrusted.close();
});

test("unknown handler names are InvalidCallbackError; sending before login is refused", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex);
  t.throws(() => client.addHandler("seto.order_acepted" as never, () => {}), { instanceOf: InvalidCallbackError });
  t.throws(() => client.subscribe(1), { message: /not logged-in/ });
  await t.throwsAsync(client.flush(), { instanceOf: SocketDisconnected });
});

test("a client read by hand (autoRead: false) logs in and dispatches on read()", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { autoRead: false });
  await client.login();
  const pong = client.ping();
  let delivered = 0;
  while (delivered === 0) delivered += await client.read();
  t.true((await pong) >= 0);
  await client.close();
});

test("status stream is typed", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex);
  const loggedIn = first(client.statuses(), (s: ClientStatus) => s.state === "logged-in");
  await client.login();
  const s = await loggedIn;
  t.is(s.state === "logged-in" ? typeof s.sessionId : "", "string");
  await client.logout();
});
