// The session's state kept beyond one process, behind one pluggable interface
// (as MQTT.js keeps in-flight messages in a pluggable store, and QuickFIX/J a
// FIX session in a FileStore): the session id, both seqs, the payloads sent
// (for the peer's replay requests), how far delivery may have gone, and what
// the trading layer knows of our orders. A new client given the same store
// after a crash — kill -9 included — resumes the session where it was.
//
// The client writes to it at commit points: at the end of each inbound chunk
// (after the handlers of its payloads ran, so the incoming seq saved never
// passes a payload whose handlers did not finish) and before any byte goes to
// the socket (so a payload the peer may have seen is always in the store, and
// its seq is never used again for another). A store that keeps nothing past
// the process (`durable: false`) is never asked to commit.
import type { DeliveryLedger } from "../session/delivery-ledger.js";
import type { OutgoingStore } from "../session/outgoing-store.js";
import type { SavedOrder } from "../trading/orders/saved-order.js";

export type { SavedOrder };

/** Whose session a store holds: a store opened for another is refused (StoreForeignError). */
export interface StoreIdentity {
  /** The account: its user name, or for a token login a digest of the token (never the token). */
  readonly account: string;
  readonly host: string;
  readonly port: number;
  /** The protocol versions the stored payloads are encoded in, e.g. "seto smk_api_common v6.6.0; eto eto_common v1.2.3". */
  readonly protocol: string;
}

/** What a store held when it was opened: where the session was when the last process saved it. */
export interface SavedSession {
  /** The session to resume; undefined when none was established. */
  readonly sessionId: string | undefined;
  readonly nextInSeq: bigint;
  readonly nextOutSeq: bigint;
  /**
   * Incoming payloads below this seq (and from `nextInSeq`) may have been
   * delivered by the process that saved the state: when they come again they
   * are flagged `redelivered`.
   */
  readonly deliveredBelow: bigint;
  /** The last account sequence the trading layer applied. */
  readonly lastAccountSequence: bigint | undefined;
  /** Our orders, oldest first: those awaiting an answer (sent, not answered) and those known. */
  readonly orders: readonly SavedOrder[];
  /** Set when the last record was cut short or damaged (a crash in mid-write) and dropped: what was dropped. */
  readonly recovered: StoreRecovery | undefined;
}

/** A last record dropped when the store was opened: what a crash in mid-write leaves. */
export interface StoreRecovery {
  /** Offset of the record dropped: the file now ends there. */
  readonly offset: number;
  /** Bytes dropped. */
  readonly droppedBytes: number;
  readonly why: string;
}

/** What a commit saves: the session's state now, and the orders that changed since the last commit. */
export interface SessionSnapshot {
  readonly sessionId: string | undefined;
  readonly nextInSeq: bigint;
  /**
   * Payloads below this were delivered (at least in part): `nextInSeq`, or
   * one more when delivery stopped at a payload whose handlers partly ran
   * (onHandlerError "stop"), which then comes again flagged `redelivered`.
   * Default `nextInSeq`.
   */
  readonly deliveredBelow?: bigint;
  readonly nextOutSeq: bigint;
  readonly lastAccountSequence: bigint | undefined;
  /** Orders changed (or first seen) since the last commit. */
  readonly orders: readonly SavedOrder[];
  /** Keys of orders the tracker no longer keeps. */
  readonly forgotten: readonly number[];
}

/**
 * Where a client keeps its session state (pluggable: {@link MemorySessionStore}
 * for a process's lifetime, {@link FileSessionStore} to survive a crash). It
 * is the session's outgoing store and its delivery ledger too.
 */
export interface SessionStore extends OutgoingStore, DeliveryLedger {
  /** Whether it keeps anything past the process; the client commits only to a durable store. */
  readonly durable: boolean;
  /**
   * Opens the store for `identity` and returns what it held (undefined:
   * nothing; a new session starts). Called once, by the client, before
   * anything else. Throws StoreForeignError for a store of another account,
   * host or protocol, StoreCorruptError for a damaged one, StoreError when it
   * cannot be read or locked.
   */
  open(identity: StoreIdentity): SavedSession | undefined;
  /** Saves `snapshot` and every payload put since the last commit; durable (as its policy says) when it returns. Throws StoreError. */
  commit(snapshot: SessionSnapshot): void;
  /** Saves what is pending and releases the store (its lock, its file); nothing is saved after this. */
  close(): void;
}
