// Payloads received, and waiters for them: `take` claims the first payload
// not claimed yet that matches, waiting for one to arrive if none has.
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";

interface Waiter {
  readonly match: (p: IncomingPayload) => boolean;
  readonly resolve: (p: IncomingPayload) => void;
}

export class Inbox {
  readonly all: IncomingPayload[] = [];
  readonly #claimed = new Set<IncomingPayload>();
  #waiters: Waiter[] = [];

  push(p: IncomingPayload): void {
    this.all.push(p);
    for (const w of this.#waiters) {
      if (!this.#claimed.has(p) && w.match(p)) {
        this.#claimed.add(p);
        this.#waiters = this.#waiters.filter((x) => x !== w);
        w.resolve(p);
        return;
      }
    }
  }

  take(match: (p: IncomingPayload) => boolean): Promise<IncomingPayload> {
    const found = this.all.find((p) => !this.#claimed.has(p) && match(p));
    if (found !== undefined) {
      this.#claimed.add(found);
      return Promise.resolve(found);
    }
    return new Promise((resolve) => this.#waiters.push({ match, resolve }));
  }
}
