// Outbound bytes: `push` queues, `flush` hands everything queued to the socket
// in ONE write and resolves when that write completed (the kernel took the
// bytes). Backpressure is honoured: after a write that returned false nothing
// more is written until `drained()`; flushes made meanwhile wait and go out
// together. Bytes keep their order and are never dropped silently: if the
// socket dies, every pending flush rejects.
//
// Small pushes are copied into one pending buffer (from the second on: a
// lone one is written as it is) rather than kept as arrays of their own: a
// peer that stops reading leaves thousands of tiny frames queued (pongs to a
// ping flood), which as separate arrays would each be an allocation the
// garbage collector copies and sweeps; copied, they are one.
// Large pushes are queued as they are (copying them would cost more).
//
// Bounded: the backlog — bytes queued, plus bytes written whose write has not
// completed (they sit in the socket's buffer) — may not exceed `maxBytes`.
// Each push queued and each write in progress also counts CHUNK_COST bytes,
// so a flood of tiny writes is cut off by their number as well as their
// bytes (what each cost on its way here is not ours to see, but it was paid
// per message). A push that would go past the limit fails the queue
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
 * What each push queued and each write in progress counts besides its bytes:
 * about what a tiny message costs the process that sends it, besides its
 * bytes (measured: about 400 bytes for each pong of a ping flood, when each
 * was queued as an array of its own).
 */
export const CHUNK_COST = 512;

/** Pushes up to this many bytes are copied into the pending buffer; larger ones are queued as they are. */
const COPY_AT_MOST = 4096;
/** The pending buffer's first size (small enough for Node's shared pool); it doubles as needed. */
const PENDING_START = 1024;

export class OutboundQueue {
  /** Queued in order: large pushes, and pending buffers sealed before them. */
  #chunks: Uint8Array[] = [];
  /** A lone small push since the last seal, not copied yet (a single write needs no copy). */
  #loose: Uint8Array | undefined;
  /** Small pushes copied in since the last seal, the first `#pendingLength` bytes. */
  #pending: Buffer | undefined;
  #pendingLength = 0;
  /** Pushes queued (each counts CHUNK_COST). */
  #pushes = 0;
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

  /** What counts against `maxBytes`: bytes queued or being written, plus CHUNK_COST for each push queued and write in progress. */
  get backlogBytes(): number {
    return this.#queuedBytes + this.#writingBytes + CHUNK_COST * (this.#pushes + this.#writing);
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
    if (bytes.length <= COPY_AT_MOST) this.#copy(bytes);
    else {
      this.#seal();
      this.#chunks.push(bytes);
    }
    this.#pushes += 1;
    this.#queuedBytes += bytes.length;
  }

  #copy(bytes: Uint8Array): void {
    if (this.#pendingLength === 0 && this.#loose === undefined) {
      this.#loose = bytes;
      return;
    }
    const loose = this.#loose;
    if (loose !== undefined) {
      this.#loose = undefined;
      this.#append(loose);
    }
    this.#append(bytes);
  }

  #append(bytes: Uint8Array): void {
    const at = this.#pendingLength;
    let pending = this.#pending;
    if (pending === undefined || at + bytes.length > pending.length) {
      const grown = Buffer.allocUnsafe(Math.max(PENDING_START, 2 * (pending?.length ?? 0), at + bytes.length));
      if (pending !== undefined) pending.copy(grown, 0, 0, at);
      this.#pending = pending = grown;
    }
    pending.set(bytes, at);
    this.#pendingLength = at + bytes.length;
  }

  /** Ends the pending buffer: what follows goes after it. */
  #seal(): void {
    if (this.#loose !== undefined) {
      this.#chunks.push(this.#loose);
      this.#loose = undefined;
      return;
    }
    if (this.#pendingLength === 0) return;
    this.#chunks.push(this.#pending!.subarray(0, this.#pendingLength));
    // Not reused: the socket holds the sealed part until its write completes.
    this.#pending = undefined;
    this.#pendingLength = 0;
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
    this.#loose = undefined;
    this.#pending = undefined;
    this.#pendingLength = 0;
    this.#pushes = 0;
    this.#queuedBytes = 0;
    const waiting = this.#afterDrain;
    this.#afterDrain = undefined;
    waiting?.reject(err);
    return unsent;
  }

  #writeQueued(): Promise<void> {
    this.#seal();
    const chunks = this.#chunks;
    const size = this.#queuedBytes;
    this.#chunks = [];
    this.#pushes = 0;
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
