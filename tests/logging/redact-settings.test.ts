import test from "ava";
import fc from "fast-check";
import { consoleLogger, isSecretKey, redactSettings, REDACTED } from "../../runtime/logging/index.js";

test("password, token and other secret keys are replaced at any depth; the rest is kept", (t) => {
  const buffer = new Uint8Array([1, 2]);
  const settings = {
    host: "api.smarkets.com",
    port: 3701,
    username: "alice",
    password: "hunter2",
    token: "t-1",
    sessionTimeoutMs: 30000,
    session: "s-1",
    tls: { ca: buffer, key: "PRIVATE", passphrase: "pp", rejectUnauthorized: true },
    accounts: [{ name: "a", apiKey: "k" }],
    clientSecret: "cs",
    cookie: buffer,
    missingPassword: undefined,
  };
  const redacted = redactSettings(settings);
  t.deepEqual(redacted, {
    host: "api.smarkets.com",
    port: 3701,
    username: "alice",
    password: REDACTED,
    token: REDACTED,
    sessionTimeoutMs: 30000,
    session: REDACTED,
    tls: { ca: buffer, key: REDACTED, passphrase: REDACTED, rejectUnauthorized: true },
    accounts: [{ name: "a", apiKey: REDACTED }],
    clientSecret: REDACTED,
    cookie: REDACTED,
    missingPassword: undefined,
  });
  // A copy: the original is untouched.
  t.is(settings.password, "hunter2");
  t.is(settings.tls.key, "PRIVATE");
});

test("secret key names", (t) => {
  for (const key of ["password", "Password", "newPassword", "passwd", "token", "accessToken", "cookie", "secret", "apiKey", "api_key", "key", "privateKey", "session", "sessionId", "session_id", "credentials"]) {
    t.true(isSecretKey(key), key);
  }
  for (const key of ["host", "username", "sessionTimeoutMs", "keepAlive", "monkey", "seq", "label"]) {
    t.false(isSecretKey(key), key);
  }
});

test("never throws: cycles, throwing getters, class instances kept by reference", (t) => {
  const cyclic: Record<string, unknown> = { password: "p" };
  cyclic["self"] = cyclic;
  t.deepEqual(redactSettings(cyclic), { password: REDACTED, self: "[circular]" });
  const getter = {
    get broken(): never {
      throw new Error("no");
    },
  };
  t.deepEqual(redactSettings(getter), { broken: "[unreadable]" });
  const date = new Date(0);
  t.is(redactSettings({ when: date })["when"], date);
  const shared = { a: 1 };
  t.deepEqual(redactSettings({ x: shared, y: shared }), { x: { a: 1 }, y: { a: 1 } });
});

test("property: secrets never appear in redacted settings, nor in a log line of them", (t) => {
  const secret = fc.string({ minLength: 1, maxLength: 30 }).map((s) => `S3CR3T:${s}`);
  const secretKey = fc.constantFrom("password", "token", "apiToken", "clientSecret", "cookie", "passphrase");
  const plain = fc.oneof(fc.string({ maxLength: 10 }).map((s) => s.replace(/S3CR3T/g, "")), fc.integer(), fc.boolean());
  const plainKey = fc.constantFrom("host", "port", "username", "label", "region");
  const settings = fc.letrec((tie) => ({
    object: fc
      .tuple(fc.dictionary(plainKey, fc.oneof(plain, tie("object")), { maxKeys: 3 }), fc.dictionary(secretKey, secret, { minKeys: 1, maxKeys: 2 }))
      .map(([open, hidden]) => ({ ...open, ...hidden }) as Record<string, unknown>),
  })).object;
  fc.assert(
    fc.property(settings, (s) => {
      const lines: string[] = [];
      consoleLogger({ stream: { write: (x: string) => lines.push(x) } }).info({ settings: redactSettings(s) }, "configured");
      const copy = JSON.stringify(redactSettings(s));
      return !copy.includes("S3CR3T") && lines.length === 1 && !lines[0]!.includes("S3CR3T");
    }),
  );
  t.pass();
});
