// A single-consumer async queue with a hard size limit — in items, and if
// given a `weigh` function, in bytes too (what the queued items hold, so a
// few huge items cannot take what many small ones may). The producer never
// waits: when the consumer is behind and the queue is full by either bound,
// the overflow policy decides what is lost, and the loss is counted. An item
// weighing more than maxBytes alone still passes through an empty queue.
//
// Ending: after close() the consumer gets the buffered items, then the end;
// after fail(err) (or an "error" overflow) it gets the buffered items, then
// `err` once, then the end — so nothing that arrived before the failure is
// lost. A consumer that leaves (break / return()) or is aborted drops the
// buffer at once, and the producer's later pushes are refused.
import { AbortedError } from "../errors.js";
import { QueueConsumedError, QueueOverflowError } from "./errors.js";
import { checkQueueBytes, checkQueueLimits, type OverflowPolicy } from "./overflow-policy.js";

/** Capacity, byte bound and overflow policy of a {@link BoundedQueue}. */
export interface BoundedQueueOptions<T = unknown> {
  /** Most items waiting for the consumer, at least 1. */
  capacity: number;
  overflow: OverflowPolicy;
  /** What an item holds, in bytes, for `maxBytes`. */
  weigh?: (item: T) => number;
  /** Most bytes (by `weigh`) waiting for the consumer; unbounded when not given. */
  maxBytes?: number;
  /**
   * Called once when the queue stops accepting items, whatever the cause
   * (close, fail, "error" overflow, consumer left or aborted). Must not throw.
   */
  onClose?: () => void;
}

/** Options of iterating a {@link BoundedQueue}: a signal that ends the loop. */
export interface IterateOptions {
  /** Aborting ends the iteration with an AbortedError and drops what is buffered. */
  signal?: AbortSignal;
}

type Outcome<T> = { value: T } | { done: true } | { error: unknown };

interface Waiter<T> {
  resolve(result: IteratorResult<T, undefined>): void;
  reject(err: unknown): void;
}

const DONE = { done: true, value: undefined } as const;

/** A single-consumer async queue with a capacity and an overflow policy: what each of the client's iterators reads from. */
export class BoundedQueue<T> implements AsyncIterable<T> {
  readonly capacity: number;
  readonly overflow: OverflowPolicy;
  readonly maxBytes: number;
  readonly #weigh: ((item: T) => number) | undefined;
  #bytes = 0;
  #items: T[] = [];
  #head = 0;
  #dropped = 0;
  /** Set when the queue stops accepting items: how the consumer's iteration ends after the buffer. */
  #end: { error?: unknown; failed: boolean } | undefined;
  /** True once the consumer has had the end (or left): nothing more is delivered. */
  #finished = false;
  #waiters: Waiter<T>[] = [];
  #consumed = false;
  #onClose: (() => void) | undefined;
  #detachSignal: (() => void) | undefined;

  constructor(options: BoundedQueueOptions<T>) {
    checkQueueLimits(options.capacity, options.overflow);
    this.capacity = options.capacity;
    this.overflow = options.overflow;
    this.#onClose = options.onClose;
    this.#weigh = options.weigh;
    this.maxBytes = options.weigh === undefined ? Infinity : (options.maxBytes ?? Infinity);
    checkQueueBytes(this.maxBytes);
  }

  /** Bytes (by `weigh`) waiting for the consumer; 0 without `weigh`. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Items waiting for the consumer. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Items lost to the overflow policy (evicted, or refused because the queue was full). */
  get dropped(): number {
    return this.#dropped;
  }

  /** Whether push() can still accept items. */
  get isOpen(): boolean {
    return this.#end === undefined;
  }

