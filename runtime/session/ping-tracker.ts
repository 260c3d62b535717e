// Pings waiting for their pong. Pongs carry no id: each answers the oldest
// ping still waiting. A ping waits until its pong, its time limit or the end
// of the connection, and no longer, so pings a peer never answers cannot pile
// up: one that times out leaves the line with its TimeoutError. One the
// caller aborted keeps its place until its time limit would have passed (its
// pong, if it comes, is then not taken for a later ping's); one aborted
// without a time limit leaves at once.
import type { Clock } from "../clock.js";
import type { SmarketsError } from "../errors.js";
import type { Awaitable } from "./awaitable.js";

interface Waiting {
  readonly call: Awaitable<number>;
  readonly sentAt: number;
  /** Clock time its time limit ends (Infinity: none). */
  readonly until: number;
}

export class PingTracker {
  #waiting: Waiting[] = [];

  constructor(readonly clock: Clock) {}

  /** Pings waiting for a pong (aborted ones keeping their place included). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** A ping was sent at `sentAt` (clock time) with a time limit of `timeoutMs`; `call` resolves with the round trip in ms. */
  sent(call: Awaitable<number>, sentAt: number, timeoutMs: number): void {
    this.#prune();
    this.#waiting.push({ call, sentAt, until: sentAt + timeoutMs });
  }

  /** A pong arrived; false if no ping was waiting. */
  pong(): boolean {
    this.#prune();
    const ping = this.#waiting.shift();
    if (ping === undefined) return false;
    ping.call.resolve(this.clock.now() - ping.sentAt);
    return true;
  }

  /** The caller gave up on `call`: it timed out (it leaves the line), or was aborted (see the file comment). */
  givenUp(call: Awaitable<number>, timedOut: boolean): void {
    const i = this.#waiting.findIndex((w) => w.call === call);
    if (i < 0) return;
    if (timedOut || this.#waiting[i]!.until === Infinity) this.#waiting.splice(i, 1);
  }

  /** The connection closed: no pong will come for any of them. */
  failAll(error: () => SmarketsError): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const ping of waiting) ping.call.reject(error());
  }

  /** Drops aborted pings whose time limit has passed. */
  #prune(): void {
    if (this.#waiting.length === 0) return;
    const now = this.clock.now();
    if (this.#waiting.some((w) => w.call.settled && w.until <= now)) this.#waiting = this.#waiting.filter((w) => !(w.call.settled && w.until <= now));
  }
}
