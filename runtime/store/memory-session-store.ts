// The store a client uses unless given another: the sent payloads in memory,
// bounded as the in-memory outgoing store is, and nothing else kept. It
// lives and dies with the process, so the client never commits to it and
// delivery never asks it for a lease: the hot path pays nothing for it.
import { MemoryOutgoingStore } from "../session/outgoing-store.js";
import { SESSION_DEFAULTS } from "../session/settings.js";
import type { SavedSession, SessionSnapshot, SessionStore } from "./session-store.js";

/** Above every seq (seqs are unsigned 64-bit). */
const MAX_SEQ = 1n << 64n;

/** A {@link SessionStore} in memory: payloads kept for replays (bounded by count and bytes), nothing kept past the process. */
export class MemorySessionStore extends MemoryOutgoingStore implements SessionStore {
  readonly durable = false;

  /** `capacity` payloads and `maxBytes` bytes at most (defaults: `outgoingStoreSize`, `outgoingStoreBytes`). */
  constructor(capacity: number = SESSION_DEFAULTS.outgoingStoreSize, maxBytes: number = SESSION_DEFAULTS.outgoingStoreBytes) {
    super(capacity, maxBytes);
  }

  /** Holds nothing from an earlier process. */
  open(): SavedSession | undefined {
    return undefined;
  }

  /** Nothing to save: the client does not call it. */
  commit(_snapshot: SessionSnapshot): void {}

  close(): void {}

  /** Never reached: the client gives delivery no ledger for a store that is not durable. */
  readonly leaseEnd = MAX_SEQ;

  extendLease(): void {}

  restartLease(): void {}
}
