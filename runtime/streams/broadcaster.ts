// One producer, many consumers: every subscriber gets every item published
// after it subscribed, through its own bounded queue, so a slow subscriber
// only ever loses its own items (per its overflow policy) and never holds up
// the publisher or the other subscribers.
import { QueueConsumedError } from "./errors.js";
import { BoundedQueue } from "./bounded-queue.js";
import { checkQueueBytes, checkQueueLimits, type OverflowPolicy } from "./overflow-policy.js";

/** One subscriber's queue size, overflow policy and stop signal. */
export interface SubscribeOptions {
  /** Most items waiting for this subscriber; default from the Broadcaster. */
  capacity?: number;
  /** What happens when this subscriber is full; default from the Broadcaster. */
  overflow?: OverflowPolicy;
  /** Most bytes waiting for this subscriber, when the Broadcaster weighs its items; default from the Broadcaster. */
  maxBytes?: number;
  /** Aborting ends this subscription with an AbortedError and frees its queue. */
  signal?: AbortSignal;
}

/** Default capacity and overflow policy of a {@link Broadcaster}'s subscriber queues. */
export interface BroadcasterOptions {
  /** Default capacity of subscriber queues; 1024 if not given. */
  capacity?: number;
  /** Default overflow policy; `"error"` if not given, so a lagging subscriber learns it lost data. */
  overflow?: OverflowPolicy;
  /** Default byte bound of subscriber queues, when the Broadcaster weighs its items; unbounded if not given. */
  maxBytes?: number;
}

/** A Broadcaster's options when it weighs its items: each subscriber's queue is then bounded by `maxBytes` as well. */
export interface WeighingBroadcasterOptions<T> extends BroadcasterOptions {
  /** What an item holds, in bytes. */
  weigh?: (item: T) => number;
}

/** Publishes each item to every subscriber, each through its own {@link BoundedQueue}. */
export class Broadcaster<T> {
  readonly #capacity: number;
  readonly #overflow: OverflowPolicy;
  readonly #weigh: ((item: T) => number) | undefined;
  readonly #maxBytes: number | undefined;
  readonly #queues = new Set<BoundedQueue<T>>();
  #end: { failed: boolean; error?: unknown } | undefined;

  constructor(options: WeighingBroadcasterOptions<T> = {}) {
    this.#capacity = options.capacity ?? 1024;
    this.#overflow = options.overflow ?? "error";
    checkQueueLimits(this.#capacity, this.#overflow);
    this.#weigh = options.weigh;
    this.#maxBytes = options.maxBytes;
    if (this.#maxBytes !== undefined) checkQueueBytes(this.#maxBytes);
  }

  /** Subscribers still receiving items (those that left, were aborted or overflowed with "error" are gone). */
  get subscriberCount(): number {
    return this.#queues.size;
  }

  /** Whether close() or fail() has been called. */
  get isClosed(): boolean {
    return this.#end !== undefined;
  }

  /**
   * A new subscription to items published from now on. Iterate it once; a
   * subscription that is never iterated still holds its queue until it is
   * aborted or the broadcaster closes. After close() or fail() it ends at once
   * (or throws the failure).
   */
  subscribe(options: SubscribeOptions = {}): AsyncIterable<T> {
    const queue: BoundedQueue<T> = new BoundedQueue<T>({
      capacity: options.capacity ?? this.#capacity,
      overflow: options.overflow ?? this.#overflow,
      ...(this.#weigh !== undefined ? { weigh: this.#weigh, maxBytes: options.maxBytes ?? this.#maxBytes ?? Infinity } : {}),
      onClose: () => this.#queues.delete(queue),
    });
    if (this.#end === undefined) this.#queues.add(queue);
    else if (this.#end.failed) queue.fail(this.#end.error);
    else queue.close();
    // Listen to the signal now, so an abort before the first read frees the queue too.
    const iterator = queue.iterate(options.signal ? { signal: options.signal } : {});
    let handedOut = false;
    return {
      [Symbol.asyncIterator]: () => {
        if (handedOut) throw new QueueConsumedError();
        handedOut = true;
        return iterator;
      },
    };
  }

  /** Offers `item` to every subscriber; returns how many queued it. Ignored after close(). */
  publish(item: T): number {
    let accepted = 0;
    // A queue may remove itself from the set while we iterate (overflow "error"); Set iteration allows that.
    for (const queue of this.#queues) {
      if (queue.push(item)) accepted += 1;
    }
    return accepted;
  }

  /** Ends every subscription after its buffered items; later subscriptions end at once. */
  close(): void {
    this.#endAll({ failed: false });
  }

  /** Ends every subscription with `error` after its buffered items; later subscriptions throw it. */
  fail(error: unknown): void {
    this.#endAll({ failed: true, error });
  }

  #endAll(end: { failed: boolean; error?: unknown }): void {
    if (this.#end !== undefined) return;
    this.#end = end;
    for (const queue of [...this.#queues]) {
      if (end.failed) queue.fail(end.error);
      else queue.close();
    }
    this.#queues.clear();
  }
}
