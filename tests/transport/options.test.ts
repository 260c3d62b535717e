// Option defaults, the TLS options passed to tls.connect, address formatting
// and the human reasons in error messages.
import test from "ava";
import { systemClock } from "../../runtime/clock.js";
import { ArgumentError, TimeoutError } from "../../runtime/errors.js";
import { describeCause, errorCode } from "../../runtime/transport/describe-cause.js";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_INBOUND_HIGH_WATER_MARK, resolveOptions } from "../../runtime/transport/options.js";
import { formatAddress, tlsConnectOptions } from "../../runtime/transport/tls-config.js";

test("defaults: verified TLS, 10 s connect timeout, no idle timeout, TCP_NODELAY, 1 MiB inbound mark, system clock", (t) => {
  const o = resolveOptions({ host: "api.example.com", port: 3701 });
  t.deepEqual(o.tls, {});
  t.is(o.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT_MS);
  t.is(DEFAULT_CONNECT_TIMEOUT_MS, 10_000);
  t.is(o.idleTimeoutMs, undefined);
  t.true(o.noDelay);
  t.is(o.inboundHighWaterMark, DEFAULT_INBOUND_HIGH_WATER_MARK);
  t.is(DEFAULT_INBOUND_HIGH_WATER_MARK, 1024 * 1024);
  t.is(o.clock, systemClock);
});

test("tls: false is plain TCP; an options object is kept", (t) => {
  t.is(resolveOptions({ host: "h", port: 1, tls: false }).tls, undefined);
  const ca = "pem";
  t.deepEqual(resolveOptions({ host: "h", port: 1, tls: { ca } }).tls, { ca });
});

test("invalid values are ArgumentErrors naming the value and the limit", (t) => {
  t.throws(() => resolveOptions({ host: undefined as unknown as string, port: 1 }), { instanceOf: ArgumentError, message: /got undefined/ });
  t.throws(() => resolveOptions({ host: "h", port: 0 }), { instanceOf: ArgumentError, message: /1\.\.65535, got 0/ });
  t.throws(() => resolveOptions({ host: "h", port: 1.5 }), { instanceOf: ArgumentError, message: /got 1\.5/ });
  t.throws(() => resolveOptions({ host: "h", port: 1, connectTimeoutMs: 2 ** 31 }), { instanceOf: ArgumentError, message: /2147483647\], got 2147483648/ });
  t.throws(() => resolveOptions({ host: "h", port: 1, idleTimeoutMs: -1 }), { instanceOf: ArgumentError, message: /idleTimeoutMs .* got -1/ });
  t.throws(() => resolveOptions({ host: "h", port: 1, inboundHighWaterMark: 1.5 }), { instanceOf: ArgumentError, message: /got 1\.5/ });
});

test("servername defaults to the host name, never to an IP address; an explicit one wins", (t) => {
  t.is(tlsConnectOptions("api.example.com", 443, {}).servername, "api.example.com");
  t.false("servername" in tlsConnectOptions("127.0.0.1", 443, {}));
  t.false("servername" in tlsConnectOptions("::1", 443, {}));
  t.is(tlsConnectOptions("127.0.0.1", 443, { servername: "localhost" }).servername, "localhost");
});

test("host and port cannot be overridden through the TLS options", (t) => {
  const o = tlsConnectOptions("a.example", 443, { host: "evil.example", port: 1, rejectUnauthorized: true });
  t.is(o.host, "a.example");
  t.is(o.port, 443);
  t.true(o.rejectUnauthorized);
});

test("addresses: IPv6 literals in brackets", (t) => {
  t.is(formatAddress("::1", 80), "[::1]:80");
  t.is(formatAddress("127.0.0.1", 80), "127.0.0.1:80");
  t.is(formatAddress("api.example.com", 443), "api.example.com:443");
});

const sysError = (code: string, message: string): Error => Object.assign(new Error(message), { code });

test("causes are described by kind, with their code", (t) => {
  t.is(describeCause(sysError("ENOTFOUND", "getaddrinfo ENOTFOUND nowhere.invalid")), "DNS knows no such host (ENOTFOUND)");
  t.is(describeCause(sysError("ECONNREFUSED", "connect ECONNREFUSED")), "connection refused, nothing is listening there (ECONNREFUSED)");
  t.is(
    describeCause(sysError("CERT_HAS_EXPIRED", "certificate has expired")),
    "TLS certificate rejected: certificate has expired (CERT_HAS_EXPIRED)",
  );
  t.is(describeCause(new TimeoutError("no answer within 5 ms", 5)), "no answer within 5 ms");
  t.is(describeCause(sysError("EWHATEVER", "odd failure")), "odd failure (EWHATEVER)");
  t.is(describeCause(sysError("EWHATEVER", "odd failure EWHATEVER")), "odd failure EWHATEVER", "the code is not repeated");
  t.is(describeCause("a string"), "a string");
  t.is(errorCode(sysError("EPIPE", "")), "EPIPE");
  t.is(errorCode(null), undefined);
  t.is(errorCode({ code: 42 }), undefined);
});
