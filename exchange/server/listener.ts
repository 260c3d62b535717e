// The listening socket: plain TCP, or TLS with the given key and certificate.
// Resolves once listening; rejects (nothing left open) if it cannot listen.
import * as net from "node:net";
import * as tls from "node:tls";
import { ConnectionError } from "../../runtime/errors.js";
import type { Logger } from "../../runtime/logging/index.js";
import { formatAddress } from "../../runtime/transport/tls-config.js";
import type { TlsOptions } from "./options.js";

export interface Listening {
  readonly server: net.Server;
  readonly host: string;
  readonly port: number;
}

export function listen(
  where: { readonly host: string; readonly port: number; readonly tls: TlsOptions | undefined },
  onSocket: (socket: net.Socket) => void,
  log: Logger,
): Promise<Listening> {
  const server = where.tls
    ? tls.createServer({ key: where.tls.key, cert: where.tls.cert }).on("secureConnection", onSocket)
    : net.createServer().on("connection", onSocket);
  // A handshake a client botches is that client's problem, not the exchange's.
  server.on("tlsClientError", (err: Error) => log.debug({ err }, "TLS handshake failed"));
  return new Promise((resolve, reject) => {
    const failed = (err: Error): void => {
      server.close();
      reject(new ConnectionError(`cannot listen on ${formatAddress(where.host, where.port)}: ${err.message}`, where.host, where.port, { cause: err }));
    };
    server.once("error", failed);
    server.listen(where.port, where.host, () => {
      server.off("error", failed);
      server.on("error", (err) => log.error({ err }, "listening socket error"));
      const address = server.address() as net.AddressInfo;
      resolve({ server, host: where.host, port: address.port });
    });
  });
}
