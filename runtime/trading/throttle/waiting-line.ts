// The requests waiting for the rate limit, in two lines: those the exchange
// refused for speed, to be sent again, go before every request never sent,
// so a refusal does not push a request behind later ones. Each line keeps
// its own order (refusals come back in the order the requests were sent).
export class WaitingLine<T> {
  readonly #resends = new Set<T>();
  readonly #fresh = new Set<T>();

  get size(): number {
    return this.#resends.size + this.#fresh.size;
  }

  /** Adds `item` at the back of its line: the resends' line when `resend`. */
  push(item: T, resend: boolean): void {
    (resend ? this.#resends : this.#fresh).add(item);
  }

  /** Takes `item` out wherever it waits; returns whether it was waiting. */
  delete(item: T): boolean {
    return this.#resends.delete(item) || this.#fresh.delete(item);
  }

  /** Takes out and returns the next item: the oldest resend, else the oldest fresh one. */
  shift(): T | undefined {
    const line = this.#resends.size > 0 ? this.#resends : this.#fresh;
    const next = line.values().next();
    if (next.done === true) return undefined;
    line.delete(next.value);
    return next.value;
  }
}
