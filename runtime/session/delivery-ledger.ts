// Where the session notes how far delivery may have gone, so that a process
// started after a crash knows which payloads it may be handing over a second
// time. The incoming seq is saved only now and then (a durable store saves it
// once per inbound chunk, after the handlers ran), so after a crash the
// payloads from the saved seq up to wherever the dead process got are sent
// again by the peer. Before delivering a payload at or past its lease, the
// session asks the ledger to extend the lease — durably — beyond it; a later
// process then flags every payload below the last lease as `redelivered`.
// The lease runs ahead in steps, so it costs one small write per many
// payloads, and the window flagged is at most a step beyond the crash.

/** Records, durably and ahead of delivery, up to which incoming seq payloads may have been delivered. */
export interface DeliveryLedger {
  /**
   * Payload `seq`, at or past the lease returned last, is about to be
   * delivered: make sure (durably, before returning) that the lease covers
   * it. Returns the new lease: payloads below it may be delivered without
   * asking again.
   */
  extendLease(seq: bigint): bigint;
  /**
   * The peer started a new stream (a new session, numbered afresh) after
   * everything delivered from the old one was saved: the lease starts over.
   * Returns the new lease (nothing leased yet).
   */
  restartLease(): bigint;
}

/** A lease no seq reaches: without a ledger, delivery never asks. */
export const NO_LEASE = 1n << 80n;
