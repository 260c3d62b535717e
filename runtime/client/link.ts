// One connection's worth of plumbing between the transport and the session:
// inbound chunks → frames → session.receive; session payloads → frames →
// connection. A new Link is made for every (re)connection; the Session lives on.
import { SocketDisconnected, SmarketsError } from "../errors.js";
import { encodeFrame, FrameDecoder } from "../framing/index.js";
import type { Connection } from "../transport/index.js";

export interface LinkEvents {
  /** One complete payload from the peer. */
  payload(bytes: Uint8Array): void;
  /** A failure that ends this connection (bad framing, socket error). */
  failed(error: SmarketsError): void;
}

export class Link {
  readonly #connection: Connection;
  readonly #decoder: FrameDecoder;
  readonly #events: LinkEvents;
  #iterator: AsyncIterator<Uint8Array> | undefined;
  #failure: SmarketsError | undefined;
  #watchedFlush: Promise<void> | undefined;

  constructor(connection: Connection, maxFrameSize: number, events: LinkEvents) {
    this.#connection = connection;
    this.#events = events;
    this.#decoder = new FrameDecoder({ frame: (p) => events.payload(p) }, { maxFrameSize });
  }

  get connection(): Connection {
    return this.#connection;
  }

  /** Frames and queues a payload; `urgent` ones are flushed at once (with whatever was queued before them). */
  write(payload: Uint8Array, urgent: boolean): void {
    this.#connection.write(encodeFrame(payload));
    if (!urgent) return;
    // Flushes made while the socket awaits 'drain' share one promise: watch it once, not once per payload.
    const flushed = this.flush();
    if (flushed === this.#watchedFlush) return;
    this.#watchedFlush = flushed;
    flushed.catch((e: unknown) => this.#fail(e));
  }

  /** Sends everything queued in one socket write; resolves once the kernel took it. */
  flush(): Promise<void> {
    return this.#connection.flush();
  }

  /** Reads chunks until the connection ends; resolves when it has (the cause, if it failed). */
  async run(): Promise<SmarketsError | undefined> {
    for (;;) {
      const more = await this.readChunk();
      if (more !== true) return more === false ? undefined : more;
    }
  }

  /**
   * Reads and processes one inbound chunk (for callers driving I/O themselves).
   * Resolves true if a chunk was processed, false when the connection ended
   * cleanly, or the error that ended it.
   */
  async readChunk(): Promise<true | false | SmarketsError> {
    this.#iterator ??= this.#connection[Symbol.asyncIterator]();
    let next: IteratorResult<Uint8Array>;
    try {
      next = await this.#iterator.next();
    } catch (e) {
      return this.#fail(e);
    }
    if (next.done) return false;
    try {
      this.#decoder.push(next.value);
    } catch (e) {
      // Framing is lost (DecodeError): nothing after this point can be trusted.
      return this.#fail(e);
    }
    return true;
  }

  /** Ends the connection now (no flush). */
  destroy(cause?: unknown): void {
    this.#connection.destroy(cause);
  }

  #fail(e: unknown): SmarketsError {
    // One failure, one report: every flush pending when the connection fails rejects with it.
    if (this.#failure !== undefined) return this.#failure;
    const error =
      e instanceof SmarketsError
        ? e
        : new SocketDisconnected(`connection to ${this.#connection.host}:${this.#connection.port} failed`, this.#connection.host, this.#connection.port, { cause: e });
    this.#failure = error;
    this.#events.failed(error);
    this.#connection.destroy(error);
    return error;
  }
}
