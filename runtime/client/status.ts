// The client's status stream: the session's states and events, plus what the
// client itself does about connections (connecting, reconnecting, closed).
import type { SessionStatus } from "../session/status.js";

/** One entry of `client.statuses()`: a session state or event, or what the client does about connections; narrow on `state`. */
export type ClientStatus =
  | SessionStatus
  /** Opening a connection to `host:port` (attempt 1 is the first). */
  | { readonly state: "connecting"; readonly host: string; readonly port: number; readonly attempt: number }
  /** The connection dropped; the next attempt starts after `delayMs`. */
  | { readonly state: "reconnecting"; readonly attempt: number; readonly delayMs: number; readonly cause?: unknown }
  /** The client is finished: logged out, closed by the user, or given up reconnecting. */
  | { readonly state: "closed"; readonly reason: string };

/** The `state` names a {@link ClientStatus} can have. */
export type ClientStatusState = ClientStatus["state"];
