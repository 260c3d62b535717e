// Where the tracker finds its records: by order id, by the reference that
// created them, and — for orders this client sent that the exchange has not
// answered — by reference and by payload seq. Records leave the index when
// forgotten (retention). Ids, references and seqs are keyed as numbers where
// exact (bigint-key.ts): every message about an order looks it up.
import { bigintKey } from "../../bigint-key.js";
import type { OrderRecord } from "./order-record.js";

type Key = number | bigint;

export class OrderIndex {
  /** Every record, oldest first. */
  readonly records = new Set<OrderRecord>();
  readonly #byId = new Map<Key, OrderRecord>();
  /** The latest record created with each reference. */
  readonly #byReference = new Map<Key, OrderRecord>();
  readonly #awaiting = new Map<Key, OrderRecord>();
  readonly #awaitingBySeq = new Map<Key, OrderRecord>();
  #nextKey = 1;

  byId(orderId: bigint): OrderRecord | undefined {
    return this.#byId.get(bigintKey(orderId));
  }

  byReference(reference: bigint): OrderRecord | undefined {
    return this.#byReference.get(bigintKey(reference));
  }

  /**
   * The awaiting order a reply to an order-create is about: by reference, or
   * by seq only when the reply has no reference (a seq alone may be an
   * earlier session's). A reply echoing the reference but another seq is
   * about an earlier attempt (refused for speed, then sent again): no one's.
   */
  awaited(m: { reference?: bigint | undefined; seq?: bigint | undefined }): OrderRecord | undefined {
    if (m.reference === undefined) return m.seq === undefined ? undefined : this.#awaitingBySeq.get(bigintKey(m.seq));
    const r = this.#awaiting.get(bigintKey(m.reference));
    const superseded = r?.seq !== undefined && m.seq !== undefined && r.seq !== m.seq;
    return superseded ? undefined : r;
  }

  /** Adds a record (filed by its id and reference where it has them). */
  add(r: OrderRecord): OrderRecord {
    if (r.key === 0) r.key = this.#nextKey++;
    else if (r.key >= this.#nextKey) this.#nextKey = r.key + 1; // a record restored from a store keeps its key
    this.records.add(r);
    if (r.reference !== undefined) this.#byReference.set(bigintKey(r.reference), r);
    if (r.orderId !== undefined) this.#byId.set(bigintKey(r.orderId), r);
    return r;
  }

  /** A record this client sent: also awaited by reference and seq. */
  await(r: OrderRecord): void {
    this.add(r);
    if (r.reference !== undefined) this.#awaiting.set(bigintKey(r.reference), r);
    if (r.seq !== undefined) this.#awaitingBySeq.set(bigintKey(r.seq), r);
  }

  /** The awaited record's order-create was sent again (refused for speed): it now awaits replies to `seq`. */
  resent(r: OrderRecord, seq: bigint): void {
    this.#unawait(r);
    r.seq = seq;
    this.await(r);
  }

  /** The record has an id now, or has ended: it is answered. */
  answered(r: OrderRecord): void {
    if (r.orderId !== undefined) this.#byId.set(bigintKey(r.orderId), r);
    this.#unawait(r);
  }

  /**
   * Its session was lost: still awaited by reference (the new session's
   * account events echo it), no longer by seq (the new session numbers from 1
   * again, and its seqs belong to new requests).
   */
  sessionLost(r: OrderRecord): void {
    deleteIf(this.#awaitingBySeq, r.seq, r);
  }

  forget(r: OrderRecord): void {
    this.records.delete(r);
    deleteIf(this.#byId, r.orderId, r);
    deleteIf(this.#byReference, r.reference, r);
    this.#unawait(r);
  }

  #unawait(r: OrderRecord): void {
    deleteIf(this.#awaiting, r.reference, r);
    deleteIf(this.#awaitingBySeq, r.seq, r);
  }
}

/** Removes `value`'s entry for `r`, if it is r's (a later record may have taken the key). */
function deleteIf(map: Map<Key, OrderRecord>, value: bigint | undefined, r: OrderRecord): void {
  if (value === undefined) return;
  const key = bigintKey(value);
  if (map.get(key) === r) map.delete(key);
}
