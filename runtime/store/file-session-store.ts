// A SessionStore in one append-only file (the anchor is QuickFIX/J's
// FileStore): what the session state is, as a log of records (records.ts,
// framed and checksummed by log-format.ts), replayed into memory when the
// store is opened.
//
// Writing: put() and commit() queue records; a commit writes them all with
// one synchronous write (the client commits once per inbound chunk and
// before each socket write, so the file always holds whatever the peer may
// have seen) and fsyncs as the policy says (fsync-policy.ts). A delivery
// lease (delivery-ledger.ts) is written at once, before the payload it
// covers is delivered; a save brings it back to the seq saved, but never
// below the crash window a previous process left, until the seq saved has
// passed that window (whoever delivers those payloads flags them).
//
// Bounded: the payloads kept are bounded as in memory (`maxPayloads`,
// `maxBytes`), and so is the file: once it grows past
// max(`compactAtBytes`, twice its size after the last compaction), it is
// rewritten with only what it holds now — header, state, payloads, orders —
// into a new file renamed over the old (a crash in between leaves the old
// one whole). So the file stays within about twice what it holds plus
// `compactAtBytes`, and compaction costs O(1) per byte appended.
//
// Reading: a torn last record (a crash in mid-write) is dropped and reported
// in `recovered`; damage anywhere else is a StoreCorruptError; a file of
// another account, host or protocol a StoreForeignError. Never a silent new
// session.
import * as fs from "node:fs";
import * as path from "node:path";
import { systemClock, type Clock } from "../clock.js";
import { ArgumentError } from "../errors.js";
import { MemoryOutgoingStore, type StoredPayload } from "../session/outgoing-store.js";
import { SESSION_DEFAULTS } from "../session/settings.js";
import { StoreCorruptError, StoreError, StoreForeignError } from "./errors.js";
import { describe, FileLock } from "./file-lock.js";
import { FSYNC_POLICIES, Syncer, type FsyncPolicy } from "./fsync-policy.js";
import { encodeRecord, LogDamage, scanLog, type LogRecord } from "./log-format.js";
import * as r from "./records.js";
import type { SavedOrder } from "../trading/orders/saved-order.js";
import type { SavedSession, SessionSnapshot, SessionStore, StoreIdentity, StoreRecovery } from "./session-store.js";

/** Options of a {@link FileSessionStore}. */
export interface FileSessionStoreOptions {
  /** When writes are forced to disk: "always", "batched" (default: at most every `fsyncIntervalMs`), "never". */
  fsync?: FsyncPolicy;
  /** For "batched": the longest a write waits for its fsync. Default 100 ms. */
  fsyncIntervalMs?: number;
  /** Sent payloads kept for replays. Default `SESSION_DEFAULTS.outgoingStoreSize` (10 000). */
  maxPayloads?: number;
  /** Bytes of sent payloads kept for replays (each counting 320 more for keeping it). Default `SESSION_DEFAULTS.outgoingStoreBytes` (16 MiB). */
  maxBytes?: number;
  /** The file is compacted once it grows past the larger of this and twice its size after the last compaction. Default 8 MiB. */
  compactAtBytes?: number;
  /**
   * How far the delivery lease first runs ahead of delivery after a save;
   * each further extension before the next save runs twice as far (up to
   * 4096). After a crash in the middle of an inbound chunk, the payloads
   * flagged `redelivered` that were not delivered before number at most this
   * plus as many as were; it costs one small write per chunk with
   * deliveries, and one more each time a chunk's deliveries double. Default 8.
   */
  leaseStep?: number;
  /** Times batched fsyncs; default the system clock. */
  clock?: Clock;
}

/** How far ahead of delivery a lease first runs after a save, by default (`leaseStep`). */
export const LEASE_STEP = 8;
/** The furthest one extension of the lease runs ahead. */
const MAX_LEASE_STEP = 4096n;

const EMPTY_STATE: r.StoreState = { sessionId: undefined, nextInSeq: 1n, nextOutSeq: 1n, lease: 1n, lastAccountSequence: undefined };

