// Every live session, by id and by account: account events go to all the
// sessions of an account, connected or waiting to be resumed. It also says
// what a new session needs to fit within the limits (per account and in
// all): which sessions waiting to be resumed must end first, oldest first.
import { randomUUID } from "node:crypto";
import type { ServerSession } from "./server-session.js";

export interface SessionLimits {
  readonly maxSessionsPerAccount: number;
  readonly maxSessions: number;
}

export class SessionRegistry {
  readonly #byId = new Map<string, ServerSession>();
  readonly #byAccount = new Map<number, Set<ServerSession>>();

  /** A fresh session id: unguessable, so one account cannot resume another's session. */
  newId(): string {
    return randomUUID();
  }

  add(session: ServerSession): void {
    this.#byId.set(session.id, session);
    let set = this.#byAccount.get(session.account.accountId);
    if (set === undefined) {
      set = new Set();
      this.#byAccount.set(session.account.accountId, set);
    }
    set.add(session);
  }

  remove(session: ServerSession): void {
    if (this.#byId.get(session.id) !== session) return;
    this.#byId.delete(session.id);
    const set = this.#byAccount.get(session.account.accountId);
    set?.delete(session);
    if (set?.size === 0) this.#byAccount.delete(session.account.accountId);
  }

  get(id: string): ServerSession | undefined {
    return this.#byId.get(id);
  }

  ofAccount(accountId: number): readonly ServerSession[] {
    return [...(this.#byAccount.get(accountId) ?? [])];
  }

  /** How many sessions the account has. */
  countOf(accountId: number): number {
    return this.#byAccount.get(accountId)?.size ?? 0;
  }

  all(): readonly ServerSession[] {
    return [...this.#byId.values()];
  }

  get size(): number {
    return this.#byId.size;
  }

  /**
   * The sessions to end so that one more session of `accountId` fits within
   * `limits`: those waiting longest to be resumed, first the account's own,
   * then anyone's. Undefined when not enough of them are waiting (the others
   * are connected: a new session must not push out a working one).
   */
  roomFor(accountId: number, limits: SessionLimits): ServerSession[] | undefined {
    const chosen: ServerSession[] = [];
    const pick = (candidates: readonly ServerSession[], count: number): boolean => {
      const waiting = candidates
        .filter((s) => s.waitingSince !== undefined && !chosen.includes(s))
        .sort((a, b) => (a.waitingSince as number) - (b.waitingSince as number));
      if (waiting.length < count) return false;
      chosen.push(...waiting.slice(0, count));
      return true;
    };
    const ownExcess = this.countOf(accountId) + 1 - limits.maxSessionsPerAccount;
    if (ownExcess > 0 && !pick(this.ofAccount(accountId), ownExcess)) return undefined;
    const excess = this.size - chosen.length + 1 - limits.maxSessions;
    if (excess > 0 && !pick(this.all(), excess)) return undefined;
    return chosen;
  }
}
