// Every payload we send is kept, by seq, so a replay request from the peer
// can be answered. The store is an interface so a durable one (surviving a
// process restart) can replace the in-memory default.
import { ArgumentError } from "../errors.js";

export interface StoredPayload {
  readonly seq: bigint;
  /** seto.PayloadType of the payload. */
  readonly setoType: number;
  /** eto.PayloadType, undefined for a seto message. */
  readonly etoType: number | undefined;
  /** The payload bytes exactly as sent (not flagged is_replay). */
  readonly bytes: Uint8Array;
}

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
 * The in-memory store, bounded by count: it keeps the `capacity` most recent
 * payloads and evicts the oldest (lowest seq) when full. A replay request for
 * an evicted seq is answered with a gapfill and a warning (see replay-server).
 */
export class MemoryOutgoingStore implements OutgoingStore {
  // Insertion order is seq order: `put` keeps it so by truncating on a rewind.
  readonly #bySeq = new Map<bigint, StoredPayload>();
  #newest: bigint | undefined;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new ArgumentError(`outgoing store capacity must be an integer >= 1, got ${capacity}`);
    }
  }

  get size(): number {
    return this.#bySeq.size;
  }

  put(p: StoredPayload): void {
    if (this.#newest !== undefined && p.seq <= this.#newest) this.#dropFrom(p.seq);
    this.#bySeq.set(p.seq, p);
    this.#newest = p.seq;
    if (this.#bySeq.size > this.capacity) {
      const oldest = this.#bySeq.keys().next().value as bigint;
      this.#bySeq.delete(oldest);
    }
  }

  get(seq: bigint): StoredPayload | undefined {
    return this.#bySeq.get(seq);
  }

  oldestSeq(): bigint | undefined {
    return this.#bySeq.keys().next().value;
  }

  newestSeq(): bigint | undefined {
    return this.#newest;
  }

  clear(): void {
    this.#bySeq.clear();
    this.#newest = undefined;
  }

  #dropFrom(seq: bigint): void {
    for (const key of [...this.#bySeq.keys()]) if (key >= seq) this.#bySeq.delete(key);
    let newest: bigint | undefined;
    for (const key of this.#bySeq.keys()) newest = key;
    this.#newest = newest;
  }
}
