// Answers the peer's replay request from the outgoing store: every payload
// from the requested seq upward is resent with is_replay = true, except
// login, login-response, replay and heartbeat, which are replaced by a
// gapfill at their seq (resending them would act on them twice). A seq the
// store no longer holds also gets a gapfill, with a warning: the peer is told
// the payload is gone rather than left waiting for it.
import * as eto from "../../generated/eto.js";
import { encodePayload, gapfillPayload, markReplay } from "../payload/encode.js";
import type { Logger } from "./logger.js";
import type { OutgoingStore } from "./outgoing-store.js";

const NEVER_RESENT: ReadonlySet<number | undefined> = new Set([
  eto.PayloadType.PAYLOAD_LOGIN,
  eto.PayloadType.PAYLOAD_LOGIN_RESPONSE,
  eto.PayloadType.PAYLOAD_REPLAY,
  eto.PayloadType.PAYLOAD_HEARTBEAT,
]);

export interface ReplayReport {
  /** First and last seq answered (to < from when there was nothing to replay). */
  readonly from: bigint;
  readonly to: bigint;
  readonly resent: number;
  readonly gapfilled: number;
  /** Seqs answered with a gapfill because the store no longer held them. */
  readonly lost: number;
}

/**
 * Writes the answer to a request for a replay from `requested`, given that
 * `next` is the seq our next new payload will get. Writes in seq order.
 */
export function serveReplay(
  requested: bigint,
  next: bigint,
  store: OutgoingStore,
  write: (bytes: Uint8Array) => void,
  logger: Logger,
): ReplayReport {
  let from = requested;
  if (from < 1n) {
    logger.warn({ requested }, "replay requested from a seq below 1: replaying from 1");
    from = 1n;
  }
  const to = next - 1n;
  if (from > to) {
    if (from > next) logger.warn({ requested, next }, "replay requested from a seq not sent yet: nothing to replay");
    return { from, to, resent: 0, gapfilled: 0, lost: 0 };
  }
  const oldest = store.oldestSeq();
  if (oldest === undefined || from < oldest) {
    const lostTo = oldest === undefined ? to : oldest - 1n;
    logger.warn(
      { requested: from, oldestHeld: oldest, lostFrom: from, lostTo },
      "replay reaches back past the outgoing store: those payloads are gone, sending gapfills for them",
    );
  }
  let resent = 0;
  let gapfilled = 0;
  let lost = 0;
  for (let seq = from; seq <= to; seq++) {
    const stored = store.get(seq);
    if (stored === undefined) {
      if (oldest === undefined || seq < oldest) lost++;
      gapfilled++;
      write(encodePayload(gapfillPayload(seq)));
    } else if (NEVER_RESENT.has(stored.etoType)) {
      gapfilled++;
      write(encodePayload(gapfillPayload(seq)));
    } else {
      resent++;
      write(markReplay(stored.bytes));
    }
  }
  return { from, to, resent, gapfilled, lost };
}
