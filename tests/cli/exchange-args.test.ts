// `smarkets exchange`'s flags, through the CLI's one parser: every flag
// becomes an option, and every mistake is an ArgumentError that names the
// flag without repeating a secret.
import test from "ava";
import { parseArgs } from "../../cli/args.js";
import { EXCHANGE_FLAGS, exchangeArgs } from "../../cli/exchange-args.js";
import { ArgumentError } from "../../runtime/errors.js";

const parse = (argv: readonly string[]) => exchangeArgs(parseArgs(argv, EXCHANGE_FLAGS, 0));

test("flags become options; repeated accounts with tokens and balances", (t) => {
  const args = parse([
    "--port", "0", "--host", "0.0.0.0",
    "--account", "al:pw:with:colons", "--account", "bo:pw2", "--token", "al:tk", "--token=bo:tk2",
    "--balance", "50", "--activity", "--seed", "9", "--interval", "250", "--log-level", "warn",
  ]);
  t.deepEqual(args, {
    port: 0,
    host: "0.0.0.0",
    accounts: [
      { username: "al", password: "pw:with:colons", token: "tk", balance: 50 },
      { username: "bo", password: "pw2", token: "tk2", balance: 50 },
    ],
    tlsKeyFile: undefined,
    tlsCertFile: undefined,
    activity: { live: true, seed: 9, intervalMs: 250 },
    logLevel: "warn",
  });
});

test("defaults: port 3701 on loopback, the demo accounts, no live activity, info logs", (t) => {
  t.like(parse([]), { port: 3701, host: "127.0.0.1", accounts: undefined, activity: { live: false, seed: 1, intervalMs: 1000 }, logLevel: "info" });
  const rich = parse(["--balance", "12.5"]);
  t.deepEqual(rich.accounts?.map((a) => [a.username, a.balance]), [["demo", 12.5], ["demo2", 12.5]]);
});

test("--help is a request for help, whatever else is given", (t) => {
  t.true(parseArgs(["--port", "x", "--help"], EXCHANGE_FLAGS, 0).help);
});

for (const [argv, message] of [
  [["--port"], /^--port needs a value$/],
  [["--port", "-1"], /^--port must be a whole number from 0 to 65535, got "-1"$/],
  [["--port", "70000"], /^--port must be a whole number from 0 to 65535, got "70000"$/],
  [["--port", "1", "--port", "2"], /^--port is given more than once$/],
  [["--account", "nocolon"], /^--account must be USER:PASSWORD, with both parts non-empty$/],
  [["--account", "al:"], /^--account must be USER:PASSWORD/],
  [["--token", "x:y"], /^--token names "x", which no --account gives$/],
  [["--tls-cert", "c.pem"], /^--tls-key and --tls-cert go together/],
  [["--log-level", "loud"], /^--log-level must be debug, info, warn, error or silent, got "loud"$/],
  [["--balance", "-3"], /^--balance must be a non-negative amount, got "-3"$/],
  [["--seed", "x"], /^--seed must be a whole number from 0 to 4294967295, got "x"$/],
  [["--interval", "0"], /^--interval must be a whole number from 1 to 2147483647, got "0"$/],
  [["--bogus"], /^unknown option "--bogus"$/],
  [["extra"], /^unexpected argument "extra"$/],
] as const) {
  test(`refused: ${argv.join(" ")}`, (t) => {
    const err = t.throws(() => parse(argv), { instanceOf: ArgumentError, message });
    t.false(err?.message.includes("nocolon") ?? false, "a secret is never repeated");
  });
}
