// Where the session notes how far delivery may have gone, so that a process
// started after a crash knows which payloads it may be handing over a second
// time. A durable store saves the incoming seq once per inbound chunk, after
// the handlers of its payloads ran; a crash in the middle of a chunk leaves
// the payloads delivered since then unsaved, and the peer sends them again.
// So before delivering a payload at or past the lease, the session has the
// ledger extend the lease — durably — beyond it, and a later process flags
// every payload below the last lease `redelivered`. Each save of the seq
// brings the lease back to it (nothing beyond is delivered then), and each
// extension runs further ahead than the last (the file store doubles its
// step): a few small writes per chunk, and after a crash about as many
// payloads flagged that were not delivered before as were.

/** Records, durably and ahead of delivery, up to which incoming seq payloads may have been delivered. */
export interface DeliveryLedger {
  /** Payloads below this seq may be delivered without extending the lease. */
  readonly leaseEnd: bigint;
  /**
   * Payload `seq`, at or past `leaseEnd`, is about to be delivered: extend
   * the lease past it, durably, before returning. Throws if it cannot (the
   * payload is then not delivered).
   */
  extendLease(seq: bigint): void;
  /**
   * The peer started a new stream (a new session, numbered afresh) after
   * everything delivered from the old one was saved: the lease starts over.
   */
  restartLease(): void;
}
