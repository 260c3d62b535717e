// An established connection: inbound bytes as an async iterable of chunks,
// outbound bytes queued and flushed in one socket write. Made by `connect`.
import type { Socket } from "node:net";
import type { Clock } from "../clock.js";
import { ArgumentError, SlowConsumer, SocketDisconnected, TimeoutError } from "../errors.js";
import { describeCause } from "./describe-cause.js";
import { IdleWatchdog } from "./idle-watchdog.js";
import { InboundQueue } from "./inbound-queue.js";
import { OutboundQueue } from "./outbound-queue.js";
import { formatAddress } from "./tls-config.js";

const UNCONFIRMED = "the socket was destroyed before the write was confirmed; the bytes may not have been sent";

/** Where a {@link Connection} goes and the limits it works within. */
export interface ConnectionSettings {
  host: string;
  port: number;
  encrypted: boolean;
  inboundHighWaterMark: number;
  /** Outbound backlog beyond which the connection is dropped as a slow consumer; unbounded when absent. */
  maxOutboundBytes?: number;
  idleTimeoutMs: number | undefined;
  clock: Clock;
}

/** Byte counters of a {@link Connection}: received, sent, queued and buffered. */
export interface ConnectionStats {
  /** Application bytes received. */
  bytesIn: number;
  /** Application bytes the kernel accepted. */
  bytesOut: number;
  /** Bytes written (queued) but not yet handed to the socket. */
  queuedOutBytes: number;
  /** What counts against maxOutboundBytes: queued bytes, bytes in the socket's buffer, and a fixed cost per chunk. */
  outboundBacklogBytes: number;
  /** Bytes received but not yet taken by the consumer. */
  bufferedInBytes: number;
}

/** One TCP or TLS connection: inbound chunks as an async iterable, batched writes that honour backpressure. */
export class Connection implements AsyncIterable<Uint8Array> {
  /** The host and port asked for (for messages); `remoteAddress` is where it landed. */
  readonly host: string;
  readonly port: number;
  readonly remoteAddress: string | undefined;
  readonly remotePort: number | undefined;
  /** True for TLS. */
  readonly encrypted: boolean;
  /**
   * Settles (never rejects) once the socket is gone: with undefined after a
   * clean close, or with the SocketDisconnected that killed it.
   */
  readonly closed: Promise<SocketDisconnected | undefined>;

  readonly #socket: Socket;
  readonly #where: string;
  readonly #inbound: InboundQueue;
  readonly #outbound: OutboundQueue;
  readonly #watchdog: IdleWatchdog | undefined;
  #bytesIn = 0;
  #bytesOut = 0;
  #failure: SocketDisconnected | undefined;
  #closing: Promise<void> | undefined;
  #gone = false;
  #iterated = false;
  #settleClosed!: (failure: SocketDisconnected | undefined) => void;

