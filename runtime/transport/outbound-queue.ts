// Outbound bytes: `push` queues, `flush` hands everything queued to the socket
// in ONE write and resolves when that write completed (the kernel took the
// bytes). Backpressure is honoured: after a write that returned false nothing
// more is written until `drained()`; flushes made meanwhile wait and go out
// together. Bytes keep their order and are never dropped silently: if the
// socket dies, every pending flush rejects.

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
}

export class OutboundQueue {
  #chunks: Uint8Array[] = [];
  #queuedBytes = 0;
  #awaitingDrain = false;
  #waiters: Waiter[] = [];
  #lastWrite: Promise<void> = Promise.resolve();
  #failure: Error | undefined;
  readonly #writeChunk: WriteChunk;
  readonly #hooks: OutboundHooks;

  constructor(writeChunk: WriteChunk, hooks: OutboundHooks = {}) {
    this.#writeChunk = writeChunk;
    this.#hooks = hooks;
  }

  /** Bytes queued and not yet handed to the socket. */
  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  /** True while the last write is over the socket's buffer and no new write may start. */
  get awaitingDrain(): boolean {
    return this.#awaitingDrain;
  }

  /** Queues bytes without sending. The caller must not mutate them until a flush resolves. */
  push(bytes: Uint8Array): void {
    if (this.#failure) throw this.#failure;
    if (bytes.length === 0) return;
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
    const written = new Promise<void>((resolve, reject) => {
      const ok = this.#writeChunk(bytes, (err) => {
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
