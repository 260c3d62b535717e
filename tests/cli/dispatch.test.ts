// The dispatcher in-process: help for every command, and every kind of wrong
// argument refused with exit status 2 and a message naming the flag and the
// value, before anything is started or connected.
import test from "ava";
import { COMMANDS, dispatch } from "../../cli/dispatch.js";
import { reportError } from "../../cli/report-error.js";
import { AbortedError, ConnectionError, LoginError } from "../../runtime/errors.js";
import { OrderRejectedError } from "../../runtime/trading/index.js";
import { fakeIo } from "./helpers/fake-io.js";

test("smarkets --help lists every command; help <command> is the command's --help", async (t) => {
  const io = fakeIo();
  t.is(await dispatch(["--help"], io), 0);
  for (const c of COMMANDS) t.true(io.out.includes(`\n  ${c.name.padEnd(10)} ${c.summary}\n`), c.name);
  t.regex(io.out, /smarkets watch 1 --port 3701 --plain/);
  for (const c of COMMANDS) {
    const viaFlag = fakeIo();
    const viaHelp = fakeIo();
    t.is(await dispatch([c.name, "--help"], viaFlag), 0);
    t.is(await dispatch(["help", c.name], viaHelp), 0);
    t.true(viaFlag.out.startsWith(`usage: smarkets ${c.name}`), c.name);
    t.is(viaHelp.out, viaFlag.out);
    t.is(viaFlag.err, "");
  }
});

test("client commands document the connection options and the credentials' environment variables", async (t) => {
  for (const c of COMMANDS.filter((x) => x.name !== "exchange")) {
    for (const word of ["--host", "--port", "--plain", "--ca", "--user", "--password", "SMARKETS_USERNAME", "SMARKETS_PASSWORD", "SMARKETS_TOKEN", "--timeout"]) {
      t.true(c.help.includes(word), `${c.name} --help mentions ${word}`);
    }
  }
});

test("no command, an unknown one, or help for an unknown one: exit 2", async (t) => {
  const none = fakeIo();
  t.is(await dispatch([], none), 2);
  t.regex(none.err, /^smarkets: missing command\n\nusage: smarkets <command>/);
  const unknown = fakeIo();
  t.is(await dispatch(["bogus"], unknown), 2);
  t.regex(unknown.err, /unknown command "bogus" \(commands: demo, exchange, ping, watch, order, cancel, orders;/);
  const help = fakeIo();
  t.is(await dispatch(["help", "bogus"], help), 2);
  t.regex(help.err, /no command "bogus"/);
});

const ORDER = ["order", "--market", "1", "--contract", "1", "--side", "buy", "--price", "2500", "--quantity", "10000"];
const without = (flag: string): string[] => {
  const i = ORDER.indexOf(flag);
  return [...ORDER.slice(0, i), ...ORDER.slice(i + 2)];
};
const withValue = (flag: string, value: string): string[] => ORDER.map((a, i) => (ORDER[i - 1] === flag ? value : a));

for (const [argv, message] of [
  [["ping", "--count", "0"], '--count must be a whole number from 1 to 10000, got "0"'],
  [["ping", "--bogus"], 'unknown option "--bogus"'],
  [["ping", "extra"], 'unexpected argument "extra"'],
  [["ping", "--port", "70000"], '--port must be a whole number from 1 to 65535, got "70000"'],
  [["watch"], "missing <market>: the id of the market to watch"],
  [["watch", "x1"], '<market> must be a whole number from 1 to 4294967295, got "x1"'],
  [["watch", "1", "--updates", "0"], '--updates must be a whole number from 1 to 1000000000, got "0"'],
  [["watch", "1", "--seconds", "-1"], '--seconds must be a number above 0 and at most 1000000, got "-1"'],
  [withValue("--price", "2501"), "--price 2501 bps is not on the odds ladder; the nearest ticks are 2500 (25%, 4.0) and 2532 (25.32%, 3.95)"],
  [withValue("--side", "hold"), '--side must be one of buy, sell, got "hold"'],
  [withValue("--quantity", "£1.00001"), '--quantity "£1.00001" is finer than £0.0001'],
  [withValue("--market", "0"), '--market must be a whole number from 1 to 4294967295, got "0"'],
  [[...ORDER, "--tif", "day"], '--tif must be one of gtc, ioc, kip, gth, got "day"'],
  [[...ORDER, "--reference", "-1"], '--reference must be a whole number from 0 to 18446744073709551615, got "-1"'],
  [without("--quantity"), "--quantity is required"],
  [without("--side"), "--side is required"],
  [["cancel"], "missing <orderId> (or --all to cancel every order)"],
  [["cancel", "0"], '<orderId> must be a whole number from 1 to 18446744073709551615, got "0"'],
  [["cancel", "5", "--all"], 'give an order id or --all, not both (got "5" and --all)'],
  [["cancel", "5", "--market", "1"], "--market 1 goes with --all"],
  [["cancel", "--all", "--market", "x"], '--market must be a whole number from 1 to 4294967295, got "x"'],
  [["orders", "--market", "0"], '--market must be a whole number from 1 to 4294967295, got "0"'],
  [["exchange", "--port", "70000"], '--port must be a whole number from 0 to 65535, got "70000"'],
] as const) {
  test(`exit 2: smarkets ${argv.join(" ")}`, async (t) => {
    const io = fakeIo();
    t.is(await dispatch(argv, io), 2);
    t.true(io.err.startsWith(`smarkets ${argv[0]}: ${message}`), io.err);
    t.is(io.out, "");
    t.false(io.err.includes("note:"), "no simulator was started");
  });
}

test("credentials from the environment are checked before connecting, and secrets are not repeated", async (t) => {
  const io = fakeIo({ env: { SMARKETS_PASSWORD: "s3cret" } });
  t.is(await dispatch(["ping", "--port", "1", "--plain"], io), 2);
  t.regex(io.err, /SMARKETS_PASSWORD is set but SMARKETS_USERNAME is not/);
  t.false(io.err.includes("s3cret"));
});

test("errors after the arguments: connection and login failures exit 1 with the typed error's message", (t) => {
  const io = fakeIo();
  t.is(reportError("ping", new ConnectionError("cannot connect to 127.0.0.1:1: connection refused"), io.stderr, false), 1);
  t.is(reportError("ping", new LoginError("login refused: LOGOUT_UNAUTHORISED (7)", 7), io.stderr, false), 1);
  t.is(io.err, "smarkets ping: cannot connect to 127.0.0.1:1: connection refused\nsmarkets ping: login refused: LOGOUT_UNAUTHORISED (7)\n");
});

test("a TLS failure suggests --plain; an interruption exits 130; anything else exits 1", (t) => {
  const io = fakeIo();
  t.is(reportError("watch", new ConnectionError("cannot connect to 127.0.0.1:3701: ssl3_get_record:wrong version number"), io.stderr, false), 1);
  t.regex(io.err, /add --plain/);
  t.is(reportError("watch", new AbortedError("login aborted"), io.stderr, true), 130);
  t.is(reportError("order", new OrderRejectedError(1, 2n, 3n), io.stderr, false), 1, "commands handle refusals themselves (exit 3)");
  t.is(reportError("order", new Error("boom"), io.stderr, false), 1);
  t.regex(io.err, /unexpected error: Error: boom/);
});
