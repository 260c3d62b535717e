// The seed's setting names are taken as aliases or refused with the name to
// use instead, and keys that are no setting at all are refused: none is
// silently ignored (as `{ ssl: false }` once was, leaving TLS on).
import test from "ava";
import { ArgumentError } from "../../runtime/errors.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { resolveSessionSettings, type SessionSettings } from "../../runtime/session/settings.js";
import { exchange } from "../client/helpers.js";

const base = { username: "u", password: "p" };
/** Settings as JavaScript code ported from the seed writes them (the TypeScript type has only our names). */
const seed = (extra: Record<string, unknown>): SessionSettings => ({ ...base, ...extra }) as SessionSettings;

test("ssl is the seed's name for tls: { ssl: false } turns TLS off", (t) => {
  t.false(resolveSessionSettings(seed({ ssl: false })).tls);
  t.true(resolveSessionSettings(seed({ ssl: true })).tls);
  t.true(resolveSessionSettings(seed({ ssl: undefined })).tls);
});

test("a client given { ssl: false } talks plain TCP: it logs in to the plain-TCP simulator", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = new StreamingAPIClient(seed({ username: "demo", password: "demo", host: ex.host, port: ex.port, ssl: false }), {
    logger: silentLogger,
  });
  t.teardown(() => client.close());
  t.false(client.settings.tls);
  const { sessionId } = await client.login({ timeoutMs: 10_000 });
  t.truthy(sessionId);
  await client.logout();
});

test("ssl takes only a boolean, and not together with tls", (t) => {
  t.throws(() => resolveSessionSettings(seed({ ssl: "no" })), { instanceOf: ArgumentError, message: /ssl \(the seed's name for tls\) must be true or false, got "no"/ });
  t.throws(() => resolveSessionSettings(seed({ ssl: false, tls: true })), { instanceOf: ArgumentError, message: /ssl is the seed's name for tls: give one of them, not both/ });
});

test("the seed's Session arguments inseq, outseq and account_sequence are aliases, ints accepted", (t) => {
  const s = resolveSessionSettings(seed({ sessionId: "s", inseq: 5, outseq: 7n, account_sequence: 12 }));
  t.like(s, { inSeq: 5n, outSeq: 7n, accountSequence: 12n });
  t.throws(() => resolveSessionSettings(seed({ sessionId: "s", inseq: -1 })), { instanceOf: ArgumentError, message: /inseq \(the seed's name for inSeq\) must be a bigint or a whole number, got -1/ });
  // Our own checks still apply to the translated value.
  t.throws(() => resolveSessionSettings(seed({ inseq: 5 })), { instanceOf: ArgumentError, message: /need sessionId/ });
});

const refused: [string, unknown, RegExp][] = [
  ["ssl_kwargs", { ca_certs: "/etc/ca.pem" }, /ssl_kwargs \(the seed's setting\) is not taken: give tls: \{ … \} with node tls\.connect options/],
  ["socket_timeout", 30, /socket_timeout \(the seed's setting\) is not taken: give connectTimeoutMs \(milliseconds, not seconds\).*deadAfterMs/],
  ["tcp_nodelay", false, /tcp_nodelay \(the seed's setting\) is not taken: the client always sets TCP_NODELAY/],
  ["read_chunksize", 65536, /read_chunksize \(the seed's setting\) is not taken: Node reads whatever the socket has.*maxFrameSize/],
];

for (const [name, value, message] of refused) {
  test(`the seed's ${name} is refused, naming what to use instead`, (t) => {
    t.throws(() => resolveSessionSettings(seed({ [name]: value })), { instanceOf: ArgumentError, message });
  });
}

test("tcp_nodelay: true is what the client does anyway, so it is accepted", (t) => {
  t.notThrows(() => resolveSessionSettings(seed({ tcp_nodelay: true })));
});

test("an unknown key is refused, naming it and the closest setting", (t) => {
  const cases: [string, RegExp][] = [
    ["tsl", /unknown setting "tsl": did you mean tls\?/],
    ["pasword", /unknown setting "pasword": did you mean password\?/],
    ["connect_timeout_ms", /did you mean connectTimeoutMs\?/],
    ["heartbeatInterval", /did you mean heartbeatIntervalMs\?/],
    ["socketTimeout", /unknown setting "socketTimeout": if you meant the seed's socket_timeout, give connectTimeoutMs/],
    ["sll", /unknown setting "sll": did you mean tls\?/],
    ["accountSeq", /did you mean accountSequence\?/],
    ["inSequence", /did you mean inSeq\?/],
    ["colour", /unknown setting "colour": settings are username, password, token, host, port, tls, /],
  ];
  for (const [key, message] of cases) {
    t.throws(() => resolveSessionSettings(seed({ [key]: 1 })), { instanceOf: ArgumentError, message }, key);
  }
});

test("resolved settings, seed names translated, resolve to themselves", (t) => {
  const once = resolveSessionSettings(seed({ ssl: false, sessionId: "s", inseq: 3 }));
  t.deepEqual(resolveSessionSettings(once), once);
});
