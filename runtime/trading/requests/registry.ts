// Sent requests awaiting replies, filed under their correlation keys. A reply
// is offered to the requests filed under the keys it carries, oldest first;
// the first that claims it is answered (or progresses) — or, for shared
// requests (subscribes to one market), every one that matches. Answered
// requests are unfiled at once, so a duplicate or replayed reply finds no
// one; what an answer does to its request is the requester's business.
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import { key, type CorrelationKey } from "./keys.js";
import type { PendingRequest } from "./pending-request.js";
import type { FinalVerdict, Verdict } from "./request-spec.js";

type AnyRequest = PendingRequest<unknown>;
type AnyReader = (reply: unknown, seq: bigint) => Verdict<unknown> | undefined;

/** A request a reply answered for good, and how. */
export interface Answer {
  readonly request: AnyRequest;
  readonly verdict: FinalVerdict<unknown>;
}

const NO_ANSWERS: readonly Answer[] = [];

export class RequestRegistry {
  readonly #byKey = new Map<CorrelationKey, Set<AnyRequest>>();
  readonly #keysOf = new Map<AnyRequest, CorrelationKey[]>();
  /** References of requests filed or about to be, so a reference is never shared by two awaiting requests. */
  readonly #references = new Set<bigint>();

  get size(): number {
    return this.#keysOf.size;
  }

  /** Whether `reference` is held by a request that has not settled. */
  holds(reference: bigint): boolean {
    return this.#references.has(reference);
  }

  /** Holds `reference` for a request not yet sent (so a second request cannot take it meanwhile). */
  reserve(reference: bigint): void {
    this.#references.add(reference);
  }

  release(reference: bigint | undefined): void {
    if (reference !== undefined) this.#references.delete(reference);
  }

  /** Files a sent request under its keys and its seq. */
  file(request: AnyRequest, seq: bigint): void {
    const keys = [...request.spec.keys, key.seq(seq)];
    this.#keysOf.set(request, keys);
    for (const k of keys) {
      let set = this.#byKey.get(k);
      if (set === undefined) this.#byKey.set(k, (set = new Set()));
      set.add(request);
    }
  }

  unfile(request: AnyRequest): void {
    const keys = this.#keysOf.get(request);
    this.release(request.spec.reference);
    if (keys === undefined) return;
    this.#keysOf.delete(request);
    for (const k of keys) {
      const set = this.#byKey.get(k);
      set?.delete(request);
      if (set?.size === 0) this.#byKey.delete(k);
    }
  }

  /**
   * Offers `event` to the requests filed under the keys it carries
   * (`keysOf`, asked only if anything is filed); returns those it answers for
   * good, unfiled now (a progress reply leaves its request filed).
   */
  answers(event: IncomingEvent, keysOf: (reply: never) => readonly CorrelationKey[]): readonly Answer[] {
    // Replies arriving with nothing filed cost no allocation.
    if (this.#byKey.size === 0) return NO_ANSWERS;
    const keys = (keysOf as (reply: unknown) => readonly CorrelationKey[])(event.message);
    if (keys.length === 0) return NO_ANSWERS;
    const seen = new Set<AnyRequest>();
    const out: Answer[] = [];
    for (const k of keys) {
      const set = this.#byKey.get(k);
      if (set === undefined) continue;
      // A copy: unfiling changes the set being walked.
      for (const request of [...set]) {
        if (seen.has(request)) continue;
        seen.add(request);
        const seq = request.seq;
        if (seq === undefined) continue;
        const read = request.spec.replies[event.name] as AnyReader | undefined;
        const verdict = read === undefined ? undefined : read(event.message, seq);
        if (verdict === undefined) continue;
        if (!("progress" in verdict)) {
          this.unfile(request);
          out.push({ request, verdict });
        }
        if (request.spec.shared !== true) return out;
      }
    }
    return out;
  }

  /** Unfiles and returns every filed request (the session is gone). */
  drain(): AnyRequest[] {
    const all = [...this.#keysOf.keys()];
    for (const request of all) this.unfile(request);
    return all;
  }
}
