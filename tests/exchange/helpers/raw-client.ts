// A bare socket for sending exactly the bytes a test wants (golden frames,
// garbage, oversized frames) and reading the exchange's frames back.
import * as net from "node:net";
import * as seto from "../../../generated/seto.js";
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import { payloadBody } from "../../../generated/payload-map.js";
import { encodeFrame, FrameDecoder } from "../../../runtime/framing/index.js";
import { encodePayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { IncomingPayload } from "../../../runtime/payload/incoming.js";
import { Inbox } from "./inbox.js";
import type { Where } from "./test-client.js";

export class RawClient {
  readonly inbox = new Inbox();
  readonly closed: Promise<void>;
  readonly #socket: net.Socket;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    const decoder = new FrameDecoder({ frame: (p) => this.inbox.push(new IncomingPayload(p.slice())) });
    socket.on("data", (chunk) => decoder.push(chunk));
    socket.on("error", () => {});
    this.closed = new Promise((resolve) => socket.once("close", () => resolve()));
  }

  static connect(where: Where): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: where.host, port: where.port });
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new RawClient(socket));
      });
    });
  }

  /** Writes raw bytes. */
  send(bytes: Uint8Array): void {
    this.#socket.write(bytes);
  }

  /** Writes one payload, framed, with the given seq. */
  sendPayload(p: UnsequencedPayload, seq: bigint): void {
    this.send(encodeFrame(encodePayload(withSeq(p, seq))));
  }

  /** The next payload of `name` not taken yet; resolves with the whole payload. */
  next(name: PayloadName, match: (p: IncomingPayload) => boolean = () => true): Promise<IncomingPayload> {
    return this.inbox.take((p) => p.name === name && match(p));
  }

  body<N extends PayloadName>(name: N, p: IncomingPayload): PayloadMessages[N] {
    return payloadBody(name, p.payload) as PayloadMessages[N];
  }

  destroy(): void {
    this.#socket.destroy();
  }
}

export function decode(bytes: Uint8Array): seto.Payload {
  return seto.Payload.decode(bytes);
}
