// Counts by kind (faults injected, outcomes of calls, errors reported), and
// their one-line rendering for reports: "reset 4, stall 3".
export class Tally {
  readonly #counts = new Map<string, number>();

  add(kind: string, n = 1): void {
    this.#counts.set(kind, (this.#counts.get(kind) ?? 0) + n);
  }

  /** Adds every count of `other` (e.g. a worker's tally into the run's). */
  merge(other: Tally | Readonly<Record<string, number>>): void {
    const entries = other instanceof Tally ? other.entries() : Object.entries(other);
    for (const [kind, n] of entries) this.add(kind, n);
  }

  get(kind: string): number {
    return this.#counts.get(kind) ?? 0;
  }

  get total(): number {
    let sum = 0;
    for (const n of this.#counts.values()) sum += n;
    return sum;
  }

  /** Kinds with their counts, most frequent first (ties by name). */
  entries(): [string, number][] {
    return [...this.#counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries(this.#counts);
  }

  /** "a 3, b 1" (or `none`). */
  format(none = "none"): string {
    const e = this.entries();
    return e.length === 0 ? none : e.map(([k, n]) => `${k} ${n}`).join(", ");
  }
}