/** A durable {@link SessionStore}: an append-only, checksummed log in one file, compacted as it grows, fsynced by policy. */
export class FileSessionStore implements SessionStore {
  readonly durable = true;
  /** The store's file. */
  readonly path: string;
  readonly #options: Required<Omit<FileSessionStoreOptions, "clock">>;
  readonly #payloads: MemoryOutgoingStore;
  readonly #syncer: Syncer;
  readonly #lock: FileLock;
  readonly #leaseStep: bigint;
  /** How far the next extension runs: `leaseStep` after a save, doubling with each extension. */
  #step: bigint;
  #identity: StoreIdentity | undefined;
  #fd: number | undefined;
  #closed = false;
  #pending: Uint8Array[] = [];
  /** The state last written. */
  #state: r.StoreState = EMPTY_STATE;
  /** Payloads below this may be delivered without a new lease. */
  #lease = 1n;
  /** The next lease written starts over (a new stream). */
  #leaseRestart = false;
  /**
   * The lease of the process before this one (its crash window): payloads
   * below it may still come flagged, whichever process gets them, so no save
   * brings the lease below it until the seq saved has passed it.
   */
  #inherited = 0n;
  /** The latest ORDER content of every order kept, by key, oldest first. */
  readonly #orders = new Map<number, Uint8Array>();
  #fileBytes = 0;
  #compactAt = 0;
  #compactions = 0;

