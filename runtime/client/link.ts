// One connection's worth of plumbing between the transport and the session:
// inbound chunks → frames → the session (the frame decoder's sink); session
// payloads → frames → connection. A new Link is made for every
// (re)connection; the Session lives on.
//
// Writes: everything written while one inbound chunk is processed (answers to
// heartbeats and pings, replay requests, orders sent from handlers, flushes
// asked for by handlers) goes out in one socket write when the chunk is done.
// Outside a chunk an urgent write is flushed at once.
//
// Failures: the first one (bad framing, a socket error, a failed flush) ends
// the connection and is reported once; whatever fails after it because of it
// (other flushes, writes) is not reported again.
//
// A turn's budget: once one take of a chunk has run for TURN_BUDGET_MS (the
// inbound queue's budget), the decoder stops at the next frame boundary it
// checks and the rest of the chunk goes back to the connection, to be taken
// on a later turn of the event loop. A 64 KiB chunk of pings is thousands
// of pongs to stamp, store and queue: tens of ms in one go, more with the
// collections it triggers. A chunk of ordinary traffic takes well under the
// budget and is taken whole, so it still makes one socket write at most.
//
// Commits (a durable session store): `commit` runs at the end of every
// inbound chunk, after its payloads' handlers ran, and before any bytes go to
// the socket — so the store holds every payload the peer may see before the
// peer can see it. A commit that throws fails the link: nothing more is sent.
import type { Clock } from "../clock.js";
import { SocketDisconnected, SmarketsError } from "../errors.js";
import { encodeFrame, FrameDecoder, type FrameSink } from "../framing/index.js";
import { withDeadline } from "../streams/abortable.js";
import { TURN_BUDGET_MS, type Connection } from "../transport/index.js";
import { ReadInProgressError } from "./errors.js";

/** Where a link's inbound chunks go: announced (`chunkArrived`), then framed into `frame` (the session). */
export interface LinkSink extends FrameSink {
  chunkArrived(): void;
}

export interface LinkEvents {
  /** The failure that ended this connection (bad framing, socket error): called once at most. */
  failed(error: SmarketsError): void;
  /** Saves the session's state to a durable store (see the file comment); absent without one. */
  commit?(): void;
}

/** A limit on waiting for a chunk when reading by hand. */
export interface ReadDeadline {
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
  readonly clock: Clock;
}

type Chunk = IteratorResult<Uint8Array> | { readonly done: "failed"; readonly error: unknown };

interface Deferred {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Only a handler that asked for the flush awaits it; a failure is reported by the link anyway.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

export class Link {
  readonly #connection: Connection;
  readonly #decoder: FrameDecoder;
  readonly #sink: LinkSink;
  readonly #events: LinkEvents;
  #iterator: AsyncIterator<Uint8Array> | undefined;
  /** A chunk asked for by a read by hand that gave up waiting: the next read takes it. */
  #pending: Promise<Chunk> | undefined;
  #reading = false;
  /** True while an inbound chunk is processed: flushes wait for its end. */
  #inChunk = false;
  #flushAfterChunk = false;
  /** What a flush asked for during the chunk resolves with. */
  #chunkFlush: Deferred | undefined;
  #closing = false;
  #failure: SmarketsError | undefined;

  readonly #now: () => number;

  /** `now`: the time in ms, for the turn's budget (performance.now by default; a test's own). */
  constructor(connection: Connection, maxFrameSize: number, sink: LinkSink, events: LinkEvents, now: () => number = () => performance.now()) {
    this.#now = now;
    this.#connection = connection;
    this.#sink = sink;
    this.#events = events;
    this.#decoder = new FrameDecoder(sink, { maxFrameSize });
  }

  get connection(): Connection {
    return this.#connection;
  }

