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
// about what a small buffer costs besides its contents, so a flood of tiny
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

interface Waiter {
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

/** What a queued chunk or a write in progress costs besides its bytes (the buffer object, the write request). */
export const CHUNK_COST = 128;

export class OutboundQueue {
  #chunks: Uint8Array[] = [];
  #queuedBytes = 0;
  #awaitingDrain = false;
  #waiters: Waiter[] = [];
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
      return new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    }
    return this.#writeQueued();
  }

  /** The socket drained: flushes that waited for it go out now, as one write. */
  drained(): void {
    this.#awaitingDrain = false;
    if (this.#failure || this.#waiters.length === 0) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    this.#writeQueued().then(
      () => waiters.forEach((w) => w.resolve()),
      (err: unknown) => waiters.forEach((w) => w.reject(err)),
    );
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
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach((w) => w.reject(err));
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
