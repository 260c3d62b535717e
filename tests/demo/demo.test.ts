// `npm start` end to end: the real command, as a user runs it.
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseDemoArgs } from "../../scripts/demo/args.js";
import { ArgumentError } from "../../runtime/errors.js";
import { projectRoot } from "../helpers/shared.js";

const run = promisify(execFile);
const tsx = `${projectRoot}/node_modules/.bin/tsx`;

test("npm start prints the transcript of a whole session and exits 0", async (t) => {
  const { stdout } = await run(tsx, ["scripts/demo.ts"], { cwd: projectRoot, timeout: 60_000 });
  const lines = stdout.split("\n");
  t.regex(stdout, /exchange: embedded simulator at 127\.0\.0\.1:\d+/);
  for (const step of ["login", "ping", "subscribe", "order", "executed", "cancel", "logout"]) {
    t.true(lines.some((l) => new RegExp(`^\\d\\. ${step} \\.+ `).test(l)), `step ${step} shown`);
  }
  t.regex(stdout, /round trip \d+\.\d\d ms/);
  t.regex(stdout, /contract 1 +bids: .*\| +offers: /);
  t.regex(stdout, /accepted: order \d+/);
  t.regex(stdout, /executed \.+ £\d+\.\d\d of £\d+\.\d\d at an average \d+\.\d\d%/, "the order was part-executed");
  t.regex(stdout, /ORDER_CANCELLED_MEMBER_REQUESTED/);
  t.regex(stdout, /confirmed \(LOGOUT_CONFIRMATION\)/);
});

test("npm start --help and bad arguments", async (t) => {
  const { stdout } = await run(tsx, ["scripts/demo.ts", "--help"], { cwd: projectRoot });
  t.regex(stdout, /usage: npm start/);
  const err = await t.throwsAsync(run(tsx, ["scripts/demo.ts", "--port", "99999"], { cwd: projectRoot }));
  t.is((err as { code?: number }).code, 2);
  t.regex(String((err as { stderr?: string }).stderr), /--port needs a whole number from 1 to 65535, got "99999"/);
});

test("demo arguments: a real endpoint needs credentials from the environment", (t) => {
  t.throws(() => parseDemoArgs(["--host", "api.example"], {}), { instanceOf: ArgumentError, message: /SMARKETS_USERNAME/ });
  const a = parseDemoArgs(["--host", "api.example", "--plain", "--port", "3702"], { SMARKETS_TOKEN: "t" });
  t.deepEqual([a.host, a.port, a.tls, a.credentials], ["api.example", 3702, false, { token: "t" }]);
  const b = parseDemoArgs([], {});
  t.is(b.host, undefined);
  t.throws(() => parseDemoArgs(["--bogus"], {}), { message: /unknown argument "--bogus"/ });
});
