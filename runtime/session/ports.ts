// The session's narrow interfaces: downward to whatever writes bytes (the
// client's link, which frames them), upward to whatever consumes payloads (a
// PayloadSink: the handler registry) and session events (a SessionListener).
import { ConnectionError, SmarketsError } from "../errors.js";
import type { IncomingPayload } from "../payload/incoming.js";
import type { Logger } from "./logger.js";
import type { SessionStatus } from "./status.js";

/** Where a session's outgoing bytes go (the client's connection). */
export interface SessionOutput {
  /**
   * Writes one payload (unframed). Payloads are written in seq order.
   * `urgent`: a session-layer reply or request that must go out now, after
   * anything queued before it; otherwise it may wait for the next flush.
   * The bytes are also kept for replays: do not modify them.
   */
  write(payload: Uint8Array, urgent: boolean): void;
}

/** Where the session hands each incoming payload, in seq order (the client's handler registry). */
export interface PayloadSink {
  /**
   * One incoming payload, in seq order, exactly once (gapfills are not
   * delivered). Returns true once it is processed; the incoming seq advances
   * past it only then. False: it was not processed and delivery stops at it —
   * the seq stays on it, so a later login resumes from it (the peer sends it
   * again). A sink that throws has its error reported, and the payload counts
   * as processed: nothing is delivered twice.
   */
  deliver(p: IncomingPayload): boolean;
}

/** Who hears a session's statuses and the problems that did not stop it. */
export interface SessionListener {
  /** A state change or session event. */
  status(s: SessionStatus): void;
  /** A problem that did not stop the session (bad payload, protocol breach, failed handler, …). */
  error(e: SmarketsError): void;
}

/** Any thrown value as a SmarketsError: write failures become ConnectionErrors. */
export function asSmarketsError(e: unknown, doing: string): SmarketsError {
  if (e instanceof SmarketsError) return e;
  const why = e instanceof Error ? e.message : String(e);
  return new ConnectionError(`${doing} failed: ${why}`, undefined, undefined, { cause: e });
}

/** Listeners `guardListener` made, so guarding one again (the core's guard of the session's) adds no layer. */
const guarded = new WeakSet<SessionListener>();

/** The listener with `status` and `error` made safe to call: what they throw is logged, not propagated. */
export function guardListener(listener: SessionListener, logger: Logger): SessionListener {
  if (guarded.has(listener)) return listener;
  const guard: SessionListener = {
    status(s) {
      try {
        listener.status(s);
      } catch (e) {
        logger.error({ err: e, status: s.state }, "session status listener threw");
      }
    },
    error(err) {
      try {
        listener.error(err);
      } catch (e) {
        logger.error({ err: e, reported: err }, "session error listener threw");
      }
    },
  };
  guarded.add(guard);
  return guard;
}
