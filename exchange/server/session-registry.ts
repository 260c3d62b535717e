// Every live session, by id and by account: account events go to all the
// sessions of an account, connected or waiting to be resumed.
import { randomUUID } from "node:crypto";
import type { ServerSession } from "./server-session.js";

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

  all(): readonly ServerSession[] {
    return [...this.#byId.values()];
  }

  get size(): number {
    return this.#byId.size;
  }
}
