// smarkets ping against a simulator the test runs: N round trips, then a
// clean logout; connection and login failures exit 1 with the error's message.
import test from "ava";
import { runCli, testExchange, type TestExchange } from "./helpers/cli.js";

let ex: TestExchange;
test.before(async () => {
  ex = await testExchange();
});
test.after.always(async () => {
  await ex?.exchange.close();
});

test("ping --count 3 prints three round trips and a summary, and logs out", async (t) => {
  const { code, stdout, stderr } = await runCli(["ping", "--count", "3", ...ex.flags]);
  t.is(code, 0, stderr);
  const lines = stdout.trim().split("\n");
  t.is(lines[0], `PING 127.0.0.1:${ex.exchange.port} (plain TCP) as demo`);
  t.deepEqual(lines.slice(1, 4).map((l) => l.replace(/\d+\.\d\d/, "T")), ["round trip 1: T ms", "round trip 2: T ms", "round trip 3: T ms"]);
  t.regex(lines[4]!, /^3 round trip\(s\): min \d+\.\d\d, average \d+\.\d\d, max \d+\.\d\d ms$/);
  t.is(lines.length, 5);
  t.deepEqual(ex.exchange.sessions.ofUser("demo"), [], "the session was logged out, not left to be resumed");
});

test("a refused login exits 1 with the exchange's reason; the password is not printed", async (t) => {
  const { code, stdout, stderr } = await runCli(["ping", ...ex.flags, "--user", "demo", "--password", "wr0ng"]);
  t.is(code, 1);
  t.is(stdout, "");
  t.regex(stderr, /^smarkets ping: login refused: LOGOUT_UNAUTHORISED/);
  t.false(stderr.includes("wr0ng"));
});

test("credentials from the environment", async (t) => {
  const { code, stdout, stderr } = await runCli(["ping", "--count", "1", ...ex.flags], { env: { SMARKETS_USERNAME: "demo2", SMARKETS_PASSWORD: "demo2" } });
  t.is(code, 0, stderr);
  t.regex(stdout, /as demo2\n/);
});

test("TLS against the plain simulator fails to connect: exit 1, suggesting --plain", async (t) => {
  const { code, stderr } = await runCli(["ping", "--port", String(ex.exchange.port), "--timeout", "5"]);
  t.is(code, 1);
  t.regex(stderr, /^smarkets ping: cannot connect to 127\.0\.0\.1:\d+/);
  t.regex(stderr, /add --plain/);
});
