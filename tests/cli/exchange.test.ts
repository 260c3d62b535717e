// smarkets exchange runs the standalone simulator: `listening on HOST:PORT`
// first, then it serves clients, and exits 0 on SIGINT or SIGTERM after
// logging them out; configured secrets are never printed; bad arguments exit 2.
import test from "ava";
import * as eto from "../../generated/eto.js";
import { TestClient } from "../exchange/helpers/test-client.js";
import { LineReader, outcome, runCli, spawnCli } from "./helpers/cli.js";

test("it prints `listening on` first, serves a ping and a client, logs it out and exits 0 on SIGINT", async (t) => {
  const child = spawnCli(["exchange", "--port", "0", "--log-level", "silent"]);
  t.teardown(() => child.kill("SIGKILL"));
  const reader = new LineReader(child);
  const done = outcome(child);
  const first = await reader.until(/./);
  const match = /^listening on (127\.0\.0\.1):(\d+)$/.exec(first);
  t.truthy(match, first);
  await reader.until(/^tls off/);
  t.true(reader.lines.includes("account demo (password demo, token demo-token)"));
  t.true(reader.lines.some((l) => l.startsWith('market 1 "Match winner" MARKET_STATE_OPEN')));

  const ping = await runCli(["ping", "--count", "1", "--port", match![2]!, "--plain"]);
  t.is(ping.code, 0, ping.stderr);

  const client = new TestClient({ host: match![1]!, port: Number(match![2]) }, { username: "demo", password: "demo" });
  await client.login();
  child.kill("SIGINT");
  t.deepEqual(await client.next("eto.logout"), { reason: eto.LogoutReason.LOGOUT_DOWNTIME });
  await client.closed;
  const { code, stderr } = await done;
  t.is(code, 0);
  t.regex(stderr, /smarkets exchange: SIGINT: closing/);
});

test("its books have depth from the start; SIGTERM stops it too", async (t) => {
  const child = spawnCli(["exchange", "--port", "0", "--log-level", "silent"]);
  t.teardown(() => child.kill("SIGKILL"));
  const reader = new LineReader(child);
  const done = outcome(child);
  const port = /:(\d+)$/.exec(await reader.until(/^listening on /))![1]!;
  const watch = await runCli(["watch", "1", "--port", port, "--plain", "--seconds", "0.1"]);
  t.is(watch.code, 0, watch.stderr);
  t.regex(watch.stdout, /%/, "the book shows prices");
  child.kill("SIGTERM");
  const { code, stderr } = await done;
  t.is(code, 0);
  t.regex(stderr, /SIGTERM: closing/);
});

test("configured accounts are listed without their secrets", async (t) => {
  const child = spawnCli(["exchange", "--port", "0", "--log-level", "silent", "--account", "alice:s3cret", "--token", "alice:t0ken"]);
  t.teardown(() => child.kill("SIGKILL"));
  const reader = new LineReader(child);
  const done = outcome(child);
  await reader.until(/^tls /);
  t.true(reader.lines.includes("account alice (password set, token set)"));
  t.false(reader.lines.join("\n").includes("s3cret"));
  t.false(reader.lines.join("\n").includes("t0ken"));
  child.kill("SIGINT");
  t.is((await done).code, 0);
});

for (const [title, args, message] of [
  ["an unknown flag", ["--bogus"], /^smarkets exchange: unknown option "--bogus"/],
  ["a bad port", ["--port", "70000"], /--port must be a whole number from 0 to 65535, got "70000"/],
  ["a key without a certificate", ["--tls-key", "k.pem"], /--tls-key and --tls-cert go together/],
  ["a missing value", ["--host"], /--host needs a value/],
  ["an unreadable key", ["--tls-key", "/nonexistent/k.pem", "--tls-cert", "/nonexistent/c.pem"], /--tls-key \/nonexistent\/k\.pem cannot be read \(ENOENT\)/],
] as const) {
  test(`${title} exits 2 saying what is wrong`, async (t) => {
    const { code, stderr, stdout } = await runCli(["exchange", ...args]);
    t.is(code, 2);
    t.regex(stderr, message);
    t.is(stdout, "");
  });
}

test("a port in use exits 1 saying so", async (t) => {
  const first = spawnCli(["exchange", "--port", "0", "--log-level", "silent"]);
  t.teardown(() => first.kill("SIGKILL"));
  const port = /:(\d+)$/.exec(await new LineReader(first).until(/^listening on /))![1]!;
  const second = await runCli(["exchange", "--port", port, "--log-level", "silent"]);
  t.is(second.code, 1);
  t.regex(second.stderr, /^smarkets exchange: .*(EADDRINUSE|in use)/m);
  first.kill("SIGINT");
});
