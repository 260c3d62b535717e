// Every awaitable call a run makes, and how each settled: resolved, or
// rejected with which typed error. A call settled twice, never, or with an
// error that is not a SmarketsError is a violation.
import { SmarketsError } from "../../runtime/errors.js";
import { Tally } from "../common/tally.js";

export class RequestLedger {
  /** "placeOrder: ok", "cancelOrder: OrderCancelRejectedError", … */
  readonly outcomes = new Tally();
  readonly untyped: string[] = [];
  readonly twice: string[] = [];
  #started = 0;
  #settled = 0;
  readonly #pending = new Map<number, string>();

  get started(): number {
    return this.#started;
  }

  get settled(): number {
    return this.#settled;
  }

  /** Calls not settled yet, by name. */
  pending(): string[] {
    return [...this.#pending.values()];
  }

  /**
   * Tracks `promise` as call `name`; resolves with its value, or undefined
   * when it rejected (the rejection is recorded, never rethrown).
   */
  async track<T>(name: string, promise: Promise<T>): Promise<T | undefined> {
    const id = this.#started++;
    this.#pending.set(id, name);
    let value: T | undefined;
    let outcome: string;
    try {
      value = await promise;
      outcome = "ok";
    } catch (e) {
      outcome = e instanceof SmarketsError ? e.name : "untyped";
      // The exchange's refusals say why: "OrderRejectedError(ORDER_REJECTED_INSUFFICIENT_FUNDS)".
      const reason = (e as { reasonName?: unknown }).reasonName;
      if (typeof reason === "string") outcome += `(${reason})`;
      if (!(e instanceof SmarketsError) && this.untyped.length < 20) this.untyped.push(`${name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    }
    if (!this.#pending.delete(id)) {
      if (this.twice.length < 20) this.twice.push(`${name} (call ${id}) settled twice`);
    } else this.#settled++;
    this.outcomes.add(`${name}: ${outcome}`);
    return value;
  }
}
