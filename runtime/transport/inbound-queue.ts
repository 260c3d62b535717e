// Inbound chunks waiting for a (possibly slow) consumer, with bounded
// buffering: above `highWaterMark` buffered bytes the source is paused, and it
// is resumed once the consumer has brought the buffer down to half of that
// (the gap keeps pause/resume from flapping on every chunk). Because a chunk
// already read is never dropped, the buffer can exceed the mark by at most the
// chunks that arrive while pausing takes effect (one socket read, 64 KiB).
//
// A chunk is handed straight to a waiting reader without being buffered,
// while the current turn of the event loop has spent less than
// TURN_BUDGET_MS since its first such chunk. After the end (or failure) the
// buffered chunks are still delivered first; a failure is thrown once, after
// them.
//
// Every other chunk is handed over on a later turn (setImmediate), not at
// once: a consumer catching up on a backlog then processes one chunk per turn
// instead of the whole backlog (up to the mark, thousands of tiny payloads
// from a flooding peer) in one block of microtasks. The budget does the same
// within one turn: a socket with much to read gives Node up to 32 chunks of
// 64 KiB before the loop turns, each processed at once by a waiting reader,
// so a flood of pings held the loop for 290–430 ms. Chunks that are quick to
// process (a stream of quotes) still go straight, several to a turn; once the
// turn's budget is spent, the next chunk waits for a later turn, buffered
// (which pauses the socket past the mark, stopping those reads).
import { ArgumentError } from "../errors.js";

/** How long one turn of the event loop may go on handing chunks straight to the reader (ms). */
export const TURN_BUDGET_MS = 5;

export interface FlowControl {
  pause(): void;
  resume(): void;
}

interface Reader {
  resolve(result: IteratorResult<Uint8Array, undefined>): void;
  reject(err: unknown): void;
}

const DONE: IteratorResult<Uint8Array, undefined> = { done: true, value: undefined };

export class InboundQueue {
  readonly highWaterMark: number;
  readonly lowWaterMark: number;
  #chunks: Uint8Array[] = [];
  #head = 0;
  #buffered = 0;
  #paused = false;
  #finished = false;
  #discarded = false;
  #failure: unknown;
  #reader: Reader | undefined;
  /** A buffered chunk is on its way to the reader (next turn): the reader has not got it yet. */
  #handing = false;
  /** When this turn's first chunk went straight to the reader; undefined until one has. */
  #turnStarted: number | undefined;
  readonly #newTurn = (): void => {
    this.#turnStarted = undefined;
  };
  readonly #flow: FlowControl;
  readonly #now: () => number;

  /** `now`: the time in ms, for the turn's budget (performance.now by default; a test's own). */
  constructor(highWaterMark: number, flow: FlowControl, now: () => number = () => performance.now()) {
    this.highWaterMark = highWaterMark;
    this.lowWaterMark = Math.floor(highWaterMark / 2);
    this.#flow = flow;
    this.#now = now;
  }

  /** Bytes received and not yet handed to the consumer. */
  get bufferedBytes(): number {
    return this.#buffered;
  }

  /** True while the source is paused because the consumer is behind. */
  get paused(): boolean {
    return this.#paused;
  }

  push(chunk: Uint8Array): void {
    if (this.#finished) return;
    const reader = this.#reader;
    if (reader && this.#withinBudget()) {
      this.#reader = undefined;
      reader.resolve({ done: false, value: chunk });
      return;
    }
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    this.#pauseIfOver();
    if (reader) {
      // This turn's budget is spent: the reader gets this chunk on the next.
      this.#reader = undefined;
      this.#handLater(reader);
    }
  }

  /** No more chunks: the iteration ends after the buffered ones. */
  end(): void {
    this.#finish(undefined);
  }

  /** No more chunks: the iteration throws `err` after the buffered ones. */
  fail(err: unknown): void {
    this.#finish(err);
  }

  /**
   * Gives back the part of a chunk the consumer took but did not process (it
   * stopped at its own budget): it is handed over again first, on a later
   * turn, and counts as buffered meanwhile. Ignored once the consumer left.
   */
  unshift(rest: Uint8Array): void {
    if (rest.length === 0 || this.#discarded) return;
    if (this.#head > 0) this.#chunks[--this.#head] = rest;
    else this.#chunks.unshift(rest);
    this.#buffered += rest.length;
    this.#pauseIfOver();
  }

  /** Pauses the source once the buffer is over the mark (a finished source has nothing left to pause). */
  #pauseIfOver(): void {
    if (!this.#paused && !this.#finished && this.#buffered > this.highWaterMark) {
      this.#paused = true;
      this.#flow.pause();
    }
  }

  /** The consumer left: buffered chunks are dropped and the iteration is over. */
  discard(): void {
    this.#discarded = true;
    this.#chunks = [];
    this.#head = 0;
    this.#buffered = 0;
    this.#finish(undefined);
    this.#failure = undefined;
  }

  next(): Promise<IteratorResult<Uint8Array, undefined>> {
    if (this.#reader || this.#handing) {
      return Promise.reject(new ArgumentError("next() called again before the previous call settled; a connection has one sequential reader"));
    }
    if (this.#head < this.#chunks.length) return new Promise((resolve, reject) => this.#handLater({ resolve, reject }));
    if (this.#finished) {
      const failure = this.#failure;
      if (failure === undefined) return Promise.resolve(DONE);
      this.#failure = undefined;
      return Promise.reject(failure);
    }
    return new Promise((resolve, reject) => {
      this.#reader = { resolve, reject };
    });
  }

  /** Whether a chunk may go straight to the reader in this turn (starting the turn's clock at its first). */
  #withinBudget(): boolean {
    const now = this.#now();
    if (this.#turnStarted === undefined) {
      this.#turnStarted = now;
      setImmediate(this.#newTurn);
      return true;
    }
    return now - this.#turnStarted < TURN_BUDGET_MS;
  }

  /** Gives `reader` the oldest buffered chunk on the next turn (or, if the chunks were discarded meanwhile, what is left to give). */
  #handLater(reader: Reader): void {
    this.#handing = true;
    setImmediate(() => {
      this.#handing = false;
      const chunk = this.#shift();
      if (chunk) reader.resolve({ done: false, value: chunk });
      else if (!this.#finished) this.#reader = reader;
      else {
        const failure = this.#failure;
        this.#failure = undefined;
        if (failure === undefined) reader.resolve(DONE);
        else reader.reject(failure);
      }
    });
  }

  #shift(): Uint8Array | undefined {
    if (this.#head >= this.#chunks.length) return undefined;
    const chunk = this.#chunks[this.#head]!;
    this.#head += 1;
    // Compact now and then instead of Array.shift() on every read.
    if (this.#head === this.#chunks.length) {
      this.#chunks = [];
      this.#head = 0;
    } else if (this.#head >= 1024) {
      this.#chunks = this.#chunks.slice(this.#head);
      this.#head = 0;
    }
    this.#buffered -= chunk.length;
    if (this.#paused && !this.#finished && this.#buffered <= this.lowWaterMark) {
      this.#paused = false;
      this.#flow.resume();
    }
    return chunk;
  }

  #finish(failure: unknown): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#failure = failure;
    const reader = this.#reader;
    if (!reader) return;
    // A reader only waits when nothing is buffered, so it gets the end now.
    this.#reader = undefined;
    this.#failure = undefined;
    if (failure === undefined) reader.resolve(DONE);
    else reader.reject(failure);
  }
}
