// The options handed to `tls.connect`: the caller's, plus where to connect and
// the SNI / certificate host name, which defaults to `host` unless it is an IP
// address (SNI must not carry an IP; Node then checks the IP against the
// certificate's IP entries itself).
import { isIP } from "node:net";
import type { ConnectionOptions as TlsConnectionOptions } from "node:tls";

export function tlsConnectOptions(host: string, port: number, tls: TlsConnectionOptions): TlsConnectionOptions {
  const servername = tls.servername ?? (isIP(host) === 0 ? host : undefined);
  // host and port come last so a stray host/port inside `tls` cannot redirect the connection.
  return { ...tls, ...(servername === undefined ? {} : { servername }), host, port };
}

/** `[::1]:443` for IPv6 literals, `host:port` otherwise. */
export function formatAddress(host: string, port: number): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
