// A scripted exchange on a real socket, built on the client's own codec: it
// answers the login with a login response (seq 1) and then does only what the
// test tells it — a peer that never answers a ping, or floods pings and never
// reads, is a few lines.
import * as net from "node:net";
import type { AddressInfo } from "node:net";
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { encodeFrame, FrameDecoder } from "../../../runtime/framing/index.js";
import { encodePayload, etoPayload, loginResponsePayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";

export interface ScriptedPeer {
  readonly socket: net.Socket;
  /** Payloads received from the client, decoded, in order. */
  readonly received: seto.Payload[];
  /** Sends `p` numbered with the peer's next seq. */
  send(p: UnsequencedPayload): void;
  /** The frame bytes of `p` at the peer's next seq (for bulk writes), advancing the seq. */
  frame(p: UnsequencedPayload): Uint8Array;
}

export interface ScriptedServer {
  readonly port: number;
  /** Resolves with the first connection, once its login was answered. */
  readonly loggedIn: Promise<ScriptedPeer>;
  close(): Promise<void>;
}

export async function scriptedServer(): Promise<ScriptedServer> {
  const sockets: net.Socket[] = [];
  let ready!: (peer: ScriptedPeer) => void;
  const loggedIn = new Promise<ScriptedPeer>((resolve) => (ready = resolve));
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on("error", () => undefined);
    let next = 1n;
    const peer: ScriptedPeer = {
      socket,
      received: [],
      frame: (p) => encodeFrame(encodePayload(withSeq(p, next++))),
      send: (p) => socket.write(peer.frame(p)),
    };
    const decoder = new FrameDecoder({
      frame(bytes) {
        const payload = seto.Payload.decode(bytes);
        peer.received.push(payload);
        if (payload.etoPayload?.type === eto.PayloadType.PAYLOAD_LOGIN) {
          peer.send(loginResponsePayload("scripted-session"));
          ready(peer);
        }
      },
    });
    socket.on("data", (chunk: Buffer) => decoder.push(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    loggedIn,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export const ping = (): UnsequencedPayload => etoPayload(eto.PayloadType.PAYLOAD_PING);
export const heartbeat = (): UnsequencedPayload => etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT);
