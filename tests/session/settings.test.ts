import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { resolveSessionSettings, SESSION_DEFAULTS, type SessionSettings } from "../../runtime/session/settings.js";

const base: SessionSettings = { username: "u", password: "p" };

test("defaults fill everything not given", (t) => {
  const s = resolveSessionSettings(base);
  t.like(s, {
    ...SESSION_DEFAULTS,
    username: "u",
    password: "p",
    token: undefined,
    sessionId: undefined,
    inSeq: 1n,
    outSeq: 1n,
    accountSequence: undefined,
  });
  t.is(s.host, "api.smarkets.com");
  t.is(s.port, 3701);
  t.true(s.tls);
});

test("given values are kept, tls options pass through", (t) => {
  const tls = { rejectUnauthorized: false };
  const s = resolveSessionSettings({ token: "t", host: "h", port: 1, tls, sessionId: "s", inSeq: 5n, outSeq: 6n, accountSequence: 0n, maxHeldPayloads: 0 });
  t.like(s, { token: "t", host: "h", port: 1, sessionId: "s", inSeq: 5n, outSeq: 6n, accountSequence: 0n, maxHeldPayloads: 0 });
  t.is(s.tls, tls);
});

test("resolving is idempotent", (t) => {
  for (const given of [base, { token: "t", sessionId: "s", inSeq: 4n, outSeq: 9n, accountSequence: 3n }]) {
    const once = resolveSessionSettings(given);
    t.deepEqual(resolveSessionSettings(once), once);
  }
});

const bad: [string, SessionSettings, RegExp][] = [
  ["no credentials", {}, /credentials missing/],
  ["username without password", { username: "u" }, /credentials missing/],
  ["password and token", { username: "u", password: "p", token: "t" }, /either password or token/],
  ["empty token", { token: "" }, /token must not be empty/],
  ["non-string username", { username: 5 as unknown as string, password: "p" }, /username must be a string, got 5/],
  ["negative timeout", { ...base, loginTimeoutMs: -1 }, /loginTimeoutMs must be a number of milliseconds in \(0, 2147483647\], got -1/],
  ["zero timeout", { ...base, replayTimeoutMs: 0 }, /replayTimeoutMs/],
  ["NaN timeout", { ...base, connectTimeoutMs: Number.NaN }, /connectTimeoutMs/],
  ["timeout beyond a timer's reach", { ...base, heartbeatIntervalMs: 2 ** 31 }, /heartbeatIntervalMs/],
  ["dead before a heartbeat", { ...base, heartbeatIntervalMs: 5_000, deadAfterMs: 5_000 }, /deadAfterMs \(5000\) must exceed heartbeatIntervalMs \(5000\)/],
  ["port 0", { ...base, port: 0 }, /port must be an integer in 1\.\.65535, got 0/],
  ["port 70000", { ...base, port: 70_000 }, /port/],
  ["fractional store size", { ...base, outgoingStoreSize: 1.5 }, /outgoingStoreSize must be an integer/],
  ["negative hold", { ...base, maxHeldPayloads: -1 }, /maxHeldPayloads/],
  ["tiny maxFrameSize", { ...base, maxFrameSize: 2 }, /maxFrameSize/],
  ["tls a string", { ...base, tls: "yes" as unknown as boolean }, /tls must be a boolean or tls\.ConnectionOptions/],
  ["empty host", { ...base, host: "" }, /host must not be empty/],
  ["inSeq without sessionId", { ...base, inSeq: 5n }, /need sessionId/],
  ["seq 0", { ...base, sessionId: "s", outSeq: 0n }, /outSeq must be a bigint seq in 1\.\.2\^64-1, got 0n/],
  ["seq as a number", { ...base, sessionId: "s", inSeq: 5 as unknown as bigint }, /inSeq must be a bigint/],
  ["negative account sequence", { ...base, accountSequence: -1n }, /accountSequence must be a bigint in 0\.\.2\^64-1, got -1n/],
  ["empty session id", { ...base, sessionId: "" }, /sessionId must not be empty/],
];

for (const [name, settings, message] of bad) {
  test(`refused: ${name}`, (t) => {
    t.throws(() => resolveSessionSettings(settings), { instanceOf: ArgumentError, message });
  });
}

test("refused: not an object", (t) => {
  t.throws(() => resolveSessionSettings(null as unknown as SessionSettings), { instanceOf: ArgumentError });
});
