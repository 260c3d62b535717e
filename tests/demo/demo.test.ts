// The demo end to end: `smarkets demo`, what `npm start` runs, as a user
// runs it (the compiled command under plain node), and its arguments.
import test from "ava";
import { dispatch } from "../../cli/dispatch.js";
import { fakeIo } from "../cli/helpers/fake-io.js";
import { runCli, testExchange } from "../cli/helpers/cli.js";

const STEPS = ["login", "ping", "subscribe", "order", "executed", "cancel", "logout"];

test("smarkets demo prints the transcript of a whole session and exits 0", async (t) => {
  const { code, stdout, stderr } = await runCli(["demo"]);
  t.is(code, 0, stderr);
  t.is(stderr, "");
  const lines = stdout.split("\n");
  t.regex(stdout, /^Smarkets streaming client demo\nexchange: embedded simulator at 127\.0\.0\.1:\d+ \(plain TCP on loopback; account "demo"\)/);
  STEPS.forEach((step, i) => t.true(lines.some((l) => new RegExp(`^${i + 1}\\. ${step} \\.+ `).test(l)), `step ${i + 1} ${step} shown`));
  t.regex(stdout, /round trip \d+\.\d\d ms/);
  t.regex(stdout, /contract 1 +bids: .*\| +offers: /);
  t.regex(stdout, /accepted: order \d+/);
  t.regex(stdout, /executed \.+ £\d+\.\d\d of £\d+\.\d\d at an average \d+\.\d\d%/, "the order was part-executed");
  t.regex(stdout, /ORDER_CANCELLED_MEMBER_REQUESTED/);
  t.regex(stdout, /confirmed \(LOGOUT_CONFIRMATION\)/);
});

test("smarkets demo against an exchange named by --port (its books empty: nothing fills, and it says so)", async (t) => {
  const { exchange, flags } = await testExchange();
  t.teardown(() => exchange.close());
  const io = fakeIo();
  t.is(await dispatch(["demo", ...flags, "--user", "demo2", "--password", "demo2"], io), 0, io.err);
  t.regex(io.out, new RegExp(`^exchange: 127\\.0\\.0\\.1:${exchange.port} \\(plain TCP\\)$`, "m"));
  t.regex(io.out, /executed \.+ nothing filled within 3 s/);
  t.regex(io.out, /confirmed \(LOGOUT_CONFIRMATION\)/);
});

test("smarkets demo --help, and bad arguments exit 2 naming the flag", async (t) => {
  const help = await runCli(["demo", "--help"]);
  t.is(help.code, 0);
  t.regex(help.stdout, /^usage: smarkets demo/);
  const bad = await runCli(["demo", "--port", "99999"]);
  t.is(bad.code, 2);
  t.regex(bad.stderr, /^smarkets demo: --port must be a whole number from 1 to 65535, got "99999"/);
  const market = fakeIo();
  t.is(await dispatch(["demo", "--market", "0"], market), 2);
  t.regex(market.err, /--market must be a whole number from 1 to 4294967295, got "0"/);
});
