// A raw protocol peer on one socket, built on the project's own codec: frames
// out (any payload, any seq, or any bytes at all), payloads in (as
// IncomingPayloads, undecodable frames counted), a way to wait for one, and
// writes that honour backpressure. The hostile servers of the client fuzz
// stand on it, as the garbage clients of the exchange fuzz do.
import * as net from "node:net";
import { encodeFrame, FrameDecoder, MAX_FRAME_SIZE_LIMIT } from "../../runtime/framing/index.js";
import { encodePayload, withSeq, type UnsequencedPayload } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

type Match = (p: IncomingPayload) => boolean;

export class RawPeer {
  readonly closed: Promise<void>;
  /** Payloads received so far. */
  received = 0;
  /** Frames that did not hold a payload, and streams that could not be framed. */
  garbage = 0;
  bytesIn = 0;
  bytesOut = 0;
  /** Floods under way on this peer (see hostile/kit.ts): it will write again without anything read. */
  flooding = 0;
  /** Called with every payload received (before any waitFor is answered). */
  onPayload: ((p: IncomingPayload) => void) | undefined;
  readonly #socket: net.Socket;
  #waiters: { match: Match; resolve: (p: IncomingPayload | undefined) => void }[] = [];
  #isClosed = false;

  constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.setNoDelay(true);
    const decoder = new FrameDecoder({ frame: (bytes) => this.#payload(bytes) }, { maxFrameSize: MAX_FRAME_SIZE_LIMIT });
    socket.on("data", (chunk: Buffer) => {
      this.bytesIn += chunk.length;
      try {
        decoder.push(chunk);
      } catch {
        this.garbage++;
        socket.destroy();
      }
    });
    socket.on("error", () => undefined);
    this.closed = new Promise((resolve) =>
      socket.once("close", () => {
        this.#isClosed = true;
        for (const w of this.#waiters.splice(0)) w.resolve(undefined);
        resolve();
      }),
    );
  }

  /** Connects to `host:port`; rejects if that fails. */
  static connect(host: string, port: number): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port });
      socket.once("error", reject);
      socket.once("connect", () => {
        socket.off("error", reject);
        resolve(new RawPeer(socket));
      });
    });
  }

  get isClosed(): boolean {
    return this.#isClosed || this.#socket.destroyed;
  }

  /** True while the socket takes more without waiting (its buffer is under the high-water mark). */
  get writable(): boolean {
    return !this.isClosed && !this.#socket.writableNeedDrain;
  }

  /** Frames and writes `p` numbered `seq`. */
  send(p: UnsequencedPayload, seq: bigint): void {
    this.write(encodeFrame(encodePayload(withSeq(p, seq))));
  }

  /** Writes bytes as they are (no framing). */
  write(bytes: Uint8Array): void {
    if (this.isClosed) return;
    this.bytesOut += bytes.length;
    this.#socket.write(bytes);
  }

  /** Resolves once the socket can take more (at once if it can), or the connection closed. */
  drained(): Promise<void> {
    if (this.writable || this.isClosed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.#socket.off("drain", done);
        this.#socket.off("close", done);
        resolve();
      };
      this.#socket.once("drain", done);
      this.#socket.once("close", done);
    });
  }

  /** The first payload received from now on that `match` accepts, or undefined if the connection closes first. */
  waitFor(match: Match): Promise<IncomingPayload | undefined> {
    if (this.isClosed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }

  /** Stops reading (what the other side sends piles up in its buffers). */
  pause(): void {
    this.#socket.pause();
  }

  resume(): void {
    this.#socket.resume();
  }

  /** Ends our side after what was written (FIN). */
  end(): void {
    if (!this.isClosed) this.#socket.end();
  }

  /** Closes at once; `reset` sends an RST instead of a FIN. */
  destroy(reset = false): void {
    if (this.#socket.destroyed) return;
    if (reset) this.#socket.resetAndDestroy();
    else this.#socket.destroy();
  }

  #payload(bytes: Uint8Array): void {
    let p: IncomingPayload;
    try {
      p = new IncomingPayload(bytes.slice());
    } catch {
      this.garbage++;
      return;
    }
    this.received++;
    this.onPayload?.(p);
    if (this.#waiters.length === 0) return;
    for (const w of [...this.#waiters]) {
      if (!w.match(p)) continue;
      this.#waiters.splice(this.#waiters.indexOf(w), 1);
      w.resolve(p);
    }
  }
}
