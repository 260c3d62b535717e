// The session's two narrow interfaces: downward to whatever writes bytes (the
// client, which frames them), upward to whatever consumes payloads and events.
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

/** Who hears a session's payloads, statuses and errors. */
export interface SessionListener {
  /**
   * An incoming payload, in seq order, exactly once (gapfills excepted). If
   * this throws, the payload is not acknowledged: it is delivered again (see
   * inbound-flow.ts for the policy).
   */
  payload(p: IncomingPayload): void;
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
    payload: (p) => listener.payload(p),
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
