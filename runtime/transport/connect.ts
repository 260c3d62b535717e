// Opens a TCP or TLS connection. Every way it can fail ends in one rejection
// naming host:port and why, with the socket destroyed, the timer cancelled
// and our listeners removed.
import * as net from "node:net";
import * as tls from "node:tls";
import { AbortedError, ConnectionError, TimeoutError } from "../errors.js";
import { Connection } from "./connection.js";
import { describeCause } from "./describe-cause.js";
import { resolveOptions, type ResolvedOptions, type TransportOptions } from "./options.js";
import { formatAddress, tlsConnectOptions } from "./tls-config.js";

/**
 * Connects to `host:port`, over TLS with certificate and host-name checks
 * unless told otherwise. Rejects with ArgumentError for bad options,
 * ConnectionError (refused, DNS, timeout, certificate…) or AbortedError.
 */
export function connect(options: TransportOptions): Promise<Connection> {
  let resolved: ResolvedOptions;
  try {
    resolved = resolveOptions(options);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise((resolve, reject) => attempt(resolved, resolve, reject));
}

function attempt(options: ResolvedOptions, resolve: (c: Connection) => void, reject: (err: unknown) => void): void {
  const { host, port, signal, clock, connectTimeoutMs } = options;
  const where = formatAddress(host, port);
  if (signal?.aborted) {
    reject(new AbortedError(`connecting to ${where} was aborted before it started`, { cause: signal.reason }));
    return;
  }

  const socket = options.tls ? tls.connect(tlsConnectOptions(host, port, options.tls)) : net.connect({ host, port });
  socket.setNoDelay(options.noDelay);
  const readyEvent = options.tls ? "secureConnect" : "connect";

  const onReady = (): void => {
    cleanUp();
    resolve(
      new Connection(socket, {
        host,
        port,
        encrypted: options.tls !== undefined,
        inboundHighWaterMark: options.inboundHighWaterMark,
        maxOutboundBytes: options.maxOutboundBytes,
        idleTimeoutMs: options.idleTimeoutMs,
        clock,
      }),
    );
  };
  const onError = (err: Error): void => fail(new ConnectionError(`cannot connect to ${where}: ${describeCause(err)}`, host, port, { cause: err }));
  // Node reports failures through 'error' first; this is a safety net.
  const onClose = (): void => onError(new Error("the socket closed before the connection was established"));
  const onAbort = (): void => fail(new AbortedError(`connecting to ${where} was aborted`, { cause: signal?.reason }));
  const timer = clock.setTimer(connectTimeoutMs, () => {
    // `connecting` is false once TCP is up, so only the TLS handshake is missing.
    const stage = options.tls && !socket.connecting ? "TLS handshake not finished" : "TCP connection not established";
    onError(new TimeoutError(`${stage} within ${connectTimeoutMs} ms (connectTimeoutMs)`, connectTimeoutMs));
  });

  socket.once(readyEvent, onReady);
  socket.on("error", onError);
  socket.once("close", onClose);
  signal?.addEventListener("abort", onAbort, { once: true });

  function cleanUp(): void {
    timer.cancel();
    signal?.removeEventListener("abort", onAbort);
    socket.off(readyEvent, onReady);
    socket.off("error", onError);
    socket.off("close", onClose);
  }

  function fail(err: Error): void {
    cleanUp();
    // Nobody listens to this socket any more; an error it still reports while
    // being torn down must not become an uncaught 'error' event.
    socket.on("error", () => {});
    socket.destroy();
    reject(err);
  }
}
