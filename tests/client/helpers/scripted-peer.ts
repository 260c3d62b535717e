// A scripted exchange on a real loopback socket, built on the client's own
// codec: each accepted connection is handed to the test, which reads the
// client's payloads one by one and answers (or misbehaves) by hand. The test
// decides every step, so nothing depends on timing.
import * as net from "node:net";
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { encodeFrame, FrameDecoder } from "../../../runtime/framing/index.js";
import { encodePayload, etoPayload, loginResponsePayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";

export class PeerConnection {
  readonly socket: net.Socket;
  readonly #received: seto.Payload[] = [];
  readonly #waiting: ((p: seto.Payload | undefined) => void)[] = [];
  #ended = false;

  constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on("error", () => undefined); // tests provoke resets; the client is what is under test
    const decoder = new FrameDecoder({ frame: (bytes) => this.#arrived(seto.Payload.decode(bytes)) });
    socket.on("data", (chunk: Buffer) => decoder.push(chunk));
    socket.on("close", () => {
      this.#ended = true;
      for (const w of this.#waiting.splice(0)) w(undefined);
    });
  }

  get closed(): boolean {
    return this.#ended;
  }

  /** The client's next payload; rejects if the connection ends first. */
  async next(): Promise<seto.Payload> {
    const p = this.#received.shift() ?? (this.#ended ? undefined : await new Promise<seto.Payload | undefined>((r) => this.#waiting.push(r)));
    if (p === undefined) throw new Error("the client's connection ended");
    return p;
  }

  /** Skips the client's payloads until one of eto type `type`, and returns it. */
  async nextOf(type: eto.PayloadType): Promise<seto.Payload> {
    for (;;) {
      const p = await this.next();
      if (p.etoPayload?.type === type) return p;
    }
  }

  /** Writes framed payloads, all in one socket write. */
  write(...payloads: seto.Payload[]): void {
    this.socket.write(Buffer.concat(payloads.map((p) => encodeFrame(encodePayload(p)))));
  }

  /** Ends the connection with a TCP reset. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  #arrived(p: seto.Payload): void {
    const w = this.#waiting.shift();
    if (w) w(p);
    else this.#received.push(p);
  }
}

/** Numbers the exchange's payloads across the connections of one session. */
export class PeerStream {
  next = 1n;
  at(p: UnsequencedPayload): seto.Payload {
    return withSeq(p, this.next++);
  }
  loginResponse(session: string): seto.Payload {
    return this.at(loginResponsePayload(session));
  }
  eto(type: eto.PayloadType): seto.Payload {
    return this.at(etoPayload(type));
  }
}

export interface ScriptedPeer {
  readonly port: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** The next accepted connection, in order of acceptance. */
  connection(): Promise<PeerConnection>;
  close(): Promise<void>;
}

export async function scriptedPeer(): Promise<ScriptedPeer> {
  const ready: PeerConnection[] = [];
  const waiting: ((c: PeerConnection) => void)[] = [];
  const all: net.Socket[] = [];
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    all.push(socket);
    const c = new PeerConnection(socket);
    const w = waiting.shift();
    if (w) w(c);
    else ready.push(c);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    get accepted() {
      return accepted;
    },
    connection: () => {
      const c = ready.shift();
      return c ? Promise.resolve(c) : new Promise((r) => waiting.push(r));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of all) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Lets pending I/O callbacks run until `condition` holds (no sleeping, no timing). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

/**
 * Runs `client.login()` against `peer`'s next connection, answering its login
 * with a new session "s1"; the connection and the peer's numbering are the
 * test's to go on with.
 */
export async function logInThrough(peer: ScriptedPeer, client: { login(): Promise<unknown> }): Promise<{ c: PeerConnection; stream: PeerStream }> {
  const stream = new PeerStream();
  const login = client.login();
  const c = await peer.connection();
  await c.nextOf(eto.PayloadType.PAYLOAD_LOGIN);
  c.write(stream.loginResponse("s1"));
  await login;
  return { c, stream };
}