  constructor(file: string, options: FileSessionStoreOptions = {}) {
    if (typeof file !== "string" || file === "") throw new ArgumentError(`a FileSessionStore needs a file path, got ${String(file)}`);
    this.path = path.resolve(file);
    const fsync = options.fsync ?? "batched";
    if (!FSYNC_POLICIES.includes(fsync)) throw new ArgumentError(`fsync must be one of ${FSYNC_POLICIES.join(", ")}, got ${String(fsync)}`);
    this.#options = {
      fsync,
      fsyncIntervalMs: positive(options.fsyncIntervalMs, 100, "fsyncIntervalMs"),
      maxPayloads: positive(options.maxPayloads, SESSION_DEFAULTS.outgoingStoreSize, "maxPayloads"),
      maxBytes: positive(options.maxBytes, SESSION_DEFAULTS.outgoingStoreBytes, "maxBytes"),
      compactAtBytes: positive(options.compactAtBytes, 8 * 1024 * 1024, "compactAtBytes"),
      leaseStep: positive(options.leaseStep, LEASE_STEP, "leaseStep"),
    };
    this.#leaseStep = BigInt(this.#options.leaseStep);
    this.#step = this.#leaseStep;
    this.#payloads = new MemoryOutgoingStore(this.#options.maxPayloads, this.#options.maxBytes);
    this.#syncer = new Syncer(fsync, this.#options.fsyncIntervalMs, options.clock ?? systemClock);
    this.#lock = new FileLock(this.path);
  }

  /** The file's size, compactions so far, and what it holds. */
  get stats(): { fileBytes: number; compactions: number; payloads: number; orders: number } {
    return { fileBytes: this.#fileBytes, compactions: this.#compactions, payloads: this.#payloads.size, orders: this.#orders.size };
  }

  // ---- opening ----

  open(identity: StoreIdentity): SavedSession | undefined {
    if (this.#identity !== undefined || this.#closed) throw new StoreError(`the session store ${this.path} is already opened (one client per store)`, this.path);
    this.#lock.acquire();
    try {
      this.#identity = identity;
      fs.rmSync(this.#compactPath, { force: true }); // a compaction a crash interrupted: the file itself is whole
      const bytes = readIfAny(this.path);
      if (bytes === undefined || bytes.length === 0) {
        this.#rewrite(); // a new file: header and empty state
        return undefined;
      }
      return this.#load(bytes, identity);
    } catch (e) {
      this.#lock.release();
      this.#identity = undefined;
      throw e;
    }
  }

  #load(bytes: Uint8Array, identity: StoreIdentity): SavedSession | undefined {
    let scan;
    try {
      scan = scanLog(bytes);
    } catch (e) {
      if (!(e instanceof LogDamage)) throw e;
      // Ours begin with a whole header record (files are created whole): one that does not is something else.
      if (e.offset === 0) throw new StoreForeignError(`${this.path} is not a session store: ${e.message}`, this.path, "format", undefined, r.MAGIC);
      throw new StoreCorruptError(`the session store ${this.path} is damaged: ${e.message}; it was not read (move it aside to start a new session)`, this.path, e.offset);
    }
    const [first, ...rest] = scan.records;
    if (first === undefined) {
      // Not even a header survived: only a file that is no store looks like this (ours are created whole).
      throw new StoreForeignError(`${this.path} is not a session store: ${scan.torn ?? "no header"}`, this.path, "format", undefined, r.MAGIC);
    }
    this.#checkHeader(first, identity);
    let sawState = false;
    for (const record of rest) sawState = this.#apply(record) || sawState;
    let recovered: StoreRecovery | undefined;
    if (scan.torn !== undefined) {
      recovered = { offset: scan.end, droppedBytes: bytes.length - scan.end, why: scan.torn };
      fs.truncateSync(this.path, scan.end);
    }
    this.#openForAppend(scan.end);
    if (!sawState && this.#orders.size === 0 && this.#payloads.size === 0) return undefined;
    const s = this.#state;
    this.#inherited = this.#lease > s.nextInSeq ? this.#lease : s.nextInSeq;
    return {
      sessionId: s.sessionId,
      nextInSeq: s.nextInSeq,
      nextOutSeq: s.nextOutSeq,
      deliveredBelow: this.#inherited,
      lastAccountSequence: s.lastAccountSequence,
      orders: this.#savedOrders(),
      recovered,
    };
  }

  #checkHeader(record: LogRecord, identity: StoreIdentity): void {
    const foreign = (field: string, stored: unknown, expected: unknown, why: string) =>
      new StoreForeignError(`the session store ${this.path} ${why}: it holds ${field} ${JSON.stringify(stored)}, the client has ${JSON.stringify(expected)}`, this.path, field, stored === undefined ? undefined : String(stored), String(expected));
    const h = record.type === r.RecordType.HEADER ? r.readHeader(record.content) : undefined;
    if (h === undefined) throw new StoreForeignError(`${this.path} is not a session store (its first record is no store header)`, this.path, "format", undefined, r.MAGIC);
    if (h.format !== r.FORMAT) throw foreign("format", h.format, r.FORMAT, "is of another format version");
    if (h.account !== identity.account) throw foreign("account", h.account, identity.account, "belongs to another account");
    if (h.host !== identity.host) throw foreign("host", h.host, identity.host, "was kept for another host");
    if (h.port !== identity.port) throw foreign("port", h.port, identity.port, "was kept for another port");
    if (h.protocol !== identity.protocol) throw foreign("protocol", h.protocol, identity.protocol, "holds payloads of another protocol version");
  }

  /** Applies one record read back to the in-memory state; true for a STATE record. */
  #apply(record: LogRecord): boolean {
    try {
      switch (record.type) {
        case r.RecordType.STATE:
          this.#state = r.readState(record.content);
          this.#lease = this.#state.lease;
          return true;
        case r.RecordType.OUT: {
          const p = r.readOut(record.content);
          this.#payloads.put(p);
          // A payload stored may have been sent: its seq is never used again.
          this.#state = { ...this.#state, nextOutSeq: p.seq + 1n };
          return false;
        }
        case r.RecordType.CLEAR:
          this.#payloads.clear();
          return false;
        case r.RecordType.LEASE: {
          const { lease, restart } = r.readLease(record.content);
          this.#lease = restart || lease > this.#lease ? lease : this.#lease;
          return false;
        }
        case r.RecordType.ORDER: {
          const key = r.readOrder(record.content).key;
          this.#orders.delete(key); // re-inserted last: the map stays in order of last change
          this.#orders.set(key, new Uint8Array(record.content)); // a copy: the file's bytes are dropped once read
          return false;
        }
        case r.RecordType.FORGET:
          this.#orders.delete(r.readKey(record.content));
          return false;
        default:
          throw new r.BadRecord(`unknown record type ${record.type}`);
      }
    } catch (e) {
      if (!(e instanceof r.BadRecord)) throw e;
      throw new StoreCorruptError(`the session store ${this.path} is damaged: record at offset ${record.offset}: ${e.message}`, this.path, record.offset);
    }
  }

  #savedOrders(): SavedOrder[] {
    return [...this.#orders.values()].map((c) => r.readOrder(c));
  }

  // ---- the outgoing store ----

  put(p: StoredPayload): void {
    this.#payloads.put(p);
    this.#queue(r.RecordType.OUT, r.outContent(p));
  }

  get(seq: bigint): StoredPayload | undefined {
    return this.#payloads.get(seq);
  }

  oldestSeq(): bigint | undefined {
    return this.#payloads.oldestSeq();
  }

  newestSeq(): bigint | undefined {
    return this.#payloads.newestSeq();
  }

  clear(): void {
    this.#payloads.clear();
    this.#queue(r.RecordType.CLEAR, new Uint8Array(0));
  }

  // ---- the delivery ledger ----

  get leaseEnd(): bigint {
    return this.#lease;
  }

  extendLease(seq: bigint): void {
    if (seq < this.#lease) return;
    this.#lease = seq + this.#step;
    if (this.#step < MAX_LEASE_STEP) this.#step *= 2n;
    this.#queue(r.RecordType.LEASE, r.leaseContent(this.#lease, this.#leaseRestart));
    this.#leaseRestart = false;
    this.#write();
  }

  restartLease(): void {
    this.#lease = 0n;
    this.#inherited = 0n;
    this.#step = this.#leaseStep;
    this.#leaseRestart = true;
  }

  // ---- commits ----

  commit(snapshot: SessionSnapshot): void {
    for (const o of snapshot.orders) {
      const content = r.orderContent(o);
      this.#orders.delete(o.key);
      this.#orders.set(o.key, content);
      this.#queue(r.RecordType.ORDER, content);
    }
    for (const key of snapshot.forgotten) {
      if (this.#orders.delete(key)) this.#queue(r.RecordType.FORGET, r.keyContent(key));
    }
    // Everything delivered is saved now: the lease comes back to it (the next delivery extends it).
    const delivered = snapshot.deliveredBelow ?? snapshot.nextInSeq;
    let lease = delivered > snapshot.nextInSeq ? delivered : snapshot.nextInSeq;
    if (this.#inherited <= snapshot.nextInSeq) this.#inherited = 0n;
    else if (this.#inherited > lease) lease = this.#inherited;
    this.#lease = lease;
    this.#step = this.#leaseStep;
    this.#leaseRestart = false;
    const next: r.StoreState = {
      sessionId: snapshot.sessionId,
      nextInSeq: snapshot.nextInSeq,
      nextOutSeq: snapshot.nextOutSeq,
      lease: this.#lease,
      lastAccountSequence: snapshot.lastAccountSequence,
    };
    if (!sameState(next, this.#state)) {
      this.#state = next;
      this.#queue(r.RecordType.STATE, r.stateContent(next));
    }
    if (this.#pending.length === 0) return;
    this.#write();
    if (this.#fileBytes > this.#compactAt) this.#compactNow();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#fd !== undefined) {
        this.#write();
        this.#syncer.stop();
        if (this.#options.fsync !== "never") this.#syncer.syncNow();
        fs.closeSync(this.#fd);
      }
    } finally {
      this.#fd = undefined;
      this.#syncer.attach(undefined);
      this.#lock.release();
    }
  }

  /** Rewrites the file with only what it holds now (see the file comment); for tests and tools, `commit` does it by itself. */
  compact(): void {
    this.#writable();
    this.#compactNow();
  }

  // ---- the file ----

  get #compactPath(): string {
    return `${this.path}.compact`;
  }

  #queue(type: number, content: Uint8Array): void {
    this.#writable();
    this.#pending.push(encodeRecord(type, content));
  }

  #writable(): void {
    if (this.#closed) throw new StoreError(`the session store ${this.path} is closed`, this.path);
    if (this.#identity === undefined) throw new StoreError(`the session store ${this.path} is not open: the client opens it`, this.path);
  }

  /** Writes what is queued, in one write, and syncs by policy. */
  #write(): void {
    const failed = this.#syncer.takeFailure();
    if (failed !== undefined) throw new StoreError(`fsync of the session store ${this.path} failed: ${describe(failed)}`, this.path, { cause: failed });
    if (this.#pending.length === 0 || this.#fd === undefined) return;
    const chunk = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending = [];
    try {
      writeAll(this.#fd, chunk);
    } catch (e) {
      throw new StoreError(`writing the session store ${this.path} failed: ${describe(e)}`, this.path, { cause: e });
    }
    this.#fileBytes += chunk.length;
    try {
      this.#syncer.written();
    } catch (e) {
      throw new StoreError(`fsync of the session store ${this.path} failed: ${describe(e)}`, this.path, { cause: e });
    }
  }

  #compactNow(): void {
    this.#pending = []; // already in what the new file holds
    this.#rewrite();
    this.#compactions += 1;
  }

  /** Writes the whole state to a new file and renames it over the store's file. */
  #rewrite(): void {
    const records: Uint8Array[] = [
      encodeRecord(r.RecordType.HEADER, r.headerContent(this.#identity!)),
      encodeRecord(r.RecordType.STATE, r.stateContent({ ...this.#state, lease: this.#lease })),
    ];
    for (const p of this.#payloads.values()) records.push(encodeRecord(r.RecordType.OUT, r.outContent(p)));
    for (const content of this.#orders.values()) records.push(encodeRecord(r.RecordType.ORDER, content));
    const bytes = Buffer.concat(records);
    const durable = this.#options.fsync !== "never";
    try {
      const fd = fs.openSync(this.#compactPath, "w");
      try {
        writeAll(fd, bytes);
        if (durable) fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(this.#compactPath, this.path);
      if (durable) syncDirectory(path.dirname(this.path));
    } catch (e) {
      throw new StoreError(`rewriting the session store ${this.path} failed: ${describe(e)}`, this.path, { cause: e });
    }
    if (this.#fd !== undefined) fs.closeSync(this.#fd);
    this.#fd = undefined;
    this.#openForAppend(bytes.length);
  }

  #openForAppend(size: number): void {
    try {
      this.#fd = fs.openSync(this.path, "a");
    } catch (e) {
      throw new StoreError(`cannot open the session store ${this.path} for writing: ${describe(e)}`, this.path, { cause: e });
    }
    this.#syncer.attach(this.#fd);
    this.#fileBytes = size;
    this.#compactAt = Math.max(this.#options.compactAtBytes, 2 * size);
  }
}

function readIfAny(file: string): Uint8Array | undefined {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StoreError(`cannot read the session store ${file}: ${describe(e)}`, file, { cause: e });
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}

/** A rename is durable once its directory is synced (not possible on every platform: then skipped). */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or sync a directory; the rename is as durable as the platform makes it.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function sameState(a: r.StoreState, b: r.StoreState): boolean {
  return (
    a.sessionId === b.sessionId &&
    a.nextInSeq === b.nextInSeq &&
    a.nextOutSeq === b.nextOutSeq &&
    a.lease === b.lease &&
    a.lastAccountSequence === b.lastAccountSequence
  );
}

function positive(v: number | undefined, fallback: number, name: string): number {
  const n = v ?? fallback;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) throw new ArgumentError(`${name} must be a whole number ≥ 1, got ${String(v)}`);
  return n;
}
