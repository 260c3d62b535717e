// Sent requests awaiting replies, filed under their correlation keys. A reply
// is offered to the requests filed under the keys it carries, oldest first;
// the first that claims it is answered (or progresses) — or, for shared
// requests (subscribes to one market), every one that matches. Answered
// requests are unfiled at once, so a duplicate or replayed reply finds no
// one; what an answer does to its request is the requester's business.
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import { bigintKey } from "../../bigint-key.js";
import { key, type CorrelationKey, type KeyKind } from "./keys.js";
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

/** What is filed under one key: nearly always one request; a Set when several share the key (subscribes to one market). */
type Filed = AnyRequest | Set<AnyRequest>;

/** Keys to requests, one map per kind of key. */
class KeyTable {
  readonly #byKind = new Map<KeyKind, Map<number | bigint, Filed>>();

  get(k: CorrelationKey): Filed | undefined {
    return this.#byKind.get(k.kind)?.get(k.value);
  }

  add(k: CorrelationKey, request: AnyRequest): void {
    let table = this.#byKind.get(k.kind);
    if (table === undefined) this.#byKind.set(k.kind, (table = new Map()));
    const filed = table.get(k.value);
    if (filed === undefined) table.set(k.value, request);
    else if (filed instanceof Set) filed.add(request);
    else if (filed !== request) table.set(k.value, new Set([filed, request]));
  }

  remove(k: CorrelationKey, request: AnyRequest): void {
    const table = this.#byKind.get(k.kind);
    const filed = table?.get(k.value);
    if (filed === request) {
      table!.delete(k.value);
    } else if (filed instanceof Set) {
      filed.delete(request);
      if (filed.size === 0) table!.delete(k.value);
    }
  }
}

export class RequestRegistry {
  readonly #byKey = new KeyTable();
  readonly #keysOf = new Map<AnyRequest, CorrelationKey[]>();
  /** References of requests filed or about to be, so a reference is never shared by two awaiting requests. */
  readonly #references = new Set<number | bigint>();

  get size(): number {
    return this.#keysOf.size;
  }

  /** Whether `reference` is held by a request that has not settled. */
  holds(reference: bigint): boolean {
    return this.#references.has(bigintKey(reference));
  }

  /** Holds `reference` for a request not yet sent (so a second request cannot take it meanwhile). */
  reserve(reference: bigint): void {
    this.#references.add(bigintKey(reference));
  }

  release(reference: bigint | undefined): void {
    if (reference !== undefined) this.#references.delete(bigintKey(reference));
  }

  /** Files a sent request under its keys and its seq. */
  file(request: AnyRequest, seq: bigint): void {
    const keys = [...request.spec.keys, key.seq(seq)];
    this.#keysOf.set(request, keys);
    for (const k of keys) this.#byKey.add(k, request);
  }

  unfile(request: AnyRequest): void {
    const keys = this.#keysOf.get(request);
    this.release(request.spec.reference);
    if (keys === undefined) return;
    this.#keysOf.delete(request);
    for (const k of keys) this.#byKey.remove(k, request);
  }

  /**
   * Offers `event` to the requests filed under the keys it carries
   * (`keysOf`, asked only if anything is filed); returns those it answers for
   * good, unfiled now (a progress reply leaves its request filed).
   */
  answers(event: IncomingEvent, keysOf: (reply: never) => readonly CorrelationKey[]): readonly Answer[] {
    // Replies arriving with nothing filed cost no allocation.
    if (this.#keysOf.size === 0) return NO_ANSWERS;
    const keys = (keysOf as (reply: unknown) => readonly CorrelationKey[])(event.message);
    let out: Answer[] | undefined;
    /** Requests already offered the reply (a request is filed under several of the keys a reply carries). */
    let seen: AnyRequest[] | undefined;
    for (const k of keys) {
      const filed = this.#byKey.get(k);
      if (filed === undefined) continue;
      // A copy of a shared key's requests: unfiling changes the set being walked.
      for (const request of filed instanceof Set ? [...filed] : [filed]) {
        if (seen?.includes(request) === true) continue;
        (seen ??= []).push(request);
        const seq = request.seq;
        if (seq === undefined) continue;
        const read = request.spec.replies[event.name] as AnyReader | undefined;
        const verdict = read === undefined ? undefined : read(event.message, seq);
        if (verdict === undefined) continue;
        if (!("progress" in verdict)) {
          this.unfile(request);
          (out ??= []).push({ request, verdict });
        }
        if (request.spec.shared !== true) return out ?? NO_ANSWERS;
      }
    }
    return out ?? NO_ANSWERS;
  }

  /** Unfiles and returns every filed request (the session is gone). */
  drain(): AnyRequest[] {
    const all = [...this.#keysOf.keys()];
    for (const request of all) this.unfile(request);
    return all;
  }
}
