// Where a command connects and as whom: the embedded simulator unless told
// otherwise, --port alone for a local simulator, TLS unless --plain, and
// credentials from the options, then the environment, then the demo account.
import test from "ava";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "../../cli/args.js";
import { CONNECTION_FLAGS, connectionArgs } from "../../cli/connection-args.js";
import { ArgumentError } from "../../runtime/errors.js";

const resolve = (argv: string[], env: NodeJS.ProcessEnv = {}) => connectionArgs(parseArgs(argv, CONNECTION_FLAGS, 0), env);

test("no --host and no --port: the embedded simulator and its demo account", (t) => {
  const c = resolve([]);
  t.deepEqual(c.endpoint, { kind: "embedded" });
  t.deepEqual(c.credentials, { username: "demo", password: "demo" });
  t.is(c.credentialSource, "demo");
  t.is(c.timeoutMs, 10_000);
  t.deepEqual(resolve(["--plain"]).endpoint, { kind: "embedded" }, "--plain changes nothing: the embedded simulator is plain already");
});

test("--port alone: a local simulator on 127.0.0.1, TLS unless --plain", (t) => {
  t.deepEqual(resolve(["--port", "3701", "--plain"]).endpoint, { kind: "remote", host: "127.0.0.1", port: 3701, tls: false });
  t.deepEqual(resolve(["--port", "3702"]).endpoint, { kind: "remote", host: "127.0.0.1", port: 3702, tls: true });
});

test("--host: port 3701 and TLS with verification by default; --ca trusts a CA file", (t) => {
  t.deepEqual(resolve(["--host", "api.example"]).endpoint, { kind: "remote", host: "api.example", port: 3701, tls: true });
  const dir = mkdtempSync(join(tmpdir(), "smarkets-cli-"));
  const ca = join(dir, "ca.pem");
  writeFileSync(ca, "PEM");
  const e = resolve(["--host", "api.example", "--ca", ca]).endpoint;
  t.deepEqual(e.kind === "remote" && typeof e.tls === "object" ? String(e.tls.ca) : undefined, "PEM");
});

test("credentials: options first, then SMARKETS_TOKEN, then SMARKETS_USERNAME/SMARKETS_PASSWORD", (t) => {
  const env = { SMARKETS_TOKEN: "tok", SMARKETS_USERNAME: "envuser", SMARKETS_PASSWORD: "envpass" };
  t.deepEqual(resolve(["--user", "u", "--password", "p"], env).credentials, { username: "u", password: "p" });
  t.deepEqual(resolve(["--user", "u"], { SMARKETS_PASSWORD: "envpass" }).credentials, { username: "u", password: "envpass" });
  t.deepEqual(resolve([], env).credentials, { token: "tok" });
  t.is(resolve([], env).credentialSource, "environment");
  t.deepEqual(resolve([], { ...env, SMARKETS_TOKEN: "" }).credentials, { username: "envuser", password: "envpass" }, "an empty variable counts as unset");
});

test("--timeout is in seconds", (t) => {
  t.is(resolve(["--timeout", "2.5"]).timeoutMs, 2_500);
});

for (const [argv, env, message] of [
  [["--ca", "ca.pem"], {}, /^--ca ca\.pem needs --host or --port: the embedded simulator speaks plain TCP$/],
  [["--port", "3701", "--plain", "--ca", "ca.pem"], {}, /^--ca ca\.pem is for TLS, and --plain turns TLS off/],
  [["--host", "h", "--ca", "/nonexistent/ca.pem"], {}, /^--ca \/nonexistent\/ca\.pem cannot be read \(ENOENT\)$/],
  [["--port", "0"], {}, /^--port must be a whole number from 1 to 65535, got "0"$/],
  [["--user", "alice"], {}, /^--user alice needs --password \(or SMARKETS_PASSWORD in the environment\)$/],
  [["--password", "s3cret"], {}, /^--password needs --user/],
  [[], { SMARKETS_USERNAME: "alice" }, /^SMARKETS_USERNAME is set but SMARKETS_PASSWORD is not$/],
  [[], { SMARKETS_PASSWORD: "s3cret" }, /^SMARKETS_PASSWORD is set but SMARKETS_USERNAME is not$/],
  [["--timeout", "0"], {}, /^--timeout must be a number above 0 and at most 3600, got "0"$/],
] as const) {
  test(`refused: ${JSON.stringify(argv)} ${JSON.stringify(env)}`, (t) => {
    const e = t.throws(() => resolve([...argv], env), { instanceOf: ArgumentError, message });
    t.false(e!.message.includes("s3cret"), "a password is never repeated");
  });
}