  /** Takes over a connected socket; use `connect()` rather than calling this. */
  constructor(socket: Socket, settings: ConnectionSettings) {
    this.#socket = socket;
    this.host = settings.host;
    this.port = settings.port;
    this.encrypted = settings.encrypted;
    this.remoteAddress = socket.remoteAddress;
    this.remotePort = socket.remotePort;
    this.#where = formatAddress(settings.host, settings.port);
    this.closed = new Promise((resolve) => {
      this.#settleClosed = resolve;
    });

    const idleMs = settings.idleTimeoutMs;
    this.#watchdog =
      idleMs === undefined
        ? undefined
        : new IdleWatchdog(settings.clock, idleMs, () =>
            this.destroy(new TimeoutError(`no inbound bytes for ${idleMs} ms (idleTimeoutMs)`, idleMs)),
          );
    this.#inbound = new InboundQueue(settings.inboundHighWaterMark, {
      pause: () => {
        socket.pause();
        this.#watchdog?.suspend();
      },
      resume: () => {
        socket.resume();
        this.#watchdog?.resume();
      },
    });
    this.#outbound = new OutboundQueue(
      // Node reports success for a write cancelled by destroy(); a flush must
      // not claim bytes were sent unless the socket was still alive.
      (bytes, done) => socket.write(bytes, (err) => done(err ?? (socket.destroyed ? new Error(UNCONFIRMED) : null))),
      {
        onWritten: (n) => {
          this.#bytesOut += n;
        },
        toError: (cause) => this.#failure ?? this.#lost(cause),
        overflow: (backlog, limit) => {
          const error = new SlowConsumer(
            `connection to ${this.#where} dropped: ${backlog} bytes would wait to be sent (queued or in the socket's buffer), over maxOutboundBytes ${limit}; the peer does not read what we send (a slow consumer)`,
            backlog,
            limit,
            this.host,
            this.port,
          );
          this.destroy(error);
          return error;
        },
      },
      settings.maxOutboundBytes,
    );

    socket.on("data", this.#onData);
    socket.on("end", this.#onEnd);
    socket.on("error", this.#onError);
    socket.on("drain", this.#onDrain);
    socket.on("close", this.#onClose);
  }

  get stats(): ConnectionStats {
    return {
      bytesIn: this.#bytesIn,
      bytesOut: this.#bytesOut,
      queuedOutBytes: this.#outbound.queuedBytes,
      outboundBacklogBytes: this.#outbound.backlogBytes,
      bufferedInBytes: this.#inbound.bufferedBytes,
    };
  }

  /** True while reading is paused because the consumer is behind. */
  get inboundPaused(): boolean {
    return this.#inbound.paused;
  }

  /** True once the socket is destroyed or closed. */
  get isClosed(): boolean {
    return this.#gone || this.#socket.destroyed;
  }

  /**
   * Inbound chunks as they arrive. Ends when the peer closes cleanly (or after
   * `destroy()` without an error); throws SocketDisconnected when the socket
   * fails, after the chunks already received. One reader only. Leaving the loop
   * early (break, throw) destroys the connection, as with Node streams.
   */
  [Symbol.asyncIterator](): AsyncIterator<Uint8Array, undefined> {
    if (this.#iterated) {
      throw new ArgumentError(`the connection to ${this.#where} is already being read; its bytes go to one reader only`);
    }
    this.#iterated = true;
    return {
      next: () => this.#inbound.next(),
      return: () => {
        this.#inbound.discard();
        this.destroy();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  /**
   * Gives back the unprocessed end of the last chunk read (the reader stopped
   * at its budget for one turn): the next read returns it, on a later turn of
   * the event loop. Until then it counts in `bufferedInBytes`.
   */
  unread(rest: Uint8Array): void {
    this.#inbound.unshift(rest);
  }

  /**
   * Queues bytes for the next flush (not sent yet; do not mutate them until it
   * resolves). Throws SocketDisconnected once the connection is closing or
   * gone, and SlowConsumer (dropping the connection) if the bytes would take
   * the outbound backlog past `maxOutboundBytes`.
   */
  write(bytes: Uint8Array): void {
    if (!(bytes instanceof Uint8Array)) {
      throw new ArgumentError(`write() takes a Uint8Array, got ${typeof bytes}`);
    }
    if (this.#closing !== undefined && !this.#gone) {
      throw new SocketDisconnected(`cannot write to ${this.#where}: close() was called`, this.host, this.port);
    }
    this.#outbound.push(bytes);
  }

  /**
   * Sends everything queued in one socket write; resolves when the kernel took
   * it. While the socket is over its buffer (a write returned false) nothing is
   * written until 'drain', and the flush waits. Rejects with SocketDisconnected
   * if the connection dies first.
   */
  flush(): Promise<void> {
    return this.#outbound.flush();
  }

  /** `write` then `flush`, for urgent messages; never throws, rejects instead. */
  writeNow(bytes: Uint8Array): Promise<void> {
    try {
      this.write(bytes);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.flush();
  }

  /**
   * Graceful close: flushes what is queued, ends our side, and resolves once
   * the socket is closed (the peer closed too and the reader took the rest).
   * Rejects if queued bytes could not be sent. A peer that never closes keeps
   * this pending: use `destroy()` to stop at once.
   */
  close(): Promise<void> {
    this.#closing ??= this.#closeGracefully();
    return this.#closing;
  }

  /**
   * Closes at once. Queued bytes are not sent and pending flushes reject. With
   * `err`, the reader and `closed` see a SocketDisconnected caused by it.
   */
  destroy(err?: unknown): void {
    if (this.isClosed) return;
    if (err !== undefined) this.#failure ??= err instanceof SocketDisconnected ? err : this.#lost(err);
    this.#socket.destroy();
  }

  async #closeGracefully(): Promise<void> {
    if (!this.isClosed) {
      try {
        await this.#outbound.flush();
      } catch (err) {
        await this.closed;
        throw err;
      }
      this.#socket.end();
    }
    await this.closed;
  }

  #lost(cause: unknown): SocketDisconnected {
    return new SocketDisconnected(`connection to ${this.#where} lost: ${describeCause(cause)}`, this.host, this.port, {
      cause,
    });
  }

  #onData = (chunk: Buffer): void => {
    this.#bytesIn += chunk.length;
    this.#watchdog?.touch();
    // Handed on as a plain Uint8Array view of the same bytes: the framer cuts
    // a view per frame, and Buffer's own subarray (a FastBuffer each) costs
    // about twice the typed array's.
    this.#inbound.push(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  };

  #onEnd = (): void => {
    this.#inbound.end();
  };

  #onError = (err: Error): void => {
    this.#failure ??= this.#lost(err);
  };

  #onDrain = (): void => {
    this.#outbound.drained();
  };

  #onClose = (): void => {
    this.#gone = true;
    this.#watchdog?.stop();
    const failure = this.#failure;
    if (failure) this.#inbound.fail(failure);
    else this.#inbound.end();
    const unsent = this.#outbound.queuedBytes;
    this.#outbound.fail(
      failure ??
        new SocketDisconnected(
          `connection to ${this.#where} is closed` + (unsent > 0 ? `; ${unsent} queued bytes were not sent` : ""),
          this.host,
          this.port,
        ),
    );
    this.#settleClosed(failure);
  };
}
