// Outbound bytes: `push` queues, `flush` hands everything queued to the socket
// in ONE write and resolves when that write completed (the kernel took the
// bytes). Backpressure is honoured: after a write that returned false nothing
// more is written until `drained()`; flushes made meanwhile wait and go out
// together. Bytes keep their order and are never dropped silently: if the
// socket dies, every pending flush rejects.
//
// Bounded: the backlog — bytes queued, plus bytes written whose write has not
// completed (they sit in the socket's buffer) — may not exceed `maxBytes`.
// Each queued chunk and each write in progress also counts CHUNK_COST bytes,
// about what a small write costs besides its contents (the buffer object, its
// queue entry, the reactions of whoever awaits its flush), so a flood of tiny
// writes (pongs to a ping flood) is bounded by the memory it takes, not only
// by its payload bytes. A push that would go past the limit fails the queue
// (policy: a peer that does not read is a slow consumer, and its connection
// is given up, not grown): the error `overflow` builds is thrown, and every
// pending and later flush rejects with it.

/**
 * Writes one buffer; calls `done` once it is handed to the kernel (or failed).
 * Returns false when the writer must wait for 'drain' (as `socket.write` does).
 */
export type WriteChunk = (bytes: Uint8Array, done: (err?: Error | null) => void) => boolean;

/** The one promise every flush made while waiting for 'drain' shares (a flood of flushes costs one, not one each). */
interface AfterDrain {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
}

export interface OutboundHooks {
  /** Called with the size of each write the kernel accepted. */
  onWritten?(bytes: number): void;
  /** Turns a write's low-level failure into the error flushes reject with. */
  toError?(cause: Error): Error;
  /** Builds the error for a push that would take the backlog past `limit` (the queue then fails with it). */
  overflow?(backlog: number, limit: number): Error;
}

/**
 * What a queued chunk or a write in progress costs besides its bytes: the
 * buffer object, its queue entry, the promise reactions of a flush awaiting
 * it (measured: about 400 bytes for each pong of a ping flood).
 */
export const CHUNK_COST = 512;

export class OutboundQueue {
  #chunks: Uint8Array[] = [];
  #queuedBytes = 0;
  #awaitingDrain = false;
  #afterDrain: AfterDrain | undefined;
  #lastWrite: Promise<void> = Promise.resolve();
  #failure: Error | undefined;
  /** Bytes of writes handed to the socket and not completed, and how many such writes. */
  #writingBytes = 0;
  #writing = 0;
  readonly #writeChunk: WriteChunk;
  readonly #hooks: OutboundHooks;
  readonly #maxBytes: number;

  /** `maxBytes`: the most the backlog may hold (see the file comment); unbounded when not given. */
  constructor(writeChunk: WriteChunk, hooks: OutboundHooks = {}, maxBytes = Infinity) {
    this.#writeChunk = writeChunk;
    this.#hooks = hooks;
    this.#maxBytes = maxBytes;
  }

  /** Bytes queued and not yet handed to the socket. */
  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  /** What counts against `maxBytes`: bytes queued or being written, plus CHUNK_COST for each chunk and write. */
  get backlogBytes(): number {
    return this.#queuedBytes + this.#writingBytes + CHUNK_COST * (this.#chunks.length + this.#writing);
  }

  /** True while the last write is over the socket's buffer and no new write may start. */
  get awaitingDrain(): boolean {
    return this.#awaitingDrain;
  }

  /** Queues bytes without sending. The caller must not mutate them until a flush resolves. */
  push(bytes: Uint8Array): void {
    if (this.#failure) throw this.#failure;
    if (bytes.length === 0) return;
    const backlog = this.backlogBytes + bytes.length + CHUNK_COST;
    if (backlog > this.#maxBytes) {
      const error = this.#hooks.overflow?.(backlog, this.#maxBytes) ?? new Error(`outbound backlog of ${backlog} bytes over its limit of ${this.#maxBytes}`);
      this.fail(error);
      throw error;
    }
    this.#chunks.push(bytes);
    this.#queuedBytes += bytes.length;
  }

  /** Sends everything queued; resolves when it (and every earlier write) was accepted. */
  flush(): Promise<void> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#queuedBytes === 0) return this.#lastWrite;
    if (this.#awaitingDrain) {
      if (this.#afterDrain === undefined) {
        let resolve!: () => void;
        let reject!: (err: unknown) => void;
        const promise = new Promise<void>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        this.#afterDrain = { promise, resolve, reject };
      }
      return this.#afterDrain.promise;
    }
    return this.#writeQueued();
  }

  /** The socket drained: flushes that waited for it go out now, as one write. */
  drained(): void {
    this.#awaitingDrain = false;
    const waiting = this.#afterDrain;
    if (this.#failure || waiting === undefined) return;
    this.#afterDrain = undefined;
    this.#writeQueued().then(waiting.resolve, waiting.reject);
  }

  /**
   * The socket is gone: pending and future flushes reject with `err`, future
   * pushes throw it. Returns how many queued bytes were never sent.
   */
  fail(err: Error): number {
    if (this.#failure) return 0;
    this.#failure = err;
    const unsent = this.#queuedBytes;
    this.#chunks = [];
    this.#queuedBytes = 0;
    const waiting = this.#afterDrain;
    this.#afterDrain = undefined;
    waiting?.reject(err);
    return unsent;
  }

  #writeQueued(): Promise<void> {
    const chunks = this.#chunks;
    const size = this.#queuedBytes;
    this.#chunks = [];
    this.#queuedBytes = 0;
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
    this.#writingBytes += size;
    this.#writing += 1;
    const written = new Promise<void>((resolve, reject) => {
      const ok = this.#writeChunk(bytes, (err) => {
        this.#writingBytes -= size;
        this.#writing -= 1;
        if (err) {
          reject(this.#failure ?? this.#hooks.toError?.(err) ?? err);
        } else {
          this.#hooks.onWritten?.(size);
          resolve();
        }
      });
      if (!ok) this.#awaitingDrain = true;
    });
    // The caller of flush() observes the outcome; this copy, kept for later
    // empty flushes, must not turn a lost connection into an unhandled rejection.
    written.catch(() => {});
    this.#lastWrite = written;
    return written;
  }
}
