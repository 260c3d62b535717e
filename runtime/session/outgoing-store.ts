// Every payload we send is kept, by seq, so a replay request from the peer
// can be answered. The store is an interface so a durable one (surviving a
// process restart) can replace the in-memory default.
import { ArgumentError } from "../errors.js";
import { ByteArena } from "./byte-arena.js";

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
 * What one stored payload counts against a byte cap besides its bytes, so
 * that 10 000 tiny payloads do not pass for 160 KB: about what each cost
 * when kept as objects of its own (measured at about 330 bytes on Node 20).
 * Packed, each costs 28 bytes of index, but the cap is kept as it was stated.
 */
export const STORED_ENTRY_OVERHEAD = 320;

/** `etoType` of a seto message, in the index. */
const NO_ETO_TYPE = -0x8000_0000;
/** Seqs are unsigned 64-bit. */
const SEQ_LIMIT = 1n << 64n;
/** The smallest index kept, in entries. */
const MIN_SLOTS = 64;

/**
 * The in-memory store, bounded by count and optionally by bytes (each
 * payload's length plus STORED_ENTRY_OVERHEAD): it keeps the most recent
 * payloads within both and evicts the oldest (lowest seq) beyond either. The
 * newest is always kept. A replay request for an evicted seq is answered
 * with a gapfill at that seq and a warning (see replay-server).
 *
 * Every payload sent passes through `put`, so the store keeps no object per
 * payload: the bytes are copied into one ByteArena and the rest goes into
 * typed arrays, one queue in seq order (`put` keeps it so: a rewind
 * truncates it). Thousands of small objects, each living just long enough
 * to be promoted and then dying, made the garbage collector's work in a
 * ping flood several times what the flood itself cost. `get` (for the rarer
 * replay) builds the payload it returns, with a copy of its bytes; it finds
 * a seq by its offset from the oldest when no hole lies before it, else by
 * binary search.
 */
export class MemoryOutgoingStore implements OutgoingStore {
  readonly #arena = new ByteArena();
  // The index, live from `#head` to `#tail`.
  #seqs = new BigUint64Array(MIN_SLOTS);
  #setoTypes = new Int32Array(MIN_SLOTS);
  #etoTypes = new Int32Array(MIN_SLOTS);
  #offsets = new Float64Array(MIN_SLOTS);
  #lengths = new Uint32Array(MIN_SLOTS);
  #head = 0;
  #tail = 0;
  /** The newest seq held (undefined when empty), kept so `put` compares without reading the index. */
  #newest: bigint | undefined;
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
    return this.#tail - this.#head;
  }

  /** Bytes held: each payload's length plus STORED_ENTRY_OVERHEAD. */
  get bytes(): number {
    return this.#bytes;
  }

  put(p: StoredPayload): void {
    const seq = p.seq;
    if (seq < 0n || seq >= SEQ_LIMIT) throw new ArgumentError(`a stored payload's seq must be an unsigned 64-bit integer, got ${seq}`);
    if (this.#newest !== undefined && seq <= this.#newest) this.#dropFrom(seq);
    if (this.#tail === this.#seqs.length) this.#makeSlot();
    const i = this.#tail;
    this.#seqs[i] = seq;
    this.#setoTypes[i] = p.setoType;
    this.#etoTypes[i] = p.etoType ?? NO_ETO_TYPE;
    this.#offsets[i] = this.#arena.append(p.bytes);
    this.#lengths[i] = p.bytes.length;
    this.#tail = i + 1;
    this.#newest = seq;
    this.#bytes += p.bytes.length + STORED_ENTRY_OVERHEAD;
    while (this.#tail - this.#head > this.capacity || (this.#bytes > this.maxBytes && this.#tail - this.#head > 1)) {
      this.#bytes -= this.#lengths[this.#head]! + STORED_ENTRY_OVERHEAD;
      this.#head += 1;
      this.#arena.dropBefore(this.#offsets[this.#head]!);
    }
  }

  get(seq: bigint): StoredPayload | undefined {
    const i = this.#find(seq);
    return i === undefined ? undefined : this.#entry(i);
  }

  /** The payloads held, oldest first. */
  *values(): IterableIterator<StoredPayload> {
    for (let i = this.#head; i < this.#tail; i++) yield this.#entry(i);
  }

  oldestSeq(): bigint | undefined {
    return this.#head < this.#tail ? this.#seqs[this.#head] : undefined;
  }

  newestSeq(): bigint | undefined {
    return this.#newest;
  }

  clear(): void {
    this.#arena.clear();
    this.#head = 0;
    this.#tail = 0;
    if (this.#seqs.length > MIN_SLOTS) this.#resize(MIN_SLOTS);
    this.#newest = undefined;
    this.#bytes = 0;
  }

  #entry(i: number): StoredPayload {
    const etoType = this.#etoTypes[i]!;
    return {
      seq: this.#seqs[i]!,
      setoType: this.#setoTypes[i]!,
      etoType: etoType === NO_ETO_TYPE ? undefined : etoType,
      bytes: this.#arena.view(this.#offsets[i]!, this.#lengths[i]!).slice(),
    };
  }

  /** Where `seq` is in the index, if held. */
  #find(seq: bigint): number | undefined {
    const head = this.#head;
    const tail = this.#tail;
    if (head >= tail) return undefined;
    const seqs = this.#seqs;
    const oldest = seqs[head]!;
    if (seq < oldest || seq > this.#newest!) return undefined;
    // Seqs rise by one unless a jump left a hole: then the entry is at or before its offset.
    const guess = head + Number(seq - oldest);
    if (guess < tail && seqs[guess] === seq) return guess;
    let lo = head;
    let hi = Math.min(guess, tail - 1);
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = seqs[mid]!;
      if (at === seq) return mid;
      if (at < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Forgets `seq` and everything newer: they are at the back of the queue. */
  #dropFrom(seq: bigint): void {
    while (this.#tail > this.#head && this.#seqs[this.#tail - 1]! >= seq) {
      this.#tail -= 1;
      this.#bytes -= this.#lengths[this.#tail]! + STORED_ENTRY_OVERHEAD;
      this.#arena.dropFrom(this.#offsets[this.#tail]!);
    }
    this.#newest = this.#tail > this.#head ? this.#seqs[this.#tail - 1] : undefined;
  }

  /** Room for one more entry at the back: the live ones moved down, or the index doubled. */
  #makeSlot(): void {
    const live = this.#tail - this.#head;
    this.#resize(live < this.#seqs.length / 2 ? this.#seqs.length : 2 * this.#seqs.length);
  }

  /** The live entries moved to the start of an index of `slots` entries. */
  #resize(slots: number): void {
    const head = this.#head;
    const tail = this.#tail;
    const move = <T extends BigUint64Array | Int32Array | Float64Array | Uint32Array>(from: T, make: (n: number) => T): T => {
      if (slots === from.length) {
        from.copyWithin(0, head, tail);
        return from;
      }
      const to = make(slots);
      to.set(from.subarray(head, tail) as never, 0);
      return to;
    };
    this.#seqs = move(this.#seqs, (n) => new BigUint64Array(n));
    this.#setoTypes = move(this.#setoTypes, (n) => new Int32Array(n));
    this.#etoTypes = move(this.#etoTypes, (n) => new Int32Array(n));
    this.#offsets = move(this.#offsets, (n) => new Float64Array(n));
    this.#lengths = move(this.#lengths, (n) => new Uint32Array(n));
    this.#tail = tail - head;
    this.#head = 0;
  }
}
