// Every payload we send is kept, by seq, so a replay request from the peer
// can be answered. The store is an interface so a durable one (surviving a
// process restart) can replace the in-memory default.
import { bigintKey } from "../bigint-key.js";
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

/** A seq as a Map key (see bigint-key.ts). */
const keyOf = bigintKey;

/**
 * What one stored payload costs besides its bytes (the entry, its seq, the
 * byte array object, the map slot): measured at about 330 bytes on Node 20
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
 */
export class MemoryOutgoingStore implements OutgoingStore {
  readonly #bySeq = new Map<number | bigint, StoredPayload>();
  #bytes = 0;
  // The seqs held, in insertion order, which `put` keeps equal to seq order
  // (it truncates on a rewind); live from `#head`. Eviction takes the oldest
  // from here: asking the Map for its first key instead would step over every
  // entry deleted since its last rehash, on every put of a full store.
  #order: bigint[] = [];
  #head = 0;

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
    return this.#bySeq.size;
  }

  /** Bytes held: each payload's length plus STORED_ENTRY_OVERHEAD. */
  get bytes(): number {
    return this.#bytes;
  }

  put(p: StoredPayload): void {
    const newest = this.newestSeq();
    if (newest !== undefined && p.seq <= newest) this.#dropFrom(p.seq);
    this.#bySeq.set(keyOf(p.seq), p);
    this.#order.push(p.seq);
    this.#bytes += cost(p);
    while (this.#bySeq.size > this.capacity || (this.#bytes > this.maxBytes && this.#bySeq.size > 1)) {
      const oldest = keyOf(this.#order[this.#head]!);
      this.#bytes -= cost(this.#bySeq.get(oldest)!);
      this.#bySeq.delete(oldest);
      this.#head += 1;
      // Drop the consumed front now and then, so the queue stays within twice what is held.
      if (this.#head > this.#bySeq.size) {
        this.#order = this.#order.slice(this.#head);
        this.#head = 0;
      }
    }
  }

  get(seq: bigint): StoredPayload | undefined {
    return this.#bySeq.get(keyOf(seq));
  }

  /** The payloads held, oldest first. */
  *values(): IterableIterator<StoredPayload> {
    for (let i = this.#head; i < this.#order.length; i++) yield this.#bySeq.get(keyOf(this.#order[i]!))!;
  }

  oldestSeq(): bigint | undefined {
    return this.#head < this.#order.length ? this.#order[this.#head] : undefined;
  }

  newestSeq(): bigint | undefined {
    return this.#head < this.#order.length ? this.#order[this.#order.length - 1] : undefined;
  }

  clear(): void {
    this.#bySeq.clear();
    this.#bytes = 0;
    this.#order = [];
    this.#head = 0;
  }

  /** Forgets `seq` and everything newer: they are at the end of the queue. */
  #dropFrom(seq: bigint): void {
    const order = this.#order;
    while (order.length > this.#head && order[order.length - 1]! >= seq) {
      const key = keyOf(order.pop()!);
      this.#bytes -= cost(this.#bySeq.get(key)!);
      this.#bySeq.delete(key);
    }
  }
}

const cost = (p: StoredPayload): number => p.bytes.length + STORED_ENTRY_OVERHEAD;
