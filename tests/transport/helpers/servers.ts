// In-process servers on 127.0.0.1 with ephemeral ports, for transport tests.
import * as net from "node:net";
import * as tls from "node:tls";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../helpers/shared.js";

export const LOOPBACK = "127.0.0.1";

/** Reads a file from tests/fixtures/tls (made by make-certs.sh). */
export function tlsFixture(name: string): Buffer {
  return readFileSync(join(projectRoot, "tests", "fixtures", "tls", name));
}

export type CertName = "server" | "wrong-host" | "self-signed";

export interface TestServer {
  port: number;
  /** Resolves with the next accepted socket (in order of acceptance). */
  nextSocket(): Promise<net.Socket>;
  /** Stops listening and destroys every accepted socket. */
  close(): Promise<void>;
}

function track(server: net.Server, connectionEvent: string): Promise<TestServer> {
  const accepted: net.Socket[] = [];
  const all: net.Socket[] = [];
  const waiting: Array<(s: net.Socket) => void> = [];
  server.on(connectionEvent, (socket: net.Socket) => {
    all.push(socket);
    socket.on("error", () => {}); // tests provoke resets; the client side is what is under test
    const waiter = waiting.shift();
    if (waiter) waiter(socket);
    else accepted.push(socket);
  });
  // A TLS handshake the client aborts is reported here; not the server's business in these tests.
  server.on("tlsClientError", () => {});
  return new Promise((resolve) => {
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        port,
        nextSocket: () => {
          const s = accepted.shift();
          return s ? Promise.resolve(s) : new Promise((r) => waiting.push(r));
        },
        close: () =>
          new Promise<void>((r) => {
            all.forEach((s) => s.destroy());
            server.close(() => r());
          }),
      });
    });
  });
}

/** A plain TCP server. `pauseOnConnect` makes it read nothing until told. */
export function startTcpServer(options: net.ServerOpts = {}): Promise<TestServer> {
  return track(net.createServer(options), "connection");
}

/** A TLS server presenting one of the fixture certificates. */
export function startTlsServer(cert: CertName): Promise<TestServer> {
  const server = tls.createServer({ cert: tlsFixture(`${cert}.pem`), key: tlsFixture(`${cert}.key`) });
  return track(server, "secureConnection");
}

/** A port that nothing listens on (a server bound and closed again). */
export async function closedPort(): Promise<number> {
  const server = await startTcpServer();
  await server.close();
  return server.port;
}

/** Lets pending I/O callbacks run, `turns` times. */
export async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

/** Waits (event-loop turn by turn, no sleeping) until `condition` holds. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

/** Collects everything a socket sends until it ends. */
export function readToEnd(socket: net.Socket): Promise<Buffer> {
  const parts: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => parts.push(chunk));
  return new Promise((resolve) => socket.once("end", () => resolve(Buffer.concat(parts))));
}

/** Resolves once `socket` emitted 'close'. */
export function socketClosed(socket: net.Socket): Promise<void> {
  return socket.closed ? Promise.resolve() : new Promise((r) => socket.once("close", () => r()));
}
