// Pings waiting for their pong. Pongs carry no id: each answers the oldest
// ping, so a ping the caller gave up on keeps its place and takes its pong.
import type { Clock } from "../clock.js";
import type { SmarketsError } from "../errors.js";
import type { Awaitable } from "./awaitable.js";

export class PingTracker {
  readonly #pending: { readonly call: Awaitable<number>; readonly sentAt: number }[] = [];

  constructor(readonly clock: Clock) {}

  /** A ping was sent at `sentAt` (clock time); `call` resolves with the round trip in ms. */
  sent(call: Awaitable<number>, sentAt: number): void {
    this.#pending.push({ call, sentAt });
  }

  /** A pong arrived; false if no ping was outstanding. */
  pong(): boolean {
    const ping = this.#pending.shift();
    if (ping === undefined) return false;
    ping.call.resolve(this.clock.now() - ping.sentAt);
    return true;
  }

  /** The connection closed: no pong will come for any of them. */
  failAll(error: () => SmarketsError): void {
    for (const ping of this.#pending.splice(0)) ping.call.reject(error());
  }
}
