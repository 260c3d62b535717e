// The client's side of its SessionStore, apart from the client's API: opening
// the store (what it held decides where the session resumes), saving the
// session's state at each commit point, forgetting a session that ended, and
// releasing the store when the client is finished. With the in-memory store
// (not durable) every call here is a no-op but `close()`.
import { ArgumentError, SmarketsError } from "../errors.js";
import type { Logger } from "../logging/index.js";
import type { ResumeState } from "../session/session.js";
import type { ResolvedSessionSettings, SessionSettings } from "../session/settings.js";
import { StoreError } from "../store/errors.js";
import { storeIdentity } from "../store/identity.js";
import type { SavedSession, SessionStore } from "../store/session-store.js";
import { OrderJournal } from "../trading/orders/order-journal.js";

/** What the keeper reads at each commit, and how it reports and stops: the client's session and trading layer. */
export interface StoreKeeperPort {
  readonly resumeState: ResumeState;
  /** The seq delivery halted at (onHandlerError "stop"), while the session holds it. */
  readonly haltedAt: bigint | undefined;
  readonly lastAccountSequence: bigint | undefined;
  report(e: SmarketsError): void;
  /** Ends the client because the store failed (asynchronously: a commit runs inside a socket write or a delivery). */
  stop(why: string): void;
}

/** Opens a client's store and saves the session to it at the client's commit points. */
export class StoreKeeper {
  readonly store: SessionStore;
  /** What the store held when opened (durable stores only). */
  readonly restored: SavedSession | undefined;
  /** The trading layer's changes since the last commit (durable stores only). */
  readonly journal: OrderJournal | undefined;
  #committing: boolean;
  #port: StoreKeeperPort | undefined;
  /** The seq delivery stopped at, kept once the session forgot it (the connection went). */
  #stoppedAt: bigint | undefined;

  /** Opens `store` (a durable one reads what it holds: it throws on a damaged or foreign file). */
  constructor(store: SessionStore, settings: ResolvedSessionSettings, logger: Logger) {
    this.store = store;
    const durable = store.durable;
    this.restored = durable ? store.open(storeIdentity(settings)) : undefined;
    this.#committing = durable;
    this.journal = durable ? new OrderJournal() : undefined;
    const r = this.restored?.recovered;
    if (r !== undefined) {
      logger.warn(
        { offset: r.offset, droppedBytes: r.droppedBytes },
        `the session store's last record was cut short by a crash (${r.why}): dropped ${r.droppedBytes} bytes at offset ${r.offset}; resuming from the records before it`,
      );
    }
  }

  get durable(): boolean {
    return this.journal !== undefined;
  }

  /** Connects the keeper to what it saves; before the first commit. */
  attach(port: StoreKeeperPort): void {
    this.#port = port;
  }

  /**
   * The settings the session starts from: with a store that held a session,
   * its id and seqs (given in the settings as well, they would contradict it:
   * ArgumentError); with one that held only our orders, a login that asks
   * for the account's events since the last one applied.
   */
  resumeSettings(settings: SessionSettings, given: ResolvedSessionSettings): SessionSettings {
    const saved = this.restored;
    if (saved === undefined) return settings;
    if (given.sessionId !== undefined || given.accountSequence !== undefined) {
      throw new ArgumentError(
        `the store ${this.describe()} already holds this client's session state: do not also give sessionId, inSeq, outSeq or accountSequence`,
      );
    }
    if (saved.sessionId === undefined) {
      return saved.lastAccountSequence === undefined ? given : { ...given, accountSequence: saved.lastAccountSequence + 1n };
    }
    return { ...given, sessionId: saved.sessionId, inSeq: saved.nextInSeq, outSeq: saved.nextOutSeq };
  }

  /**
   * Saves the session's state (the link calls this at the end of each inbound
   * chunk and before every socket write). A store that fails stops the
   * client: nothing may be sent that the store does not hold. Throws the
   * StoreError, so the link sends nothing.
   */
  commit(): void {
    if (!this.#committing) return;
    const port = this.#port!;
    const changes = this.journal!.take();
    const r = port.resumeState;
    // A payload delivery stopped at (its handlers partly ran) stays so once the connection is gone and the session forgot the halt.
    const halted = (this.#stoppedAt = port.haltedAt ?? this.#stoppedAt);
    try {
      this.store.commit({
        sessionId: r.sessionId,
        nextInSeq: r.nextInSeq,
        deliveredBelow: halted === undefined || halted < r.nextInSeq ? r.nextInSeq : halted + 1n,
        nextOutSeq: r.nextOutSeq,
        lastAccountSequence: port.lastAccountSequence,
        orders: changes.orders,
        forgotten: changes.forgotten,
      });
    } catch (e) {
      const error = this.#storeError("saving the session state failed", e);
      this.#committing = false;
      port.report(error);
      port.stop(`the session store failed: ${error.message}`);
      throw error;
    }
  }

  /** After a confirmed logout: the store keeps our orders and account sequence, not the ended session. */
  forgetSession(): void {
    if (!this.#committing) return;
    const port = this.#port!;
    this.store.clear();
    try {
      this.store.commit({
        sessionId: undefined,
        nextInSeq: 1n,
        nextOutSeq: 1n,
        lastAccountSequence: port.lastAccountSequence,
        ...this.journal!.take(),
      });
    } catch (e) {
      port.report(this.#storeError("saving the session state failed", e));
    }
    this.#committing = false;
  }

  /** The last commit, then the store is released (the client is finished). */
  close(): void {
    if (this.#committing) {
      try {
        this.commit();
      } catch {
        // Reported by commit().
      }
    }
    this.#committing = false;
    try {
      this.store.close();
    } catch (e) {
      this.#port?.report(this.#storeError("closing the session store failed", e));
    }
  }

  /** The store named in messages: its file, if it has one. */
  describe(): string {
    const file = (this.store as { path?: unknown }).path;
    return typeof file === "string" ? file : "(in memory)";
  }

  #storeError(what: string, e: unknown): SmarketsError {
    return e instanceof SmarketsError ? e : new StoreError(`${what}: ${String(e)}`, this.describe(), { cause: e });
  }
}
