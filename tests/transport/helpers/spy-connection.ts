// A Connection over a socket whose `write` calls are counted, to check that
// a flush is one socket write and that nothing is written before 'drain'.
import * as net from "node:net";
import { systemClock } from "../../../runtime/clock.js";
import { Connection } from "../../../runtime/transport/connection.js";
import { DEFAULT_INBOUND_HIGH_WATER_MARK } from "../../../runtime/transport/options.js";
import { LOOPBACK } from "./servers.js";

export interface SpiedConnection {
  conn: Connection;
  socket: net.Socket;
  /** Sizes of the buffers passed to socket.write, in call order. */
  writes: number[];
}

export async function spiedConnection(port: number): Promise<SpiedConnection> {
  const socket = net.connect({ host: LOOPBACK, port });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const writes: number[] = [];
  const write = socket.write.bind(socket) as (chunk: Uint8Array, cb: (err?: Error | null) => void) => boolean;
  socket.write = ((chunk: Uint8Array, cb: (err?: Error | null) => void) => {
    writes.push(chunk.length);
    return write(chunk, cb);
  }) as typeof socket.write;
  const conn = new Connection(socket, {
    host: LOOPBACK,
    port,
    encrypted: false,
    inboundHighWaterMark: DEFAULT_INBOUND_HIGH_WATER_MARK,
    idleTimeoutMs: undefined,
    clock: systemClock,
  });
  return { conn, socket, writes };
}
