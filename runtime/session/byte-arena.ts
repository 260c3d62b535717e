// The bytes of a first-in, first-out run of records, packed in one buffer:
// records are appended at the back, forgotten from the front (or from the
// back, on a rewind), and addressed by an absolute offset that never
// changes while the record is held. When the back reaches the buffer's end,
// the live records move down to its start (or to a new buffer sized to what
// they hold), so the buffer stays within a small multiple of the live bytes.
//
// Why: a store keeping thousands of small payloads as arrays of their own
// keeps thousands of objects that live just long enough to be promoted and
// then die, which the garbage collector pays for on every collection (a ping
// flood, answered pong by pong). Packed, they are one array.

/** The smallest buffer kept. */
const MIN_BYTES = 4096;

export class ByteArena {
  #buffer = new Uint8Array(MIN_BYTES);
  /** Absolute offset of `#buffer[0]`. */
  #base = 0;
  /** Absolute offsets of the first live byte and of the next to append. */
  #front = 0;
  #back = 0;

  /** Bytes between the front and the back. */
  get liveBytes(): number {
    return this.#back - this.#front;
  }

  /** Bytes the buffer holds room for. */
  get capacity(): number {
    return this.#buffer.length;
  }

  /** Appends a copy of `bytes`; returns its absolute offset. */
  append(bytes: Uint8Array): number {
    if (this.#back - this.#base + bytes.length > this.#buffer.length) this.#makeRoom(bytes.length);
    const at = this.#back;
    this.#buffer.set(bytes, at - this.#base);
    this.#back = at + bytes.length;
    return at;
  }

  /** A view of the `length` bytes at absolute offset `at` (valid until the next append; copy it to keep it). */
  view(at: number, length: number): Uint8Array {
    const start = at - this.#base;
    return this.#buffer.subarray(start, start + length);
  }

  /** Forgets everything before absolute offset `at` (the front moves up). */
  dropBefore(at: number): void {
    this.#front = Math.min(Math.max(at, this.#front), this.#back);
  }

  /** Forgets everything from absolute offset `at` on (the back moves down). */
  dropFrom(at: number): void {
    this.#back = Math.max(Math.min(at, this.#back), this.#front);
  }

  clear(): void {
    if (this.#buffer.length > MIN_BYTES) this.#buffer = new Uint8Array(MIN_BYTES);
    this.#base = this.#back;
    this.#front = this.#back;
  }

  /** Moves the live bytes to the start of a buffer with room for `more`: this one, or one sized to what is live. */
  #makeRoom(more: number): void {
    const live = this.#back - this.#front;
    const need = live + more;
    // Half as much again as needed: the next move comes after at least need/2 more bytes, so each byte moves twice at most, on average.
    const fits = Math.max(MIN_BYTES, need + Math.floor(need / 2));
    const from = this.#front - this.#base;
    if (this.#buffer.length >= fits && this.#buffer.length <= 4 * fits) {
      this.#buffer.copyWithin(0, from, from + live);
    } else {
      const moved = new Uint8Array(fits);
      moved.set(this.#buffer.subarray(from, from + live), 0);
      this.#buffer = moved;
    }
    this.#base = this.#front;
  }
}