  /**
   * Offers an item to the consumer. Returns false if it was not queued: the
   * queue is full under "drop-newest" or "error", or it no longer accepts items.
   * Under "drop-oldest" a full queue evicts its oldest item and returns true.
   */
  push(item: T): boolean {
    if (this.#end !== undefined) return false;
    const weight = this.#weigh?.(item) ?? 0;
    if (this.size >= this.capacity || (this.size > 0 && this.#bytes + weight > this.maxBytes)) {
      if (this.overflow === "drop-newest") {
        this.#dropped += 1;
        return false;
      }
      if (this.overflow === "error") {
        this.#dropped += 1;
        const bytes = this.size < this.capacity ? { wouldHold: this.#bytes + weight, maxBytes: this.maxBytes } : undefined;
        this.#stop({ failed: true, error: new QueueOverflowError(this.capacity, bytes ? { bytes } : {}) });
        return false;
      }
      // drop-oldest: evict until the new item fits.
      while (this.size > 0 && (this.size >= this.capacity || this.#bytes + weight > this.maxBytes)) {
        this.#dropped += 1;
        this.#shift();
      }
    }
    this.#items.push(item);
    this.#bytes += weight;
    this.#deliver();
    return true;
  }

  /** No more items: the consumer gets the buffered ones, then the end. */
  close(): void {
    this.#stop({ failed: false });
    this.#deliver();
  }

  /** No more items: the consumer gets the buffered ones, then `error` is thrown once. */
  fail(error: unknown): void {
    this.#stop({ failed: true, error });
    this.#deliver();
  }

  /** The queue as an async iterable, once; the same as `iterate()` with no options. */
  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this.iterate();
  }

  /** The consumer's iterator. A queue has one consumer: a second call throws QueueConsumedError. */
  iterate(options: IterateOptions = {}): AsyncIterableIterator<T> {
    if (this.#consumed) throw new QueueConsumedError();
    this.#consumed = true;
    const { signal } = options;
    if (signal?.aborted) this.#abort(signal.reason);
    else if (signal && !this.#finished) {
      const onAbort = (): void => this.#abort(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      this.#detachSignal = () => signal.removeEventListener("abort", onAbort);
    }
    const iterator: AsyncIterableIterator<T> = {
      next: () => this.#next(),
      return: () => {
        this.#leave();
        return Promise.resolve(DONE);
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  #next(): Promise<IteratorResult<T, undefined>> {
    if (this.#waiters.length === 0) {
      const outcome = this.#take();
      if (outcome !== undefined) return settled(outcome);
    }
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Hands what is available to waiting reads, in order. */
  #deliver(): void {
    while (this.#waiters.length > 0) {
      const outcome = this.#take();
      if (outcome === undefined) return;
      const waiter = this.#waiters.shift()!;
      if ("error" in outcome) waiter.reject(outcome.error);
      else waiter.resolve("value" in outcome ? { done: false, value: outcome.value } : DONE);
    }
  }

  /** The consumer's next outcome, or undefined if it has to wait. */
  #take(): Outcome<T> | undefined {
    if (this.#finished) return { done: true };
    if (this.size > 0) return { value: this.#shift() };
    const end = this.#end;
    if (end === undefined) return undefined;
    this.#finish();
    return end.failed ? { error: end.error } : { done: true };
  }

  #shift(): T {
    const item = this.#items[this.#head] as T;
    if (this.#weigh !== undefined) this.#bytes -= this.#weigh(item);
    this.#items[this.#head] = undefined as T; // let it be collected
    this.#head += 1;
    // Compact now and then instead of Array.shift() on every read.
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head >= 1024 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Stops accepting items (first cause wins) and tells the owner. */
  #stop(end: { error?: unknown; failed: boolean }): void {
    if (this.#end !== undefined) return;
    this.#end = end;
    this.#onClose?.();
  }

  /** The consumer is done: drop the buffer and the abort listener. */
  #finish(): void {
    this.#finished = true;
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#detachSignal?.();
    this.#detachSignal = undefined;
  }

  /** The consumer left: whatever is buffered is dropped, pending reads end. */
  #leave(): void {
    this.#stop({ failed: false });
    this.#finish();
    this.#deliver();
  }

  /** Aborted: buffered items are dropped and the next (or pending) read throws AbortedError. */
  #abort(reason: unknown): void {
    if (this.#finished) return;
    const error = new AbortedError("queue iteration was aborted", { cause: reason });
    this.#stop({ failed: true, error });
    this.#items = [];
    this.#head = 0;
    this.#bytes = 0;
    // Abort overrides a close or failure still waiting behind buffered items.
    this.#end = { failed: true, error };
    this.#deliver();
  }
}

function settled<T>(outcome: Outcome<T>): Promise<IteratorResult<T, undefined>> {
  if ("error" in outcome) return Promise.reject(outcome.error);
  return Promise.resolve("value" in outcome ? { done: false, value: outcome.value } : DONE);
}
