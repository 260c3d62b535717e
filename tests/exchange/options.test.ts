// startExchange's options: defaults, and a clear ArgumentError for each bad value.
import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { DEMO_ACCOUNTS, startExchange, type ExchangeOptions } from "../../exchange/index.js";
import { resolveExchangeOptions } from "../../exchange/server/options.js";

test("defaults: loopback, an ephemeral port, the demo accounts, activity off", (t) => {
  const o = resolveExchangeOptions();
  t.is(o.host, "127.0.0.1");
  t.is(o.port, 0);
  t.deepEqual(
    o.accounts.map((a) => a.username),
    DEMO_ACCOUNTS.map((a) => a.username),
  );
  t.is(o.accounts[0]?.balance, 10_000n * 10_000n);
  t.is(o.activity, false);
  t.is(o.tls, undefined);
});

test("startExchange listens on an ephemeral loopback port by default and closes cleanly", async (t) => {
  const exchange = await startExchange();
  t.is(exchange.host, "127.0.0.1");
  t.true(exchange.port > 0);
  t.is(exchange.address, `127.0.0.1:${exchange.port}`);
  t.deepEqual(
    exchange.accounts.map((a) => [a.username, a.hasToken]),
    [
      ["demo", true],
      ["demo2", true],
    ],
  );
  await exchange.close();
  await exchange.close(); // twice is harmless
});

const bad: [string, ExchangeOptions, RegExp][] = [
  ["an empty host", { host: "" }, /host must be a non-empty string/],
  ["a port out of range", { port: 70_000 }, /port must be an integer in 0\.\.65535, got 70000/],
  ["deadAfterMs not above the heartbeat", { heartbeatIntervalMs: 5_000, deadAfterMs: 5_000 }, /deadAfterMs \(5000\) must exceed heartbeatIntervalMs \(5000\)/],
  ["a negative login timeout", { loginTimeoutMs: -1 }, /loginTimeoutMs must be a number of milliseconds/],
  ["no accounts", { accounts: [] }, /accounts must be a non-empty array/],
  ["a username used twice", { accounts: [{ username: "a", password: "x" }, { username: "a", password: "y" }] }, /"a" is used twice/],
  ["a token used twice", { accounts: [{ username: "a", password: "x", token: "t" }, { username: "b", password: "y", token: "t" }] }, /token is used by another account/],
  ["an empty password", { accounts: [{ username: "a", password: "" }] }, /accounts\[0\]\.password must be a non-empty string/],
  ["a balance finer than money", { accounts: [{ username: "a", password: "x", balance: 1.00001 }] }, /more than 4 decimal places/],
  ["a negative balance", { accounts: [{ username: "a", password: "x", balance: -5 }] }, /balance must be a number of currency units/],
  ["a throttle without a rate", { throttle: { averageRatePs: 0, burstSize: 1, tickMs: 1 } }, /throttle\.averageRatePs must be an integer in 1\.\./],
  ["activity without an interval", { activity: { seed: 1 } as never }, /activity\.intervalMs must be a number of milliseconds/],
  ["tls without a certificate", { tls: { key: "k" } as never }, /tls must be \{ key, cert \}/],
  ["a tiny frame cap", { maxFrameSize: 8 }, /maxFrameSize must be an integer in 16\.\./],
  ["an order id of 0", { firstOrderId: 0n }, /firstOrderId must be a bigint in 1\.\.2\^64-1, got 0n/],
  ["an order id as a number", { firstOrderId: 5 as never }, /firstOrderId must be a bigint in 1\.\.2\^64-1, got 5/],
  ["no connections", { maxConnections: 0 }, /maxConnections must be an integer in 1\.\.1000000, got 0/],
  ["no sessions per account", { maxSessionsPerAccount: 0 }, /maxSessionsPerAccount must be an integer in 1\.\./],
  ["a fractional session cap", { maxSessions: 1.5 }, /maxSessions must be an integer in 1\.\.1000000, got 1\.5/],
  ["a replay store under 1 KiB", { outgoingStoreBytes: 100 }, /outgoingStoreBytes must be an integer in 1024\.\./],
  ["a negative live-order cap", { maxLiveOrdersPerAccount: -1 }, /maxLiveOrdersPerAccount must be an integer in 1\.\./],
];

for (const [title, options, message] of bad) {
  test(`${title} is refused with an ArgumentError`, async (t) => {
    await t.throwsAsync(startExchange(options), { instanceOf: ArgumentError, message });
  });
}

test("a port already in use is a ConnectionError naming the address", async (t) => {
  const first = await startExchange();
  t.teardown(() => first.close());
  await t.throwsAsync(startExchange({ port: first.port }), { name: "ConnectionError", message: new RegExp(`cannot listen on 127\\.0\\.0\\.1:${first.port}`) });
});