  /** Frames and queues a payload; an `urgent` one is flushed at once, or at the end of the chunk being processed. */
  write(payload: Uint8Array, urgent: boolean): void {
    // Failed or closing: the session's outgoing store keeps the payload for a replay after a resume.
    if (this.#failure !== undefined || this.#closing) return;
    try {
      this.#connection.write(encodeFrame(payload));
    } catch (e) {
      this.#fail(e);
      return;
    }
    if (!urgent) return;
    if (this.#inChunk) this.#flushAfterChunk = true;
    else if (this.#commit()) this.#connection.flush().catch((e: unknown) => this.#fail(e));
  }

  /** Sends everything queued in one socket write; resolves once the kernel took it. */
  flush(): Promise<void> {
    if (this.#inChunk) {
      this.#flushAfterChunk = true;
      return (this.#chunkFlush ??= deferred()).promise;
    }
    if (!this.#commit()) return Promise.reject(this.#failure);
    return this.#connection.flush();
  }

  /** Reads chunks until the connection ends; resolves when it has (the cause, if it failed). */
  async run(): Promise<SmarketsError | undefined> {
    const iterator = (this.#iterator ??= this.#connection[Symbol.asyncIterator]());
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch (e) {
        return this.#fail(e);
      }
      if (next.done === true || !this.#take(next.value)) return this.#failure;
    }
  }

  /**
   * For reading by hand: waits for one inbound chunk (within `deadline`, if
   * given) and processes it. Resolves true if a chunk was processed, false
   * when the connection ended cleanly, or the error that ended it. Rejects
   * with TimeoutError or AbortedError when the deadline passes first — the
   * chunk still to come is kept for the next call — and with
   * ReadInProgressError if a call is still pending.
   */
  async readChunk(deadline?: ReadDeadline): Promise<true | false | SmarketsError> {
    if (this.#reading) throw new ReadInProgressError("a read is already waiting for this connection's next chunk; wait for it to settle");
    this.#reading = true;
    let chunk: Chunk;
    try {
      const iterator = (this.#iterator ??= this.#connection[Symbol.asyncIterator]());
      // The chunk's failure becomes a value, so a deadline's rejection is the only one.
      const pending = (this.#pending ??= iterator.next().then(
        (r) => r,
        (error: unknown) => ({ done: "failed", error }) as const,
      ));
      chunk = deadline === undefined ? await pending : await withDeadline(pending, { what: "read", ...deadline });
      this.#pending = undefined;
    } finally {
      this.#reading = false;
    }
    if (chunk.done === "failed") return this.#fail(chunk.error);
    if (chunk.done === true) return this.#failure ?? false;
    return this.#take(chunk.value) ? true : this.#failure!;
  }

  /** Ends our side after what is queued is written; resolves once the socket is closed. Nothing is written after this. */
  close(): Promise<void> {
    if (!this.#commit()) return Promise.reject(this.#failure);
    this.#closing = true;
    return this.#connection.close();
  }

  /** Ends the connection now (no flush). */
  destroy(cause?: unknown): void {
    this.#connection.destroy(cause);
  }

  /**
   * Processes one chunk, or as much of it as the turn's budget allows (the
   * rest goes back to the connection); then writes, in one flush, what
   * processing it wrote. False if it ended the link.
   */
  #take(chunk: Uint8Array): boolean {
    this.#inChunk = true;
    let taken = chunk.length;
    try {
      this.#sink.chunkArrived();
      const started = this.#now();
      taken = this.#decoder.pushUntil(chunk, () => this.#failure !== undefined || this.#now() - started >= TURN_BUDGET_MS);
    } catch (e) {
      // Framing is lost (DecodeError): nothing after this point can be trusted.
      this.#inChunk = false;
      const failure = this.#fail(e);
      this.#chunkFlush?.reject(failure);
      this.#chunkFlush = undefined;
      this.#flushAfterChunk = false;
      return false;
    }
    this.#inChunk = false;
    if (!this.#commit()) {
      this.#chunkFlush?.reject(this.#failure);
      this.#chunkFlush = undefined;
      this.#flushAfterChunk = false;
      return false;
    }
    if (taken < chunk.length && this.#failure === undefined) this.#connection.unread(chunk.subarray(taken));
    if (this.#flushAfterChunk) {
      this.#flushAfterChunk = false;
      const waiting = this.#chunkFlush;
      this.#chunkFlush = undefined;
      const flushed = this.#connection.flush();
      flushed.then(
        () => waiting?.resolve(),
        (e: unknown) => waiting?.reject(this.#fail(e)),
      );
    }
    return this.#failure === undefined;
  }

  /** Commits to the store, if there is one; false (and the link failed) if that failed. */
  #commit(): boolean {
    if (this.#events.commit === undefined) return true;
    if (this.#failure !== undefined) return false;
    try {
      this.#events.commit();
      return true;
    } catch (e) {
      this.#fail(e);
      return false;
    }
  }

  #fail(e: unknown): SmarketsError {
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
