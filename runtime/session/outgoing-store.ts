// Every payload we send is kept, by seq, so a replay request from the peer
// can be answered. The store is an interface so a durable one (surviving a
// process restart) can replace the in-memory default.
import { ArgumentError } from "../errors.js";

/** A sent payload as an {@link OutgoingStore} keeps it. */
export interface StoredPayload {
  readonly seq: bigint;
  /** seto.PayloadType of the payload. */
  readonly setoType: number;
  /** eto.PayloadType, undefined for a seto message. */
  readonly etoType: number | undefined;
  /** The payload bytes exactly as sent (not flagged is_replay). */
  readonly bytes: Uint8Array;
}

/** Where sent payloads are kept for the peer's replay requests (pluggable; in memory by default). */
export interface OutgoingStore {
  /**
   * Records a sent payload. Seqs normally rise by one; a seq at or below the
   * newest held replaces that entry and drops every later one, because the
   * peer reset our sequence and those numbers now belong to new payloads.
   */
  put(p: StoredPayload): void;
  /** The payload sent as `seq`, or undefined if never sent or no longer held. */
  get(seq: bigint): StoredPayload | undefined;
  /** Lowest seq held, undefined when empty. */
  oldestSeq(): bigint | undefined;
  /** Highest seq held, undefined when empty. */
  newestSeq(): bigint | undefined;
  /** Forgets everything (a new session starts). */
  clear(): void;
}

/**
 * What one stored payload costs besides its bytes (the entry, its seq, the
 * byte array object, its queue slot): measured at about 330 bytes on Node 20
 * for small payloads, which a byte cap must count or 10 000 tiny payloads
 * would pass for 160 KB.
 */
export const STORED_ENTRY_OVERHEAD = 320;

/**
 * The in-memory store, bounded by count and optionally by bytes (each
 * payload's length plus STORED_ENTRY_OVERHEAD): it keeps the most recent
 * payloads within both and evicts the oldest (lowest seq) beyond either. The
 * newest is always kept. A replay request for an evicted seq is answered
 * with a gapfill at that seq and a warning (see replay-server).
 *
 * The payloads are one queue in seq order (`put` keeps it so: a rewind
 * truncates it), not a map: every payload sent passes through `put`, which
 * then costs an append and, when full, taking the oldest from the front,
 * where a map's hashing, bigint keys and deletions cost several times that
 * (a ping flood is answered pong by pong). `get`, for the rarer replay,
 * finds a seq by its offset from the oldest when no hole lies before it,
 * else by binary search.
 */
export class MemoryOutgoingStore implements OutgoingStore {
  // Live from `#head`; the consumed front is dropped once it outgrows what is held.
  #queue: StoredPayload[] = [];
  #head = 0;
  #bytes = 0;

  constructor(
    readonly capacity: number,
    /** Most bytes held (payloads plus STORED_ENTRY_OVERHEAD each); default no limit. */
    readonly maxBytes: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new ArgumentError(`outgoing store capacity must be an integer >= 1, got ${capacity}`);
    }
    if (!(maxBytes === Number.POSITIVE_INFINITY || (Number.isInteger(maxBytes) && maxBytes >= 1))) {
      throw new ArgumentError(`outgoing store maxBytes must be an integer >= 1 or Infinity, got ${maxBytes}`);
    }
  }

  get size(): number {
    return this.#queue.length - this.#head;
  }

  /** Bytes held: each payload's length plus STORED_ENTRY_OVERHEAD. */
  get bytes(): number {
    return this.#bytes;
  }

  put(p: StoredPayload): void {
    const queue = this.#queue;
    if (queue.length > this.#head && p.seq <= queue[queue.length - 1]!.seq) this.#dropFrom(p.seq);
    queue.push(p);
    this.#bytes += cost(p);
    while (queue.length - this.#head > this.capacity || (this.#bytes > this.maxBytes && queue.length - this.#head > 1)) {
      this.#bytes -= cost(queue[this.#head]!);
      queue[this.#head] = undefined!;
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head > queue.length - this.#head) {
      this.#queue = queue.slice(this.#head);
      this.#head = 0;
    }
  }

  get(seq: bigint): StoredPayload | undefined {
    const queue = this.#queue;
    const head = this.#head;
    if (head >= queue.length) return undefined;
    const oldest = queue[head]!.seq;
    if (seq < oldest || seq > queue[queue.length - 1]!.seq) return undefined;
    // Seqs rise by one unless a jump left a hole: then the entry is at or before its offset.
    const guess = head + Number(seq - oldest);
    if (guess < queue.length && queue[guess]!.seq === seq) return queue[guess];
    let lo = head;
    let hi = Math.min(guess, queue.length - 1);
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = queue[mid]!.seq;
      if (at === seq) return queue[mid];
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** The payloads held, oldest first. */
  *values(): IterableIterator<StoredPayload> {
    for (let i = this.#head; i < this.#queue.length; i++) yield this.#queue[i]!;
  }

  oldestSeq(): bigint | undefined {
    return this.#head < this.#queue.length ? this.#queue[this.#head]!.seq : undefined;
  }

  newestSeq(): bigint | undefined {
    return this.#head < this.#queue.length ? this.#queue[this.#queue.length - 1]!.seq : undefined;
  }

  clear(): void {
    this.#queue = [];
    this.#head = 0;
    this.#bytes = 0;
  }

  /** Forgets `seq` and everything newer: they are at the end of the queue. */
  #dropFrom(seq: bigint): void {
    const queue = this.#queue;
    while (queue.length > this.#head && queue[queue.length - 1]!.seq >= seq) this.#bytes -= cost(queue.pop()!);
  }
}

const cost = (p: StoredPayload): number => p.bytes.length + STORED_ENTRY_OVERHEAD;
