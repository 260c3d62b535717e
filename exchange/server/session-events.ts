// How a session ended, and what a session tells the exchange about itself.
import type { IncomingPayload } from "../../runtime/payload/incoming.js";
import type { ServerSession } from "./server-session.js";

/**
 * - `logout`: the client logged out (confirmed);
 * - `heartbeat-timeout`: the client went silent and was logged out;
 * - `violation`: the client broke the protocol and was logged out;
 * - `expired`: the session was left without logout and not resumed in time;
 * - `evicted`: it was left without logout and ended early to make room for a
 *   new session (maxSessionsPerAccount, maxSessions);
 * - `shutdown`: the exchange is closing.
 */
export type SessionEnd = "logout" | "heartbeat-timeout" | "violation" | "expired" | "evicted" | "shutdown";

export interface SessionHost {
  /** A seto request, in seq order, once (eto payloads are the session's own business). */
  request(session: ServerSession, payload: IncomingPayload): void;
  /** The login was answered; resend account events from `accountSequence` when the client asked. */
  loggedIn(session: ServerSession, accountSequence: bigint | undefined): void;
  /** The connection went away without a logout: the session waits to be resumed. */
  dropped(session: ServerSession): void;
  /** The session is over; forget it. */
  ended(session: ServerSession, how: SessionEnd): void;
}
